"""The HTTP API through TestClient (real pipeline), a real `qa serve` process, and fuzzing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import free_port
from qa.api import create_app


@pytest.fixture(scope="module")
def client(pipeline):
    with TestClient(create_app(pipeline=pipeline)) as c:
        yield c


def test_ask(client, seeds_copy):
    r = client.post("/ask", json={"question": "Who is Syria's foreign minister?", "top_k": 3})
    assert r.status_code == 200
    data = r.json()
    assert data["answer"] == "Faisal Mekdad" and len(data["passages"]) == 3
    c = data["citations"][0]
    assert (seeds_copy / c["source"]).read_text("utf-8")[c["start"] : c["end"]] == data["answer"]
    assert "access-control-allow-origin" not in r.headers
    assert data["reason"] is None


def test_a_refusal_says_why(client):
    """``reason`` tells a question the corpus does not answer from one no span can: yes or no."""
    data = client.post("/ask", json={"question": "Who won the 2022 FIFA World Cup?"}).json()
    assert data["answer"] is None and data["reason"] == "not-found"
    data = client.post("/ask", json={"question": "Did the foreign ministers meet in Moscow?"}).json()
    assert data["answer"] is None and data["reason"] == "yes-no" and data["citations"] == []
    assert data["passages"]  # the evidence is still there to read


def test_ask_batch_keeps_order(client):
    qs = ["Who is Russia's foreign minister?", "Who won the 2022 FIFA World Cup?", "Who is Syria's foreign minister?"]
    r = client.post("/ask/batch", json={"questions": qs})
    assert r.status_code == 200
    data = r.json()
    assert [d["question"] for d in data] == qs
    assert "Lavrov" in data[0]["answer"] and data[2]["answer"] == "Faisal Mekdad"


@pytest.mark.parametrize("question", [
    "¿a" * 500, ("Turkey-" * 143)[:1000], "x " * 500, "Who is Syria's foreign minister? " + "and also " * 100,
])
def test_a_question_of_many_tokens_within_the_limit_is_read(client, question):
    """1,000 characters may be 1,000 tokens, more than the span head's window holds: the head
    reads the question's first tokens, and the answer or refusal comes back with 200."""
    r = client.post("/ask", json={"question": question})
    assert r.status_code == 200
    assert r.json()["question"] == question.strip()


@pytest.mark.parametrize("body,fragment", [
    ({"question": ""}, "empty"),
    ({"question": "   \n\t "}, "empty"),
    ({"question": "x" * 1001}, "1000"),
    ({"question": "?!.,;"}, "letter"),  # nothing to ask: no word to match
    ({"question": " / "}, "letter"),
    ({"question": "ok\u0000"}, "NUL"),
    ({"question": 42}, "string"),
    ({"question": "ok", "top_k": 0}, "top_k"),
    ({"question": "ok", "top_k": 21}, "top_k"),
    ({"question": "ok", "top_k": "5"}, "top_k"),
    ({"question": "ok", "extra": 1}, "extra"),
    ({}, "question"),
    ([], ""),
])
def test_ask_rejects_bad_input_with_422(client, body, fragment):
    r = client.post("/ask", json=body)
    assert r.status_code == 422
    assert fragment in r.json()["message"]


def test_a_lone_surrogate_is_a_422_that_says_so(client):
    """JSON may escape half of a UTF-16 pair; no answer could echo it back, so it is refused as input."""
    for route, body in (("/ask", b'{"question": "who \\ud800?"}'), ("/ask/batch", b'{"questions": ["ok", "\\udc00"]}')):
        r = client.post(route, content=body, headers={"content-type": "application/json"})
        assert r.status_code == 422 and "valid Unicode" in r.json()["message"], r.text


