// The upload page, enhanced: files can be dropped on the form, and each material is sent on its
// own (XMLHttpRequest, for its upload progress events) to /upload/files, with the page's CSRF
// token and the browser's session, showing a progress bar per file. Without JavaScript the form
// posts to /upload and the server does the same work.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.Promise) {
    return;
  }
  var input = document.getElementById('file');
  var zone = document.getElementById('dropzone');
  var list = document.getElementById('upload-progress');
  var summary = document.getElementById('upload-summary');
  var separate = document.getElementById('separate');
  var button = form.querySelector('button[type="submit"]');
  var msg = form.dataset;
  var busy = false;

  zone.classList.add('enhanced');
  zone.querySelector('.drop-hint').hidden = false;

  function format(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return String(values[Number(i)]); });
  }

  function size(bytes) {
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1048576) { return (bytes / 1024).toFixed(0) + ' KB'; }
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (e) {
      e.preventDefault();
      zone.classList.add('over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      input.files = e.dataTransfer.files;
      show();
    }
  });
  input.addEventListener('change', show);

  /** One row per chosen file: its name, size, a progress bar and what became of it. */
  function show() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    Array.prototype.forEach.call(input.files, function (file) {
      var row = document.createElement('li');
      var name = document.createElement('strong');
      name.textContent = file.name;
      var bytes = document.createElement('span');
      bytes.className = 'muted';
      bytes.textContent = ' ' + size(file.size) + ' ';
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', file.name);
      var state = document.createElement('span');
      state.className = 'state';
      state.textContent = msg.msgWaiting;
      row.appendChild(name);
      row.appendChild(bytes);
      row.appendChild(bar);
      row.appendChild(state);
      list.appendChild(row);
      file.row = row;
    });
    list.hidden = input.files.length === 0;
    summary.hidden = input.files.length === 0;
    summary.textContent = format(msg.msgChosen, [input.files.length]);
  }

  /**
   * The chosen files as materials, grouped by the server (POST /upload/materials) so that a
   * subtitle joins its video exactly as the form without script and the bulk imports group it.
   * Resolves with null if the server cannot be asked.
   */
  function materials(files) {
    if (!separate.checked) {
      return Promise.resolve([files]);
    }
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', msg.materials);
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.setRequestHeader('Accept', 'application/json');
      var token = form.querySelector('input[name="_csrf"]');
      if (token) { xhr.setRequestHeader('X-CSRF-TOKEN', token.value); }
      xhr.addEventListener('load', function () {
        var groups = null;
        try { groups = xhr.status === 200 ? JSON.parse(xhr.responseText) : null; } catch (ignored) { groups = null; }
        resolve(groups && groups.map(function (g) { return g.map(function (i) { return files[i]; }); }));
      });
      xhr.addEventListener('error', function () { resolve(null); });
      xhr.send(JSON.stringify(files.map(function (f) { return f.name; })));
    });
  }

  function setState(file, text, link, href) {
    var state = file.row.querySelector('.state');
    state.textContent = text + ' ';
    if (link) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = link;
      state.appendChild(a);
    }
  }

  /** Sends one material; resolves with where to describe it, or null if it was refused. */
  function send(files) {
    return new Promise(function (resolve) {
      var data = new FormData(form);
      data.delete('file');
      files.forEach(function (f) { data.append('file', f, f.name); });
      var total = files.reduce(function (sum, f) { return sum + f.size; }, 0);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', msg.endpoint);
      xhr.setRequestHeader('Accept', 'application/json');
      var token = form.querySelector('input[name="_csrf"]');
      if (token) { xhr.setRequestHeader('X-CSRF-TOKEN', token.value); }
      files.forEach(function (f) { setState(f, msg.msgSending); });
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) { return; }
        // the request also carries the form's fields and part headers: scale to the files' bytes
        var sent = e.loaded * total / e.total;
        var offset = 0;
        files.forEach(function (f) {
          var own = f.size === 0 ? (sent >= offset ? 1 : 0) : Math.min(Math.max(sent - offset, 0), f.size) / f.size;
          f.row.querySelector('progress').value = Math.floor(99 * own);
          offset += f.size;
        });
      });
      xhr.addEventListener('load', function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = null; }
        if (xhr.status === 201 && body) {
          files.forEach(function (f) {
            f.row.querySelector('progress').value = 100;
            f.row.classList.add('stored');
            setState(f, msg.msgStored, msg.msgDescribe, body.describe);
          });
          resolve(body.describe);
        } else {
          files.forEach(function (f) {
            f.row.classList.add('failed');
            setState(f, (body && body.detail) || msg.msgFailed, body && body.existing ? msg.msgExisting : null,
              body && body.existing);
          });
          resolve(null);
        }
      });
      xhr.addEventListener('error', function () {
        files.forEach(function (f) {
          f.row.classList.add('failed');
          setState(f, msg.msgFailed);
        });
        resolve(null);
      });
      xhr.send(data);
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (busy || input.files.length === 0) {
      return;
    }
    busy = true;
    button.disabled = true;
    show();
    materials(Array.prototype.slice.call(input.files)).then(function (groups) {
      if (!groups) {
        form.submit(); // the form without script: the server groups and stores the files itself
        return;
      }
      var stored = [];
      // one after another: on a slow connection, one file at full speed beats several crawling
      groups.reduce(function (previous, group) {
        return previous.then(function () {
          return send(group).then(function (describe) {
            if (describe) { stored.push(describe); }
          });
        });
      }, Promise.resolve()).then(function () {
        busy = false;
        button.disabled = false;
        summary.textContent = format(msg.msgSummary, [stored.length, groups.length]);
        if (groups.length === 1 && stored.length === 1) {
          window.location.assign(stored[0]);
        }
      });
    });
  });
}());
