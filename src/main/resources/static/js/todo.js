// The to-do list: 全选本页 ticks every document on the page, and the bar counts what is ticked.
// Without this file each document is ticked by hand and 通过所选 works the same; the content
// security policy forbids inline scripts, hence a file.
(function () {
  'use strict';

  var form = document.getElementById('batch-form');
  if (!form) {
    return;
  }
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name=ids]'));
  var all = document.getElementById('select-all');
  var count = document.getElementById('batch-count');
  var button = document.getElementById('batch-accept');

  function update() {
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    count.textContent = ticked ? '已选 ' + ticked + ' 份' : '';
    button.disabled = ticked === 0;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  all.closest('label').hidden = false;
  all.addEventListener('change', function () {
    boxes.forEach(function (b) { b.checked = all.checked; });
    update();
  });
  boxes.forEach(function (b) { b.addEventListener('change', update); });
  form.addEventListener('submit', function (e) {
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    if (ticked === 0 || !window.confirm('通过所选的 ' + ticked + ' 份材料？每份都会记入审计日志。')) {
      e.preventDefault();
      return;
    }
    button.disabled = true;
    button.textContent = '正在处理…';
  });
  // Back from the next page, the browser may restore ticks it remembers: count them again.
  window.addEventListener('pageshow', function () {
    button.textContent = '通过所选';
    update();
  });
  update();
})();
