// Loa: record the announcer's voice in the script editor (MediaRecorder). Without a microphone or
// MediaRecorder the section stays hidden and the file input does the same job.
(function () {
  "use strict";
  var box = document.getElementById("recorder");
  if (!box || !window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  var form = box.closest("form");
  var part = function (name) { return box.querySelector('[data-rec="' + name + '"]'); };
  var start = part("start"), stop = part("stop"), status = part("status"), player = part("player");
  var review = part("review"), again = part("again"), keep = part("keep");
  var voice = form.querySelector('[data-rec="voice"]'), upload = form.querySelector('[data-rec="upload"]');
  var fileInput = form.querySelector('input[type="file"][name="file"]');
  var limit = parseInt(box.getAttribute("data-max-seconds"), 10) || 600;
  var recorder = null, chunks = [], take = null, began = 0, ticker = null;
  box.hidden = false;

  // What each browser records best: Chromium WebM/Opus, Firefox Ogg/Opus, Safari MP4/AAC.
  var TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
  function chosenType() {
    for (var i = 0; i < TYPES.length; i++) {
      if (MediaRecorder.isTypeSupported && MediaRecorder.isTypeSupported(TYPES[i])) { return TYPES[i]; }
    }
    return "";
  }
  function suffix(type) {
    return /ogg/.test(type) ? ".ogg" : /mp4|aac/.test(type) ? ".m4a" : ".webm";
  }
  function clock(seconds) {
    var s = Math.floor(seconds);
    return Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }
  function say(name, time) {
    status.textContent = (box.getAttribute("data-msg-" + name) || "").replace("{time}", time || "");
  }
  function show(recording) {
    // Idle: Record. Recording: Stop. With a take: listen, Record again, Keep.
    start.hidden = recording || !!take; stop.hidden = !recording;
    review.hidden = recording || !take; player.hidden = recording || !take;
  }

  function begin() {
    start.disabled = true;
    navigator.mediaDevices.getUserMedia({
      // The raw microphone: nothing plays while recording (no echo to cancel), and the browser's own
      // gain control and noise suppression take a second to settle, leaving a loud start that would
      // pass for speech. The server removes steady noise and sets the loudness itself.
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false }
    }).then(function (stream) {
      var type = chosenType();
      recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      chunks = [];
      recorder.addEventListener("dataavailable", function (event) { if (event.data.size) { chunks.push(event.data); } });
      recorder.addEventListener("stop", function () {
        stream.getTracks().forEach(function (track) { track.stop(); });
        window.clearInterval(ticker);
        var seconds = (Date.now() - began) / 1000;
        take = new Blob(chunks, { type: recorder.mimeType || type || "audio/webm" });
        if (player.src) { URL.revokeObjectURL(player.src); }
        player.src = URL.createObjectURL(take);
        show(false);
        if (seconds < limit) { say("recorded", clock(seconds)); }
        player.focus();
      });
      recorder.start(1000);
      began = Date.now();
      take = null;
      show(true);
      say("recording", "0:00");
      ticker = window.setInterval(function () {
        var seconds = (Date.now() - began) / 1000;
        say("recording", clock(seconds));
        if (seconds >= limit) { say("limit"); recorder.stop(); }
      }, 250);
      stop.focus();
    }).catch(function () {
      say("no-mic");
    }).finally(function () { start.disabled = false; });
  }

  function send() {
    if (!take) { return; }
    var name = "ghi-am-giong-doc" + suffix(take.type);
    keep.disabled = again.disabled = true;
    say("sending");
    voice.value = "1";
    try {
      // The page's own form carries the take, so everything typed comes back with it (or with
      // the reason the take was refused, next to the recording field).
      var files = new DataTransfer();
      files.items.add(new File([take], name, { type: take.type }));
      fileInput.files = files.files;
      form.requestSubmit(upload);
    } catch (e) {
      // Browsers without DataTransfer(): the same post, made by hand.
      var data = new FormData(form);
      data.set("file", take, name);
      data.set("action", "upload");
      fetch(upload.getAttribute("formaction"), { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) {
          if (response.redirected) { window.location.assign(response.url); return null; }
          return response.text().then(function (html) { document.open(); document.write(html); document.close(); });
        }).catch(function () { keep.disabled = again.disabled = false; say("failed"); });
    }
  }

  start.addEventListener("click", begin);
  again.addEventListener("click", begin);
  stop.addEventListener("click", function () { if (recorder && recorder.state !== "inactive") { recorder.stop(); } });
  keep.addEventListener("click", send);
  window.addEventListener("pageshow", function () { voice.value = ""; keep.disabled = again.disabled = false; });
})();
