"""Export by chat ("export for TikTok", "导出"): the same render service as POST /api/render/proxy/lambda.

Attribution: the seed protocol's ``X-Skill-*`` headers identify the third-party client that
exports, and the route checks them; a chat turn is the server's own front end acting for a caller
who already authenticated, so it submits the typed :class:`ExportRequest` without any. The plan
check still applies (a plan that may not export gets 402's message in the reply).

A preset (``reelforge.render.presets``) picks the canvas of the exported file (TikTok, Reels, Shorts:
9:16; YouTube: 16:9). The change applies to the exported copy only: the session's draft keeps its canvas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reelforge.agent import ExportAction
from reelforge.draft import VIDEO, Aspect, Draft
from reelforge.draft.edits import SetCanvas, apply_edit
from reelforge.draft.output import OutputFormat, Quality
from reelforge.errors import InvalidInput
from reelforge.jobs import JobStatus
from reelforge.render.presets import PRESETS, PresetName
from reelforge.services.commands import ExportOutput, ExportRequest
from reelforge.services.events import progress_event
from reelforge.services.exports import render_status, submit_export
from reelforge.services.turn_draft import TurnScope
from reelforge.store.repos import RenderRepo

__all__ = ["ExportTarget", "export_target", "run_export"]


@dataclass(frozen=True)
class ExportTarget:
    format: OutputFormat
    quality: Quality
    aspect: Aspect | None               # the canvas the preset wants, None: keep the draft's
    preset: PresetName | None = None


def export_target(action: ExportAction) -> ExportTarget:
    """Format, quality and canvas for an ExportAction (its own words win over the preset's)."""
    fmt, quality, aspect = action.format or "mp4", action.quality, None
    preset = PRESETS[action.preset] if action.preset else None
    if preset is not None:
        aspect = preset.aspect
        quality = quality or preset.quality
        if fmt == "mp4":  # the action's default: a preset's own container wins over it
            fmt = preset.format
    return ExportTarget(format=fmt, quality=quality or "high", aspect=aspect, preset=action.preset)


def run_export(scope: TurnScope, index: int, action: ExportAction, draft: Draft, language: str) -> dict[str, Any]:
    """Submit the current draft for rendering, stream its progress, and return the download URL."""
    if not draft.tracks_of(VIDEO) or draft.video_end_ms == 0:
        raise InvalidInput("there is nothing to export yet: generate or add a clip first", field="draft")
    target = export_target(action)
    if target.aspect is not None:
        draft = apply_edit(draft, SetCanvas(aspect=target.aspect))
    client_id = f"chat_{scope.invocation_id}_{index}"
    call_id = scope.call_id(index)
    scope.call(call_id, "export", {"format": target.format, "quality": target.quality, "preset": action.preset,
                                   "width": draft.canvas.width, "height": draft.canvas.height})
    request = ExportRequest(id=client_id, session_id=scope.session_id, draft=draft.to_wire(),
                            output=ExportOutput(format=target.format, quality=target.quality, preset=target.preset))
    submit_export(scope.svc, scope.principal, request)
    with scope.svc.db.read() as db:
        record = RenderRepo(db).by_client_id(scope.principal.user_id, client_id)
    assert record is not None  # submit_export recorded it in the job's transaction
    scope.emit(progress_event(scope.invocation_id, scope.app, record.job_id, 0.0))

    def report(status: JobStatus) -> None:
        if status.state == "running":
            scope.emit(progress_event(scope.invocation_id, scope.app, record.job_id, status.progress))

    final = scope.svc.queue.wait(record.job_id, on_progress=report)
    status = render_status(scope.svc, scope.principal, client_id)
    result: dict[str, Any] = {"ok": status["status"] == "completed", "render_id": client_id, "job": record.job_id,
                              "status": status["status"], "format": target.format, "quality": target.quality,
                              "width": draft.canvas.width, "height": draft.canvas.height}
    if result["ok"]:
        result["url"] = status["output"]["url"]
        result["size"] = status["output"].get("size")
        # the reply states what was delivered: the file's own size and length, probed after the render
        result["width"], result["height"] = status["output"].get("width"), status["output"].get("height")
        result["duration_ms"] = status["output"].get("duration_ms")
    else:
        result["detail"] = status.get("error") or final.error or final.state
    scope.respond(call_id, "export", result, {"render": {"id": client_id, "status": status["status"]}})
    return result
