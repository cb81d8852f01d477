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
  // file to a route whose body limit is small (only paths ending in /recordings take uploads).
  document.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    var uploading = submitter && /\/recordings$/.test(submitter.getAttribute("formaction") || "");
    if (!uploading) {
      event.target.querySelectorAll('input[type="file"]').forEach(function (input) {
        if (!input.form || input.form.getAttribute("action") !== "/app/recordings") { input.disabled = true; }
      });
    }
  });

  window.addEventListener("pageshow", function () {
    document.querySelectorAll('input[type="file"]').forEach(function (input) { input.disabled = false; });
  });

  // Characters used in the script body.
  document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
    var out = document.getElementById(area.getAttribute("data-counter"));
    var update = function () { out.textContent = area.value.length + " / " + area.maxLength; };
    area.addEventListener("input", update); update();
  });

  function post(url, text) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ text: text })
    });
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
      post("/web/preview/" + kind, source.value).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === 0) {
          return response.json().then(function (data) {
            if (data.ready) { showMessage(target, data.spoken, false); }
            else { showMessage(target, data.message || data.detail || "", true); }
          });
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
})();
