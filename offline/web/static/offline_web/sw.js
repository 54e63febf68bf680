/* The site's service worker (served at /sw.js, after the line that sets self.ACERVO_OFFLINE).
   Pages come from the network first; without it, from a saved course, or else the offline page.
   Saved courses live in their own caches ("acervo-curso-<id>"), filled by the lesson page's button.
   Progress queued by lesson pages is sent again here too (Background Sync, or a page asking).
   See docs/offline.md. */
"use strict";
var CONFIG = self.ACERVO_OFFLINE;
var BASE_CACHE = "acervo-base-" + CONFIG.version;
var COURSE_CACHE_PREFIX = "acervo-curso-";
// Never answered from a cache: the admin, the APIs, the worker itself and the session token.
var NETWORK_ONLY = ["/admin/", "/api/", "/sw.js", CONFIG.tokenUrl];

importScripts(CONFIG.queueScript);

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(BASE_CACHE)
      .then(function (cache) { return cache.addAll(CONFIG.precache); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("acervo-base-") === 0 && name !== BASE_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function networkOnly(url) {
  return NETWORK_ONLY.some(function (prefix) { return url.pathname.indexOf(prefix) === 0; });
}

function savedCopy(request) {
  return caches.match(request, { ignoreSearch: true, ignoreVary: true });
}

// A saved page fetched again with the connection is kept up to date in its course's cache.
function refreshSaved(request, response) {
  if (!response.ok || response.type !== "basic") return Promise.resolve();
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(COURSE_CACHE_PREFIX) === 0; })
      .map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) {
            if (hit) return cache.put(new URL(request.url).pathname, response.clone());
          });
        });
      }));
  });
}

function page(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    event.waitUntil(refreshSaved(request, response.clone()));
    return response;
  }, function () {
    return savedCopy(request).then(function (hit) {
      return hit || caches.match(CONFIG.offlinePage, { ignoreVary: true });
    });
  });
}

// Video and audio players ask for byte ranges; a saved file answers them from its copy.
function ranged(request, response) {
  var range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("Range") || "");
  if (!range || (!range[1] && !range[2])) return response;
  return response.blob().then(function (blob) {
    var size = blob.size;
    var start = range[1] ? parseInt(range[1], 10) : Math.max(size - parseInt(range[2], 10), 0);
    var end = range[1] && range[2] ? Math.min(parseInt(range[2], 10), size - 1) : size - 1;
    if (start >= size || start > end) {
      return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } });
    }
    return new Response(blob.slice(start, end + 1), {
      status: 206,
      headers: {
        "Content-Range": "bytes " + start + "-" + end + "/" + size,
        "Content-Length": String(end - start + 1),
        "Content-Type": response.headers.get("Content-Type") || blob.type,
        "Accept-Ranges": "bytes"
      }
    });
  });
}

function asset(request) {
  return fetch(request).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit ? ranged(request, hit) : Response.error();
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || networkOnly(url)) return;
  event.respondWith(request.mode === "navigate" ? page(event) : asset(request));
});

self.addEventListener("sync", function (event) {
  if (event.tag !== self.AcervoQueue.SYNC_TAG) return;
  event.waitUntil(self.AcervoQueue.replay().then(function (sent) {
    if (sent < 0) throw new Error("sin conexión: se reintentará");
  }));
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "replay") event.waitUntil(self.AcervoQueue.replay());
});
