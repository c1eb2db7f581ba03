/* unsc live sessions: keep the board in step with the session (Server-Sent Events, else polling)
   and send votes and the President's actions through the JSON API. No dependencies; without
   JavaScript the forms still work (they post and the page reloads). */
(function () {
  "use strict";
  var root = document.getElementById("board");
  if (!root || !window.fetch) { return; }
  var sid = root.dataset.sid;
  /* No token in any URL: the session's cookie (set by the secret link) authenticates the board, the
     event stream and the forms. The projector's public view asks for the public board. */
  var version = Number(root.dataset.version);
  var query = root.dataset.role === "public" ? "?public=1" : "";
  var errorBox = document.getElementById("live-error");
  var statusBox = document.getElementById("live-status");
  var loading = false;
  var again = false;

  function showError(text) {
    if (!errorBox) { return; }
    errorBox.textContent = text || "";
    errorBox.hidden = !text;
  }

  function announce(text) {
    if (statusBox && text && statusBox.textContent !== text) { statusBox.textContent = text; }
  }

  /* The speaker's clock: the server sends seconds spoken when it rendered the board; the page counts
     on locally and resyncs whenever the board is re-rendered (every change of the session). */
  var timerBase = 0;
  var timerAnnounced = false;
  function clock(sec) {
    var s = Math.max(0, Math.ceil(sec));
    var r = s % 60;
    return Math.floor(s / 60) + ":" + (r < 10 ? "0" : "") + r;
  }
  function tick() {
    var el = document.getElementById("timer");
    if (!el || el.dataset.running !== "true") { return; }
    var elapsed = Number(el.dataset.elapsed) + (Date.now() - timerBase) / 1000;
    var limit = Number(el.dataset.limit);
    var out = document.getElementById("timer-clock");
    var note = document.getElementById("timer-note");
    if (!limit) { if (out) { out.textContent = clock(elapsed); } return; }
    if (out) { out.textContent = clock(limit - elapsed); }
    if (elapsed >= limit) {
      var box = document.getElementById("speaking");
      var up = document.getElementById("time-up");
      if (box) { box.classList.add("time-up"); }
      if (up) { up.hidden = false; }
      if (note) { note.textContent = "time is up"; }
      if (!timerAnnounced) { timerAnnounced = true; announce("Time is up."); }
    }
  }
  function startTimer() {
    timerBase = Date.now();
    var el = document.getElementById("timer");
    timerAnnounced = !!(el && document.getElementById("time-up") && !document.getElementById("time-up").hidden);
    tick();
  }
  startTimer();
  setInterval(tick, 250);

  /* Fetch the server-rendered board and swap it in, keeping keyboard focus where it was. */
  function refresh() {
    if (loading) { again = true; return; }
    loading = true;
    fetch("/live/" + encodeURIComponent(sid) + "/board" + query, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("#board");
        if (!fresh) { return; }
        var focused = document.activeElement && document.activeElement.id;
        root.innerHTML = fresh.innerHTML;
        root.dataset.version = fresh.dataset.version;
        root.dataset.summary = fresh.dataset.summary;
        version = Math.max(version, Number(fresh.dataset.version));
        startTimer();
        if (focused) {
          var el = document.getElementById(focused);
          if (el) { el.focus(); }
        }
        announce(fresh.dataset.summary);
      })
      .catch(function () { /* the next event retries */ })
      .then(function () {
        loading = false;
        if (again) { again = false; refresh(); }
      });
  }

  function onState(state) {
    if (state && typeof state.version === "number" && state.version !== version) {
      version = state.version;
      refresh();
    }
  }

  /* Forms inside the board post JSON to the API; the answer is the new state. */
  root.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.dataset || !form.dataset.api) { return; }
    ev.preventDefault();
    var body = {};
    new FormData(form).forEach(function (value, key) { body[key] = value; });
    if (ev.submitter && ev.submitter.name) { body[ev.submitter.name] = ev.submitter.value; }
    fetch(form.dataset.api, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store"
    })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (res) {
        if (!res.ok) {
          showError(res.data.detail || "The server refused this.");
          if (res.data.error === "conflict") { refresh(); }  /* e.g. the vote closed: show the vote open now */
          return;
        }
        showError("");
        onState(res.data);
      })
      .catch(function () { showError("Cannot reach the server: check the connection and try again."); });
  });

  /* Copy buttons for the delegates' links (chair page). */
  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest ? ev.target.closest("button.copy") : null;
    if (!btn) { return; }
    var input = document.getElementById(btn.dataset.copy);
    if (!input) { return; }
    input.select();
    var done = function () { btn.firstChild.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });

  function poll() {
    fetch("/api/live/" + encodeURIComponent(sid) + "/poll?since=" + version + "&wait=20", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (state) { onState(state); setTimeout(poll, 300); })
      .catch(function (status) {
        if (status === 404) { showError("This session has ended or expired."); return; }
        setTimeout(poll, 3000);
      });
  }

  if (window.EventSource) {
    var source = new EventSource("/api/live/" + encodeURIComponent(sid) + "/events");
    source.addEventListener("state", function (ev) { onState(JSON.parse(ev.data)); });
    source.addEventListener("gone", function () { source.close(); showError("This session has ended or expired."); });
  } else {
    poll();
  }
})();
