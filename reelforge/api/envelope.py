"""The protocol envelope ``{"code", "message", "data"}`` and the handlers that put every error in it."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from reelforge.draft.validate import json_path
from reelforge.errors import RateLimited, ReelforgeError

__all__ = ["install_error_handlers", "ok"]

log = logging.getLogger(__name__)


def ok(data: Any = None, message: str = "ok", **top_level: Any) -> JSONResponse:
    """A success envelope; ``top_level`` keys are repeated beside ``data`` for clients that read them there."""
    return JSONResponse({"code": 0, "message": message, "data": data, **top_level})


async def _reelforge_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ReelforgeError)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return JSONResponse(exc.envelope(), status_code=exc.status, headers=headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    if first.get("type") == "json_invalid":  # the body is not JSON at all: its place is no field
        return JSONResponse({"code": 400, "message": "body: not valid JSON", "data": {"field": "body"}},
                            status_code=400)
    loc = [part for part in first.get("loc", ()) if part not in ("body", "query", "path", "header")]
    field = json_path(loc) or "body"
    message = f"{field}: {first.get('msg', 'invalid')}"
    return JSONResponse({"code": 400, "message": message, "data": {"field": field}}, status_code=400)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return JSONResponse({"code": exc.status_code, "message": str(exc.detail), "data": None},
                        status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error", exc_info=exc)
    return JSONResponse({"code": 500, "message": "internal error", "data": None}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ReelforgeError, _reelforge_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
