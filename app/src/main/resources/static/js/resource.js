/*
 * The resource page, a little better with JavaScript (everything works without it):
 * - /resources/{id}#t=331 (a moment in the page's own address, which the server never sees) starts
 *   the player there, as ?t=331 does without script;
 * - "Share…" opens the phone's share sheet, or copies the page's address where there is none.
 */
(function () {
  'use strict';

  function jumpToMoment() {
    var m = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
    var player = document.querySelector('.preview video, .preview audio');
    if (!m || !player) {
      return;
    }
    var at = parseFloat(m[1]);
    var seek = function () { player.currentTime = at; };
    if (player.readyState >= 1) {
      seek();
    } else {
      player.addEventListener('loadedmetadata', seek, { once: true });
    }
    player.scrollIntoView({ block: 'center' });
  }

  function shareButton() {
    var button = document.getElementById('share-page');
    var field = document.getElementById('page-url');
    var status = document.getElementById('share-page-status');
    if (!button || !field || !(navigator.share || (navigator.clipboard && window.isSecureContext))) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      if (navigator.share) {
        navigator.share({ title: button.getAttribute('data-title') || document.title, url: field.value })
          .catch(function () { /* the person closed the sheet */ });
        return;
      }
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = button.getAttribute('data-copied');
        status.hidden = false;
      });
    });
    field.addEventListener('focus', function () { field.select(); });
  }

  function start() {
    jumpToMoment();
    window.addEventListener('hashchange', jumpToMoment);
    shareButton();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
