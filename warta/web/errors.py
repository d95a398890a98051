"""One JSON error shape for every error the HTTP API returns.

    {"error": {"status": 404, "code": "not_found", "message": "no article 'x'", "details": …}}

``status`` repeats the HTTP status; ``code`` is a stable machine word; ``message`` one line
for people; ``details`` (optional) lists field problems for validation errors.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, LanguageError, WartaError
from .db import CorpusUnavailable

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal_error",
    503: "unavailable",
}
# Where FastAPI says a bad value came from; the field name alone is what a client needs.
_WHERE = {"body", "query", "path", "header"}


class ApiError(Exception):
    """Raised by a route to answer with the error shape (``headers``: e.g. Retry-After)."""

    def __init__(self, status: int, message: str, code: str | None = None, details: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.details = status, message, details
        self.code = code or CODES.get(status, "error")
        self.headers = headers


def error_body(status: int, message: str, code: str | None = None, details: Any = None) -> dict[str, Any]:
    err: dict[str, Any] = {"status": status, "code": code or CODES.get(status, "error"), "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


def error_response(status: int, message: str, code: str | None = None, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code, details), status_code=status,
                        headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.details, exc.headers)

    @app.exception_handler(CorpusUnavailable)
    async def _corpus(_: Request, exc: CorpusUnavailable) -> JSONResponse:
        headers = {"retry-after": str(exc.retry_after)} if exc.retry_after else None
        return error_response(503, exc.message, exc.code, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p not in _WHERE),
                    "problem": e.get("msg")} for e in exc.errors()]
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            return error_response(400, "the request body is not valid JSON", "bad_json")
        first = details[0] if details else {"field": "", "problem": "invalid request"}
        return error_response(422, f"{first['field'] or 'request'}: {first['problem']}", details=details)

    @app.exception_handler(LanguageError)
    async def _lang(_: Request, exc: LanguageError) -> JSONResponse:
        return error_response(422, exc.message, "unsupported_language")

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return error_response(422, exc.message, "bad_input")

    @app.exception_handler(WartaError)
    async def _warta(_: Request, exc: WartaError) -> JSONResponse:
        return error_response(500, str(exc), "analysis_failed")

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, f"internal error: {type(exc).__name__}")
