// The document page opened from a search: step through the marked hits with 上一处 / 下一处.
// Without this file the bar's buttons and numbers are plain links to #hit-1 … #hit-N, which work
// on their own; the content security policy forbids inline scripts, hence a file.
(function () {
  'use strict';

  var nav = document.getElementById('hit-nav');
  var text = document.getElementById('text');
  if (!nav || !text) {
    return;
  }
  // Document order is the numbering order (hit-1, hit-2, …).
  var marks = Array.prototype.slice.call(text.querySelectorAll('mark.hit'));
  var total = marks.length;
  if (total === 0) {
    return;
  }
  var position = document.getElementById('hit-position');
  var prev = document.getElementById('hit-prev');
  var next = document.getElementById('hit-next');
  var current = 0;

  nav.classList.add('enhanced');

  function fromHash() {
    var m = /^#hit-(\d+)$/.exec(window.location.hash);
    var n = m ? Number(m[1]) : 0;
    return n >= 1 && n <= total ? n : 0;
  }

  function wrap(n) {
    return ((n - 1 + total) % total) + 1;
  }

  // Scrolls the text box (not the page) so that the mark is in its upper third.
  function revealInsideText(mark) {
    var offset = mark.getBoundingClientRect().top - text.getBoundingClientRect().top;
    text.scrollTop += offset - text.clientHeight / 3;
  }

  function select(n) {
    if (current) {
      marks[current - 1].classList.remove('current');
      marks[current - 1].removeAttribute('aria-current');
    }
    current = n;
    var mark = marks[n - 1];
    mark.classList.add('current');
    mark.setAttribute('aria-current', 'true');
    position.textContent = '第 ' + n + ' / ' + total + ' 处';
    prev.setAttribute('href', '#hit-' + wrap(n - 1));
    next.setAttribute('href', '#hit-' + wrap(n + 1));
    return mark;
  }

  function go(n) {
    var mark = select(n);
    mark.scrollIntoView({block: 'center', inline: 'nearest'});
    // The address follows, so reloading or sharing it returns to this hit; replaceState keeps the back button for leaving.
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, '', '#hit-' + n);
    }
  }

  prev.addEventListener('click', function (e) {
    e.preventDefault();
    go(wrap(current - 1));
  });
  next.addEventListener('click', function (e) {
    e.preventDefault();
    go(wrap(current + 1));
  });

  // A plain link to #hit-n (跳到第 1 处, or an address with a fragment): the browser scrolls, we follow.
  window.addEventListener('hashchange', function () {
    var n = fromHash();
    if (n) {
      select(n);
    }
  });

  // Clicking a mark makes it the current one, so the next step starts from where the reader is.
  text.addEventListener('click', function (e) {
    var mark = e.target.closest ? e.target.closest('mark.hit') : null;
    var i = marks.indexOf(mark);
    if (i >= 0) {
      select(i + 1);
    }
  });

  var start = fromHash();
  if (start) {
    select(start);
  } else {
    // Ready at the first hit without moving the page: the text box shows it when the reader gets there.
    revealInsideText(select(1));
  }
})();
