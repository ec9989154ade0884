// After an upload: polls /upload/{id}/status while the files are read, shows each file's state,
// and once reading is done fills the description fields with what extraction found — only the
// fields the uploader has not touched. Without JavaScript the page has a refresh link.
(function () {
  'use strict';
  var page = document.getElementById('describe');
  if (!page || !window.fetch || page.dataset.done === 'true') {
    return;
  }
  var EVERY_MS = 2000;
  var fields = ['title', 'creators', 'description', 'language', 'subjects'];
  var touched = {};
  fields.forEach(function (name) {
    var field = document.getElementById(name);
    if (field) {
      field.addEventListener('input', function () { touched[name] = true; });
    }
  });
  var timer = null;

  function format(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return String(values[Number(i)]); });
  }

  function render(status) {
    status.files.forEach(function (f) {
      var row = page.querySelector('[data-file="' + f.id + '"]');
      if (row) {
        var state = row.querySelector('.state');
        state.textContent = f.label;
        state.classList.toggle('pending', f.state === 'PENDING');
        row.querySelector('.reason').textContent = f.reason || '';
        var detail = row.querySelector('.reason-detail');
        if (detail) {
          detail.querySelector('.detail').textContent = f.detail || '';
          detail.hidden = !f.detail;
        }
      }
    });
    if (!status.done) {
      return;
    }
    window.clearInterval(timer);
    var filled = 0;
    fields.forEach(function (name) {
      var field = document.getElementById(name);
      var value = status[name] == null ? '' : String(status[name]);
      if (field && !touched[name] && value !== '' && field.value !== value) {
        if (field.tagName === 'SELECT' && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) {
          // a language the list does not offer (found in the file): added by its name, so it is kept
          field.appendChild(new Option(status[name + 'Name'] || value, value));
        }
        field.value = value;
        field.classList.add('filled');
        filled++;
      }
    });
    if (filled > 0) {
      var notice = page.querySelector('.filled-notice');
      notice.textContent = page.dataset.msgFilled;
      notice.hidden = false;
    }
    var similar = page.querySelector('.similar');
    if (status.similar.length > 0 && similar.hidden) {
      status.similar.forEach(function (s) {
        var p = document.createElement('p');
        p.textContent = format(page.dataset.msgSimilar, [s.percent, s.title]) + ' ';
        var a = document.createElement('a');
        a.href = s.url;
        a.textContent = s.title;
        p.appendChild(a);
        similar.appendChild(p);
      });
      similar.hidden = false;
    }
    var refresh = page.querySelector('.nojs-refresh');
    if (refresh) {
      refresh.hidden = true;
    }
  }

  function poll() {
    fetch(page.dataset.status, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(render)
      .catch(function () { window.clearInterval(timer); });
  }

  timer = window.setInterval(poll, EVERY_MS);
}());
