"""Timeline interchange beside the render route: a session's draft out to another editor's format, and back."""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from reelforge.api.deps import Caller, Svc
from reelforge.api.envelope import ok
from reelforge.interchange import TIMELINE_FORMATS, timeline_format
from reelforge.services.timelines import export_session_timeline, import_session_timeline

__all__ = ["router"]

router = APIRouter()


class TimelineExport(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)
    session_id: str = Field(alias="sessionId")
    format: str
    draft: dict[str, Any] | None = None  # default: the session's current draft


class TimelineImport(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)
    session_id: str = Field(alias="sessionId")
    content: str
    format: str | None = None
    file_name: str | None = None  # its ending names the format when ``format`` is not given


@router.get("/api/timeline/formats", summary="The timeline formats and what each carries")
def formats() -> JSONResponse:
    return ok({"formats": [{"name": f.name, "label": f.label, "suffix": f.suffix, "titles": f.native_titles,
                            "transitions": f.native_transitions, "levels": f.native_levels,
                            "audio": f.native_audio} for f in TIMELINE_FORMATS.values()]})


@router.post("/api/timeline/export", summary="The draft as .otio, FCP 7 XML, FCPXML or EDL")
async def export(body: TimelineExport, svc: Svc, caller: Caller) -> JSONResponse:
    fmt = timeline_format(body.format)
    done = await anyio.to_thread.run_sync(export_session_timeline, svc, caller, body.session_id, fmt, body.draft)
    return ok({"format": done.format, "file_name": done.file_name, "mime": done.mime, "content": done.text,
               "notes": done.notes})


@router.post("/api/timeline/import", summary="A timeline file as the session's new draft version")
async def import_(body: TimelineImport, svc: Svc, caller: Caller) -> JSONResponse:
    fmt = timeline_format(body.format, body.file_name)
    data = await anyio.to_thread.run_sync(import_session_timeline, svc, caller, body.session_id, fmt, body.content)
    return ok(data)
