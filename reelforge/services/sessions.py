"""Sessions: create one, check ownership (1002 either way), and the state the client reads."""

from __future__ import annotations

from typing import Any

from reelforge.draft import VIDEO, Draft
from reelforge.errors import InvalidInput, SessionNotFound
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.library import LIBRARY_ORIGIN, library_media_among
from reelforge.services.narration import narration_state
from reelforge.store import Media, Session
from reelforge.store.repos import DraftRepo, MediaRepo, SessionRepo

__all__ = ["create_session", "current_draft", "media_record", "owned_session", "session_state"]

LANGUAGES = ("en", "zh")


def create_session(svc: Services, principal: Principal, app: str, task_name: str | None,
                   language: str | None) -> dict[str, Any]:
    if app not in svc.settings.apps:
        raise SessionNotFound(f"unknown app {app!r}")
    language = (language or "en").lower()
    language = "zh" if language.startswith("zh") else language
    if language not in LANGUAGES:
        raise InvalidInput(f"language: must be one of {', '.join(LANGUAGES)} (got {language!r})", field="language")
    with svc.db.write() as session:
        created = SessionRepo(session).create(principal.user_id, app, (task_name or "project")[:200], language)
    return {"task_id": created.task_id, "session_id": created.id, "language": created.language}


def owned_session(svc: Services, principal: Principal, session_id: str) -> Session:
    """The caller's session, or 1002: an unknown id and someone else's answer the same."""
    with svc.db.read() as session:
        found = load_session(session, principal, session_id)
    if found is None:
        raise SessionNotFound()
    return found


def current_draft(db_session: Any, session: Session) -> Draft:
    row = DraftRepo(db_session).current(session)
    return Draft.from_wire(row.draft) if row is not None else Draft.empty()


def media_record(svc: Services, media: Media) -> dict[str, Any]:
    """A media row as the API shows it (the URL is a signed download link)."""
    return {"id": media.id, "src": f"media:{media.id}", "kind": media.kind, "origin": media.origin,
            "name": media.name, "mime": media.mime, "size": media.size, "duration_ms": media.duration_ms,
            "width": media.width, "height": media.height, "url": svc.links.url("media", media.id),
            "created_at": media.created_at.isoformat()}


def session_state(svc: Services, principal: Principal, session_id: str) -> dict[str, Any]:
    """``data.state``: the draft, the videos on its timeline, its canvas, what was generated or uploaded,
    (``library_media``) the built-in music and sound effects the session uses, and its narration
    (``voice_over``, ``captions``)."""
    with svc.db.read() as db_session:
        session = load_session(db_session, principal, session_id)
        if session is None:
            raise SessionNotFound()
        draft = current_draft(db_session, session)
        media = MediaRepo(db_session)
        wire = draft.to_wire()
        refs = [src.removeprefix("media:") for src in draft.media_refs() if src.startswith("media:")]
        known = media.owned_many(refs, principal.user_id)
        video_infos = []
        for track in draft.tracks_of(VIDEO):
            for seg in track.segments:
                media_id = (seg.src or "").removeprefix("media:")
                if media_id in known:
                    video_infos.append({**media_record(svc, known[media_id]), "segment_id": seg.id,
                                        "track_id": track.id, "start_ms": seg.start_ms,
                                        "duration_on_timeline_ms": seg.duration_ms})
        # one query for all the session's media (this route is polled: bench/api.py), split here by origin
        everything = media.of_session(session.id)
        generated = [media_record(svc, m) for m in everything if m.origin == "generated"]
        uploaded = [media_record(svc, m) for m in everything if m.origin not in ("generated", LIBRARY_ORIGIN)]
        # built-in music and effects this session uses (a key of our own: the protocol's keep their meaning)
        library = [{**media_record(svc, m), "provenance": m.provenance}
                   for m in library_media_among(everything, known)]
    return {"session_id": session.id, "task_id": session.task_id, "draft_version": session.draft_version,
            "state": {"draft": wire, "video_infos": video_infos, "canvas_config": wire["m"],
                      "generated_media": generated, "uploaded_media": uploaded, "library_media": library,
                      **narration_state(svc, draft)}}
