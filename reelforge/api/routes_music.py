"""The built-in music library for the studio: ``GET /api/music/styles`` (envelope, bearer token) and
``GET /api/music/styles/{style}/sample`` (a short sample to listen to before choosing)."""

from __future__ import annotations

from pathlib import Path

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse

from reelforge.api.deps import Caller
from reelforge.api.envelope import ok
from reelforge.audio import STYLES, library_file, list_sounds, list_styles
from reelforge.errors import NotFound

__all__ = ["router"]

router = APIRouter()


@router.get("/api/music/styles", summary="The built-in music styles and sound effects")
def music_styles(_caller: Caller) -> JSONResponse:
    # the caller is checked (any valid token) so the route answers like the rest of the API
    return ok({"styles": list_styles(), "sounds": list_sounds()})


SAMPLE_SECONDS = 12.0


@router.get("/api/music/styles/{style}/sample", summary="A 12 s sample of a music style (AAC in MP4)")
async def music_sample(style: str, request: Request, _caller: Caller) -> FileResponse:
    if style not in STYLES:
        raise NotFound(f"no music style {style!r} (see /api/music/styles)")
    cache = Path(request.app.state.services.settings.data_dir) / "library"
    # rendered once per style, then served from the cache; the synthesis is numpy work: off the event loop
    path = await anyio.to_thread.run_sync(lambda: library_file(cache, style, SAMPLE_SECONDS, 0, "m4a", loop=False))
    return FileResponse(path, media_type="audio/mp4", headers={"Cache-Control": "private, max-age=86400"})
