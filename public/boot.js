/* global window, document */
// Says so when the page's program cannot start (a script that did not load: the network dropped,
// the site was updated meanwhile, a proxy blocked it; or a browser too old to run it), so the page
// is never blank. A file of its own, not inline, so it runs under a strict Content-Security-Policy.
// It watches only until the app has drawn itself (the `.boot-wait` placeholder is then gone).
(function () {
  'use strict';
  function starting() {
    return document.querySelector('.boot-wait') !== null;
  }
  function fail(detail) {
    var box = document.getElementById('boot-failure');
    if (!box || !box.hidden || !starting()) return;
    var more = document.getElementById('boot-failure-detail');
    if (more && detail) more.textContent = detail;
    box.hidden = false;
    var wait = document.querySelector('.boot-wait');
    if (wait) wait.hidden = true;
  }
  window.addEventListener(
    'error',
    function (e) {
      var t = e.target;
      if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) {
        fail('A file it needs did not load: ' + (t.src || t.href || 'a script') + '.');
      } else if (e.message) {
        fail('This browser could not run it: ' + e.message + '.');
      }
    },
    true,
  );
})();
