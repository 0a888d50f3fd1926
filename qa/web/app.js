/* corpus-qa web page: a chat transcript over POST /ask, with a source viewer.
 *
 * Rules kept throughout this file:
 *  - corpus text (answers, passages, file names, files) only ever reaches the page through
 *    textContent / createTextNode, never as HTML;
 *  - highlights are placed by the API's character offsets, which count Unicode code points
 *    (Python str indices), so strings are sliced as arrays of code points, never searched.
 */
"use strict";

(function () {
  const REQUEST_TIMEOUT_MS = 60000;
  const TOP_K = 5;
  const PASSAGE_PREVIEW_CHARS = 240;
  // Example questions for the bundled demo corpus (seeds/); shown only when it is loaded.
  const DEMO_FILE = "002_1095a01145001c59.txt";
  const EXAMPLES = [
    "Who is Syria's foreign minister?",
    "Who is the president of Syria?",
    "How many refugees does Türkiye host?",
    "Which resolution was endorsed in 2015?",
  ];

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const box = $("question");
  const sendButton = $("ask");
  const transcript = $("transcript");
  const chat = $("chat");
  const welcome = $("welcome");
  const statusLine = $("status");
  const viewer = $("viewer");
  const viewerTitle = $("viewer-title");
  const viewerMeta = $("viewer-meta");
  const viewerClose = $("viewer-close");
  const sourceText = $("source-text");

  const sourceCache = new Map(); // name -> Promise<string>
  let pending = false;
  let viewerOpener = null;
  let viewerToken = 0;

  /* ---------- small DOM helpers (text only) ---------- */

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "className") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key === "testid") node.dataset.testid = value;
        else if (key === "dataset") Object.assign(node.dataset, value);
        else if (key === "onclick") node.addEventListener("click", value);
        else node.setAttribute(key, value === true ? "" : String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /** Code points of a string (so that indices match Python's str offsets). */
  function codePoints(text) {
    return Array.from(text);
  }

  function preview(text, limit) {
    const flat = text.replace(/\s+/g, " ").trim();
    const cps = codePoints(flat);
    return cps.length <= limit ? flat : cps.slice(0, limit).join("").trimEnd() + "…";
  }

  function percent(confidence) {
    const c = Number(confidence);
    if (!Number.isFinite(c)) return 0;
    return Math.round(Math.min(1, Math.max(0, c)) * 100);
  }

  function confidenceLevel(pct) {
    if (pct >= 60) return "high";
    if (pct >= 30) return "medium";
    return "low";
  }

  function scrollToEnd() {
    chat.scrollTop = chat.scrollHeight;
  }

  /* ---------- transcript ---------- */

  function addItem(node) {
    welcome.hidden = true;
    transcript.append(node);
    scrollToEnd();
    return node;
  }

  function userBubble(question) {
    return el("li", { className: "msg msg-user" },
      el("div", { className: "bubble bubble-user", testid: "user-question" }, question));
  }

  function pendingBubble() {
    return el("li", { className: "msg msg-bot" },
      el("div", { className: "bubble bubble-pending", testid: "pending", role: "status" },
        el("span", { className: "dots", "aria-hidden": "true" }, el("span"), el("span"), el("span")),
        el("span", { className: "pending-label" }, "Searching the corpus…")));
  }

  function confidenceView(confidence) {
    const pct = percent(confidence);
    const level = confidenceLevel(pct);
    const fill = el("span", { className: "meter-fill" });
    fill.style.width = pct + "%";
    return el("div", { className: "confidence confidence-" + level, testid: "confidence" },
      el("span", { className: "meter", role: "img", "aria-label": "confidence " + pct + " percent" }, fill),
      el("span", { className: "confidence-text" }, "Confidence " + pct + "%"));
  }

  function sourceButton(item, testid, label) {
    // item: {source, start, end}; label: optional extra text
    const button = el("button", {
      type: "button",
      className: "cite",
      testid,
      title: "Open " + item.source + " at characters " + item.start + "–" + item.end,
      dataset: { source: item.source, start: String(item.start), end: String(item.end) },
    },
      el("span", { className: "cite-icon", "aria-hidden": "true" }, "¶"),
      el("span", { className: "cite-name" }, item.source),
      el("span", { className: "cite-range" }, label || ("chars " + item.start + "–" + item.end)));
    button.addEventListener("click", () => openSource(item, button));
    return button;
  }

  function answerBubble(data) {
    const bubble = el("div", { className: "bubble bubble-bot", testid: "answer" });
    if (data.answer === null || data.answer === undefined) {
      bubble.classList.add("bubble-notfound");
      if (data.reason === "yes-no") {
        bubble.append(
          el("p", { className: "notfound", testid: "not-found" }, "A yes/no question"),
          el("p", { className: "notfound-sub", testid: "yes-no" },
            "Answers here are exact passages of the documents, and none of them says yes or no. " +
            "Ask what, who, when, where or how instead. The closest passages were:"));
      } else {
        bubble.append(
          el("p", { className: "notfound", testid: "not-found" }, "Not found in the corpus"),
          el("p", { className: "notfound-sub" },
            "None of the documents states an answer to this question. The closest passages were:"),
          el("p", { className: "muted withheld", testid: "withheld" },
            "The best candidate span, withheld, would have been right with probability " +
            percent(data.confidence) + "%."));
      }
      const passages = Array.isArray(data.passages) ? data.passages : [];
      if (passages.length) {
        const list = el("ol", { className: "passages", testid: "passages" });
        for (const p of passages) {
          list.append(el("li", { className: "passage", testid: "passage" },
            sourceButton(p, "passage-source", "chars " + p.start + "–" + p.end),
            el("p", { className: "passage-text", testid: "passage-text" }, preview(p.text || "", PASSAGE_PREVIEW_CHARS))));
        }
        bubble.append(list);
      } else {
        bubble.append(el("p", { className: "muted" }, "(no passages were retrieved)"));
      }
      return el("li", { className: "msg msg-bot" }, bubble);
    }

    const citations = Array.isArray(data.citations) ? data.citations : [];
    bubble.append(el("p", { className: "answer-text", testid: "answer-text" }, data.answer));
    bubble.append(confidenceView(data.confidence));
    if (citations.length) {
      bubble.append(el("div", { className: "cite-row" },
        el("span", { className: "cite-label" }, "Source"),
        sourceButton(citations[0], "citation")));
      if (citations.length > 1) {
        const others = el("ul", { className: "also", testid: "other-citations" });
        for (const c of citations.slice(1)) {
          others.append(el("li", null, sourceButton(c, "citation-other")));
        }
        bubble.append(el("div", { className: "also-wrap" },
          el("span", { className: "cite-label" },
            "Also stated in " + (citations.length - 1) + (citations.length === 2 ? " other file" : " other files")),
          others));
      }
    }
    return el("li", { className: "msg msg-bot" }, bubble);
  }

  function errorBubble(message) {
    return el("li", { className: "msg msg-bot" },
      el("div", { className: "bubble bubble-error", testid: "error", role: "alert" },
        el("p", { className: "error-title" }, "Something went wrong"),
        el("p", { className: "error-text", testid: "error-text" }, message)));
  }

  /* ---------- talking to the API ---------- */

  async function errorMessage(response) {
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    let detail = "";
    if (body && typeof body.message === "string" && body.message) detail = body.message;
    else if (body && typeof body.detail === "string" && body.detail) detail = body.detail;
    if (response.status === 413 && !detail) detail = "the question is too long";
    const prefix = response.status >= 500 ? "The server failed (" + response.status + ")"
      : "The server refused the question (" + response.status + ")";
    return detail ? prefix + ": " + detail : prefix + (response.statusText ? ": " + response.statusText : ".");
  }

  async function postAsk(question) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch("/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ question, top_k: TOP_K }),
        signal: controller.signal,
      });
    } catch (err) {
      if (controller.signal.aborted) {
        throw new Error("No answer after " + REQUEST_TIMEOUT_MS / 1000 + " s; the server may be overloaded.");
      }
      throw new Error("Could not reach the server. Is `qa serve` still running?");
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new Error(await errorMessage(response));
    let data;
    try {
      data = await response.json();
    } catch (_) {
      throw new Error("The server sent an answer that is not valid JSON.");
    }
    if (!data || typeof data !== "object" || !("answer" in data)) {
      throw new Error("The server sent an unexpected answer.");
    }
    return data;
  }

  function setPending(on) {
    pending = on;
    box.disabled = on;
    sendButton.disabled = on;
    form.classList.toggle("is-pending", on);
    form.setAttribute("aria-busy", on ? "true" : "false");
    sendButton.querySelector(".send-label").textContent = on ? "Asking…" : "Ask";
  }

  async function ask(question) {
    if (pending) return;
    const text = question.trim();
    if (!text) {
      box.focus();
      return;
    }
    addItem(userBubble(question.trim()));
    box.value = "";
    autosize();
    setPending(true);
    const waiting = addItem(pendingBubble());
    let failed = false;
    try {
      const data = await postAsk(question);
      waiting.replaceWith(answerBubble(data));
    } catch (err) {
      failed = true;
      waiting.replaceWith(errorBubble(err && err.message ? err.message : String(err)));
      if (!box.value) box.value = question; // let the user fix and resend
    } finally {
      setPending(false);
      autosize();
      scrollToEnd();
      box.focus();
      if (failed) box.select();
    }
  }

  /* ---------- source viewer ---------- */

  function fetchSource(name) {
    if (!sourceCache.has(name)) {
      const promise = fetch("/sources/" + encodeURIComponent(name), { headers: { Accept: "text/plain" } })
        .then(async (response) => {
          if (!response.ok) {
            let detail = "";
            try {
              const body = await response.json();
              detail = (body && (body.message || (typeof body.detail === "string" ? body.detail : ""))) || "";
            } catch (_) { /* not JSON */ }
            throw new Error("Could not load " + name + " (" + response.status + (detail ? ": " + detail : "") + ").");
          }
          return response.text();
        }, () => {
          throw new Error("Could not reach the server to load " + name + ".");
        });
      promise.catch(() => sourceCache.delete(name));
      sourceCache.set(name, promise);
    }
    return sourceCache.get(name);
  }

  function renderSource(text, start, end) {
    const cps = codePoints(text);
    sourceText.replaceChildren();
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= cps.length)) {
      sourceText.append(document.createTextNode(text));
      return null;
    }
    const mark = el("mark", {
      testid: "highlight",
      dataset: { start: String(start), end: String(end) },
    }, cps.slice(start, end).join(""));
    sourceText.append(
      document.createTextNode(cps.slice(0, start).join("")),
      mark,
      document.createTextNode(cps.slice(end).join("")));
    return mark;
  }

  async function openSource(item, opener) {
    const token = ++viewerToken;
    viewerOpener = opener || document.activeElement;
    const start = Number(item.start);
    const end = Number(item.end);
    viewerTitle.textContent = item.source;
    viewerMeta.textContent = "Loading…";
    viewer.classList.remove("has-error");
    sourceText.replaceChildren(document.createTextNode(""));
    if (!viewer.open) viewer.showModal();
    viewerClose.focus();
    let text;
    try {
      text = await fetchSource(item.source);
    } catch (err) {
      if (token !== viewerToken) return;
      viewer.classList.add("has-error");
      viewerMeta.textContent = err.message;
      return;
    }
    if (token !== viewerToken || !viewer.open) return;
    const mark = renderSource(text, start, end);
    const total = codePoints(text).length;
    if (mark) {
      viewerMeta.textContent = "Highlighted: characters " + start + "–" + end + " of " + total;
      mark.scrollIntoView({ block: "center" });
    } else {
      viewer.classList.add("has-error");
      viewerMeta.textContent = "The cited characters " + start + "–" + end +
        " are outside this file (" + total + " characters); the index may be out of date.";
    }
  }

  function closeViewer() {
    if (viewer.open) viewer.close();
  }

  viewer.addEventListener("close", () => {
    viewerToken++;
    const target = viewerOpener;
    viewerOpener = null;
    if (target && document.contains(target) && typeof target.focus === "function") target.focus();
  });
  viewer.addEventListener("cancel", (event) => {
    // Escape: close (explicitly, so it also works if the browser would otherwise ignore it).
    event.preventDefault();
    closeViewer();
  });
  viewer.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      closeViewer();
    }
  });
  viewer.addEventListener("click", (event) => {
    if (event.target === viewer) closeViewer(); // a click on the backdrop
  });
  viewerClose.addEventListener("click", closeViewer);

  /* ---------- composer ---------- */

  function autosize() {
    box.style.height = "auto";
    const max = Math.round(window.innerHeight * 0.3);
    box.style.height = Math.min(box.scrollHeight + 2, Math.max(max, 60)) + "px";
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(box.value);
  });
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || event.keyCode === 229) return;
    if (event.shiftKey) return; // new line
    event.preventDefault();
    ask(box.value);
  });
  box.addEventListener("input", autosize);
  window.addEventListener("resize", autosize);

  /* ---------- header status and examples ---------- */

  function showExamples() {
    const holder = $("examples");
    for (const q of EXAMPLES) {
      holder.append(el("button", { type: "button", className: "chip", testid: "example" , onclick: () => {
        if (pending) return;
        box.value = q;
        ask(q);
      } }, q));
    }
    holder.hidden = false;
  }

  async function loadStatus() {
    try {
      const response = await fetch("/health", { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const h = await response.json();
      const docs = Number(h.documents);
      const passages = Number(h.passages);
      statusLine.textContent = docs + (docs === 1 ? " document" : " documents") + " · " +
        passages + (passages === 1 ? " passage" : " passages");
      statusLine.classList.add("ok");
    } catch (_) {
      statusLine.textContent = "server unreachable";
      statusLine.classList.add("down");
    }
    try {
      const response = await fetch("/sources", { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const list = await response.json();
      if (Array.isArray(list) && list.some((s) => s && s.name === DEMO_FILE)) showExamples();
    } catch (_) { /* examples are optional */ }
  }

  autosize();
  loadStatus();
  box.focus();
})();
