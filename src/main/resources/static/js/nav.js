// On a phone the main navigation folds behind the 菜单 button, so that a page starts near the top
// of the screen rather than under three rows of links. Runs as the header is read, before the page
// is drawn. Without this script the button stays hidden and the navigation open.
(function () {
  'use strict';

  var header = document.querySelector('.site-header');
  var button = document.getElementById('nav-toggle');
  if (!header || !button) {
    return;
  }
  header.classList.add('nav-folds');
  button.hidden = false;
  button.addEventListener('click', function () {
    var open = header.classList.toggle('nav-open');
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '收起' : '菜单';
  });
})();
