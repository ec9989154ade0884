// The librarians' dashboard, kept live: polls the ingestion queue API every few seconds (with the
// browser's session, which the API accepts for reads) and updates the counts, the batch's progress
// bar and the files being read. Without JavaScript the page has a refresh link instead.
(function () {
  'use strict';
  var panel = document.getElementById('queue');
  if (!panel || !window.fetch) {
    return;
  }
  var EVERY_MS = 3000;
  var batch = document.getElementById('batch');
  var batchText = document.getElementById('batch-text');
  var running = document.getElementById('running');
  var runningNone = document.getElementById('running-none');
  var failedChanged = document.getElementById('failed-changed');
  var rowTemplate = document.getElementById('running-row');
  var failedCell = panel.querySelector('[data-count="FAILED"]');
  var failedAtLoad = failedCell ? failedCell.textContent.trim() : null;
  var timer = null;

  function format(pattern, values) {
    return pattern.replace(/\{(\d)\}/g, function (all, i) { return String(values[Number(i)]); });
  }

  function render(queue) {
    Object.keys(queue.counts).forEach(function (status) {
      var cell = panel.querySelector('[data-count="' + status + '"]');
      if (cell) {
        cell.textContent = String(queue.counts[status]);
      }
    });
    if (queue.batchTotal > 0) {
      batch.max = queue.batchTotal;
      batch.value = queue.batchFinished;
      batchText.textContent = format(panel.dataset.batchPattern,
        [queue.batchFinished, queue.batchTotal, Math.floor(100 * queue.batchFinished / queue.batchTotal)]);
    } else {
      batch.max = 1;
      batch.value = 1;
      batchText.textContent = panel.dataset.idle;
    }
    while (running.firstChild) {
      running.removeChild(running.firstChild);
    }
    queue.running.forEach(function (job) {
      var row = rowTemplate.content.firstElementChild.cloneNode(true);
      var link = row.querySelector('a');
      link.href = '/resources/' + job.resourceId;
      link.textContent = job.fileName;
      row.querySelector('progress').setAttribute('aria-label', job.fileName);
      running.appendChild(row);
    });
    runningNone.hidden = queue.running.length > 0;
    if (failedAtLoad !== null && String(queue.counts.FAILED) !== failedAtLoad) {
      failedChanged.hidden = false;
    }
  }

  function poll() {
    if (document.hidden) {
      return;
    }
    fetch(panel.dataset.poll, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(render)
      .catch(function () {
        // signed out or the server is away: stop, the refresh link still works
        window.clearInterval(timer);
      });
  }

  panel.classList.add('live');
  timer = window.setInterval(poll, EVERY_MS);
}());
