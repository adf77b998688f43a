"""One turn, start to end: understand the message, run each action, reply in the user's language.

Edits make new draft versions; a generation is a job (credits frozen on submission,
settled when the clip lands on the timeline, released if it fails) whose progress
streams as events; undo/redo move the version pointer. Runs on a turn thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from reelforge.draft import VIDEO, Draft
from reelforge.errors import InsufficientCredits, ReelforgeError
from reelforge.jobs import JobStatus
from reelforge.services import credits
from reelforge.services.auth import Principal
from reelforge.services.context import Services
from reelforge.services.events import function_call, function_response, progress_event, text_event
from reelforge.store.repos import DraftRepo, MediaRepo, SessionRepo

__all__ = ["ASPECT_SIZES", "MAX_GENERATE_SECONDS", "run_turn"]

Emit = Callable[[dict[str, Any]], None]
MAX_GENERATE_SECONDS = 30.0
ASPECT_SIZES = {"16:9": (1920, 1080), "9:16": (1080, 1920), "1:1": (1080, 1080), "4:5": (1080, 1350)}


def _context(svc: Services, principal: Principal, session_id: str) -> tuple[Any, Draft, str]:
    from reelforge.agent import AgentContext, MediaRef

    with svc.db.read() as db:
        session = SessionRepo(db).owned(session_id, principal.user_id)
        assert session is not None
        drafts = DraftRepo(db)
        current = drafts.current(session)
        draft = Draft.from_wire(current.draft) if current is not None else Draft.empty()
        history: list[str] = []
        row = current
        while row is not None:  # the lineage of the current version, oldest first
            history.insert(0, row.description)
            row = drafts.version(session.id, row.parent) if row.parent else None
        refs = [MediaRef(src=f"media:{m.id}", kind=m.kind, name=m.name, duration_ms=m.duration_ms,  # type: ignore[arg-type]
                         uploaded=m.origin != "generated")
                for m in MediaRepo(db).of_session(session.id)]
        language = session.language
    return AgentContext(draft=draft, media=refs, history=history, language=language), draft, language  # type: ignore[arg-type]


def _save_edit(svc: Services, principal: Principal, session_id: str, edit: Any, description: str) -> tuple[Draft, int]:
    from reelforge.draft.edits import apply_edit

    with svc.db.write() as db:
        session = SessionRepo(db).owned(session_id, principal.user_id)
        assert session is not None
        drafts = DraftRepo(db)
        current = drafts.current(session)
        draft = apply_edit(Draft.from_wire(current.draft) if current else Draft.empty(), edit)
        row = drafts.add(session, draft.to_wire(), description or getattr(edit, "op", "edit"))
        return draft, row.version


def _move_pointer(svc: Services, principal: Principal, session_id: str, redo: bool, steps: int) -> int:
    """Undo or redo ``steps`` versions; returns how many moved."""
    moved = 0
    with svc.db.write() as db:
        session = SessionRepo(db).owned(session_id, principal.user_id)
        assert session is not None
        drafts = DraftRepo(db)
        for _ in range(max(1, steps)):
            if (drafts.redo(session) if redo else drafts.undo(session)) is None:
                break
            moved += 1
    return moved


def _generate(svc: Services, principal: Principal, session_id: str, app: str, invocation_id: str, index: int,
              action: Any, draft: Draft, emit: Emit) -> dict[str, Any]:
    seconds = min(MAX_GENERATE_SECONDS, max(1.0, float(action.seconds or 5.0)))
    if action.aspect:
        width, height = ASPECT_SIZES[action.aspect]
    elif draft.tracks_of(VIDEO):
        width, height = draft.canvas.width, draft.canvas.height
    else:
        width, height = 1920, 1080
    payload: dict[str, Any] = {
        "prompt": action.prompt, "seconds": seconds, "width": width, "height": height, "fps": draft.canvas.fps,
        "seed": action.seed if action.seed is not None else int(uuid.uuid4().int % 2**31),
        "owner_id": principal.user_id, "session_id": session_id, "aspect": action.aspect,
        "placement": {"at": action.placement, "ref": action.ref_segment_id},
        "description": f"generated {action.prompt!r} ({seconds:g}s)",
    }
    if action.image_src:
        with svc.db.read() as db:
            image = MediaRepo(db).owned(action.image_src.removeprefix("media:"), principal.user_id)
        if image is None or image.kind != "image":
            return {"ok": False, "detail": f"no image {action.image_src!r} in this session"}
        payload["image_key"] = image.storage_key
    call_id = f"call_{invocation_id}_{index}"
    emit(function_call(invocation_id, app, call_id, "generate_video",
                       {"prompt": action.prompt, "seconds": seconds, "width": width, "height": height}))
    price = credits.price_of(svc, seconds)
    try:
        job_id = svc.queue.submit("generate", payload, owner_id=principal.user_id, session_id=session_id,
                                  idempotency_key=f"turn:{invocation_id}:{index}",
                                  prepare=credits.freezer(svc, principal, price))
    except InsufficientCredits as exc:
        emit(function_response(invocation_id, app, call_id, "generate_video",
                               {"ok": False, "code": exc.code, "message": exc.message, **(exc.data or {})}))
        return {"ok": False, "detail": exc.message, "code": exc.code, **(exc.data or {})}
    emit(progress_event(invocation_id, app, job_id, 0.0))

    def report(status: JobStatus) -> None:
        if status.state == "running":
            emit(progress_event(invocation_id, app, job_id, status.progress))

    final = svc.queue.wait(job_id, on_progress=report)
    result = {"ok": final.state == "completed", "job": job_id, "credits": price, "seconds": seconds,
              **(final.result or {})}
    if final.state != "completed":
        result["detail"] = final.error or final.state
    emit(function_response(invocation_id, app, call_id, "generate_video", result,
                           {"draft_version": result.get("draft_version")} if result["ok"] else None))
    return result


def run_turn(svc: Services, principal: Principal, session_id: str, app: str, message: str,
             invocation_id: str, emit: Emit) -> None:
    """Understand ``message`` and run its actions, emitting ADK events; ends with the reply text."""
    from reelforge import agent
    from reelforge.agent.reply import compose_reply
    from reelforge.agent.rules import understand
    from reelforge.draft.summary import summary

    context, draft, _language = _context(svc, principal, session_id)
    plan = understand(message, context)
    outcomes: list[Any] = []
    for index, action in enumerate(plan.actions):
        outcome: Any
        try:
            if isinstance(action, agent.EditAction):
                call_id = f"call_{invocation_id}_{index}"
                emit(function_call(invocation_id, app, call_id, "apply_edit",
                                   action.edit.model_dump(mode="json")))
                draft, version = _save_edit(svc, principal, session_id, action.edit, action.description)
                emit(function_response(invocation_id, app, call_id, "apply_edit",
                                       {"ok": True, "draft_version": version}, {"draft_version": version}))
                outcome = agent.Outcome(action=action, ok=True, data={"draft_version": version})
            elif isinstance(action, agent.GenerateAction):
                result = _generate(svc, principal, session_id, app, invocation_id, index, action, draft, emit)
                outcome = agent.Outcome(action=action, ok=bool(result["ok"]), detail=str(result.get("detail", "")),
                                        data=result)
                context, draft, _language = _context(svc, principal, session_id)
            elif isinstance(action, (agent.UndoAction, agent.RedoAction)):
                redo = isinstance(action, agent.RedoAction)
                moved = _move_pointer(svc, principal, session_id, redo, action.steps)
                outcome = agent.Outcome(action=action, ok=moved > 0, data={"steps": moved},
                                        detail="" if moved else f"nothing to {'redo' if redo else 'undo'}")
                context, draft, _language = _context(svc, principal, session_id)
            elif isinstance(action, agent.ShowTimeline):
                outcome = agent.Outcome(action=action, ok=True, data={"summary": summary(draft)})
            elif isinstance(action, (agent.HelpAction, agent.Unknown)):
                outcome = agent.Outcome(action=action, ok=True)
            else:  # music, sounds, export-by-chat: not wired into the server's turns yet
                outcome = agent.Outcome(action=action, ok=False, detail="not available on this server yet")
        except ReelforgeError as exc:
            outcome = agent.Outcome(action=action, ok=False, detail=exc.message)
        outcomes.append(outcome)
    reply = compose_reply(plan, outcomes, plan.language)
    emit(text_event(invocation_id, app, reply, final=True))
