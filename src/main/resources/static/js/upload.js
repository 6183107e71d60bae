// Uploading several files at once: each file is its own request to POST /api/documents (the signed-in
// session with its CSRF token), with its own progress bar and result. An accepted file shows what
// was recognised (category, date, period, year) and can be corrected at once through
// POST /api/documents/{id}/description. Without this file the form posts to /upload as a whole.
(function () {
  'use strict';

  var form = document.getElementById('upload-form');
  if (!form || !form.hasAttribute('data-multi') || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var api = form.getAttribute('data-api');
  var documentsBase = form.getAttribute('data-documents');
  var maxBytes = Number(form.getAttribute('data-max-bytes'));
  var input = document.getElementById('file');
  var dropzone = document.getElementById('dropzone');
  var button = document.getElementById('upload-submit');
  var title = document.getElementById('title');
  var titleHint = document.getElementById('title-hint');
  var sizeError = document.getElementById('size-error');
  var section = document.getElementById('upload-results-section');
  var list = document.getElementById('upload-results');
  var summary = document.getElementById('upload-summary');
  var csrf = form.querySelector('input[name=_csrf]');
  var categories = Array.from(document.getElementById('category').options)
      .filter(function (o) { return o.value !== ''; })
      .map(function (o) { return { code: o.value, name: o.textContent }; });
  /** Two at a time: quicker than one by one, and gentle on a phone's connection and on the server. */
  var PARALLEL = 2;
  var dropped = null;
  var counts = { accepted: 0, duplicate: 0, rejected: 0, total: 0, done: 0 };

  function chosen() {
    return dropped || Array.from(input.files);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    return e;
  }

  function size(bytes) {
    if (bytes < 1024) {
      return bytes + ' B';
    }
    if (bytes < 1048576) {
      return (bytes / 1024).toFixed(1) + ' KB';
    }
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  function message(xhr) {
    try {
      var body = JSON.parse(xhr.responseText);
      if (body && body.detail) {
        return body.detail;
      }
    } catch (e) {
      // not JSON: fall through to the status
    }
    if (xhr.status === 401 || xhr.status === 403) {
      return '登录已过期或无权上传，请重新登录后再试';
    }
    if (xhr.status === 413) {
      return '文件超过大小上限';
    }
    return '服务器没有接受此文件（HTTP ' + xhr.status + '）';
  }

  function updateTitleField() {
    var several = chosen().length > 1;
    title.disabled = several;
    if (titleHint) {
      titleHint.hidden = !several;
    }
  }

  function updateSummary() {
    var parts = ['共 ' + counts.total + ' 个文件'];
    if (counts.done < counts.total) {
      parts.push('已完成 ' + counts.done + ' 个');
    }
    parts.push('已上传 ' + counts.accepted + ' 个');
    if (counts.duplicate) {
      parts.push('重复 ' + counts.duplicate + ' 个');
    }
    if (counts.rejected) {
      parts.push('未成功 ' + counts.rejected + ' 个');
    }
    summary.textContent = parts.join('，');
  }

  /** The recognised description of a document, as a definition list the correction form keeps up to date. */
  function describe(item, doc) {
    var dl = item.querySelector('.upload-inferred') || el('dl', 'upload-inferred');
    dl.textContent = '';
    [['类别', 'inferred-category', doc.categoryName || '未分类'],
     ['文档日期', 'inferred-date', doc.date || '未识别'],
     ['所属期间', 'inferred-period', doc.period ? doc.period.label : '—'],
     ['年度', 'inferred-year', String(doc.year)]]
    .concat(doc.filing && doc.filing.question ? [['待确认', 'inferred-question', doc.filing.question]] : [])
    .forEach(function (row) {
      dl.appendChild(el('dt', null, row[0]));
      dl.appendChild(el('dd', row[1], row[2]));
    });
    return dl;
  }

  function field(labelText, control) {
    var f = el('div', 'field');
    var label = el('label', null, labelText);
    label.htmlFor = control.id;
    f.appendChild(label);
    f.appendChild(control);
    return f;
  }

  function input_(id, name, value, placeholder) {
    var i = document.createElement('input');
    i.type = 'text';
    i.id = id;
    i.name = name;
    i.value = value || '';
    if (placeholder) {
      i.placeholder = placeholder;
    }
    return i;
  }

  /** Correcting a wrongly recognised upload right away; the document page offers the same later. */
  function correction(item, doc) {
    var details = el('details', 'upload-correct');
    details.appendChild(el('summary', null, '更正'));
    // 未分类, a guessed category or no stated date: the clerk is asked to choose at once
    if (doc.filing && (doc.filing.uncertain || doc.filing.undated)) {
      details.open = true;
    }
    var f = el('form', 'form compact');
    var key = 'fix-' + doc.id;
    var select = document.createElement('select');
    select.id = key + '-category';
    select.name = 'category';
    categories.forEach(function (c) {
      var o = new Option(c.name, c.code, false, c.code === doc.category);
      select.appendChild(o);
    });
    if (!doc.category) {
      select.insertBefore(new Option('未分类', '', true, true), select.firstChild);
    }
    var date = input_(key + '-date', 'date', doc.date, '如 2025-03-12；没有请留空');
    date.inputMode = 'numeric';
    var period = input_(key + '-period', 'period', doc.period ? doc.period.label : '', '如 2025年第三季度');
    var year = input_(key + '-year', 'year', String(doc.year), '');
    year.inputMode = 'numeric';
    f.appendChild(field('类别', select));
    f.appendChild(field('文档日期', date));
    f.appendChild(field('所属期间', period));
    f.appendChild(field('年度', year));
    var save = el('button', 'primary', '保存更正');
    save.type = 'submit';
    var note = el('p', 'message');
    note.hidden = true;
    note.setAttribute('role', 'status');
    f.appendChild(save);
    f.appendChild(note);
    f.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = new URLSearchParams();
      body.set('category', select.value);
      body.set('date', date.value);
      body.set('period', period.value);
      body.set('year', year.value);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', api + '/' + doc.id + '/description');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8');
      if (csrf) {
        xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
      }
      save.disabled = true;
      xhr.onload = function () {
        save.disabled = false;
        note.hidden = false;
        if (xhr.status === 200) {
          var updated = JSON.parse(xhr.responseText);
          describe(item, updated);
          note.className = 'message success';
          note.textContent = '已更正';
        } else {
          note.className = 'message error';
          note.textContent = message(xhr);
        }
      };
      xhr.onerror = function () {
        save.disabled = false;
        note.hidden = false;
        note.className = 'message error';
        note.textContent = '网络中断，更正未保存，请重试';
      };
      xhr.send(body.toString());
    });
    details.appendChild(f);
    return details;
  }

  function settle(item, state, text) {
    item.setAttribute('data-state', state);
    item.querySelector('.upload-status').textContent = text;
    var bar = item.querySelector('progress');
    if (bar) {
      bar.remove();
    }
    counts.done++;
    if (state === 'accepted') {
      counts.accepted++;
    } else if (state === 'duplicate') {
      counts.duplicate++;
    } else {
      counts.rejected++;
    }
    updateSummary();
  }

  function showDocument(item, doc, duplicate) {
    item.setAttribute('data-document-id', doc.id);
    settle(item, duplicate ? 'duplicate' : 'accepted',
        duplicate ? '重复：本单位已有相同文件《' + doc.title + '》，未重复保存' : '已上传，等待审核');
    item.appendChild(describe(item, doc));
    var actions = el('p', 'upload-actions');
    var link = el('a', 'upload-link', duplicate ? '查看已有材料' : '查看材料');
    link.href = documentsBase + doc.id;
    actions.appendChild(link);
    item.appendChild(actions);
    if (!duplicate) {
      item.appendChild(correction(item, doc));
    }
  }

  /** Each member of a bundle, or attachment of a mail, with its own outcome. */
  function memberTable(caption, members) {
    var table = el('table', 'upload-members');
    table.appendChild(el('caption', null, caption));
    var head = el('tr');
    ['文件', '结果', '类别', '年度'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    members.forEach(function (m) {
      var row = el('tr', 'upload-member');
      row.setAttribute('data-state', m.outcome === 'REJECTED' ? 'rejected' : (m.outcome === 'DUPLICATE' ? 'duplicate' : 'accepted'));
      row.appendChild(el('td', 'member-path', m.path));
      var status = el('td', 'member-status');
      if (m.document) {
        var link = el('a', null, m.outcome === 'DUPLICATE' ? '重复，已有材料' : '已上传');
        link.href = documentsBase + m.document.id;
        status.appendChild(link);
      } else {
        status.textContent = '拒收：' + m.detail + '（' + m.code + '）';
      }
      row.appendChild(status);
      row.appendChild(el('td', null, m.document ? (m.document.categoryName || '未分类') : '—'));
      row.appendChild(el('td', null, m.document ? String(m.document.year) : '—'));
      body.appendChild(row);
    });
    table.appendChild(body);
    return table;
  }

  function send(file, item, fields, next) {
    if (file.size === 0) {
      settle(item, 'rejected', '未上传：文件为空（0 字节）');
      next();
      return;
    }
    if (maxBytes > 0 && file.size > maxBytes) {
      settle(item, 'rejected', '未上传：文件超过大小上限（' + Math.round(maxBytes / 1048576) + ' MB），请压缩或拆分后再上传');
      next();
      return;
    }
    var data = new FormData();
    Object.keys(fields).forEach(function (k) {
      if (fields[k]) {
        data.append(k, fields[k]);
      }
    });
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    var bar = item.querySelector('progress');
    var status = item.querySelector('.upload-status');
    xhr.open('POST', api);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrf) {
      xhr.setRequestHeader('X-CSRF-TOKEN', csrf.value);
    }
    item.setAttribute('data-state', 'uploading');
    status.textContent = '正在上传…';
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
      }
    };
    xhr.upload.onload = function () {
      // Every byte is there; reading the file and recognising what it is takes a moment more.
      item.setAttribute('data-state', 'processing');
      bar.removeAttribute('value');
      status.textContent = '正在识别内容…';
    };
    xhr.onload = function () {
      if (xhr.status === 200 || xhr.status === 201) {
        var doc = JSON.parse(xhr.responseText);
        if (doc.bundle === true) {
          settle(item, doc.stored > 0 ? 'accepted' : 'duplicate',
              '压缩包已解压：共 ' + doc.members.length + ' 个文件，新增 ' + doc.stored + '，重复 ' + doc.duplicates + '，拒收 ' + doc.rejected);
          item.setAttribute('data-state', 'bundle');
          item.appendChild(memberTable('压缩包内的文件', doc.members));
        } else {
          showDocument(item, doc, doc.duplicate === true);
          if (doc.attachments && doc.attachments.length > 0) {
            item.appendChild(memberTable('邮件附件', doc.attachments));
          }
        }
      } else {
        settle(item, 'rejected', '未上传：' + message(xhr));
        try {
          var problem = JSON.parse(xhr.responseText);
          if (problem.members && problem.members.length > 0) {
            item.appendChild(memberTable('压缩包内的文件', problem.members));
          }
        } catch (ignored) {
          // not JSON: the status said it all
        }
      }
      next();
    };
    xhr.onerror = function () {
      settle(item, 'failed', '未上传：网络中断，请检查网络后重新选择此文件上传');
      next();
    };
    xhr.send(data);
  }

  function start(files) {
    var fields = {
      unit: form.querySelector('[name=unit]').value,
      year: document.getElementById('year').value,
      category: document.getElementById('category').value,
      date: document.getElementById('date').value,
      title: files.length === 1 ? title.value : ''
    };
    section.hidden = false;
    counts.total += files.length;
    updateSummary();
    var queue = files.map(function (file) {
      var item = el('li', 'upload-item');
      item.setAttribute('data-state', 'waiting');
      item.setAttribute('data-name', file.name);
      var head = el('div', 'upload-head');
      head.appendChild(el('span', 'upload-name', file.name));
      head.appendChild(el('span', 'upload-size', size(file.size)));
      item.appendChild(head);
      var bar = el('progress');
      bar.max = 100;
      bar.value = 0;
      item.appendChild(bar);
      item.appendChild(el('p', 'upload-status', '等待上传'));
      list.appendChild(item);
      return { file: file, item: item };
    });
    var running = 0;
    var finished = 0;
    button.disabled = true;
    button.textContent = '正在上传…';
    function next() {
      while (running < PARALLEL && queue.length) {
        var job = queue.shift();
        running++;
        send(job.file, job.item, fields, function () {
          running--;
          finished++;
          if (finished === files.length) {
            button.disabled = false;
            button.textContent = '上传';
          }
          next();
        });
      }
    }
    next();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var files = chosen();
    if (!files.length) {
      sizeError.textContent = '请选择要上传的文件';
      sizeError.hidden = false;
      return;
    }
    if (!form.querySelector('[name=unit]').value) {
      sizeError.textContent = '请选择所属单位';
      sizeError.hidden = false;
      return;
    }
    sizeError.hidden = true;
    start(files);
    // Ready for the next batch; the results stay listed below.
    dropped = null;
    input.value = '';
    input.required = false;
    updateTitleField();
  });

  input.addEventListener('change', function () {
    dropped = null;
    updateTitleField();
  });

  if (dropzone) {
    ['dragenter', 'dragover'].forEach(function (type) {
      dropzone.addEventListener(type, function (e) {
        e.preventDefault();
        dropzone.classList.add('dragging');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      dropzone.addEventListener(type, function () {
        dropzone.classList.remove('dragging');
      });
    });
    dropzone.addEventListener('drop', function (e) {
      e.preventDefault();
      var files = Array.from(e.dataTransfer.files || []);
      if (!files.length) {
        return;
      }
      dropped = files;
      input.required = false;
      var hint = dropzone.querySelector('.dropzone-hint');
      if (hint) {
        hint.textContent = '已选择 ' + files.length + ' 个文件：' + files.map(function (f) { return f.name; }).join('、');
      }
      updateTitleField();
    });
  }
})();
