"""One turn, start to end: plan the message, run each action, reply in the user's language.

Planning is ``reelforge.agent.plan_message``: the LLM planner when ``REELFORGE_LLM_BASE_URL`` is
set (the rules on any failure), else the rules. Edits make new draft versions; a generation is a
job (credits frozen on submission, settled when the clip lands on the timeline, released if it
fails) whose progress streams as events, followed by two-stage music and title
(``turn_two_stage``); library music and sound effects (``turn_audio``) and export by chat
(``turn_export``) run here too; undo/redo/revert move the version pointer. Runs on a turn thread.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from reelforge.draft import ASPECT_SIZES, VIDEO, Draft
from reelforge.errors import InsufficientCredits, ReelforgeError
from reelforge.jobs import JobStatus
from reelforge.jobs.payloads import GeneratePayload, Placement, submit_job
from reelforge.services import credits
from reelforge.services.auth import Principal
from reelforge.services.context import Services
from reelforge.services.events import progress_event, text_event
from reelforge.services.turn_draft import Emit, TurnScope, load_context, move_pointer, save_edits
from reelforge.store.repos import MediaRepo

__all__ = ["MAX_GENERATE_SECONDS", "run_turn"]

MAX_GENERATE_SECONDS = 30.0


def _generate(scope: TurnScope, index: int, action: Any, draft: Draft) -> dict[str, Any]:
    svc, principal = scope.svc, scope.principal
    seconds = min(MAX_GENERATE_SECONDS, max(1.0, float(action.seconds or 5.0)))
    if action.aspect:
        width, height = ASPECT_SIZES[action.aspect]
    elif draft.tracks_of(VIDEO):
        width, height = draft.canvas.width, draft.canvas.height
    else:
        width, height = 1920, 1080
    image_key = None
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
        placement=Placement(at=action.placement, ref=action.ref_segment_id),
        description=f"generated {action.prompt!r} ({seconds:g}s)")
    call_id = scope.call_id(index)
    scope.call(call_id, "generate_video", {"prompt": action.prompt, "seconds": seconds, "width": width,
                                           "height": height})
    price = credits.price_of(svc, seconds)
    try:
        job_id = submit_job(svc.queue, payload, owner_id=principal.user_id, session_id=scope.session_id,
                            idempotency_key=f"turn:{scope.invocation_id}:{index}",
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


def _revert(scope: TurnScope, topic: str, history: list[str]) -> tuple[int, str]:
    """Go back to the version before the first change about ``topic``: (steps moved, its label)."""
    from reelforge.agent import find_revert_point

    point = find_revert_point(topic, history)
    if point is None or point == 0:
        return 0, ""
    return move_pointer(scope, redo=False, steps=len(history) - point), history[point]


def _plan(scope: TurnScope, message: str, context: Any) -> tuple[Any, Any]:
    """The plan and the two-stage opt-outs; opt-out words are left out of a plan that generates."""
    from reelforge import agent
    from reelforge.services.turn_two_stage import OptOut, opt_outs

    settings = scope.svc.settings
    cleaned, opt = opt_outs(message)
    if cleaned and cleaned != message:
        plan = agent.plan_message(cleaned, context, settings)
        if any(isinstance(a, agent.GenerateAction) for a in plan.actions):
            return dataclasses.replace(plan, message=message), opt  # keeps what the planner skipped
    return agent.plan_message(message, context, settings), OptOut()


def _music_styles(language: str) -> list[str]:
    from reelforge.audio import STYLES

    return [f"{s.title_zh}（{s.name}）" if language == "zh" else f"{s.title} ({s.name})" for s in STYLES.values()]


def run_turn(svc: Services, principal: Principal, session_id: str, app: str, message: str,
             invocation_id: str, emit: Emit) -> None:
    """Plan ``message`` and run its actions, emitting ADK events; ends with the reply text."""
    from reelforge import agent
    from reelforge.agent.reply import compose_reply
    from reelforge.draft.summary import summary
    from reelforge.services.turn_audio import run_music, run_sound
    from reelforge.services.turn_export import run_export
    from reelforge.services.turn_two_stage import run_two_stage

    scope = TurnScope(svc, principal, session_id, app, invocation_id, emit)
    context, draft = load_context(scope)
    plan, opt = _plan(scope, message, context)
    language = plan.language
    outcomes: list[Any] = []
    for index, action in enumerate(plan.actions):
        outcome: Any
        extra: list[Any] = []
        try:
            if isinstance(action, agent.EditAction):
                label = action.description or agent.describe_edit(action.edit, language)
                draft, version = save_edits(scope, scope.call_id(index), [action.edit], label)
                outcome = agent.Outcome(action=action, ok=True, data={"draft_version": version})
            elif isinstance(action, agent.GenerateAction):
                result = _generate(scope, index, action, draft)
                outcome = agent.Outcome(action=action, ok=bool(result["ok"]), detail=str(result.get("detail", "")),
                                        data=result)
                if result["ok"]:
                    extra = run_two_stage(scope, plan, index, action.prompt, language, opt)
            elif isinstance(action, agent.MusicAction):
                outcome = agent.Outcome(action=action, ok=True, data=run_music(scope, index, action, draft, language))
            elif isinstance(action, agent.SoundAction):
                outcome = agent.Outcome(action=action, ok=True, data=run_sound(scope, index, action, draft, language))
            elif isinstance(action, agent.ExportAction):
                result = run_export(scope, index, action, draft, language)
                outcome = agent.Outcome(action=action, ok=bool(result["ok"]), detail=str(result.get("detail", "")),
                                        data=result)
            elif isinstance(action, (agent.UndoAction, agent.RedoAction)):
                redo = isinstance(action, agent.RedoAction)
                moved = move_pointer(scope, redo, action.steps)
                outcome = agent.Outcome(action=action, ok=moved > 0, data={"steps": moved},
                                        detail="" if moved else f"nothing to {'redo' if redo else 'undo'}")
            elif isinstance(action, agent.RevertAction):
                moved, label = _revert(scope, action.topic, context.history)
                outcome = agent.Outcome(action=action, ok=moved > 0, data={"steps": moved, "label": label},
                                        detail="" if moved else f"no earlier change about {action.topic!r}")
            elif isinstance(action, agent.ShowTimeline):
                outcome = agent.Outcome(action=action, ok=True, data={"summary": summary(draft)})
            elif isinstance(action, agent.HelpAction):
                styles = _music_styles(language) if action.topic == "music" else None
                outcome = agent.Outcome(action=action, ok=True, data={"styles": styles} if styles else {})
            else:  # Unknown: the reply says what was understood
                outcome = agent.Outcome(action=action, ok=True)
        except ReelforgeError as exc:
            outcome = agent.Outcome(action=action, ok=False, detail=exc.message)
        outcomes.append(outcome)
        outcomes.extend(extra)
        if not isinstance(action, (agent.ShowTimeline, agent.HelpAction, agent.Unknown)):
            context, draft = load_context(scope)  # the next action edits what this one left
    reply = compose_reply(plan, outcomes, language)
    emit(text_event(invocation_id, app, reply, final=True))
