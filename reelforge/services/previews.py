"""What the studio shows of a session: a fast preview of the draft, media thumbnails, past renders.

The preview is a 360p ultrafast render of the current draft version, made by the same
renderer as an export (so the player shows what export will produce) and cached in the
blob store by (session, draft version): a version is immutable, so its preview is too.
Thumbnails and sprite sheets are single ffmpeg runs on the stored media, cached the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reelforge.errors import NotFound, SessionNotFound
from reelforge.ffmpeg import run_ffmpeg
from reelforge.jobs.media_resolver import store_resolver
from reelforge.render import RenderOptions, render
from reelforge.services.auth import Principal, load_session
from reelforge.services.context import Services
from reelforge.services.exports import RENDER_STATUS
from reelforge.services.sessions import current_draft
from reelforge.store.repos import JobRepo, MediaRepo, RenderRepo

__all__ = ["PREVIEW_HEIGHT", "cached_blob", "frame_grid", "list_renders", "media_thumbnail", "preview", "preview_path", "still"]

PREVIEW_HEIGHT = 360
THUMB_HEIGHT = 120


def cached_blob(svc: Services, key: str, make: Any) -> Path:
    """The local path of blob ``key``, made once by ``make(out_path)`` (one maker per key at a time)."""
    with svc.blob_locks.hold(key):
        if not svc.blobs.exists(key):
            out = svc.blobs.scratch() / f"{key.replace('/', '_')}.part{Path(key).suffix}"
            try:
                make(out)
                svc.blobs.put_file(key, out)
            finally:
                out.unlink(missing_ok=True)
    path = svc.blobs.local_path(key)
    if path is None:  # a remote store: served through open(); the studio runs on local blobs today
        raise NotFound(f"{key} is not on this machine")
    return path


def preview(svc: Services, principal: Principal, session_id: str) -> dict[str, Any]:
    """The preview of the session's current draft: made now if missing, then its URL and version."""
    with svc.db.read() as db_session:
        session = load_session(db_session, principal, session_id)
        if session is None:
            raise SessionNotFound()
        draft = current_draft(db_session, session)
        version = session.draft_version
    if draft.end_ms <= 0:
        return {"version": version, "status": "empty", "url": None}
    key = f"previews/{session_id}/v{version}.mp4"

    def make(out: Path) -> None:
        render(draft, store_resolver(svc.db, svc.blobs, principal.user_id), out,
               RenderOptions(format="mp4", quality="low", max_height=PREVIEW_HEIGHT, fast=True,
                             font_files=False))

    cached_blob(svc, key, make)
    return {"version": version, "status": "ready",
            "url": f"/studio/api/sessions/{session_id}/preview.mp4?v={version}"}


def preview_path(svc: Services, principal: Principal, session_id: str, version: int) -> Path:
    """The stored preview of one version (made by :func:`preview`); 404 when there is none."""
    with svc.db.read() as db_session:
        if load_session(db_session, principal, session_id) is None:
            raise SessionNotFound()
    key = f"previews/{session_id}/v{version}.mp4"
    path = svc.blobs.local_path(key) if svc.blobs.exists(key) else None
    if path is None:
        raise NotFound(f"no preview of version {version}")
    return path


def still(source: Path, out: Path, at_ms: int, height: int) -> None:
    """One frame of ``source`` at ``at_ms`` (a still image works too), scaled to ``height``, to ``out``."""
    # -ss before -i seeks by keyframe then decodes to the exact time: fast on long media
    run_ffmpeg(["-ss", f"{max(0, at_ms) / 1000:.3f}", "-i", str(source), "-frames:v", "1",
                "-vf", f"scale=-2:{height}", "-q:v", "4", str(out)], what="thumbnail")


def frame_grid(source: Path, out: Path, duration_ms: int, columns: int = 5, rows: int = 2,
               height: int = 90) -> None:
    """A sprite sheet: ``columns x rows`` frames spread evenly over the clip, tiled into one image."""
    count = columns * rows
    rate = count / max(duration_ms / 1000, 0.1)
    run_ffmpeg(["-i", str(source), "-vf", f"fps={rate:.4f},scale=-2:{height},tile={columns}x{rows}",
                "-frames:v", "1", "-q:v", "4", str(out)], what="sprite sheet")


def media_thumbnail(svc: Services, principal: Principal, media_id: str, at_ms: int) -> Path:
    """A JPEG frame of one of the caller's video or image media (cached per media and time)."""
    with svc.db.read() as db_session:
        media = MediaRepo(db_session).owned(media_id, principal.user_id)
    if media is None or media.kind not in ("video", "image"):
        raise NotFound("media not found")
    source = svc.blobs.local_path(media.storage_key)
    if source is None:
        raise NotFound("media not found")
    # snap to 100 ms so near-identical requests share a cached frame; stay inside the clip
    at_ms = max(0, min(at_ms, (media.duration_ms or 0) - 100)) // 100 * 100 if media.kind == "video" else 0
    return cached_blob(svc, f"thumbs/{media.id}/{at_ms}.jpg", lambda out: still(source, out, at_ms, THUMB_HEIGHT))


def list_renders(svc: Services, principal: Principal, session_id: str) -> list[dict[str, Any]]:
    """The session's exports, newest first: status, and a signed download URL once done."""
    with svc.db.read() as db_session:
        if load_session(db_session, principal, session_id) is None:
            raise SessionNotFound()
        records = RenderRepo(db_session).of_session(session_id, principal.user_id)
        jobs = JobRepo(db_session)
        out = []
        for record in records:
            job = jobs.get(record.job_id)
            status = RENDER_STATUS[job.state] if job is not None else "failed"
            out.append({"id": record.client_id, "format": record.format, "quality": record.quality,
                        "status": status, "created_at": record.created_at.isoformat(),
                        "url": svc.links.url("render", record.id) if status == "completed" and record.output_key
                        else None})
    return out
