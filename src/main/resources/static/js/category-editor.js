// The category table (/admin/categories): add, remove and reorder rows. Order matters, since the
// first category whose keyword matches decides. Without this script the rows can still be edited
// and saved; the server checks everything.
(function () {
  'use strict';

  var body = document.getElementById('category-rows');
  if (!body) {
    return;
  }

  function button(label, title, onClick, className) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    if (className) {
      b.className = className;
    }
    b.addEventListener('click', onClick);
    return b;
  }

  function renumber() {
    Array.prototype.forEach.call(body.rows, function (row, i) {
      row.querySelector('.order').textContent = String(i + 1);
      var tools = row.querySelector('.category-tools');
      tools.textContent = '';
      tools.appendChild(button('↑', '上移', function () {
        if (row.previousElementSibling) {
          body.insertBefore(row, row.previousElementSibling);
          renumber();
        }
      }));
      tools.appendChild(button('↓', '下移', function () {
        if (row.nextElementSibling) {
          body.insertBefore(row.nextElementSibling, row);
          renumber();
        }
      }));
      tools.appendChild(button('删除', '删除此类别', function () {
        row.remove();
        renumber();
      }, 'danger remove-category'));
    });
  }

  var add = button('添加类别', '添加类别', function () {
    var row = document.createElement('tr');
    row.className = 'category-row';
    row.innerHTML = '<td class="num order"></td>'
      + '<td><input type="text" name="name" class="category-name" maxlength="50" aria-label="名称"></td>'
      + '<td><input type="text" name="keywords" class="category-keywords" aria-label="识别关键词"></td>'
      + '<td><code>（保存时生成）</code><input type="hidden" name="code" value=""></td>'
      + '<td><div class="row-actions category-tools"></div></td>';
    body.appendChild(row);
    renumber();
    row.querySelector('.category-name').focus();
  });
  add.id = 'add-category';
  document.getElementById('categories').insertAdjacentElement('afterend', add);
  renumber();
})();
