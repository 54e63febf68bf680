// The book reader: one page of a stored PDF drawn by pdf.js, with a text layer in which the words
// of the query are marked. It only enhances the page: without it (no JavaScript, pdf.js missing, an
// old browser) the links to the previous and next page and to the PDF itself still work.

// At 100 % a page is as wide as the screen, up to this width: wider would not fit its height.
const MAX_WIDTH = 860;
// Zoom steps from that width; a phone needs 200-300 % to read a textbook's body text.
const ZOOM_LEVELS = [1, 1.5, 2, 3];
const RESIZE_DELAY_MS = 200;

const root = document.querySelector("[data-reader]");
if (root) {
  start(root).catch((error) => fail(root, error));
}

function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

function parts(root) {
  const part = (name) => root.querySelector(`[data-reader-${name}]`);
  return {
    notice: part("notice"),
    status: part("status"),
    stage: part("stage"),
    sheet: part("sheet"),
    canvas: part("canvas"),
    text: part("text"),
    previous: part("previous"),
    next: part("next"),
    goto: part("goto"),
    pdfLink: part("pdf-link"),
    zoom: part("zoom"),
    zoomIn: part("zoom-in"),
    zoomOut: part("zoom-out"),
    zoomLevel: part("zoom-level"),
  };
}

function fail(root, error) {
  console.error(error);
  root.dataset.readerState = "failed";
  const ui = parts(root);
  ui.stage.hidden = true;
  ui.zoom.hidden = true;
  showNotice(ui, root.dataset.textFailed);
}

function showNotice(ui, text) {
  ui.notice.textContent = text || "";
  ui.notice.hidden = !text;
}

// Lowercase without accents, like the search index (search/text.py), with each folded character
// mapped back to the span of the original character it came from.
function foldWithMap(text) {
  let folded = "";
  const starts = [];
  const ends = [];
  let position = 0;
  for (const char of text) {
    const plain = char.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    for (let i = 0; i < plain.length; i += 1) {
      starts.push(position);
      ends.push(position + char.length);
    }
    folded += plain;
    position += char.length;
  }
  return { folded, starts, ends };
}

// Words that start with one of the terms (already folded by the server), marked whole.
function termPattern(terms) {
  if (!terms.length) return null;
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "gu");
}

function highlight(textDivs, pattern) {
  let count = 0;
  for (const div of textDivs) {
    const text = div.textContent;
    const { folded, starts, ends } = foldWithMap(text);
    const spans = [];
    for (const match of folded.matchAll(pattern)) {
      spans.push([starts[match.index], ends[match.index + match[0].length - 1]]);
    }
    if (!spans.length) continue;
    const pieces = [];
    let at = 0;
    for (const [first, end] of spans) {
      if (first > at) pieces.push(text.slice(at, first));
      const mark = document.createElement("mark");
      mark.className = "highlight";
      mark.textContent = text.slice(first, end);
      pieces.push(mark);
      at = end;
    }
    if (at < text.length) pieces.push(text.slice(at));
    div.replaceChildren(...pieces);
    count += spans.length;
  }
  return count;
}

function pageUrl(number) {
  const url = new URL(window.location.href);
  url.searchParams.set("pagina", number);
  return url.pathname + url.search;
}

function setLink(link, href) {
  if (href) {
    link.href = href;
    link.removeAttribute("aria-disabled");
  } else {
    link.removeAttribute("href");
    link.setAttribute("aria-disabled", "true");
  }
}

