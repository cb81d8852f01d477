// Loa: the few things a server-rendered page cannot do alone. No framework, no build step.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  // Ask before irreversible actions (withdraw, revoke, delete).
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) { event.preventDefault(); }
  });

  // A chosen audio file travels only with "Tải lên": saving the script must not carry a large
  // file to a route whose body limit is small (only paths ending in /recordings or /letters take
  // uploads).
  var UPLOADS = /\/(recordings|letters)$/;
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var uploading = submitter && UPLOADS.test(submitter.getAttribute("formaction") || "");
    if (!uploading) {
      event.target.querySelectorAll('input[type="file"]').forEach(function (input) {
        if (!input.form || !UPLOADS.test(input.form.getAttribute("action") || "")) { input.disabled = true; }
      });
    }
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll('input[type="file"]').forEach(function (input) { input.disabled = false; });
  });

  // The recurring fields: the weekdays for "on weekdays", the day for "a day of the month".
  var repeat = document.getElementById("repeat");
  if (repeat) {
    var syncRepeat = function () {
      document.querySelectorAll(".repeat-days").forEach(function (el) { el.hidden = repeat.value !== "weekly"; });
      document.querySelectorAll(".repeat-monthday").forEach(function (el) { el.hidden = repeat.value !== "monthly"; });
    };
    repeat.addEventListener("change", syncRepeat);
    syncRepeat();
  }

  // Characters used in the script body.
  document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
    var out = document.getElementById(area.getAttribute("data-counter"));
    var update = function () { out.textContent = area.value.length + " / " + area.maxLength; };
    area.addEventListener("input", update); update();
  });

  // After a failed post the summary of what to fix takes the focus, so it is read out first.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) { summary.focus(); }

  // Drafts: what the officer types is kept in this browser until the server has saved it, so an
  // expired session (or a closed tab) loses nothing. Keyed per user and form by the server.
  var DRAFT_SKIP = /^(csrf_token|form_token|version|script_id|action)$/;
  var DRAFT_DAYS = 7;

  function readDraft(key) {
    try {
      var draft = JSON.parse(window.localStorage.getItem(key) || "null");
      if (draft && Date.now() - draft.at < DRAFT_DAYS * 864e5) { return draft; }
    } catch (e) { /* unreadable: start afresh */ }
    return null;
  }

  function fieldsOf(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || DRAFT_SKIP.test(el.name) || /^(file|submit|button)$/.test(el.type)) { return; }
      if (el.type === "checkbox") {
        data[el.name] = data[el.name] || [];
        if (el.checked) { data[el.name].push(el.value); }
      } else if (el.type === "radio") {
        if (el.checked) { data[el.name] = el.value; }
      } else { data[el.name] = el.value; }
    });
    return data;
  }

  function applyFields(form, data) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in data) || DRAFT_SKIP.test(el.name) || /^(file|submit|button)$/.test(el.type)) { return; }
      if (el.type === "checkbox") { el.checked = data[el.name].indexOf(el.value) >= 0; }
      else if (el.type === "radio") { el.checked = data[el.name] === el.value; }
      else { el.value = data[el.name]; }
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  function saveDraft(form) {
    try {
      window.localStorage.setItem(form.getAttribute("data-draft"),
        JSON.stringify({ at: Date.now(), fields: fieldsOf(form) }));
    } catch (e) { /* storage full or off: the form still works */ }
  }

  var done = document.querySelector('meta[name="loa-draft-done"]');
  if (done) { try { window.localStorage.removeItem(done.content); } catch (e) { /* nothing kept */ } }

  document.querySelectorAll("form[data-draft]").forEach(function (form) {
    var key = form.getAttribute("data-draft");
    var draft = readDraft(key);
    if (form.getAttribute("data-draft-fresh") !== "yes") {
      saveDraft(form);  // a refused post came back with what was typed: that is the draft now
    } else if (draft && JSON.stringify(draft.fields) !== JSON.stringify(fieldsOf(form))) {
      applyFields(form, draft.fields);
      var note = document.createElement("div");
      note.className = "notice draft-restored";
      note.setAttribute("role", "status");
      var text = document.createElement("p");
      var at = new Date(draft.at);
      text.textContent = form.getAttribute("data-draft-restored")
        .replace("{at}", at.toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" }));
      var discard = document.createElement("button");
      discard.type = "button"; discard.className = "secondary";
      discard.textContent = form.getAttribute("data-draft-discard");
      discard.addEventListener("click", function () { window.localStorage.removeItem(key); window.location.reload(); });
      note.appendChild(text); note.appendChild(discard);
      form.parentNode.insertBefore(note, form);
    }
    form.addEventListener("input", function () { saveDraft(form); });
    form.addEventListener("change", function () { saveDraft(form); });
    form.addEventListener("submit", function () { saveDraft(form); });
  });

  function post(url, text, extra) {
    var body = { text: text };
    Object.keys(extra || {}).forEach(function (name) { body[name] = extra[name]; });
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    });
  }

  // `data-with="key:abbr-key reading:abbr-reading"`: more fields the preview sends, by element id.
  function extraOf(button) {
    var extra = {};
    (button.getAttribute("data-with") || "").split(" ").forEach(function (pair) {
      var parts = pair.split(":");
      var el = parts.length === 2 ? document.getElementById(parts[1]) : null;
      if (el) { extra[parts[0]] = el.value; }
    });
    return extra;
  }

  function fill(id, value) {
    var el = id ? document.getElementById(id) : null;
    if (el) { el.textContent = value; }
  }

  function showMessage(target, message, notReady) {
    target.textContent = message;
    target.classList.toggle("not-ready", !!notReady);
  }

  // "Xem lời đọc" (spoken form) and "Nghe thử" (listen).
  document.querySelectorAll("button[data-preview]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-source"));
      var target = document.getElementById(button.getAttribute("data-target"));
      var kind = button.getAttribute("data-preview");
      button.disabled = true;
      post("/web/preview/" + kind, source.value, extraOf(button)).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === 0) {
          return response.json().then(function (data) {
            if (data.ready) {
              showMessage(target, data.spoken, false);
              if ("before" in data) { fill(button.getAttribute("data-before"), data.before); }
              var builtIn = document.getElementById(button.getAttribute("data-built-in") || "");
              if (builtIn && "built_in" in data) {
                builtIn.textContent = data.built_in ? builtIn.getAttribute("data-template").replace("{reading}", data.built_in) : "";
              }
              return;
            }
            showMessage(target, data.message || data.detail || "", true);
            if (response.status === 401 && data.login_url) {
              // The session expired: the draft is kept (above); signing in brings the user back here.
              var link = document.createElement("a");
              link.href = data.login_url;
              link.textContent = target.getAttribute("data-sign-in") || "Đăng nhập lại";
              target.appendChild(document.createTextNode(" "));
              target.appendChild(link);
            }
          });
        }
        if (!response.ok || type.indexOf("audio/") !== 0) {
          throw new Error("unexpected answer " + response.status);
        }
        return response.blob().then(function (blob) {
          var player = document.getElementById(button.getAttribute("data-player"));
          player.src = URL.createObjectURL(blob); player.hidden = false; player.play();
        });
      }).catch(function () {
        showMessage(target, document.documentElement.lang === "en" ? "No connection to the server." : "Không kết nối được máy chủ.", true);
      }).finally(function () { button.disabled = false; });
    });
  });

  // `data-live`: the preview follows what is typed, a moment after the typing stops.
  document.querySelectorAll("button[data-preview][data-live]").forEach(function (button) {
    var ids = [button.getAttribute("data-source")];
    (button.getAttribute("data-with") || "").split(" ").forEach(function (pair) { ids.push(pair.split(":")[1]); });
    var timer = null;
    // A preview still on its way: ask again once it is back, so the last thing typed is shown.
    function later(ms) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { if (button.disabled) { later(200); } else { button.click(); } }, ms);
    }
    ids.forEach(function (id) {
      var el = id ? document.getElementById(id) : null;
      if (el) { el.addEventListener("input", function () { later(400); }); }
    });
    if (document.getElementById(button.getAttribute("data-source")).value) { button.click(); }
  });
})();
