// Saves the video position every few seconds through the learner API and resumes from ?t= or the saved position.
(function () {
  "use strict";
  var SAVE_EVERY_MS = 5000;

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function track(video) {
    var url = video.dataset.progressUrl;
    var lastSent = parseInt(video.dataset.start, 10) || 0;
    // Only what the learner actually watched is saved: a video that never loaded must not
    // overwrite the saved position with 0 when they leave the page.
    var touched = false;

    function save() {
      if (!touched) return;
      var position = Math.floor(video.currentTime || 0);
      if (position === lastSent) return;
      lastSent = position;
      var body = { status: "in_progress", position_seconds: position };
      // Without a connection the write waits in the browser and is sent later (see docs/offline.md).
      var offline = document.getElementById("sin-conexion");
      if (window.AcervoQueue && offline && offline.dataset.user) {
        window.AcervoQueue.send(offline.dataset.user, url, body, true).catch(function () { lastSent = -1; });
        return;
      }
      fetch(url, {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify(body),
        keepalive: true
      }).catch(function () { lastSent = -1; });
    }

    var start = parseInt(video.dataset.start, 10) || 0;
    if (start > 0) {
      var seek = function () { video.currentTime = start; };
      if (video.readyState >= 1) seek(); else video.addEventListener("loadedmetadata", seek, { once: true });
    }
    var timer = null;
    ["play", "seeked", "pause"].forEach(function (name) {
      video.addEventListener(name, function () { touched = true; }, true);
    });
    video.addEventListener("play", function () { timer = timer || setInterval(save, SAVE_EVERY_MS); });
    video.addEventListener("pause", function () { clearInterval(timer); timer = null; save(); });
    video.addEventListener("ended", function () { clearInterval(timer); timer = null; save(); });
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") save(); });
  }

  document.querySelectorAll("video[data-progress-url]").forEach(track);
})();
