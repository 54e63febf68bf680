/* Lesson progress kept in IndexedDB while there is no connection, then sent again through the
   idempotent progress API (PUT /api/v1/lessons/<id>/progress/, see docs/offline.md).
   Loaded by lesson pages and by the service worker: it only uses what both have (fetch, IndexedDB). */
(function (scope) {
  "use strict";
  var DB_NAME = "acervo-sin-conexion";
  var STORE = "avance";
  var LOCK = "acervo-avance";
  var SYNC_TAG = "acervo-avance";
  var config = scope.ACERVO_OFFLINE || {};
  var TOKEN_URL = config.tokenUrl || "/cursos-sin-conexion/token.json";
  // Answers that mean "try again later" rather than "this write can never succeed".
  var RETRY_STATUSES = [408, 429, 502, 503, 504];

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "key" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // Runs `work(store, finish)` in one transaction; resolves with what `finish` was given once it commits.
  function transaction(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result;
        work(tx.objectStore(STORE), function (value) { result = value; });
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      });
    });
  }

  // One pending write per learner and lesson: a completion is never undone, the latest position wins.
  function enqueue(user, url, body) {
    return transaction("readwrite", function (store, finish) {
      var key = user + " " + url;
      var read = store.get(key);
      read.onsuccess = function () {
        var item = read.result || { key: key, user: String(user), url: url, status: "in_progress", position: null, rev: 0 };
        if (body.status === "completed") item.status = "completed";
        if (body.position_seconds !== undefined && body.position_seconds !== null) item.position = body.position_seconds;
        item.rev += 1;
        item.updated = Date.now();
        store.put(item);
        finish(item);
      };
    }).then(function (item) { askForBackgroundSync(); return item; });
  }

  function pending() {
    return transaction("readonly", function (store, finish) {
      var read = store.getAll();
      read.onsuccess = function () { finish(read.result || []); };
    });
  }

  // Removes a sent write, unless a newer one for the same lesson arrived while it was on its way.
  function forget(item) {
    return transaction("readwrite", function (store) {
      var read = store.get(item.key);
      read.onsuccess = function () {
        if (read.result && read.result.rev === item.rev) store.delete(item.key);
      };
    });
  }

  function askForBackgroundSync() {
    var workers = scope.navigator && scope.navigator.serviceWorker;
    if (!workers || typeof document === "undefined") return;
    workers.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register(SYNC_TAG);
    }).catch(function () { /* replayed on the next load or when the connection returns */ });
  }

  function cookieToken() {
    if (typeof document === "undefined") return "";
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function session() {
    return fetch(TOKEN_URL, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (!response.ok) throw new Error("session " + response.status);
      return response.json();
    });
  }

  function put(url, body, token, keepalive) {
    return fetch(url, {
      method: "PUT",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body),
      keepalive: !!keepalive
    });
  }

  function offline() {
    return scope.navigator && scope.navigator.onLine === false;
  }

  // Sends one write now, or keeps it for later when the network is not there.
  function send(user, url, body, keepalive) {
    var queued = function () { return enqueue(user, url, body).then(function () { return { queued: true }; }); };
    if (offline()) return queued();
    return put(url, body, cookieToken(), keepalive).then(function (response) {
      if (response.status === 403) {
        // A stale CSRF token (the session changed): read a fresh one and try once more.
        return session().then(function (current) { return put(url, body, current.csrfToken, keepalive); });
      }
      return response;
    }).then(function (response) {
      if (RETRY_STATUSES.indexOf(response.status) !== -1) return queued();
      return { queued: false, response: response };
    }, queued);
  }

  function sendQueued(item, token) {
    var body = { status: item.status };
    if (item.position !== null) body.position_seconds = item.position;
    return put(item.url, body, token).then(function (response) {
      if (RETRY_STATUSES.indexOf(response.status) !== -1) throw new Error("retry " + response.status);
      // Sent, or refused for good (lesson gone, enrolment removed): either way it leaves the queue.
      return forget(item);
    });
  }

  // Sends every write of the signed-in learner, one after another; resolves with how many were sent,
  // or -1 when the network failed (they stay queued). Others' writes wait for them to sign in again.
  function replay() {
    var run = function () {
      return pending().then(function (items) {
        if (!items.length) return 0;
        return session().then(function (current) {
          var mine = items.filter(function (item) { return current.user !== null && item.user === String(current.user); });
          return mine.reduce(function (chain, item) {
            return chain.then(function () { return sendQueued(item, current.csrfToken); });
          }, Promise.resolve()).then(function () { return mine.length; });
        });
      }).catch(function () { return -1; });
    };
    var locks = scope.navigator && scope.navigator.locks;
    return locks ? locks.request(LOCK, run) : run();
  }

  scope.AcervoQueue = { send: send, enqueue: enqueue, pending: pending, replay: replay, SYNC_TAG: SYNC_TAG };
})(self);
