"""The built-in music library for the studio: ``GET /api/music/styles`` (envelope, bearer token)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from reelforge.api.deps import Caller
from reelforge.api.envelope import ok

__all__ = ["router"]

router = APIRouter()


@router.get("/api/music/styles", summary="The built-in music styles and sound effects")
def music_styles(_caller: Caller) -> JSONResponse:
    from reelforge.audio import list_sounds, list_styles

    # the caller is checked (any valid token) so the route answers like the rest of the API
    return ok({"styles": list_styles(), "sounds": list_sounds()})
