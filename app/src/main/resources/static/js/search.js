/*
 * Hoclieu search, made a little quicker with JavaScript (everything works without it):
 * - suggestions as you type in every box marked data-suggest: a WAI-ARIA combobox (listbox popup,
 *   aria-expanded, aria-activedescendant; arrow keys, Enter, Escape; tap on a phone);
 * - on the results page, changing a facet checkbox sends the search form at once (keeping the filters
 *   open on a phone, where "Filters" opened them).
 * Texts come from the page (data-suggest-* attributes of <body>, filled from the message bundles).
 */
(function () {
  'use strict';

  var DELAY_MS = 180;
  var MIN_CHARS = 2;
  var seq = 0;

  function format(template, n) {
    return (template || '').replace('{0}', String(n));
  }

  function combobox(input) {
    var endpoint = input.getAttribute('data-suggest');
    var texts = document.body.dataset;
    var listId = (input.id || 'q' + (++seq)) + '-suggestions';
    var wrap = document.createElement('div');
    var list = document.createElement('ul');
    var status = document.createElement('div');
    var hadFocus = document.activeElement === input;
    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var asked = '';

    wrap.className = 'combo';
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', texts.suggestLabel || '');
    list.hidden = true;
    wrap.appendChild(list);
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    wrap.appendChild(status);
    if (hadFocus) {
      input.focus();
    }

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }

    function highlight(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute('aria-selected', i === index ? 'true' : 'false');
      }
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        if (options[index].scrollIntoView) {
          options[index].scrollIntoView({ block: 'nearest' });
        }
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    /** A title names one resource: open it; a query: search for it. */
    function choose(index) {
      var s = items[index];
      input.value = s.text;
      close();
      if (s.resourceId !== null && s.resourceId !== undefined) {
        window.location.href = '/resources/' + encodeURIComponent(s.resourceId);
      } else if (input.form) {
        input.form.submit();
      }
    }

    function show(suggestions) {
      items = suggestions.slice(0, 10);
      list.textContent = '';
      items.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = s.text;
        // mousedown would take the focus from the box and close the list before the click
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { choose(i); });
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (items.length) {
        open();
        status.textContent = format(texts.suggestStatus, items.length);
      } else {
        close();
        status.textContent = '';
      }
    }

    function ask() {
      var q = input.value;
      if (q.trim().length < MIN_CHARS) {
        items = [];
        close();
        return;
      }
      if (q === asked && items.length) {
        open();
        return;
      }
      asked = q;
      if (pending && pending.abort) {
        pending.abort();
      }
      pending = window.AbortController ? new AbortController() : null;
      fetch(endpoint + '?q=' + encodeURIComponent(q), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: pending ? pending.signal : undefined
      }).then(function (r) {
        return r.ok ? r.json() : [];
      }).then(function (suggestions) {
        // an answer to what the box held a moment ago is no longer wanted
        if (input.value === q && document.activeElement === input) {
          show(Array.isArray(suggestions) ? suggestions : []);
        }
      }).catch(function () { /* offline or aborted: the box still searches */ });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });

    /** Down (+1) or up (-1) the list, round at its ends; the first key opens it at its first or last option. */
    function move(e, expanded, step) {
      if (!items.length) {
        return;
      }
      e.preventDefault();
      open();
      var n = items.length;
      var from = expanded && active >= 0 ? active : (step > 0 ? -1 : 0);
      highlight((from + step + n) % n);
    }

    input.addEventListener('keydown', function (e) {
      var expanded = !list.hidden;
      switch (e.key) {
        case 'ArrowDown':
        case 'Down':
          move(e, expanded, 1);
          break;
        case 'ArrowUp':
        case 'Up':
          move(e, expanded, -1);
          break;
        case 'Enter':
          if (expanded && active >= 0) {
            e.preventDefault();
            choose(active);
          }
          break;
        case 'Escape':
        case 'Esc':
          if (expanded) {
            e.preventDefault();
            close();
          }
          break;
        case 'Tab':
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener('blur', function () {
      setTimeout(close, 150);
    });
  }

  /** Results page: a changed checkbox sends the form; after the reload the focus returns to it. */
  function facets(form) {
    var KEY = 'hoclieu.facet-focus';
    var remembered = null;
    try {
      remembered = window.sessionStorage.getItem(KEY);
      window.sessionStorage.removeItem(KEY);
    } catch (e) { /* storage refused: no focus restoring */ }
    if (remembered) {
      var box = document.getElementById(remembered);
      if (box) {
        box.focus();
      }
    }
    form.classList.add('live');
    form.addEventListener('change', function (e) {
      var t = e.target;
      if (t && t.type === 'checkbox') {
        try {
          window.sessionStorage.setItem(KEY, t.id);
        } catch (err) { /* ignore */ }
        // on a phone the filters were opened with "Filters" (#filters): the next page keeps them open
        if (window.location.hash === '#filters') {
          form.action = form.action.split('#')[0] + '#filters';
        }
        form.submit();
      }
    });
  }

  function start() {
    document.documentElement.classList.add('js');
    var form = document.getElementById('search-form');
    if (form && form.querySelector('.facets')) {
      facets(form);
    }
    if (!window.fetch) {
      return;
    }
    var boxes = document.querySelectorAll('input[data-suggest]');
    for (var i = 0; i < boxes.length; i++) {
      combobox(boxes[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