async function start(root) {
  const data = root.dataset;
  const ui = parts(root);
  const pdfjs = await import(data.pdfjs);
  pdfjs.GlobalWorkerOptions.workerSrc = data.worker;
  const book = await pdfjs.getDocument({
    url: data.file,
    cMapUrl: `${data.pdfjsData}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${data.pdfjsData}standard_fonts/`,
    wasmUrl: `${data.pdfjsData}wasm/`,
    iccUrl: `${data.pdfjsData}iccs/`,
    isEvalSupported: false,
    // Fetch only the byte ranges pdf.js needs, not the whole book in the background. It still
    // reads every page object of a flat page tree when it opens a book (it checks the last
    // page), so chunks of 256 KB rather than 64 KB keep the round trips few on slow links.
    disableStream: true,
    disableAutoFetch: true,
    rangeChunkSize: 256 * 1024,
  }).promise;

  const total = book.numPages;
  const pattern = termPattern((data.terms || "").split(" ").filter(Boolean));
  const input = ui.goto.elements.pagina;
  input.max = total;
  let current = 0;
  let renders = 0; // each show() takes a number; an older one stops when a newer one starts
  let renderTask = null;
  let textLayer = null;
  let renderedWidth = 0;
  let zoom = 0; // index in ZOOM_LEVELS

  function clamp(number) {
    return Math.min(Math.max(1, number), total);
  }

  function statusText(number, matches) {
    let text = format(data.textStatus, { page: number, total });
    if (data.query) {
      const template = matches ? data.textMatches : data.textNoMatches;
      text += ` · ${format(template, { query: data.query, count: matches })}`;
    }
    return text;
  }

  async function show(number) {
    const turn = ++renders;
    current = number;
    renderTask?.cancel();
    textLayer?.cancel();
    ui.status.textContent = format(data.textLoading, { page: number });
    const page = await book.getPage(number);
    if (turn !== renders) return; // a later request took over

    ui.stage.hidden = false;
    const width = Math.min(ui.stage.clientWidth, MAX_WIDTH) * ZOOM_LEVELS[zoom];
    const scale = width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    ui.canvas.width = Math.floor(viewport.width * ratio);
    ui.canvas.height = Math.floor(viewport.height * ratio);
    ui.sheet.style.width = `${Math.floor(viewport.width)}px`;
    ui.sheet.style.height = `${Math.floor(viewport.height)}px`;
    ui.sheet.style.setProperty("--total-scale-factor", scale);
    renderedWidth = ui.stage.clientWidth;

    renderTask = page.render({
      canvas: ui.canvas,
      viewport,
      transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0],
    });
    ui.text.replaceChildren();
    textLayer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: ui.text, viewport });
    try {
      await Promise.all([renderTask.promise, textLayer.render()]);
    } catch (error) {
      if (turn !== renders) return; // cancelled by a later request
      throw error;
    }
    const matches = pattern ? highlight(textLayer.textDivs, pattern) : 0;

    ui.status.textContent = statusText(number, matches);
    input.value = number;
    setLink(ui.previous, number > 1 ? pageUrl(number - 1) : null);
    setLink(ui.next, number < total ? pageUrl(number + 1) : null);
    ui.pdfLink.href = `${data.file}#page=${number}`;
    ui.pdfLink.textContent = format(data.textPdfLink, { page: number });
    document.title = format(data.textTitle, { page: number });
    root.dataset.renderedPage = number;
    root.dataset.readerState = "ready";
    return matches;
  }

  function go(number) {
    const target = clamp(number);
    showNotice(ui, target === number ? "" : format(data.textClamped, { page: target, total }));
    if (target !== current) {
      window.history.pushState({ page: target }, "", pageUrl(target));
    }
    return show(target).then(() => {
      if (ui.stage.getBoundingClientRect().top < 0) ui.stage.scrollIntoView({ block: "start" });
    });
  }

  const requested = Number(data.page);
  const first = clamp(requested);
  if (first !== requested) {
    showNotice(ui, format(data.textClamped, { page: first, total }));
    window.history.replaceState({ page: first }, "", pageUrl(first));
  }
  const matches = await show(first);
  const mark = ui.text.querySelector("mark");
  if (matches && mark.getBoundingClientRect().bottom > window.innerHeight) {
    mark.scrollIntoView({ block: "center" });
  }

  const onError = (error) => fail(root, error);
  function setZoom(step) {
    zoom = Math.min(Math.max(0, zoom + step), ZOOM_LEVELS.length - 1);
    ui.zoomLevel.textContent = `${ZOOM_LEVELS[zoom] * 100} %`;
    ui.zoomOut.disabled = zoom === 0;
    ui.zoomIn.disabled = zoom === ZOOM_LEVELS.length - 1;
    return show(current);
  }
  ui.zoom.hidden = false;
  ui.zoomOut.disabled = true;
  ui.zoomIn.addEventListener("click", () => setZoom(1).catch(onError));
  ui.zoomOut.addEventListener("click", () => setZoom(-1).catch(onError));
  ui.previous.addEventListener("click", (event) => {
    if (!ui.previous.hasAttribute("href")) return;
    event.preventDefault();
    go(current - 1).catch(onError);
  });
  ui.next.addEventListener("click", (event) => {
    if (!ui.next.hasAttribute("href")) return;
    event.preventDefault();
    go(current + 1).catch(onError);
  });
  ui.goto.addEventListener("submit", (event) => {
    event.preventDefault();
    const number = Number.parseInt(input.value, 10);
    go(Number.isNaN(number) ? current : number).catch(onError);
  });
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea, select")) return;
    if (event.key === "ArrowLeft" && current > 1) go(current - 1).catch(onError);
    if (event.key === "ArrowRight" && current < total) go(current + 1).catch(onError);
  });
  window.addEventListener("popstate", () => {
    const number = Number.parseInt(new URL(window.location.href).searchParams.get("pagina"), 10);
    showNotice(ui, "");
    show(clamp(Number.isNaN(number) ? 1 : number)).catch(onError);
  });
  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (ui.stage.clientWidth !== renderedWidth) show(current).catch(onError);
    }, RESIZE_DELAY_MS);
  });
}
