/* On a lesson page: "Marcar como completada" keeps working without a connection (the write is queued in
   IndexedDB and sent when the connection returns), and a queued completion or video position shows
   after a reload while still offline (docs/offline.md). */
(function () {
  "use strict";
  var panel = document.getElementById("sin-conexion");
  if (!panel || !window.AcervoQueue || !panel.dataset.user) return;
  var user = panel.dataset.user;
  var progressUrl = panel.dataset.progressUrl;
  var form = document.querySelector('form[action="' + panel.dataset.completeUrl + '"]');

  function showCompleted() {
    if (!form || !form.parentNode) return;
    var badge = document.createElement("p");
    badge.className = "badge";
    badge.textContent = panel.dataset.msgCompleted;
    var note = document.createElement("p");
    note.className = "muted";
    note.setAttribute("role", "status");
    note.textContent = panel.dataset.msgQueued;
    form.parentNode.replaceChild(badge, form);
    badge.parentNode.insertBefore(note, badge.nextSibling);
    form = null;
  }

  if (form) {
    // The completion goes through the progress API first: without a connection, or when the request
    // fails on the network, it is queued. Once the server has it, the form posts as usual (the same
    // completion again, which changes nothing) for its message and the next lesson.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var post = form;
      window.AcervoQueue.send(user, progressUrl, { status: "completed" }).then(function (result) {
        if (result.queued) showCompleted(); else post.submit();
      }, function () { post.submit(); });
    });
  }

  // What is still waiting to be sent for this lesson, shown on a page opened from the saved copy.
  window.AcervoQueue.pending().then(function (items) {
    items.forEach(function (item) {
      if (item.user !== user || item.url !== progressUrl) return;
      if (item.status === "completed") showCompleted();
      var video = document.querySelector("video[data-progress-url]");
      if (video && item.position) {
        video.dataset.start = String(item.position);
        var seek = function () { if ((video.currentTime || 0) < item.position) video.currentTime = item.position; };
        if (video.readyState >= 1) seek(); else video.addEventListener("loadedmetadata", seek, { once: true });
      }
    });
  }).catch(function () { /* IndexedDB unavailable (private mode): nothing is queued either */ });
})();
