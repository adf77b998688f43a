"""Timeline interchange as a use case: a session's (or a local file's) draft to another editor's format and back.

On the server a segment's ``media:<id>`` is written as the ``file://`` path of its blob (the editor on
the same machine opens it directly; a local install is the common case), and an imported file may only
name the caller's own media, by that path's file name (``med_....mp4``) or by the ``media:`` id reelforge
kept in an .otio file: a timeline never makes the server open a path it was given. On the command line
``src`` values are paths relative to the draft file, written as absolute ``file://`` URLs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reelforge.draft import Draft, validate
from reelforge.errors import InvalidInput, MediaMissing, SessionNotFound
from reelforge.interchange import TIMELINE_FORMATS, MediaLink, TimelineFormat, export_timeline, import_timeline
from reelforge.media import probe_media
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.local import read_draft_file
from reelforge.services.sessions import current_draft
from reelforge.store.repos import DraftRepo, MediaRepo

__all__ = ["TimelineFile", "export_draft_file", "export_session_timeline", "import_draft_file",
           "import_session_timeline", "TIMELINE_TEXT_LIMIT"]

TIMELINE_TEXT_LIMIT = 5 * 1024 * 1024  # an edit list, not media: far larger is something else


@dataclass
class TimelineFile:
    text: str
    format: TimelineFormat
    file_name: str
    mime: str
    notes: list[str] = field(default_factory=list)


def _file_url(path: Path) -> str:
    return path.resolve().as_uri()


def _url_path(url: str) -> Path | None:
    if url.startswith("file://"):
        return Path(unquote(urlparse(url).path))
    if "://" in url:
        return None
    return Path(url)


def _check_text(text: str) -> None:
    if len(text.encode("utf-8", "surrogatepass")) > TIMELINE_TEXT_LIMIT:
        raise InvalidInput(f"timeline: larger than {TIMELINE_TEXT_LIMIT // (1024 * 1024)} MB", field="timeline")


# -- the server: a session's draft ----------------------------------------------------------------

def export_session_timeline(svc: Services, principal: Principal, session_id: str, fmt: TimelineFormat,
                            draft_wire: dict[str, Any] | None = None) -> TimelineFile:
    """The session's current draft (or ``draft_wire``, checked as the render route checks it) as ``fmt``."""
    with svc.db.read() as db:
        session = load_session(db, principal, session_id)
        if session is None:
            raise SessionNotFound()
        media = MediaRepo(db)
        draft = validate(draft_wire, known_media=lambda src: src.startswith("media:") and media.owned(
            src.removeprefix("media:"), principal.user_id) is not None) if draft_wire is not None \
            else current_draft(db, session)
        owned = media.owned_many([s.removeprefix("media:") for s in draft.media_refs()], principal.user_id)
        name = session.name
    if not draft.tracks or draft.end_ms == 0:
        raise InvalidInput("draft: there is nothing on the timeline to export yet", field="draft")

    def locate(src: str) -> MediaLink:
        record = owned.get(src.removeprefix("media:"))
        path = svc.blobs.local_path(record.storage_key) if record is not None else None
        if record is None or path is None:
            raise MediaMissing(f"unknown media {src!r}", data={"src": src})
        return MediaLink(_file_url(path), record.duration_ms)

    exported = export_timeline(draft, fmt, locate, name=str(name or "reelforge"))
    info = TIMELINE_FORMATS[fmt]
    return TimelineFile(exported.text, fmt, f"{session_id}{info.suffix}", info.mime, exported.notes)


def import_session_timeline(svc: Services, principal: Principal, session_id: str, fmt: TimelineFormat,
                            text: str) -> dict[str, Any]:
    """Read a timeline file into the session as a new draft version; its clips must be the caller's media."""
    _check_text(text)
    with svc.db.read() as db:
        if load_session(db, principal, session_id) is None:
            raise SessionNotFound()

    def resolve(url: str, saved: str) -> str:
        path = _url_path(url)
        candidates = [saved.removeprefix("media:")] if saved.startswith("media:") else []
        if path is not None:
            candidates.append(path.stem)
        with svc.db.read() as db:
            for media_id in candidates:
                if media_id.startswith("med_") and MediaRepo(db).owned(media_id, principal.user_id) is not None:
                    return f"media:{media_id}"
        raise InvalidInput(f"timeline: {url!r} is not a file of this account: upload it first, or send a "
                           "project bundle (reelforge pack)", field="timeline")

    imported = import_timeline(text, fmt, resolve)
    with svc.db.write() as db:
        session = load_session(db, principal, session_id)
        if session is None:
            raise SessionNotFound()
        row = DraftRepo(db).add(session, imported.draft.to_wire(), f"imported {TIMELINE_FORMATS[fmt].label}")
        version = row.version
    return {"draft": imported.draft.to_wire(), "version": version, "format": fmt, "notes": imported.notes}


# -- the command line: a draft file ---------------------------------------------------------------

def export_draft_file(draft_path: Path, out: Path, fmt: TimelineFormat) -> TimelineFile:
    """A draft file's timeline as ``fmt`` at ``out``; its ``src`` paths become absolute ``file://`` URLs."""
    draft = read_draft_file(draft_path)
    base = draft_path.resolve().parent

    def locate(src: str) -> MediaLink:
        path = _url_path(src)
        if path is None:
            return MediaLink(src)  # a URL stays a URL
        path = path if path.is_absolute() else base / path
        if not path.is_file():
            raise MediaMissing(f"media file not found: {src} ({path})", data={"src": src})
        return MediaLink(_file_url(path), probe_media(path).duration_ms)

    exported = export_timeline(draft, fmt, locate, name=draft_path.stem)
    out.write_text(exported.text, encoding="utf-8")
    info = TIMELINE_FORMATS[fmt]
    return TimelineFile(exported.text, fmt, out.name, info.mime, exported.notes)


def import_draft_file(timeline_path: Path, out: Path, fmt: TimelineFormat) -> tuple[Draft, list[str]]:
    """A timeline file read into a draft file at ``out``; media paths are written relative to it when they can."""
    try:
        text = timeline_path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{timeline_path.name} is not UTF-8 text", field="timeline") from None
    _check_text(text)
    base = out.resolve().parent

    def resolve(url: str, saved: str) -> str:
        path = _url_path(url)
        if path is None:
            return url
        try:
            return str(path.resolve().relative_to(base))
        except ValueError:
            return str(path)

    imported = import_timeline(text, fmt, resolve)
    out.write_text(json.dumps(imported.draft.to_wire(), ensure_ascii=False, indent=2), encoding="utf-8")
    return imported.draft, imported.notes
