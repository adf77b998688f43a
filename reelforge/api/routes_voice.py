"""Voices and subtitles: ``GET /api/voices`` (the voices and caption styles, envelope) and
``GET /api/subtitles/{app}/me/{session_id}.{srt|vtt}`` (the session's captions as a file)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from reelforge.api.deps import Caller, Svc, db_read
from reelforge.api.envelope import ok
from reelforge.services.narration import SUBTITLE_MIME, session_subtitles, voice_catalogue

__all__ = ["router"]

router = APIRouter()


@router.get("/api/voices", summary="The narration voices and caption styles")
async def voices(svc: Svc, _caller: Caller) -> JSONResponse:
    return ok(voice_catalogue(svc))


@router.get("/api/subtitles/{app}/me/{session_id}.{fmt}", summary="The session's captions as SRT or WebVTT")
async def subtitles(app: str, session_id: str, fmt: str, svc: Svc, caller: Caller) -> Response:
    text = await db_read(svc, session_subtitles, svc, caller, session_id, fmt)
    return Response(text, media_type=f"{SUBTITLE_MIME[fmt]}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="subtitles.{fmt}"'})
