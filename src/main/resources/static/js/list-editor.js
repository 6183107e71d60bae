// The evaluation-system editor (/admin/lists/edit). The system travels as a draft (plain values,
// as the server's SystemDraft): this script draws it as a form, keeps the draft current as people
// type, and sends it to /api/admin/lists/… to preview its effect, show it as YAML or save it. The
// server alone decides what is valid; its answer names the place (“指标 Ⅱ-3 的材料要求第2条”),
// which is shown and, where it names an indicator, marked in the form.
(function () {
  'use strict';

  var root = document.getElementById('list-editor');
  if (!root) {
    return;
  }
  var editing = JSON.parse(root.getAttribute('data-editing'));
  var options = JSON.parse(root.getAttribute('data-options'));
  var csrfHeader = root.getAttribute('data-csrf-header');
  var csrfToken = root.getAttribute('data-csrf-token');
  var file = editing.file;
  var base = editing.version;
  var draft = editing.draft;
  var fromExcel = false;
  var errorBox = document.getElementById('editor-error');
  var successBox = document.getElementById('editor-success');
  var DOCUMENT_REVIEW = '材料审核';
  var GRADES = ['A', 'B', 'C', 'D'];

  function categoryName(code) {
    for (var i = 0; i < options.categories.length; i++) {
      if (options.categories[i].code === code) {
        return options.categories[i].name;
      }
    }
    return code;
  }

  // ---- small DOM helpers

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined) {
        return;
      }
      if (k === 'text') {
        e.textContent = attrs[k];
      } else if (k === 'className') {
        e.className = attrs[k];
      } else {
        e.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) {
      if (c) {
        e.appendChild(c);
      }
    });
    return e;
  }

  function text(value, onInput, attrs) {
    var a = Object.assign({ type: 'text' }, attrs || {});
    var input = el('input', a);
    input.value = value === null || value === undefined ? '' : value;
    input.addEventListener('input', function () {
      onInput(input.value);
    });
    return input;
  }

  function select(values, labels, current, onChange, attrs) {
    var s = el('select', attrs || {});
    values.forEach(function (v, i) {
      var o = el('option', { value: v, text: labels[i] });
      if (v === current) {
        o.selected = true;
      }
      s.appendChild(o);
    });
    if (current !== null && current !== undefined && values.indexOf(current) < 0) {
      // a value the lists do not offer (a category since removed, a typo in an import): shown, for the server to name
      var unknown = el('option', { value: current, text: current + '（未知）' });
      unknown.selected = true;
      s.appendChild(unknown);
    }
    s.addEventListener('change', function () {
      onChange(s.value);
    });
    return s;
  }

  function button(label, onClick, attrs) {
    var b = el('button', Object.assign({ type: 'button', text: label }, attrs || {}));
    b.addEventListener('click', onClick);
    return b;
  }

  function field(label, control) {
    return el('label', { className: 'editor-field' }, [el('span', { text: label }), control]);
  }

  // ---- the form

  function render() {
    drawForm();
    root.querySelectorAll('.ind-name-input').forEach(fit);
  }

  function drawForm() {
    root.textContent = '';
    root.appendChild(basics());
    root.appendChild(vetoes());
    root.appendChild(indicators());
  }

  function basics() {
    var box = el('section', { className: 'panel', id: 'system-basics' }, [el('h2', { text: '基本信息' })]);
    var row = el('div', { className: 'editor-row' });
    row.appendChild(field('名称', text(draft.name, function (v) { draft.name = v; }, { id: 'sys-name', className: 'wide-input' })));
    row.appendChild(field('起始年度', text(draft.from, function (v) { draft.from = v; },
      { id: 'sys-from', inputmode: 'numeric', size: '6' })));
    box.appendChild(row);
    box.appendChild(el('p', { className: 'hint', text: '从起始年度起适用，直到同一单位类型有起始年度更晚的测评体系取代它。' }));

    var types = el('fieldset', { className: 'checks', id: 'sys-unit-types' }, [el('legend', { text: '适用单位类型' })]);
    options.unitTypes.forEach(function (t) {
      var box2 = el('input', { type: 'checkbox', value: t, className: 'unit-type' });
      box2.checked = draft.unitTypes.indexOf(t) >= 0;
      box2.addEventListener('change', function () {
        draft.unitTypes = options.unitTypes.filter(function (x) {
          return x === t ? box2.checked : draft.unitTypes.indexOf(x) >= 0;
        });
      });
      types.appendChild(el('label', {}, [box2, document.createTextNode(' ' + t)]));
    });
    box.appendChild(types);

    var grades = el('div', { className: 'editor-row', id: 'sys-grade-points' });
    draft.gradePoints = draft.gradePoints || {};
    GRADES.forEach(function (g) {
      grades.appendChild(field(g + ' 级得分 %', text(draft.gradePoints[g], function (v) { draft.gradePoints[g] = v; },
        { inputmode: 'decimal', size: '4', className: 'grade-point', 'data-grade': g })));
    });
    box.appendChild(el('h3', { text: '等级折算（得分占分值的百分比）' }));
    box.appendChild(grades);

    var dup = el('fieldset', { className: 'checks', id: 'sys-duplicate-check' }, [el('legend', { text: '与其他单位比对、查找照抄的类别' })]);
    options.categories.forEach(function (c) {
      var box3 = el('input', { type: 'checkbox', value: c.code, className: 'duplicate-category' });
      box3.checked = draft.duplicateCheck.indexOf(c.code) >= 0;
      box3.addEventListener('change', function () {
        draft.duplicateCheck = options.categories.map(function (x) { return x.code; }).filter(function (x) {
          return x === c.code ? box3.checked : draft.duplicateCheck.indexOf(x) >= 0;
        });
      });
      dup.appendChild(el('label', {}, [box3, document.createTextNode(' ' + c.name)]));
    });
    box.appendChild(dup);
    return box;
  }

  function vetoes() {
    var box = el('section', { className: 'panel', id: 'system-vetoes' }, [el('h2', { text: '一票否决项' })]);
    var list = el('div', { className: 'veto-rows' });
    draft.vetoes.forEach(function (v, i) {
      list.appendChild(el('div', { className: 'editor-row veto-row' }, [
        field('代码', text(v.code, function (x) { v.code = x; }, { size: '6', className: 'veto-code' })),
        field('名称', text(v.name, function (x) { v.name = x; }, { className: 'wide-input veto-name' })),
        button('删除', function () { draft.vetoes.splice(i, 1); render(); }, { className: 'danger small' })
      ]));
    });
    box.appendChild(list);
    box.appendChild(button('添加一票否决项', function () {
      draft.vetoes.push({ code: 'F-' + (draft.vetoes.length + 1), name: '' });
      render();
    }, { id: 'add-veto' }));
    return box;
  }

  function indicators() {
    var box = el('section', { className: 'panel', id: 'system-indicators' }, [
      el('h2', { text: '指标' }),
      el('p', { className: 'hint', text: '一级指标 → 二级指标 → 测评内容。有下级的指标只填编号和名称；末级指标填分值和测评方法，材料审核指标再填材料要求和评分。' })
    ]);
    var tree = el('div', { className: 'ind-tree' });
    draft.indicators.forEach(function (n, i) {
      tree.appendChild(node(n, draft.indicators, i, 1));
    });
    box.appendChild(tree);
    box.appendChild(button('添加一级指标', function () {
      draft.indicators.push(newNode(String(toRoman(draft.indicators.length + 1)), true));
      render();
    }, { id: 'add-root' }));
    return box;
  }

  function toRoman(n) {
    var romans = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', 'Ⅵ', 'Ⅶ', 'Ⅷ', 'Ⅸ', 'Ⅹ', 'Ⅺ', 'Ⅻ'];
    return n <= romans.length ? romans[n - 1] : String(n);
  }

  function newNode(code, group) {
    return group ? { code: code, name: '', children: [newNode(code + '-1', false)], evidence: [] }
      : { code: code, name: '', points: '', method: DOCUMENT_REVIEW, evidence: [newRule()], grading: { a: '0', b: '1', c: '2' }, children: [] };
  }

  function newRule() {
    return { category: options.categories[0].code, min: '1', period: options.periods[0], window: options.windows[0],
      kind: options.kinds[0], content: [] };
  }

  function isLeaf(n) {
    return !n.children || n.children.length === 0;
  }

  function node(n, siblings, index, depth) {
    var box = el('div', { className: 'ind-node depth-' + Math.min(depth, 4) + (isLeaf(n) ? ' leaf' : ' group') });
    box.setAttribute('data-code', n.code || '');
    var head = el('div', { className: 'ind-head' });
    var code = text(n.code, function (v) { n.code = v; box.setAttribute('data-code', v); },
      { className: 'ind-code-input', size: '7', 'aria-label': '指标编号' });
    var name = el('textarea', { className: 'ind-name-input', rows: '1', 'aria-label': '指标名称' });
    name.value = n.name || '';
    name.addEventListener('input', function () { n.name = name.value; });
    head.appendChild(code);
    head.appendChild(name);
    var tools = el('div', { className: 'ind-tools' }, [
      button('↑', function () { move(siblings, index, -1); }, { title: '上移', 'aria-label': '上移' }),
      button('↓', function () { move(siblings, index, 1); }, { title: '下移', 'aria-label': '下移' }),
      button('添加下级', function () {
        n.children = n.children || [];
        if (n.children.length === 0) {
          // a leaf becomes a group: its own fields go, as the file format has them only on leaves
          n.points = null; n.method = null; n.evidence = []; n.grading = null;
        }
        n.children.push(newNode((n.code || '') + '-' + (n.children.length + 1), false));
        render();
      }, { className: 'add-child' }),
      button('添加同级', function () {
        siblings.splice(index + 1, 0, newNode(sibling(n.code), !isLeaf(n)));
        render();
      }, { className: 'add-sibling' }),
      button('删除', function () {
        if (window.confirm('删除指标 ' + (n.code || '') + (isLeaf(n) ? '' : ' 及其全部下级') + '？')) {
          siblings.splice(index, 1);
          render();
        }
      }, { className: 'danger remove-node' })
    ]);
    tools.firstChild.disabled = index === 0;
    tools.childNodes[1].disabled = index === siblings.length - 1;
    head.appendChild(tools);
    box.appendChild(head);
    if (isLeaf(n)) {
      box.appendChild(leafFields(n));
    } else {
      var kids = el('div', { className: 'ind-children' });
      n.children.forEach(function (c, i) {
        kids.appendChild(node(c, n.children, i, depth + 1));
      });
      box.appendChild(kids);
    }
    return box;
  }

  function sibling(code) {
    var m = /^(.*?)(\d+)$/.exec(code || '');
    return m ? m[1] + (Number(m[2]) + 1) : (code || '') + '′';
  }

  function move(list, i, by) {
    var j = i + by;
    if (j < 0 || j >= list.length) {
      return;
    }
    var x = list[i];
    list[i] = list[j];
    list[j] = x;
    render();
  }

  function leafFields(n) {
    var box = el('div', { className: 'ind-leaf' });
    var row = el('div', { className: 'editor-row' });
    row.appendChild(field('分值', text(n.points, function (v) { n.points = v; }, { className: 'ind-points', inputmode: 'decimal', size: '4' })));
    row.appendChild(field('测评方法', select(options.methods, options.methods, n.method, function (v) {
      n.method = v;
      if (v === DOCUMENT_REVIEW) {
        n.evidence = n.evidence && n.evidence.length ? n.evidence : [newRule()];
        n.grading = n.grading || { a: '0', b: '1', c: '2' };
      } else {
        // only 材料审核 indicators have evidence rules and a grading rule in the file format
        n.evidence = [];
        n.grading = null;
      }
      render();
    }, { className: 'ind-method' })));
    box.appendChild(row);
    if (n.method !== DOCUMENT_REVIEW) {
      box.appendChild(el('p', { className: 'hint', text: n.method ? '由测评组' + n.method + '评定，不看台账材料。' : '' }));
      return box;
    }
    var table = el('table', { className: 'table rules' });
    var heads = ['#', '材料类别', '最少份数', '时段', '证据时限', '材料形式', '必备内容（顿号分隔）', ''];
    table.appendChild(el('thead', {}, [el('tr', {}, heads.map(function (h) {
      return el('th', { text: h });
    }))]));
    var body = el('tbody');
    (n.evidence || []).forEach(function (r, i) {
      var content = text((r.content || []).join('、'), function (v) {
        r.content = v.split(/[、，,;；]/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
      }, { className: 'rule-content' });
      var row = el('tr', { className: 'rule-row', 'data-rule': String(i + 1) }, [
        el('td', { text: String(i + 1) }),
        el('td', {}, [select(options.categories.map(function (c) { return c.code; }), options.categories.map(function (c) { return c.name; }),
          r.category, function (v) { r.category = v; }, { className: 'rule-category', 'aria-label': '材料类别' })]),
        el('td', {}, [text(r.min, function (v) { r.min = v; }, { className: 'rule-min', inputmode: 'numeric', size: '3', 'aria-label': '最少份数' })]),
        el('td', {}, [select(options.periods, options.periods, r.period, function (v) { r.period = v; }, { className: 'rule-period', 'aria-label': '时段' })]),
        el('td', {}, [select(options.windows, options.windows, r.window, function (v) { r.window = v; }, { className: 'rule-window', 'aria-label': '证据时限' })]),
        el('td', {}, [select(options.kinds, options.kinds, r.kind, function (v) { r.kind = v; }, { className: 'rule-kind', 'aria-label': '材料形式' })]),
        el('td', {}, [content]),
        el('td', {}, [button('删除', function () { n.evidence.splice(i, 1); render(); }, { className: 'danger small remove-rule' })])
      ]);
      // on a phone the cells stack, each under its column's name
      Array.prototype.forEach.call(row.cells, function (td, k) {
        td.setAttribute('data-label', k === 0 ? '材料要求第' + (i + 1) + '条' : heads[k]);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    box.appendChild(el('div', { className: 'table-scroll' }, [table]));
    box.appendChild(button('添加材料要求', function () { n.evidence.push(newRule()); render(); }, { className: 'add-rule' }));
    n.grading = n.grading || { a: '0', b: '1', c: '2' };
    var grading = el('div', { className: 'editor-row grading' }, [el('span', { className: 'muted', text: '评分：允许缺项数' })]);
    ['a', 'b', 'c'].forEach(function (k) {
      grading.appendChild(field(k.toUpperCase() + ' ≤', text(n.grading[k], function (v) { n.grading[k] = v; },
        { className: 'grade-' + k, inputmode: 'numeric', size: '2' })));
    });
    grading.appendChild(el('span', { className: 'hint', text: '缺项按时段计（每季度一份的规则最多缺 4 项），超出 C 为 D。' }));
    box.appendChild(grading);
    return box;
  }

  // ---- talking to the server

  function request(url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[csrfHeader] = csrfToken;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return { code: 'HTTP_' + r.status, detail: '服务器返回了无法识别的内容（' + r.status + '）' }; })
          .then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
      });
  }

  function payload() {
    return { file: file, base: base, draft: draft, note: document.getElementById('save-note').value, fromExcel: fromExcel };
  }

  function clearMarks() {
    errorBox.hidden = true;
    successBox.hidden = true;
    root.querySelectorAll('.has-error').forEach(function (e) { e.classList.remove('has-error'); });
    root.querySelectorAll('.inline-error').forEach(function (e) { e.remove(); });
  }

  // The indicator a problem's place names: by its code (“指标 Ⅰ-2-1 …”), or by its position where
  // its code is empty or taken twice (“指标 Ⅰ-2 下第 1 项”, “第 2 个一级指标”).
  function errorNode(data) {
    var place = data.place || '';
    var child = /^指标 (\S+) 下第 (\d+) 项/.exec(place);
    var top = /^第 (\d+) 个一级指标/.exec(place);
    if (child) {
      var parent = nodeByCode(child[1]);
      var kids = parent ? parent.querySelectorAll(':scope > .ind-children > .ind-node') : [];
      return kids[Number(child[2]) - 1] || parent;
    }
    if (top) {
      return root.querySelectorAll('.ind-tree > .ind-node')[Number(top[1]) - 1] || null;
    }
    return data.indicator ? nodeByCode(data.indicator) : null;
  }

  function nodeByCode(code) {
    var nodes = root.querySelectorAll('.ind-node');
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getAttribute('data-code') === code) {
        return nodes[i];
      }
    }
    return null;
  }

  function showError(data) {
    errorBox.textContent = data.detail || '出错了';
    errorBox.hidden = false;
    var node = errorNode(data);
    if (node) {
      node.classList.add('has-error');
      var rule = /材料要求第(\d+)条/.exec(data.place || '');
      var target = rule ? node.querySelector('.rule-row[data-rule="' + rule[1] + '"]') : null;
      (target || node).classList.add('has-error');
      // the message again where the problem is, since the one at the top is out of sight by now
      var note = el('p', { className: 'message error inline-error', role: 'alert', text: data.detail });
      var head = node.querySelector('.ind-head');
      head.parentNode.insertBefore(note, head.nextSibling);
      note.scrollIntoView({ block: 'center' });
    } else {
      var field = { '测评体系名称': 'sys-name', '起始年度': 'sys-from', '适用单位类型': 'sys-unit-types' }[data.place || ''];
      if (field) {
        document.getElementById(field).classList.add('has-error');
      }
      errorBox.scrollIntoView({ block: 'center' });
    }
  }

  function busy(b, on, label) {
    b.disabled = on;
    if (on) {
      b.setAttribute('data-label', b.textContent);
      b.textContent = label;
    } else if (b.getAttribute('data-label')) {
      b.textContent = b.getAttribute('data-label');
    }
  }

  document.getElementById('preview-button').addEventListener('click', function () {
    var b = this;
    clearMarks();
    busy(b, true, '正在计算…');
    request('/api/admin/lists/preview', payload()).then(function (r) {
      busy(b, false);
      if (!r.ok) {
        showError(r.data);
        return;
      }
      drawPreview(r.data);
    }).catch(function () { busy(b, false); showError({ detail: '无法连接服务器' }); });
  });

  document.getElementById('yaml-button').addEventListener('click', function () {
    clearMarks();
    request('/api/admin/lists/yaml', payload()).then(function (r) {
      if (!r.ok) {
        showError(r.data);
        return;
      }
      var box = document.getElementById('yaml-box');
      document.getElementById('yaml-text').textContent = r.data.yaml;
      box.hidden = false;
      box.scrollIntoView({ block: 'start' });
    });
  });

  document.getElementById('save-button').addEventListener('click', function () {
    var b = this;
    clearMarks();
    busy(b, true, '正在保存…');
    request('/api/admin/lists/save', payload()).then(function (r) {
      busy(b, false);
      if (!r.ok) {
        showError(r.data);
        return;
      }
      file = r.data.file;
      base = r.data.version;
      fromExcel = false;
      document.getElementById('editor-file').textContent = file;
      if (window.history.replaceState) {
        window.history.replaceState(null, '', '/admin/lists/edit?file=' + encodeURIComponent(file));
      }
      successBox.textContent = '已保存为第 ' + r.data.version + ' 版，立即生效，完整性结果已重新计算。改动：' + r.data.summary;
      successBox.hidden = false;
      successBox.scrollIntoView({ block: 'center' });
    }).catch(function () { busy(b, false); showError({ detail: '无法连接服务器，未保存' }); });
  });

  document.getElementById('import-button').addEventListener('click', function () {
    var input = document.getElementById('import-file');
    clearMarks();
    if (!input.files.length) {
      showError({ detail: '请先选择 Excel 文件' });
      return;
    }
    var form = new FormData();
    form.append('file', input.files[0]);
    var headers = { 'Accept': 'application/json' };
    headers[csrfHeader] = csrfToken;
    fetch('/api/admin/lists/import', { method: 'POST', headers: headers, credentials: 'same-origin', body: form })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, data: d }; }); })
      .then(function (r) {
        if (!r.ok) {
          showError(r.data);
          return;
        }
        draft = r.data;
        fromExcel = true;
        render();
        successBox.textContent = '已读取 Excel（尚未保存）。请检查内容，预览影响后保存。';
        successBox.hidden = false;
      })
      .catch(function () { showError({ detail: '无法读取该文件' }); });
  });

  function drawPreview(p) {
    var box = document.getElementById('preview-box');
    box.textContent = '';
    box.className = 'panel preview';
    box.id = 'preview-box';
    box.appendChild(el('h2', { text: '预览：对完整性结果的影响（尚未保存）' }));
    if (p.coverage) {
      // a year that starts or stops being judged concerns every unit type: said once, not unit by unit
      box.appendChild(el('p', { className: 'message notice', id: 'preview-coverage', text: p.coverage }));
    }
    var scope = p.unitTypes.join('、') + '的 ' + p.unitsCompared + ' 个单位·年度';
    box.appendChild(el('p', { className: 'lead', id: 'preview-summary', text: p.changes.length === 0
      ? '比较了' + scope + '：没有单位的结果会改变。'
      : '比较了' + scope + '，' + p.changes.length + ' 个的结果会改变：' }));
    if (p.reread) {
      box.appendChild(el('p', { className: 'hint', text: '新的必备内容或比对类别需要重新读取材料正文，预览已按重新读取的内容计算。' }));
    }
    if (p.changes.length) {
      var body = el('tbody');
      p.changes.forEach(function (c) {
        var list = el('ul', { className: 'plain-list' });
        c.indicators.forEach(function (i) {
          list.appendChild(el('li', {}, [el('span', { className: 'ind-code', text: i.code }),
            document.createTextNode(' ' + (i.gradeBefore || '—') + '（' + (i.statusBefore || '无此指标') + '）→ '
              + (i.gradeAfter || '—') + '（' + (i.statusAfter || '无此指标') + '）')]));
        });
        body.appendChild(el('tr', { className: 'preview-row', 'data-unit': c.unit, 'data-year': String(c.year) }, [
          el('td', {}, [el('span', { className: 'preview-unit', text: c.unitName }), document.createTextNode(' '),
            el('span', { className: 'badge', text: c.unitType })]),
          el('td', { className: 'nowrap', text: String(c.year) }),
          el('td', { className: 'nowrap preview-score', text: score(c.scoreBefore, c.maxBefore) + ' → ' + score(c.scoreAfter, c.maxAfter) }),
          el('td', {}, [list])
        ]));
      });
      var table = el('table', { className: 'table', id: 'preview-changes' }, [
        el('thead', {}, [el('tr', {}, ['单位', '年度', '得分（前 → 后）', '改变的指标'].map(function (h) { return el('th', { text: h }); }))]),
        body]);
      box.appendChild(el('div', { className: 'table-scroll' }, [table]));
    }
    box.hidden = false;
    box.scrollIntoView({ block: 'start' });
  }

  function score(s, max) {
    return s === null || s === undefined ? '不适用' : fmt(s) + ' / ' + fmt(max);
  }

  function fmt(n) {
    return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  }

  // Grow a name box with its text, so that a long indicator reads in full.
  function fit(area) {
    area.style.height = 'auto';
    area.style.height = area.scrollHeight + 'px';
  }

  root.addEventListener('input', function (e) {
    if (e.target.classList.contains('ind-name-input')) {
      fit(e.target);
    }
  });

  render();
})();
