"""The narration of a session as every front end shows it: the state's ``voice_over`` and ``captions`` keys,
the subtitle file of its current draft (``GET /api/subtitles/...``), and the voices to choose from."""

from __future__ import annotations

from typing import Any

from reelforge.captions import SUBTITLE_FORMATS, subtitle_text
from reelforge.draft import CAPTION_STYLES, Draft
from reelforge.draft.model import CAPTION_SIZES
from reelforge.errors import InvalidInput, SessionNotFound
from reelforge.fonts import default_font
from reelforge.services.auth import Principal
from reelforge.services.context import Services
from reelforge.speech import available_voices
from reelforge.store.repos import DraftRepo, SessionRepo

__all__ = ["SUBTITLE_MIME", "narration_state", "session_subtitles", "voice_catalogue"]

SUBTITLE_MIME = {"srt": "application/x-subrip", "vtt": "text/vtt"}


def narration_state(svc: Services, draft: Draft) -> dict[str, Any]:
    """``voice_over``: each narration segment (its words, voice, place and a link to its sound); ``captions``:
    the draft's caption settings with their defaults filled in, or None when captions are off."""
    voice_over = []
    for seg in draft.voice_segments():
        media_id = (seg.src or "").removeprefix("media:")
        voice_over.append({"segment_id": seg.id, "text": seg.meta.text, "voice": seg.meta.voice,
                           "rate": seg.meta.rate or 1.0, "start_ms": seg.start_ms, "duration_ms": seg.duration_ms,
                           "sentences": len(seg.meta.cues or []),
                           "url": svc.links.url("media", media_id) if seg.src and seg.src.startswith("media:") else None})
    captions = draft.canvas.captions
    shown = None if captions is None else {
        "style": captions.style, "size": captions.size or CAPTION_SIZES[captions.style],
        "color": captions.color or "#ffffff", "highlight": captions.highlight or "#ffd400"}
    return {"voice_over": voice_over, "captions": shown}


def session_subtitles(svc: Services, principal: Principal, session_id: str, fmt: str) -> str:
    """The current draft's captions as ``srt`` or ``vtt`` text (the caller's session only)."""
    if fmt not in SUBTITLE_FORMATS:
        raise InvalidInput(f"format: {fmt!r} is not a subtitle format (choose srt or vtt)", field="format")
    with svc.db.read() as db:
        session = SessionRepo(db).owned(session_id, principal.user_id)
        if session is None:
            raise SessionNotFound()
        row = DraftRepo(db).current(session)
        draft = Draft.from_wire(row.draft) if row is not None else Draft.empty()
    return subtitle_text(draft, fmt, default_font("SC"))


def voice_catalogue(svc: Services) -> dict[str, Any]:
    """The voices that can narrate on this server and the caption styles (for the studio's pickers)."""
    return {"voices": available_voices(svc.settings, svc.speech),
            "caption_styles": [{"name": name, "description": text} for name, text in CAPTION_STYLES.items()]}
