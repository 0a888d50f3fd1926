"""The HTTP API (FastAPI): ask, batch ask, sources, health and the web form.

The pipeline (model and index) is loaded once in the lifespan handler. Inference runs in
FastAPI's thread pool (sync endpoints), so the event loop keeps serving other requests.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Literal

import anyio
from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from qa import __version__
from qa.pipeline import Pipeline
from qa.question import check_question

MAX_BODY_BYTES = 64 * 1024
MAX_BATCH = 64
WEB_DIR = Path(str(resources.files("qa").joinpath("web")))


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: StrictStr = Field(description="1 to 1,000 characters once stripped")
    top_k: StrictInt = Field(5, ge=1, le=20, description="passages to return")

    _q = field_validator("question")(classmethod(lambda cls, v: check_question(v)))


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    questions: list[StrictStr] = Field(min_length=1, max_length=MAX_BATCH)
    top_k: StrictInt = Field(5, ge=1, le=20)

    @field_validator("questions")
    @classmethod
    def _each(cls, v: list[str]) -> list[str]:
        return [check_question(q) for q in v]


class CitationModel(BaseModel):
    source: str
    start: int
    end: int
    passage: str
    score: float


class PassageModel(BaseModel):
    source: str
    start: int
    end: int
    text: str
    score: float


class AnswerModel(BaseModel):
    question: str
    answer: str | None
    confidence: float
    citations: list[CitationModel]
    passages: list[PassageModel]
    reason: Literal["not-found", "yes-no"] | None = None  # why ``answer`` is null


class SourceModel(BaseModel):
    name: str
    size: int


class HealthModel(BaseModel):
    status: str
    documents: int
    passages: int
    model: str
    index: dict


def _pipeline(request: Request) -> Pipeline:
    return request.app.state.pipeline


READ_THREADS = 4  # questions answered at once; the others wait their turn
ask_router = APIRouter(tags=["ask"])
sources_router = APIRouter(tags=["sources"])
health_router = APIRouter(tags=["health"])


async def _answer(request: Request, questions: list[str], top_k: int) -> list[dict]:
    """Answer in one of the few reading threads: on 2 cores a handful of concurrent model runs
    already saturate the CPU, and every extra thread only adds its own memory arenas."""
    pipe = _pipeline(request)
    return await anyio.to_thread.run_sync(lambda: [pipe.ask(q, top_k).to_dict() for q in questions],
                                          limiter=request.app.state.read_limiter)


@ask_router.post("/ask", response_model=AnswerModel)
async def ask(body: AskRequest, request: Request) -> dict:
    """Answer one question with an exact, cited span of a corpus file (or null)."""
    return (await _answer(request, [body.question], body.top_k))[0]


@ask_router.post("/ask/batch", response_model=list[AnswerModel])
async def ask_batch(body: BatchRequest, request: Request) -> list[dict]:
    """Answer up to 64 questions, in order."""
    return await _answer(request, body.questions, body.top_k)


@sources_router.get("/sources", response_model=list[SourceModel])
def sources(request: Request) -> list[dict]:
    """The corpus files and their sizes in bytes."""
    return [{"name": n, "size": s} for n, s in _pipeline(request).documents]


@sources_router.get("/sources/{name:path}", response_class=Response,
                    responses={200: {"content": {"text/plain": {}}}, 404: {}})
def source(name: str, request: Request) -> Response:
    """The raw text of one corpus file, byte-identical to the file."""
    text = _pipeline(request).source_text(name)
    if text is None:
        raise HTTPException(status_code=404, detail="no such corpus file")
    return Response(content=text.encode("utf-8"), media_type="text/plain; charset=utf-8")


@health_router.get("/health", response_model=HealthModel)
def health(request: Request) -> dict:
    pipe = _pipeline(request)
    summary = pipe.index.summary()
    return {"status": "ok", "documents": len(pipe.index.docs), "passages": pipe.index.n_passages,
            "model": summary["model"], "index": summary}


class BodyLimit:
    """ASGI middleware: 413 for bodies over the limit, counted as they stream in."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = JSONResponse({"detail": "request body too large", "message":
                                f"request body is over {self.limit} bytes"}, status_code=413)
        if declared is not None:
            try:
                if int(declared) > self.limit:
                    await too_big(scope, receive, send)
                    return
            except ValueError:
                await JSONResponse({"detail": "bad Content-Length", "message": "bad Content-Length"},
                                   status_code=400)(scope, receive, send)
                return
        seen = 0
        started = False

        async def limited_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await too_big(scope, receive, send)


class _TooLarge(Exception):
    pass


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            loc, msg = "", f"request body is not valid JSON ({err.get('ctx', {}).get('error', 'syntax error')})"
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


def create_app(
    corpus_dir: Path | None = None,
    index_dir: Path | None = None,
    pipeline: Pipeline | None = None,
    log: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr, flush=True),
    cors_origins: list[str] | None = None,
    encoder_backend: str | None = None,
) -> FastAPI:
    """The app; give either a loaded ``pipeline`` or the folders to load one from at start-up."""

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.read_limiter = anyio.CapacityLimiter(READ_THREADS)
        if pipeline is not None:
            app.state.pipeline = pipeline
        else:
            app.state.pipeline = Pipeline.open(corpus_dir or Path("seeds"), index_dir or Path("embeddings"),
                                               progress=sys.stderr.isatty(), log=log, backend=encoder_backend)
            s = app.state.pipeline.index.summary()
            log(f"ready: {s['documents']} documents, {s['passages']} passages, {s['encoder']} encoder")
        yield

    app = FastAPI(title="corpus-qa", version=__version__, lifespan=lifespan,
                  description="Extractive question answering over a folder of documents, with exact citations.")
    app.add_middleware(BodyLimit)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET", "POST"])

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return JSONResponse({"detail": detail, "message": _validation_message(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route {request.url.path}"
        return JSONResponse({"detail": detail, "message": detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(ValueError)
    async def _value(request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "message": str(exc)}, status_code=422)

    app.include_router(ask_router)
    app.include_router(sources_router)
    app.include_router(health_router)

    @app.get("/", include_in_schema=False)
    def index_page() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app
