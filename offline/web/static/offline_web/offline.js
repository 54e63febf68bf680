/* On every page: installs the service worker (the site works offline for saved courses), asks it to send
   progress queued without a connection, and lists the saved courses on the offline page (docs/offline.md). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  var workers = navigator.serviceWorker;

  function replay() {
    if (workers.controller) {
      workers.controller.postMessage({ type: "replay" });
    } else if (window.AcervoQueue) {
      window.AcervoQueue.replay();
    }
  }

  // After the page has loaded: installing the worker (and its first downloads) never slows the page down.
  function register() {
    workers.register("/sw.js", { scope: "/" }).catch(function () { /* the site still works online */ });
  }
  if (document.readyState === "complete") register(); else window.addEventListener("load", register);
  window.addEventListener("online", replay);
  if (navigator.onLine) workers.ready.then(replay);

  var list = document.querySelector("[data-saved-courses]");
  if (!list || !("caches" in window)) return;
  caches.keys().then(function (names) {
    var saved = names.filter(function (name) { return name.indexOf("acervo-curso-") === 0; });
    return Promise.all(saved.map(function (name) {
      // The course's listing is kept in its cache, with when it was saved and its size.
      var listing = "/cursos-sin-conexion/" + name.slice("acervo-curso-".length) + ".json";
      return caches.open(name).then(function (cache) { return cache.match(listing); })
        .then(function (meta) { return meta ? meta.json() : null; });
    }));
  }).then(function (courses) {
    courses.filter(Boolean).forEach(function (course) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = course.lessons.length ? course.lessons[0].url : course.course.url;
      link.textContent = course.course.title;
      item.appendChild(link);
      list.appendChild(item);
    });
    if (list.children.length) list.parentNode.hidden = false;
  });
})();
