// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';

  // Filter selects apply at once, so a reviewer need not look for the button after each choice.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.form.requestSubmit) {
        select.form.requestSubmit();
      } else {
        select.form.submit();
      }
    });
  });

  // Leave unused filters out of the address: "/?q=会议" rather than "/?q=会议&unit=&category=&year=&type=".
  document.querySelectorAll('form[data-drop-empty]').forEach(function (form) {
    form.addEventListener('formdata', function (e) {
      Array.from(e.formData.keys()).forEach(function (key) {
        if (e.formData.get(key) === '') {
          e.formData.delete(key);
        }
      });
    });
  });

  // The server turns away oversized files only after the whole upload; say so before sending it.
  // (A form that takes several files is sent file by file by upload.js, which checks each.)
  var upload = document.getElementById('upload-form');
  if (upload && !upload.hasAttribute('data-multi')) {
    var max = Number(upload.getAttribute('data-max-bytes'));
    var box = document.getElementById('size-error');
    var button = document.getElementById('upload-submit');
    upload.addEventListener('submit', function (e) {
      var file = upload.querySelector('input[type=file]').files[0];
      if (file && max > 0 && file.size > max) {
        e.preventDefault();
        box.textContent = '文件超过大小上限（' + Math.round(max / 1048576) + ' MB），请压缩或拆分后再上传。';
        box.hidden = false;
        return;
      }
      box.hidden = true;
      button.disabled = true;
      button.textContent = '正在上传…';
    });
    var label = button.textContent;
    // Coming back with the browser's back button restores the page as it was left: busy.
    window.addEventListener('pageshow', function () {
      button.disabled = false;
      button.textContent = label;
    });
  }

  // Deleting, purging and revoking ask first. Without JavaScript the form simply submits: the
  // recycle bin still catches a deletion, and a purge is only offered to administrators.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        e.preventDefault();
      }
    });
  });

  // A preview that cannot be made removes its figure rather than showing a broken image. (The
  // content security policy forbids inline onerror handlers, hence here.)
  document.querySelectorAll('img[data-remove-on-error]').forEach(function (img) {
    var drop = function () {
      var figure = img.closest('figure');
      if (figure) {
        figure.remove();
      }
    };
    if (img.complete && img.naturalWidth === 0 && img.getAttribute('src')) {
      drop();
    } else {
      img.addEventListener('error', drop);
    }
  });
})();
