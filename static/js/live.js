// Live updates over server-sent events: a thread page says when replies
// arrive ("2 new replies – show"), and the moderator queue refreshes its
// list and the staff count when items arrive. Without this file, or in a
// browser without EventSource, the pages are the same, only still.
//
// A page holds its stream only while it is open and in view: hiding or
// leaving it closes the stream, and showing it again opens another (the
// server counts from when the page was made, so nothing is missed). A
// stream the server refuses (it holds as many as it may) or that fails is
// tried again later, waiting longer each time.
(function () {
  "use strict";
  var note = document.querySelector("[data-live]");
  if (!note || !window.EventSource || !window.fetch || !window.DOMParser || !window.JSON) { return; }
  var url = note.getAttribute("data-live");
  var kind = note.getAttribute("data-live-kind");
  // The page's words for the link and the queue's change, in its language.
  var showText = note.getAttribute("data-live-show") || "show";
  var changedText = note.getAttribute("data-live-changed") || "The queue has changed.";
  var source = null;
  var timer = null;
  var firstWait = 30000;
  var wait = firstWait;
  var notBefore = 0;

  // say writes what the status line announces, with a link when there is
  // somewhere to go; "" empties it.
  function say(text, href, linkText) {
    while (note.firstChild) { note.removeChild(note.firstChild); }
    if (!text) { return; }
    note.appendChild(document.createTextNode(text));
    if (href) {
      note.appendChild(document.createTextNode(" \u2013 "));
      var a = document.createElement("a");
      a.href = href;
      a.textContent = linkText;
      note.appendChild(a);
    }
  }

  function read(ev) {
    try { return JSON.parse(ev.data); } catch (e) { return null; }
  }

  // A thread: the count is this reader's, since the page was made. "show"
  // is a plain link to the first new post on its page.
  function onReplies(ev) {
    var d = read(ev);
    if (!d) { return; }
    say(d.count > 0 ? d.text : "", d.href, showText);
  }

  // busy reports whether the moderator is in the middle of something in
  // the list (focus in it, an action opened, a reason typed), which a
  // refresh would take away.
  function busy(list) {
    var active = document.activeElement;
    if (active && active !== document.body && list.contains(active)) { return true; }
    if (list.querySelector("details[open]")) { return true; }
    var fields = list.querySelectorAll("textarea, input, select");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.tagName === "SELECT") {
        for (var j = 0; j < f.options.length; j++) {
          if (f.options[j].selected !== f.options[j].defaultSelected) { return true; }
        }
      } else if (f.type === "checkbox" || f.type === "radio") {
        if (f.checked !== f.defaultChecked) { return true; }
      } else if (f.type !== "hidden" && f.value !== f.defaultValue) {
        return true;
      }
    }
    return false;
  }

  // The queue: fetch this page again (its filters kept) and take the
  // staff bar and the list from it, unless the moderator is busy in the
  // list; then the status line offers to show the new list.
  function onQueue(ev) {
    var d = read(ev);
    if (!d) { return; }
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var bar = document.querySelector(".staff-bar");
        var newBar = doc.querySelector(".staff-bar");
        if (bar && newBar) { bar.parentNode.replaceChild(document.importNode(newBar, true), bar); }
        var list = document.querySelector("[data-live-list]");
        var newList = doc.querySelector("[data-live-list]");
        if (!list || !newList) { return; }
        if (busy(list)) {
          say(d.arrived ? d.text : changedText, window.location.href, showText);
          return;
        }
        list.parentNode.replaceChild(document.importNode(newList, true), list);
        say(d.arrived ? d.text : "");
      })
      .catch(function () { /* the page still reloads as ever */ });
  }

  function close() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (source) { source.close(); source = null; }
  }

  function open() {
    if (source || timer || document.hidden) { return; }
    var now = Date.now();
    if (now < notBefore) {
      timer = setTimeout(function () { timer = null; open(); }, notBefore - now);
      return;
    }
    var s = new EventSource(url);
    source = s;
    s.addEventListener("replies", onReplies);
    s.addEventListener("queue", onQueue);
    s.addEventListener("open", function () { wait = firstWait; });
    s.addEventListener("error", function () {
      // CONNECTING: the browser tries again by itself (the server closed
      // an old stream). CLOSED: refused or failed; wait, longer each
      // time, up to ten minutes.
      if (s.readyState !== EventSource.CLOSED || source !== s) { return; }
      source = null;
      notBefore = Date.now() + wait + Math.floor(Math.random() * wait / 2);
      wait = Math.min(wait * 2, 600000);
      open();
    });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { close(); } else { open(); }
  });
  window.addEventListener("pagehide", close);
  window.addEventListener("pageshow", function (ev) { if (ev.persisted) { open(); } });
  if (kind === "thread" || kind === "queue") { open(); }
})();
