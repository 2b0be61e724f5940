// While a plan is queued or being computed, asks the server every three seconds where the computation stands and
// reloads the page when that changes (the new months, or the failure, are then shown). Without this script the page
// offers an „Aktualisieren“ link that does the same by hand.
(function () {
  'use strict';
  var region = document.getElementById('berechnung');
  if (!region) {
    return;
  }
  var state = region.getAttribute('data-state');
  var url = region.getAttribute('data-status-url');
  if (!url || (state !== 'queued' && state !== 'running')) {
    return;
  }
  function ask() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (status && status.state !== state) {
          window.location.reload();
          return;
        }
        window.setTimeout(ask, 3000);
      })
      .catch(function () {
        window.setTimeout(ask, 3000); // the server away for a moment: ask again
      });
  }
  window.setTimeout(ask, 3000);
}());