def test_invalid_json_and_oversized_bodies(client):
    r = client.post("/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["message"]
    r = client.post("/ask", content=b"x" * (64 * 1024 + 1), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/ask/batch", json={"questions": []})
    assert r.status_code == 422
    r = client.post("/ask/batch", json={"questions": ["q"] * 65})
    assert r.status_code == 422


def test_health_and_sources(client, seeds_copy):
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["documents"] == 5 and h["passages"] > 5
    assert "MiniLM" in h["model"] and h["index"]["chunking"]
    listing = client.get("/sources").json()
    assert {s["name"] for s in listing} == {p.name for p in seeds_copy.iterdir()}
    name = listing[0]["name"]
    r = client.get(f"/sources/{name}")
    assert r.status_code == 200 and r.headers["content-type"] == "text/plain; charset=utf-8"
    assert r.content == (seeds_copy / name).read_bytes()
    assert listing[0]["size"] == len(r.content)


@pytest.mark.parametrize("path", [
    "/sources/../pyproject.toml", "/sources/..%2fpyproject.toml", "/sources/%2e%2e%2fpyproject.toml",
    "/sources/%252e%252e%252fpyproject.toml", "/sources//etc/passwd", "/sources/%2fetc%2fpasswd",
    "/sources/..\\..\\etc\\passwd", "/sources/..%5c..%5cetc%5cpasswd", "/sources/seeds/../../etc/passwd",
    "/sources/000_67c2f01361e72e8b.txt%00", "/sources/.lock", "/sources/nope.txt", "/sources/",
    "/nope",
])
def test_path_traversal_and_unknown_routes_are_404(client, path):
    r = client.get(path)
    assert r.status_code == 404 and r.json()["message"]


def test_openapi_describes_typed_models(client):
    spec = client.get("/openapi.json").json()
    assert {"/ask", "/ask/batch", "/health", "/sources", "/sources/{name}"} <= set(spec["paths"])
    assert "AnswerModel" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10,
)
ask_bodies = st.fixed_dictionaries(
    {"question": st.text(max_size=200) | json_values},
    optional={"top_k": st.integers(-5, 30) | json_values},
) | json_values


def _post_json(client, path: str, body):
    """POST any JSON value; the answer must be a success or a 422, never a 5xx."""
    r = client.post(path, content=json.dumps(body), headers={"content-type": "application/json"})
    assert r.status_code in (200, 422), r.text
    return r


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=ask_bodies)
def test_fuzz_ask_never_5xx(client, body):
    r = _post_json(client, "/ask", body)
    if r.status_code == 200:
        data = r.json()
        if data["answer"] is not None:
            assert data["citations"]


batch_bodies = st.fixed_dictionaries(
    {"questions": st.lists(st.text(max_size=60), max_size=4) | json_values},
    optional={"top_k": st.integers(-2, 25) | json_values},
) | json_values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=batch_bodies)
def test_fuzz_batch_never_5xx(client, body):
    r = _post_json(client, "/ask/batch", body)
    if r.status_code == 200:
        assert len(r.json()) == len(body["questions"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=40))
def test_fuzz_sources_never_5xx(client, name):
    from urllib.parse import quote

    r = client.get("/sources/" + quote(name, safe=""))
    assert r.status_code in (200, 404)


@pytest.mark.parametrize("question", ["🙂🙂🙂?", "ما هو؟ Who is Syria's foreign minister?", "?!.,;", "\u202eWho\x07 is\x1b"])
def test_odd_questions_answer_or_4xx(client, question):
    r = client.post("/ask", json={"question": question})
    assert r.status_code in (200, 422)




def test_real_server_process(seeds_copy, index_dir, pipeline):
    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve", "--corpus", str(seeds_copy), "--index", str(index_dir),
         "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as r:
                    assert json.load(r)["status"] == "ok"
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.time() < deadline
                time.sleep(0.3)
        req = urllib.request.Request(base + "/ask", data=json.dumps({"question": "Who is Russia's foreign minister?"}).encode(),
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            assert "Lavrov" in json.load(r)["answer"]
        with urllib.request.urlopen(base + "/", timeout=5) as r:
            assert "text/html" in r.headers["content-type"]
    finally:
        proc.terminate()
        assert proc.wait(timeout=30) == 0

