// Upload form for videos and audios: progress bar, and on S3 direct presigned uploads with resumable parts.
(function () {
  "use strict";
  const form = document.querySelector("[data-media-upload]");
  if (!form || !window.XMLHttpRequest) return;

  const bar = form.querySelector("[data-upload-progress]");
  const status = form.querySelector("[data-upload-status]");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const msg = (name) => form.dataset["msg" + name.charAt(0).toUpperCase() + name.slice(1)];

  function say(text) { status.textContent = text; }
  function show(done, total) { bar.hidden = false; bar.value = total ? Math.round((100 * done) / total) : 0; }

  function send(method, url, body, headers, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      Object.entries(headers || {}).forEach(([k, v]) => xhr.setRequestHeader(k, v));
      if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => resolve(xhr);
      xhr.onerror = () => reject(new Error(msg("failed")));
      xhr.send(body);
    });
  }

  async function postJSON(url, data) {
    const xhr = await send("POST", url, JSON.stringify(data), { "Content-Type": "application/json", "X-CSRFToken": csrf });
    const body = JSON.parse(xhr.responseText || "{}");
    if (xhr.status >= 400) throw new Error(Object.values(body.errors || {}).join(" ") || msg("failed"));
    return body;
  }

  // Network hiccups are normal on slow connections: each part is retried before giving up.
  async function withRetries(attempt) {
    for (let i = 0; ; i++) {
      try { return await attempt(); } catch (error) {
        if (i >= 4) throw error;
        say(msg("retrying"));
        await new Promise((r) => setTimeout(r, 1000 * 2 ** i));
      }
    }
  }

  async function uploadParts(file, plan, token) {
    const doneBytes = {};
    const total = () => Object.values(doneBytes).reduce((a, b) => a + b, 0);
    (plan.done || []).forEach((n) => { doneBytes[n] = Math.min(plan.part_size, file.size - (n - 1) * plan.part_size); });
    for (const part of plan.parts) {
      const start = (part.number - 1) * plan.part_size;
      const blob = file.slice(start, Math.min(start + plan.part_size, file.size));
      await withRetries(async () => {
        const xhr = await send("PUT", part.url, blob, {}, (loaded) => { doneBytes[part.number] = loaded; show(total(), file.size); });
        if (xhr.status >= 300) throw new Error(msg("failed"));
      });
      doneBytes[part.number] = blob.size;
      show(total(), file.size);
    }
  }

  async function direct(file) {
    const kind = form.elements.kind.value;
    const resumeKey = "acervo-upload:" + [file.name, file.size, file.lastModified, kind].join(":");
    let token = localStorage.getItem(resumeKey);
    let plan;
    if (token) {
      try { plan = await postJSON(form.dataset.resumeUrl, { token }); plan.mode = "multipart"; } catch (e) { token = null; }
    }
    if (!token) {
      plan = await postJSON(form.dataset.startUrl, { filename: file.name, size: file.size, kind });
      token = plan.token;
    }
    say(msg("uploading"));
    if (plan.mode === "post") {
      const data = new FormData();
      Object.entries(plan.fields).forEach(([k, v]) => data.append(k, v));
      data.append("file", file);
      await withRetries(async () => {
        const xhr = await send("POST", plan.url, data, {}, (loaded) => show(loaded, file.size));
        if (xhr.status >= 300) throw new Error(msg("failed"));
      });
    } else {
      localStorage.setItem(resumeKey, token);
      await uploadParts(file, plan, token);
    }
    say(msg("verifying"));
    const asset = await postJSON(form.dataset.completeUrl, { token, title: form.elements.title.value });
    localStorage.removeItem(resumeKey);
    window.location.assign(asset.edit_url);
  }

  async function ordinary() {
    say(msg("uploading"));
    const xhr = await send("POST", form.action || window.location.href, new FormData(form), {}, (loaded) => show(loaded, form.elements.file.files[0].size));
    // The server answers with the edit page (success) or this form with its errors.
    if (xhr.responseURL && xhr.responseURL !== window.location.href) { window.location.assign(xhr.responseURL); return; }
    document.open(); document.write(xhr.responseText); document.close();
  }

  form.addEventListener("submit", async (event) => {
    const file = form.elements.file.files[0];
    if (!file) return;
    event.preventDefault();
    form.querySelector("button[type=submit]").disabled = true;
    try {
      if (form.dataset.direct === "true") await direct(file); else await ordinary();
    } catch (error) {
      say(error.message || msg("failed"));
      form.querySelector("button[type=submit]").disabled = false;
    }
  });
})();
