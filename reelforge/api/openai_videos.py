"""OpenAI's Videos API under ``/v1`` (see :mod:`reelforge.services.videos`), so Sora clients keep working.

Errors here take OpenAI's shape, ``{"error": {"message", "type", "param", "code"}}``, with
the HTTP status the SDK expects; a route class catches reelforge's errors (and request
validation) for these routes only, leaving the protocol envelope everywhere else.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.datastructures import UploadFile

from reelforge.api.deps import Svc, TokenCaller
from reelforge.errors import (
    AuthError,
    InsufficientCredits,
    InvalidInput,
    NotFound,
    RateLimited,
    ReelforgeError,
    SessionNotFound,
)
from reelforge.services import videos
from reelforge.services.references import MAX_REFERENCE_BYTES, read_reference

__all__ = ["openai_error", "router"]


def openai_error(exc: ReelforgeError) -> JSONResponse:
    """A reelforge error in OpenAI's error shape and status."""
    param = getattr(exc, "field", None) or (exc.data or {}).get("param")
    headers: dict[str, str] = {}
    if isinstance(exc, InvalidInput):
        status, kind, code = 400, "invalid_request_error", "invalid_value" if param else None
    elif isinstance(exc, AuthError):
        status, kind, code = 401, "invalid_request_error", "invalid_api_key"
    elif isinstance(exc, (NotFound, SessionNotFound)):
        status, kind, code = 404, "invalid_request_error", None
    elif isinstance(exc, InsufficientCredits):
        # OpenAI answers quota exhaustion with 429; the SDK must not retry it
        status, kind, code = 429, "insufficient_quota", "insufficient_quota"
        headers["x-should-retry"] = "false"
    elif isinstance(exc, RateLimited):
        status, kind, code = 429, "rate_limit_exceeded", "rate_limit_exceeded"
        headers["Retry-After"] = str(exc.retry_after)
    else:
        status, kind, code = (exc.status if exc.status >= 500 else 500), "server_error", None
    body = {"error": {"message": exc.message, "type": kind, "param": param, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers or None)


class OpenAIRoute(APIRoute):
    """Routes whose errors are OpenAI-shaped."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except ReelforgeError as exc:
                return openai_error(exc)
            except RequestValidationError as exc:
                first = exc.errors()[0] if exc.errors() else {}
                loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "header")]
                return openai_error(InvalidInput(f"Invalid {'.'.join(loc) or 'request'}: {first.get('msg', '')}",
                                                 field=".".join(loc) or None))

        return route


router = APIRouter(prefix="/v1", route_class=OpenAIRoute, tags=["openai"])


async def _fields(request: Request) -> dict[str, Any]:
    """The body as a dict, from multipart (what the SDK sends), urlencoded or JSON."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError as exc:
            raise InvalidInput("We could not parse the JSON body of your request.") from exc
        if not isinstance(body, dict):
            raise InvalidInput("The body must be a JSON object.")
        return body
    fields: dict[str, Any] = {}
    async with request.form(max_part_size=MAX_REFERENCE_BYTES + 1) as form:  # closes the spooled upload files
        for key, value in form.multi_items():
            fields[key] = await value.read() if isinstance(value, UploadFile) else value
    return fields


@router.post("/videos", summary="Create a video (OpenAI Videos API)")
async def create_video(request: Request, svc: Svc, caller: TokenCaller) -> JSONResponse:
    fields = await _fields(request)
    image = await read_reference(svc, fields.get("input_reference"))
    video = await anyio.to_thread.run_sync(
        lambda: videos.create(svc, caller, prompt=fields.get("prompt"), model=fields.get("model"),
                              seconds=fields.get("seconds"), size=fields.get("size"), image=image,
                              loras=fields.get("loras")))
    return JSONResponse(video)


@router.get("/videos", summary="List videos (cursor: after, limit, order)")
def list_videos(svc: Svc, caller: TokenCaller, after: str | None = None, limit: Annotated[int, Query()] = 20,
                order: str = "desc") -> JSONResponse:
    return JSONResponse(videos.list_videos(svc, caller, after, limit, order))


@router.get("/videos/{video_id}", summary="Retrieve a video")
def get_video(video_id: str, svc: Svc, caller: TokenCaller) -> JSONResponse:
    return JSONResponse(videos.get(svc, caller, video_id))


@router.delete("/videos/{video_id}", summary="Delete a video")
def delete_video(video_id: str, svc: Svc, caller: TokenCaller) -> JSONResponse:
    return JSONResponse(videos.delete(svc, caller, video_id))


@router.get("/videos/{video_id}/content", summary="Download the video, a thumbnail or a sprite sheet")
async def video_content(video_id: str, svc: Svc, caller: TokenCaller, variant: str = "video") -> FileResponse:
    path, mime = await anyio.to_thread.run_sync(videos.content, svc, caller, video_id, variant)
    suffix = "mp4" if variant == "video" else "jpg"
    return FileResponse(path, media_type=mime, filename=f"{video_id}-{variant}.{suffix}")


@router.post("/videos/{video_id}/remix", summary="Remix a completed video with a new prompt")
async def remix_video(video_id: str, request: Request, svc: Svc, caller: TokenCaller) -> JSONResponse:
    fields = await _fields(request)
    video = await anyio.to_thread.run_sync(videos.remix, svc, caller, video_id, fields.get("prompt"))
    return JSONResponse(video)
