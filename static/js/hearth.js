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
    // The Escape shortcut only exists with this script, so only now say so.
    var hint = document.querySelector("[data-escape-hint]");
    if (hint) { hint.hidden = false; }
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

// Composer: a live preview (and trigger-warning suggestions, and help if
// the words suggest a crisis) as you type. Without this, the Preview button
// does the same on the server.
(function () {
  "use strict";
  if (!window.fetch || !window.URLSearchParams) { return; }
  var forms = document.querySelectorAll("form[data-composer]");
  Array.prototype.forEach.call(forms, function (form) {
    var body = form.querySelector("textarea[name=body]");
    var out = form.querySelector("[data-live-preview]");
    if (!body || !out) { return; }
    var timer = null;
    var last = "";
    var seq = 0;
    function update() {
      var data = new URLSearchParams();
      var title = form.querySelector("input[name=title]");
      if (title) { data.append("title", title.value); }
      data.append("body", body.value);
      Array.prototype.forEach.call(form.querySelectorAll("input[name=trigger_warnings]:checked"), function (cb) {
        data.append("trigger_warnings", cb.value);
      });
      var key = data.toString();
      if (key === last) { return; }
      last = key;
      if (!body.value.trim()) { out.innerHTML = ""; return; }
      var mine = ++seq;
      fetch("/preview", { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null && mine === seq) { out.innerHTML = html; } })
        .catch(function () { /* the Preview button still works */ });
    }
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(update, 700);
    }
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
  });
})();

// Print buttons: without this script the page says to use the browser's
// Print command, which prints the same thing.
(function () {
  "use strict";
  if (!window.print) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("button[data-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
