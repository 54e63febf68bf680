/* "Guardar para ver sin conexión": keeps the course's pages and files in a cache of their own, with its
   listing (and the size saved) so the page can say the course is ready offline (docs/offline.md). */
(function () {
  "use strict";
  var panel = document.getElementById("sin-conexion");
  if (!panel) return;
  // The panel is in the page from the start (no layout shift); a browser that cannot keep pages offline
  // does not get it at all.
  if (!("caches" in window) || !("serviceWorker" in navigator)) { panel.hidden = true; return; }
  var status = panel.querySelector("[data-status]");
  var bar = panel.querySelector("[data-progress]");
  var saveButton = panel.querySelector("[data-save]");
  var removeButton = panel.querySelector("[data-remove]");
  var cacheName = panel.dataset.cache;
  var listingUrl = panel.dataset.listing;
  var PARALLEL = 3;

  function message(name, values) {
    return (panel.dataset[name] || "").replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function megabytes(bytes) {
    var value = Math.max(bytes / 1048576, 0.01);
    return value.toLocaleString("es-MX", { maximumFractionDigits: value < 10 ? 2 : 1 });
  }

  function showSaved(meta) {
    var text = message("msgSaved", { tamano: megabytes(meta.bytes) });
    if (meta.failed) text += " · " + message("msgFailed", { fallidos: meta.failed });
    status.textContent = text;
    bar.hidden = true;
    removeButton.hidden = false;
    panel.dataset.saved = "true";
  }

  // Fetches one address and keeps it; resolves with its size, or -1 when it could not be kept.
  function keep(cache, url) {
    // "no-store": what is saved lives in the course's cache only, so removing the course really removes it.
    return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok || response.redirected) return -1;
      return response.clone().blob().then(function (blob) {
        return cache.put(url, response).then(function () { return blob.size; });
      });
    }).catch(function () { return -1; });
  }

  function save() {
    saveButton.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    fetch(listingUrl, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("listing " + response.status);
      return response.json();
    }).then(function (listing) {
      var urls = listing.pages.concat(listing.files);
      var done = 0;
      var bytes = 0;
      var failed = 0;
      var next = 0;
      status.textContent = message("msgSaving", { hechos: 0, total: urls.length });
      return caches.open(cacheName).then(function (cache) {
        function worker() {
          if (next >= urls.length) return Promise.resolve();
          var url = urls[next++];
          return keep(cache, url).then(function (size) {
            if (size < 0) failed += 1; else bytes += size;
            done += 1;
            bar.value = Math.round((done / urls.length) * 100);
            status.textContent = message("msgSaving", { hechos: done, total: urls.length });
            return worker();
          });
        }
        var workers = [];
        for (var i = 0; i < PARALLEL; i += 1) workers.push(worker());
        return Promise.all(workers).then(function () {
          var meta = Object.assign({}, listing, { bytes: bytes, failed: failed, saved_at: new Date().toISOString() });
          var body = JSON.stringify(meta);
          return cache.put(listingUrl, new Response(body, { headers: { "Content-Type": "application/json" } }))
            .then(function () { showSaved(meta); });
        });
      });
    }).catch(function () {
      status.textContent = message("msgError", {});
      bar.hidden = true;
    }).then(function () { saveButton.disabled = false; });
  }

  function remove() {
    caches.delete(cacheName).then(function () {
      status.textContent = message("msgRemoved", {});
      removeButton.hidden = true;
      delete panel.dataset.saved;
      saveButton.focus();
    });
  }

  saveButton.addEventListener("click", save);
  removeButton.addEventListener("click", remove);
  saveButton.disabled = false;
  caches.open(cacheName).then(function (cache) { return cache.match(listingUrl); }).then(function (hit) {
    return hit ? hit.json().then(showSaved) : null;
  });
})();
