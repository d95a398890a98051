"""The FastAPI application: the analysis API, the corpus API over a read-only database, and
the page (static files served by the same app; no CDN, it works with no network).

    create_app(db="warta.duckdb")   # or db=None: only /api/analyze and the check page
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..config import Options
from ..doc import Article
from ..io.readers import check_date, read_html
from ..pipeline import get_pipeline
from . import errors
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


def create_app(db: str | None = None, options: Options | None = None, max_body: int = MAX_BODY_BYTES) -> FastAPI:
    options = options or Options()
    app = FastAPI(
        title="Warta",
        version=__version__,
        description="Structured, trustworthy event data from Indonesian and English news. Every "
                    "error has the shape {\"error\": {\"status\", \"code\", \"message\", \"details\"?}}.",
    )
    errors.install(app)
    app.state.db_path = db
    app.state.options = options

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "database": bool(db)}

    @app.post("/api/analyze", tags=["analysis"])
    def analyze(req: AnalyzeRequest) -> JSONResponse:
        """Analyse one article: the same JSON as `warta analyze --format json`."""
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

    from .corpus import install_corpus_routes

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

    app.add_middleware(LimitAndHeaders, max_bytes=max_body)
    return app
