// Hearth's small progressive enhancements. Every feature works without this
// file; it only makes some things quicker.
(function () {
  "use strict";

  // Quick exit: replace this page in history so Back does not return here,
  // and leave on Escape pressed twice within a second.
  function quickExit(url) {
    try { document.body.style.display = "none"; } catch (e) { /* ignore */ }
    window.location.replace(url);
  }
  var exitLink = document.querySelector("[data-quick-exit]");
  if (exitLink) {
    exitLink.addEventListener("click", function (ev) {
      ev.preventDefault();
      quickExit(exitLink.href);
    });
    var lastEscape = 0;
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") { return; }
      var now = Date.now();
      if (now - lastEscape < 1000) { quickExit(exitLink.href); }
      lastEscape = now;
    });
  }
})();
