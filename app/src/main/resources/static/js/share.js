/*
 * A share link just made, a little easier with JavaScript (without it the link sits in a field to select
 * and copy): the "Copy" button beside the field copies it to the clipboard and says so.
 */
(function () {
  'use strict';

  function start() {
    if (!(navigator.clipboard && window.isSecureContext)) {
      return;
    }
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var field = document.getElementById(button.getAttribute('data-copy'));
      var status = document.getElementById(button.getAttribute('data-copy') + '-status');
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
          if (status) {
            status.textContent = button.getAttribute('data-copied');
            status.hidden = false;
          }
        });
      });
      field.addEventListener('focus', function () { field.select(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
