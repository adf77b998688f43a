"""Uploads: a received file (already on local disk, size-checked while streaming) becomes media.

The bytes decide the type (:mod:`reelforge.services.sniff`); the blob is named by the new
media id; a probe fills in duration and size. Blocking: call through a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reelforge.errors import ReelforgeError, SessionNotFound, UnsupportedMedia
from reelforge.media import probe_media
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.sessions import media_record
from reelforge.services.sniff import ACCEPTED, HEAD_BYTES, Format, describe, is_utf8_text, sniff
from reelforge.store import Media, new_id
from reelforge.store.repos import MediaRepo

__all__ = ["refuse_type", "ingest_file", "TEXT_LIMIT_BYTES"]

TEXT_LIMIT_BYTES = 1024 * 1024   # a prompt file; longer "text" is something else


def refuse_type(head: bytes, name: str) -> UnsupportedMedia:
    return UnsupportedMedia(f"unsupported file type: {name!r} looks like {describe(head)}",
                            data={"accepted": ACCEPTED, "name": name})


def _check_text(path: Path, name: str) -> None:
    data = path.read_bytes()
    if len(data) > TEXT_LIMIT_BYTES or not is_utf8_text(data.removeprefix(b"\xef\xbb\xbf"), truncated=False):
        raise refuse_type(data[:HEAD_BYTES], name)


def ingest_file(svc: Services, principal: Principal, session_id: str, name: str, path: Path,
                origin: str = "upload", provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """Sniff, store and probe ``path`` (consumed: moved into the blob store); return its record."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    size = path.stat().st_size
    fmt: Format | None = sniff(head, complete=size <= len(head))
    if fmt is None:
        raise refuse_type(head, name)
    if fmt.kind == "text":
        _check_text(path, name)
    with svc.db.read() as session:
        if load_session(session, principal, session_id) is None:
            raise SessionNotFound()
    media_id = new_id("med")
    key = f"media/{media_id}.{fmt.ext}"
    svc.blobs.put_file(key, path)
    local = svc.blobs.local_path(key)
    try:
        info = probe_media(local) if local is not None else None
    except ReelforgeError as exc:  # looked like media by its first bytes, but ffmpeg can't read it
        svc.blobs.delete(key)
        raise refuse_type(head, name) from exc
    kind = fmt.kind if info is None or fmt.kind == "text" else info.kind
    media = Media(id=media_id, owner_id=principal.user_id, session_id=session_id, kind=kind, origin=origin,
                  name=Path(name).name[:300] or media_id, mime=fmt.mime, size=size,
                  duration_ms=info.duration_ms if info else None, width=info.width if info else None,
                  height=info.height if info else None, storage_key=key, provenance=provenance or {})
    with svc.db.write() as session:
        MediaRepo(session).add(media)
    return media_record(svc, media)
