"""A generation asked for in a chat turn: a job (credits frozen on submission, settled when the clip lands,
released if it fails) whose progress streams as events. Used by the turn runner and by a script's scenes."""

from __future__ import annotations

import uuid
from typing import Any

from reelforge.agent import describe_action, label_in_script
from reelforge.draft import ASPECT_SIZES, VIDEO, Draft
from reelforge.errors import InsufficientCredits, InvalidInput
from reelforge.generate.base import parse_loras
from reelforge.jobs import JobStatus
from reelforge.jobs.payloads import GeneratePayload, LoraPick, Placement, submit_job
from reelforge.services import credits
from reelforge.services.events import progress_event
from reelforge.services.turn_draft import TurnScope
from reelforge.store.repos import MediaRepo

__all__ = ["MAX_GENERATE_SECONDS", "generate_clip"]

MAX_GENERATE_SECONDS = 30.0


def generate_clip(scope: TurnScope, index: int, action: Any, draft: Draft, part: str = "",
                  language: str = "en") -> dict[str, Any]:
    """Run a GenerateAction as a job and wait for it; ``part`` tells apart several clips of one action; the
    version it saves is labelled in ``language``."""
    svc, principal = scope.svc, scope.principal
    seconds = min(MAX_GENERATE_SECONDS, max(1.0, float(action.seconds or 5.0)))
    if action.aspect:
        width, height = ASPECT_SIZES[action.aspect]
    elif draft.tracks_of(VIDEO):
        width, height = draft.canvas.width, draft.canvas.height
    else:
        width, height = 1920, 1080
    image_key = None
    picks: tuple[LoraPick, ...] = ()
    if action.loras:
        try:
            chosen = parse_loras(list(action.loras))
        except InvalidInput as exc:
            return {"ok": False, "detail": exc.message}
        unknown = [c.name for c in chosen if c.name not in svc.settings.loras]
        if unknown:
            known = ", ".join(sorted(svc.settings.loras)) or "none are configured (REELFORGE_LORAS)"
            return {"ok": False, "detail": f"no LoRA named {unknown[0]!r}; available: {known}"}
        picks = tuple(LoraPick(name=c.name, scale=c.scale) for c in chosen)
    if action.image_src:
        with svc.db.read() as db:
            image = MediaRepo(db).owned(action.image_src.removeprefix("media:"), principal.user_id)
        if image is None or image.kind != "image":
            return {"ok": False, "detail": f"no image {action.image_src!r} in this session"}
        image_key = image.storage_key
    payload = GeneratePayload(
        prompt=action.prompt, seconds=seconds, width=width, height=height, fps=draft.canvas.fps,
        seed=action.seed if action.seed is not None else int(uuid.uuid4().int % 2**31),
        owner_id=principal.user_id, session_id=scope.session_id, aspect=action.aspect, image_key=image_key,
        placement=Placement(at=action.placement, ref=action.ref_segment_id), loras=picks,
        description=label_in_script(describe_action(action, language, seconds=seconds), scope.script))
    call_id = scope.call_id(index, part)
    scope.call(call_id, "generate_video", {"prompt": action.prompt, "seconds": seconds, "width": width,
                                           "height": height})
    price = credits.price_of(svc, seconds)
    try:
        job_id = submit_job(svc.queue, payload, owner_id=principal.user_id, session_id=scope.session_id,
                            idempotency_key=f"turn:{scope.invocation_id}:{index}{part}",
                            prepare=credits.freezer(svc, principal, price))
    except InsufficientCredits as exc:
        scope.respond(call_id, "generate_video", {"ok": False, "code": exc.code, "message": exc.message,
                                                  **(exc.data or {})})
        return {"ok": False, "detail": exc.message, "code": exc.code, **(exc.data or {})}
    scope.emit(progress_event(scope.invocation_id, scope.app, job_id, 0.0))

    def report(status: JobStatus) -> None:
        if status.state == "running":
            scope.emit(progress_event(scope.invocation_id, scope.app, job_id, status.progress))

    final = svc.queue.wait(job_id, on_progress=report)
    result = {"ok": final.state == "completed", "job": job_id, "credits": price, "seconds": seconds,
              **(final.result or {})}
    if final.state != "completed":
        result["detail"] = final.error or final.state
    scope.respond(call_id, "generate_video", result,
                  {"draft_version": result.get("draft_version")} if result["ok"] else None)
    return result
