"""The FastAPI application: the analysis API, the corpus API over a read-only database, and
the page (static files served by the same app; no CDN, it works with no network).

    create_app(db="warta.duckdb")   # or db=None: only /api/analyze and the check page

    request ─► LimitAndHeaders (413 over the body limit; CSP and other headers on every answer)
            ─► CorpusCache (a corpus GET already answered on this snapshot: from memory)
            ─► routes: /api/analyze (the pipeline, two threads), corpus.py (DuckDB snapshot)

Every error, whatever raised it, leaves as {"error": {"status", "code", "message",
"details"?}} (errors.py). The database is read from private snapshots (db.py), so that
`warta ingest` can write it while the page is in use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
from fastapi import Depends, FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import Options
from ..doc import Article
from ..io.readers import check_date, read_html
from ..pipeline import get_pipeline
from . import errors
from .db import CorpusDB
from .errors import ApiError, error_body

STATIC = Path(__file__).with_name("static")
MAX_BODY_BYTES = 5 * 1024 * 1024
# The page runs only its own scripts and styles; nothing inline, nothing from elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; frame-src 'none'; frame-ancestors 'none'; "
       "base-uri 'none'; form-action 'self'")


class AnalyzeRequest(BaseModel):
    text: str | None = Field(None, description="the article text")
    html: str | None = Field(None, description="an HTML page (main text, title and date are extracted)")
    published: str | None = Field(None, description="the article's date, YYYY-MM-DD")
    lang: str | None = Field(None, description="id, en or ms; detected when absent")
    title: str | None = None
    url: str | None = None
    id: str | None = None


class LimitAndHeaders:
    """Refuse request bodies over the limit (413, in the API's error shape) and add
    security headers to every response."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            await self._too_large(send)
            return
        # Read the body here (up to the limit) and replay it: the route never sees an
        # oversized body, whatever the client claims in Content-Length.
        chunks: list[bytes] = []
        seen = 0
        more = True
        while more:
            msg = await receive()
            if msg["type"] != "http.request":
                break
            chunk = msg.get("body", b"")
            seen += len(chunk)
            if seen > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            more = msg.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                msg["headers"] = list(msg.get("headers", [])) + extra
            await send(msg)

        await self.app(scope, replay, send_with_headers)

    async def _too_large(self, send: Send) -> None:
        import json

        body = json.dumps(error_body(413, f"request body over the {self.max_bytes // (1024 * 1024)} MB limit")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def require_json(request: Request) -> None:
    """A body in any other form is refused as such (415), not as a puzzling field error."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise ApiError(415, f"send the request body as application/json, not {kind or 'nothing'}")


def create_app(db: str | None = None, options: Options | None = None, max_body: int = MAX_BODY_BYTES,
               snapshot_dir: str | None = None, check_every: float = 1.0,
               analysis_threads: int = 2) -> FastAPI:
    """The app. ``db``: a Warta database, served from snapshots (see warta.web.db) so that an
    ingest can write it meanwhile; ``snapshot_dir``: where they go (default: system temp)."""
    options = options or Options()
    corpus = CorpusDB(db, snapshot_dir=snapshot_dir, check_every=check_every) if db else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if corpus is not None:
            corpus.close()

    app = FastAPI(
        title="Warta",
        version=__version__,
        description="Structured, trustworthy event data from Indonesian and English news. Every "
                    "error has the shape {\"error\": {\"status\", \"code\", \"message\", \"details\"?}}.",
        lifespan=lifespan,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN, which the page's
        # promise (no network) and its CSP both forbid; the spec is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    errors.install(app)
    app.state.db_path = db
    app.state.corpus = corpus
    app.state.options = options

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Whether a database is open, and how fresh the copy of it the server reads is."""
        out: dict[str, Any] = {"status": "ok", "version": __version__, "database": bool(db)}
        if corpus is not None:
            out["corpus"] = corpus.status()
        return out

    # The analysis is Python code holding the GIL: a few threads run it as fast as forty, and
    # a short queue serves requests in the order they came (forty threads starve some).
    analysis_slots = anyio.CapacityLimiter(analysis_threads)

    @app.post("/api/analyze", tags=["analysis"], dependencies=[Depends(require_json)])
    async def analyze(req: AnalyzeRequest) -> JSONResponse:
        """Analyse one article: the same JSON as `warta analyze --format json`."""
        return await anyio.to_thread.run_sync(_analyze, req, limiter=analysis_slots)

    def _analyze(req: AnalyzeRequest) -> JSONResponse:
        if bool(req.text) == bool(req.html):
            raise ApiError(422, "give exactly one of 'text' or 'html'")
        try:
            published = check_date(req.published, "request", None) if req.published else None
        except Exception as err:
            raise ApiError(422, f"published: {getattr(err, 'message', err)}") from None
        aid = req.id or "request"
        if req.html:
            art = read_html(req.html, id=aid, source="request", url=req.url)
        else:
            art = Article(id=aid, text=req.text or "", source="request", url=req.url, title=req.title)
        if published:
            art.published, art.published_source = published, "input"
        art.lang = req.lang or art.lang
        art.title = req.title or art.title
        out = get_pipeline(options)(art)
        return JSONResponse(out.as_dict())

    from .corpus import CorpusCache, install_corpus_routes

    install_corpus_routes(app)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        path = (STATIC / name).resolve()
        if path.parent != STATIC.resolve() or not path.is_file():
            raise ApiError(404, f"no static file {name!r}")
        types = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".html": "text/html"}
        return FileResponse(path, media_type=types.get(path.suffix, "application/octet-stream"))

    app.add_middleware(CorpusCache, corpus=corpus)  # inside the next one: cached answers get its headers too
    app.add_middleware(LimitAndHeaders, max_bytes=max_body)
    return app
