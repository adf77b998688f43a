"""Uploads (multipart stream or URLs), exports and downloads."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse

from reelforge.api.deps import Attributed, Caller, Svc
from reelforge.api.envelope import ok
from reelforge.api.multipart import receive_files
from reelforge.errors import InvalidInput
from reelforge.services import exports
from reelforge.services.auth import Principal
from reelforge.services.bundles import ingest_upload
from reelforge.services.commands import Command, ExportRequest
from reelforge.services.context import Services
from reelforge.services.fetch import fetch_url
from reelforge.services.sessions import owned_session

__all__ = ["router"]

router = APIRouter()
MAX_URLS = 10


class UrlUpload(Command):
    urls: list[str]
    source_type: str = "url"


async def _ingest_all(svc: Services, caller: Principal, session_id: str,
                      files: list[tuple[str, Path]], origin: str) -> dict[str, Any]:
    """``{"media": [...]}``, plus ``bundles`` when a file was a project bundle (its project restored)."""
    data: dict[str, Any] = {"media": []}
    for name, path in files:
        done = await anyio.to_thread.run_sync(ingest_upload, svc, caller, session_id, name, path, origin)
        data["media"] += done["media"]
        if "bundle" in done:
            data.setdefault("bundles", []).append(done["bundle"])
    return data


@router.post("/api/upload-video/{app}/me/{session_id}", summary="Upload files (multipart `files`) or URLs")
async def upload(app: str, session_id: str, request: Request, svc: Svc, caller: Caller) -> JSONResponse:
    del app
    await anyio.to_thread.run_sync(owned_session, svc, caller, session_id)  # 1002 before reading the body
    work = Path(tempfile.mkdtemp(dir=svc.blobs.scratch(), prefix="upload-"))
    try:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("multipart/form-data"):
            received = await receive_files(content_type, request.stream(), work, svc.settings.upload_limit_bytes)
            data = await _ingest_all(svc, caller, session_id, [(f.name, f.path) for f in received], "upload")
        elif content_type.startswith("application/json"):
            try:
                body = UrlUpload.model_validate_json(await request.body())
            except ValueError as exc:
                raise InvalidInput('urls: send {"urls": ["..."], "source_type": "url"}', field="urls") from exc
            if not body.urls or len(body.urls) > MAX_URLS:
                raise InvalidInput(f"urls: between 1 and {MAX_URLS} URLs", field="urls")
            fetched = []
            for index, url in enumerate(body.urls):
                name, path = await fetch_url(svc.http_client(), url, work / f"url-{index}",
                                             limit_bytes=svc.settings.upload_limit_bytes,
                                             timeout_s=svc.settings.url_fetch_timeout_s,
                                             max_redirects=svc.settings.url_fetch_max_redirects,
                                             resolver=svc.resolver, field=f"urls[{index}]")
                fetched.append((name, path))
            data = await _ingest_all(svc, caller, session_id, fetched, "url")
        else:
            raise InvalidInput("content-type: send multipart/form-data (files) or application/json (urls)",
                               field="content-type")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return ok(data)


@router.post("/api/render/proxy/lambda", summary="Export the draft (a render job)")
async def submit_render(body: ExportRequest, svc: Svc, caller: Attributed) -> JSONResponse:
    data = await anyio.to_thread.run_sync(exports.submit_export, svc, caller, body)
    return ok(data, status=data["status"])


@router.get("/api/render/proxy/lambda/{render_id}", summary="Poll an export")
def render_status(render_id: str, svc: Svc, caller: Caller) -> JSONResponse:
    data = exports.render_status(svc, caller, render_id)
    top = {key: data[key] for key in ("id", "status", "progress", "output", "error") if key in data}
    return ok(data, **top)


@router.get("/api/render/proxy/{render_id}/download", summary="Download an export with the bearer token")
def render_download(render_id: str, svc: Svc, caller: Caller) -> FileResponse:
    path, mime, name = exports.render_download(svc, caller, render_id)
    return FileResponse(path, media_type=mime, filename=name)


@router.get("/api/download/{token}", summary="A signed, expiring download link (no bearer token)")
def signed_download(token: str, svc: Svc) -> FileResponse:
    kind, object_id = svc.links.open(token)
    path, mime, name = exports.download_target(svc, kind, object_id)
    return FileResponse(path, media_type=mime, filename=name)
