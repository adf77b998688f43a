"""Exports: submit a render (idempotent per owner by the client's id), poll it, download it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.orm import Session as DbSession

from reelforge.draft import validate
from reelforge.draft.output import OUTPUT_FORMATS
from reelforge.errors import ExportForbidden, LinkInvalid, NotFound, SessionNotFound
from reelforge.interchange import TIMELINE_FORMATS
from reelforge.jobs.payloads import RenderPayload, submit_job
from reelforge.services.auth import Principal, load_session
from reelforge.services.commands import ExportRequest
from reelforge.services.context import Services
from reelforge.settings import Settings
from reelforge.store import JobState, Render, new_id
from reelforge.store.repos import JobRepo, MediaRepo, RenderRepo

__all__ = ["ATTRIBUTION_HEADERS", "RENDER_STATUS", "RenderStatus", "check_attribution", "check_export_allowed",
           "download_target", "render_download", "render_status", "submit_export"]

ATTRIBUTION_HEADERS = ("X-Skill-Source", "X-Skill-Version", "X-Skill-Platform")
# The seed protocol's render status of each job state (PROTOCOL.md: pending, processing, completed, failed).
RenderStatus = Literal["pending", "processing", "completed", "failed"]
RENDER_STATUS: dict[JobState, RenderStatus] = {"queued": "pending", "running": "processing", "completed": "completed",
                                               "failed": "failed", "cancelled": "failed"}


def check_attribution(settings: Settings, headers: Mapping[str, str]) -> None:
    """402 when a third-party client leaves out the attribution headers (``require_attribution``)."""
    if settings.require_attribution:
        missing = [h for h in ATTRIBUTION_HEADERS if not headers.get(h, "").strip()]
        if missing:
            raise ExportForbidden(f"export needs the attribution headers {', '.join(missing)}",
                                  data={"missing_headers": missing})


def check_export_allowed(svc: Services, principal: Principal) -> None:
    """402 when the caller's plan may not export."""
    if not principal.allows("render") or (principal.kind == "anonymous" and not svc.settings.anonymous_export):
        raise ExportForbidden("free plan export blocked", data={"plan": principal.kind})


def submit_export(svc: Services, principal: Principal, request: ExportRequest) -> dict[str, Any]:
    """Queue the render of ``request.draft`` (validated against the caller's media) once per render id."""
    check_export_allowed(svc, principal)
    client_id, session_id, output = request.id, request.session_id, request.output
    with svc.db.read() as session:
        if load_session(session, principal, session_id) is None:
            raise SessionNotFound()
        existing = RenderRepo(session).by_client_id(principal.user_id, client_id)
        if existing is not None:
            return render_status(svc, principal, client_id)
        media = MediaRepo(session)

        def known(src: str) -> bool:
            return src.startswith("media:") and media.owned(src.removeprefix("media:"), principal.user_id) is not None

        draft = validate(request.draft, known_media=known)
    render_id = new_id("rnd")

    def record_render(db_session: DbSession, job_id: str) -> None:  # in the job's own transaction
        RenderRepo(db_session).add(Render(id=render_id, client_id=client_id, owner_id=principal.user_id,
                                          session_id=session_id, job_id=job_id, format=output.format,
                                          quality=output.quality))

    payload = RenderPayload(render_id=render_id, format=output.format, quality=output.quality, preset=output.preset,
                            draft=draft.to_wire())
    submit_job(svc.queue, payload, owner_id=principal.user_id, session_id=session_id,
               idempotency_key=f"render:{client_id}", prepare=record_render)
    return render_status(svc, principal, client_id)


def _render_of(db_session: DbSession, principal: Principal, client_id: str) -> Render | None:
    """The caller's render ``client_id``; a session-scoped caller (the studio cookie) sees its session's only,
    and is answered 1002 for any other, as for a session not its own."""
    record = RenderRepo(db_session).by_client_id(principal.user_id, client_id)
    if principal.session_scope is not None and (record is None or record.session_id != principal.session_scope):
        raise SessionNotFound()
    return record


def render_status(svc: Services, principal: Principal, client_id: str) -> dict[str, Any]:
    """The protocol's render status: ``status``, ``progress`` 0..1, ``output.url`` or ``error``."""
    with svc.db.read() as session:
        record = _render_of(session, principal, client_id)
        job = JobRepo(session).get(record.job_id) if record is not None else None
        if record is not None and job is not None and job.state == "completed" and not record.output_key:
            # On PostgreSQL each statement reads its own moment: the record can predate the render's
            # recording its file while the job read after it says completed (found by tests/cluster/
            # test_chaos.py). The file is recorded before the job completes, so read the record again.
            session.refresh(record)
    if record is None or job is None:
        raise NotFound(f"render {client_id!r} not found")
    status = RENDER_STATUS[job.state]
    data: dict[str, Any] = {"id": record.client_id, "status": status, "progress": round(job.progress, 4),
                            "format": record.format, "quality": record.quality}
    if status == "completed" and record.output_key:
        data["output"] = {"url": svc.links.url("render", record.id), "format": record.format,
                          "size": (job.result or {}).get("size"),
                          "duration_ms": (job.result or {}).get("duration_ms"),
                          # as probed from the file (the renderer's result), not the draft's canvas
                          "width": (job.result or {}).get("width"), "height": (job.result or {}).get("height")}
    if status == "failed":
        data["error"] = job.error or "render failed"
    return data


def _mime(fmt: str) -> str:
    return next(mime for name, mime in OUTPUT_FORMATS.items() if name == fmt)


def download_target(svc: Services, kind: str, object_id: str, owner_id: str | None = None) -> tuple[Path, str, str]:
    """(local path, mime, file name) of a render or media object; ``owner_id`` narrows to one user."""
    with svc.db.read() as session:
        if kind == "render":
            record = RenderRepo(session).get(object_id)
            if record is None or not record.output_key or (owner_id is not None and record.owner_id != owner_id):
                raise NotFound("render not found")
            key, mime, name = record.output_key, _mime(record.format), f"{record.client_id}.{record.format}"
        elif kind == "media":
            media = MediaRepo(session).get(object_id)
            if media is None or (owner_id is not None and media.owner_id != owner_id):
                raise NotFound("media not found")
            key, mime = media.storage_key, media.mime
            name = media.id + Path(media.storage_key).suffix
        elif kind == "timeline":  # a timeline file a chat turn wrote (turn_timeline); the signed id is its key
            key, name = f"timelines/{object_id}", Path(object_id).name
            owner = object_id.split("/", 1)[0]
            if owner_id is not None and owner != owner_id:
                raise NotFound("file not found")
            mime = next((f.mime for f in TIMELINE_FORMATS.values() if name.endswith(f.suffix)), "text/plain")
        else:
            raise LinkInvalid()
    path = svc.blobs.local_path(key)
    if path is None or not path.is_file():
        raise NotFound("file not found")
    return path, mime, name


def render_download(svc: Services, principal: Principal, client_id: str) -> tuple[Path, str, str]:
    """The bearer-token fallback download of a render by its client id."""
    with svc.db.read() as session:
        record = _render_of(session, principal, client_id)
    if record is None:
        raise NotFound("render not found")
    return download_target(svc, "render", record.id, owner_id=principal.user_id)

