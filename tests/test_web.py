"""End-to-end tests of the web page (qa/web/) in a real browser against a real `qa serve`.

Needs Debian's chromium at /usr/bin/chromium and the `playwright` Python package (its own browser
downloads are not used). One server per module, over a copy of seeds/ plus a hostile file.

Set QA_WEB_SCREENSHOT=1 to (re)write docs/screenshot.png; it is also written when missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from helpers import free_port

from playwright import sync_api  # noqa: E402  (installed by `make test`)
expect = sync_api.expect

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SERVER_START_TIMEOUT = 180
ANSWER_TIMEOUT_MS = 30_000

SYRIA_Q = "Who is Syria's foreign minister?"
NOT_FOUND_Q = "What is the boiling point of water at sea level?"
HOSTILE_Q = "What is the hostile marker?"
HOSTILE_NAME = "zz_hostile.txt"
# Characters outside the Basic Multilingual Plane come before every span of this file, so a
# highlight placed by UTF-16 indices instead of code points would be shifted.
HOSTILE_TEXT = ("\U0001F600\U0001F680 \U0001D11E The hostile marker is <script>window.__pwned=1</script> "
                "and <img src=x onerror=\"window.__pwned=2\"> here.\n")



# ---------- server ----------



def _get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post(url: str, payload: dict) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


class Server:
    def __init__(self, base: str, corpus: Path) -> None:
        self.base = base
        self.corpus = corpus
        self._answers: dict[str, dict] = {}

    def ask(self, question: str) -> dict:
        """What the API answers (top_k as the page sends it), for comparison with the page."""
        if question not in self._answers:
            status, body = _post(self.base + "/ask", {"question": question, "top_k": 5})
            assert status == 200, body
            self._answers[question] = body
        return self._answers[question]

    def raw(self, name: str) -> str:
        return (self.corpus / name).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Server:
    tmp = tmp_path_factory.mktemp("web")
    corpus = tmp / "corpus"
    shutil.copytree(SEEDS, corpus)
    (corpus / HOSTILE_NAME).write_bytes(HOSTILE_TEXT.encode("utf-8"))
    port = free_port()
    log_path = tmp / "serve.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--corpus", str(corpus), "--index", str(tmp / "index"),
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"qa serve exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
            try:
                status, _ = _get(base + "/health", timeout=2)
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"qa serve not ready in {SERVER_START_TIMEOUT} s:\n"
                            f"{log_path.read_text(errors='replace')}")
            time.sleep(0.25)
        yield Server(base, corpus)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


# ---------- browser ----------

@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open_page(browser, server: Server, width: int = 1000, height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("dialog", lambda d: (errors.append(f"unexpected {d.type}: {d.message}"), d.dismiss()))
    page.goto(server.base + "/")
    expect(page.get_by_test_id("status")).to_contain_text("documents")
    return context, page, errors


@pytest.fixture
def page(browser, server):
    context, page, errors = _open_page(browser, server)
    yield page
    context.close()
    assert errors == [], errors


@pytest.fixture
def narrow_page(browser, server):
    context, page, errors = _open_page(browser, server, width=380, height=800)
    yield page
    context.close()
    assert errors == [], errors


def ask(page, question: str, typed: bool = False):
    """Put a question in the box (typed key by key, or filled) and press Enter; return the bubble
    (answer or error) that replies to it."""
    replies = page.locator("[data-testid=answer], [data-testid=error]")
    before = replies.count()
    box = page.get_by_test_id("question")
    if typed:
        box.click()
        box.press_sequentially(question)
    else:
        box.fill(question)
    box.press("Enter")
    expect(replies).to_have_count(before + 1)
    expect(box).to_be_enabled()
    return replies.nth(before)


def mark_code_point_offsets(page) -> dict:
    """The <mark>'s text and its position in the viewer's text, counted in code points."""
    return page.get_by_test_id("source-text").evaluate("""pre => {
        const mark = pre.querySelector('mark');
        const range = document.createRange();
        range.setStart(pre, 0);
        range.setEndBefore(mark);
        const start = Array.from(range.toString()).length;
        return {text: mark.textContent, start, end: start + Array.from(mark.textContent).length,
                dataStart: Number(mark.dataset.start), dataEnd: Number(mark.dataset.end),
                whole: pre.textContent, marks: pre.querySelectorAll('mark').length};
    }""")


def check_viewer_shows(page, server: Server, source: str, start: int, end: int) -> dict:
    viewer = page.get_by_test_id("viewer")
    expect(viewer).to_be_visible()
    expect(page.get_by_test_id("viewer-title")).to_have_text(source)
    expect(viewer.locator("mark")).to_have_count(1)
    got = mark_code_point_offsets(page)
    raw = server.raw(source)
    assert got["whole"] == raw  # the whole file, byte for byte, as text
    assert got["marks"] == 1
    assert (got["start"], got["end"]) == (start, end)
    assert (got["dataStart"], got["dataEnd"]) == (start, end)
    assert got["text"] == raw[start:end]
    return got


# ---------- tests ----------

def test_answer_cites_and_highlights_by_offsets(page, server):
    api = server.ask(SYRIA_Q)
    assert api["answer"] and api["citations"], api
    bubble = ask(page, SYRIA_Q, typed=True)
    expect(bubble).to_have_attribute("data-testid", "answer")
    expect(page.get_by_test_id("user-question").last).to_have_text(SYRIA_Q)
    expect(bubble.get_by_test_id("answer-text")).to_contain_text("Mekdad")
    expect(bubble.get_by_test_id("answer-text")).to_have_text(api["answer"])
    expect(bubble.get_by_test_id("confidence")).to_contain_text(f"{round(api['confidence'] * 100)}%")

    primary = api["citations"][0]
    citation = bubble.get_by_test_id("citation")
    expect(citation).to_have_count(1)
    assert citation.evaluate("el => el.tagName") == "BUTTON"
    seed_names = {p.name for p in SEEDS.iterdir()}
    assert primary["source"] in seed_names
    expect(citation).to_contain_text(primary["source"])

    # keyboard: focus the citation and press Enter to open the viewer
    citation.focus()
    page.keyboard.press("Enter")
    got = check_viewer_shows(page, server, primary["source"], primary["start"], primary["end"])
    assert got["text"] == api["answer"]
    if os.environ.get("QA_WEB_SCREENSHOT") or not SCREENSHOT.exists():
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), animations="disabled")

    page.keyboard.press("Escape")
    expect(page.get_by_test_id("viewer")).to_be_hidden()
    assert citation.evaluate("el => el === document.activeElement")  # focus goes back

    # the other files that state the answer, each opened the same way
    others = bubble.get_by_test_id("citation-other")
    expect(others).to_have_count(len(api["citations"]) - 1)
    for i, cit in enumerate(api["citations"][1:]):
        expect(others.nth(i)).to_contain_text(cit["source"])
    if len(api["citations"]) > 1:
        cit = api["citations"][-1]
        others.last.click()
        check_viewer_shows(page, server, cit["source"], cit["start"], cit["end"])
        page.get_by_test_id("viewer-close").click()
        expect(page.get_by_test_id("viewer")).to_be_hidden()


def test_not_found_shows_closest_passages(page, server):
    api = server.ask(NOT_FOUND_Q)
    bubble = ask(page, NOT_FOUND_Q)
    if api["answer"] is None:
        expect(bubble).to_contain_text("Not found in the corpus")
        expect(bubble.get_by_test_id("citation")).to_have_count(0)
        # the confidence of a refusal is that of the span withheld, and says so
        expect(bubble.get_by_test_id("withheld")).to_contain_text(f"{round(api['confidence'] * 100)}%")
        passages = bubble.get_by_test_id("passage")
        expect(passages).to_have_count(len(api["passages"]))
        for i, p in enumerate(api["passages"]):
            expect(passages.nth(i)).to_contain_text(p["source"])
            first_words = " ".join(p["text"].split()[:6])
            expect(passages.nth(i).get_by_test_id("passage-text")).to_contain_text(first_words)
        # a passage opens in the viewer, highlighted by its offsets
        p = api["passages"][0]
        passages.first.get_by_test_id("passage-source").click()
        check_viewer_shows(page, server, p["source"], p["start"], p["end"])
        page.keyboard.press("Escape")
        expect(page.get_by_test_id("viewer")).to_be_hidden()
    else:  # the server answered: the page must show that answer, not claim "not found"
        expect(bubble.get_by_test_id("answer-text")).to_have_text(api["answer"])
        expect(bubble).not_to_contain_text("Not found in the corpus")


def test_a_yes_no_question_is_told_apart_from_not_found(page, server):
    question = "Did the foreign ministers meet in Moscow?"
    api = server.ask(question)
    assert api["reason"] == "yes-no"
    bubble = ask(page, question)
    expect(bubble.get_by_test_id("not-found")).to_have_text("A yes/no question")
    expect(bubble.get_by_test_id("yes-no")).to_contain_text("none of them says yes or no")
    expect(bubble).not_to_contain_text("Not found in the corpus")
    expect(bubble.get_by_test_id("passage")).to_have_count(len(api["passages"]))


def test_hostile_corpus_text_is_shown_as_text(page, server):
    api = server.ask(HOSTILE_Q)
    cited = [c for c in api["citations"] if c["source"] == HOSTILE_NAME]
    retrieved = [p for p in api["passages"] if p["source"] == HOSTILE_NAME]
    assert cited or retrieved, f"{HOSTILE_NAME} neither cited nor retrieved: {api}"
    bubble = ask(page, HOSTILE_Q)
    if api["answer"] is not None:
        expect(bubble.get_by_test_id("answer-text")).to_have_text(api["answer"])
    item = (cited or retrieved)[0]
    bubble.locator("button.cite", has_text=HOSTILE_NAME).first.click()
    check_viewer_shows(page, server, HOSTILE_NAME, item["start"], item["end"])

    text = page.get_by_test_id("source-text")
    expect(text).to_contain_text("<script>window.__pwned=1</script>")
    expect(text).to_contain_text('<img src=x onerror="window.__pwned=2">')
    assert page.locator("main script, main img, dialog script, dialog img").count() == 0
    page.wait_for_timeout(200)  # give an injected onerror handler time to fire
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_narrow_screen_has_no_sideways_scroll(narrow_page, server):
    page = narrow_page
    long_word = "https://example.org/" + "averyveryverylongpathsegment" * 6
    ask(page, long_word)  # whatever the verdict, a long unbroken word must wrap
    ask(page, SYRIA_Q)
    assert page.evaluate("document.documentElement.scrollWidth") <= 380
    page.get_by_test_id("citation").last.click()
    expect(page.get_by_test_id("viewer").locator("mark")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 380
    viewer_box = page.get_by_test_id("viewer").bounding_box()
    assert viewer_box["x"] >= 0 and viewer_box["x"] + viewer_box["width"] <= 380


def test_shift_enter_is_a_new_line(page, server):
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/ask") else None)
    box = page.get_by_test_id("question")
    box.click()
    page.keyboard.type("first line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    expect(box).to_have_value("first line\nsecond line")
    page.wait_for_timeout(150)
    assert sent == []
    expect(page.get_by_test_id("user-question")).to_have_count(0)


def test_pending_state_while_waiting(page, server):
    held = []
    page.route("**/ask", lambda route: held.append(route))
    box = page.get_by_test_id("question")
    box.fill(SYRIA_Q)
    page.get_by_test_id("ask").click()
    expect(page.get_by_test_id("pending")).to_be_visible()
    expect(box).to_be_disabled()
    expect(page.get_by_test_id("ask")).to_be_disabled()
    assert len(held) == 1
    held[0].continue_()
    expect(page.get_by_test_id("answer")).to_have_count(1)
    expect(page.get_by_test_id("pending")).to_have_count(0)
    expect(box).to_be_enabled()
    expect(box).to_be_focused()
    expect(box).to_have_value("")
    page.unroute("**/ask")


def test_errors_show_in_the_transcript(page, server):
    long_q = "a" * 1001
    status, body = _post(server.base + "/ask", {"question": long_q, "top_k": 5})
    assert status == 422
    bubble = ask(page, long_q)
    expect(bubble).to_have_attribute("data-testid", "error")
    expect(bubble).to_contain_text(body["message"])
    expect(bubble).to_contain_text("422")

    # the server cannot be reached
    page.route("**/ask", lambda route: route.abort("connectionrefused"))
    bubble = ask(page, SYRIA_Q)
    expect(bubble).to_have_attribute("data-testid", "error")
    expect(bubble).to_contain_text("Could not reach the server")
    expect(page.get_by_test_id("question")).to_have_value(SYRIA_Q)  # kept to resend
    expect(page.get_by_test_id("error")).to_have_count(2)
