"""One turn, start to end: plan the message, run each action, reply in the user's language.

Planning is ``reelforge.agent.plan_message``: the LLM planner when ``REELFORGE_LLM_BASE_URL`` is
set (the rules on any failure), else the rules. Edits make new draft versions; a generation is a
job (credits frozen on submission, settled when the clip lands on the timeline, released if it
fails) whose progress streams as events, followed by two-stage music and title
(``turn_two_stage``); library music and sound effects (``turn_audio``) and export by chat
(``turn_export``) run here too; undo/redo/revert move the version pointer. Runs on a turn thread.

:data:`RUNNERS` maps each action type of the plan to the function that runs it: a new action is a
new row, not another branch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reelforge import agent
from reelforge.agent.reply import compose_reply
from reelforge.audio import STYLES
from reelforge.draft import Draft
from reelforge.draft._layout import main_track
from reelforge.draft.edits import SetCaptions
from reelforge.draft.summary import summary
from reelforge.errors import ReelforgeError
from reelforge.services.auth import Principal
from reelforge.services.context import Services
from reelforge.services.events import text_event
from reelforge.services.turn_audio import run_music, run_sound
from reelforge.services.turn_draft import Emit, TurnScope, load_context, move_pointer, save_edits
from reelforge.services.turn_export import run_export
from reelforge.services.turn_generate import MAX_GENERATE_SECONDS, generate_clip
from reelforge.services.turn_song import run_song
from reelforge.services.turn_timeline import run_timeline_export
from reelforge.services.turn_two_stage import OptOut, opt_outs, run_two_stage
from reelforge.services.turn_voice import VOICE_ACTIONS, run_voice_action

__all__ = ["MAX_GENERATE_SECONDS", "RUNNERS", "run_turn"]

def _revert(scope: TurnScope, topic: str, history: list[str], versions: Any) -> tuple[int, str]:
    """Go back to the version before the first change about ``topic``: (steps moved, its label)."""
    point = agent.find_revert_point(topic, history, versions)
    if point is None or point == 0:
        return 0, ""
    return move_pointer(scope, redo=False, steps=len(history) - point), history[point]


def _plan(scope: TurnScope, message: str, context: Any) -> tuple[Any, Any]:
    """The plan and the two-stage opt-outs; opt-out words are left out of a plan that generates."""
    settings = scope.svc.settings
    cleaned, opt = opt_outs(message)
    if cleaned and cleaned != message:
        plan = agent.plan_message(cleaned, context, settings, planner=scope.svc.planner)
        if any(isinstance(a, agent.GenerateAction) for a in plan.actions):
            return dataclasses.replace(plan, message=message), opt  # keeps what the planner skipped
    return agent.plan_message(message, context, settings, planner=scope.svc.planner), OptOut()


def _music_styles(language: str) -> list[str]:
    return [f"{s.title_zh}（{s.name}）" if language == "zh" else f"{s.title} ({s.name})" for s in STYLES.values()]


@dataclass
class _Turn:
    """What the steps of one turn share and update: the plan, and the draft the next action edits."""

    scope: TurnScope
    plan: agent.Plan
    opt: OptOut
    context: Any
    draft: Draft

    @property
    def language(self) -> str:
        return self.plan.language


# Each runner does one action and returns its outcome, then any outcomes that followed from it.
Runner = Callable[[_Turn, int, Any], list[agent.Outcome]]


def _run_edit(turn: _Turn, index: int, action: agent.EditAction) -> list[agent.Outcome]:
    label = action.description or agent.describe_edit(action.edit, turn.language)
    turn.draft, version = save_edits(turn.scope, turn.scope.call_id(index), [action.edit], label)
    data: dict[str, object] = {"draft_version": version}
    if isinstance(action.edit, SetCaptions) and action.edit.enabled and not turn.draft.captioned_segments():
        data["nothing_captioned"] = True  # "make the captions yellow" with no narration yet: the reply says so
    return [agent.Outcome(action=action, ok=True, data=data)]


def _run_generate(turn: _Turn, index: int, action: agent.GenerateAction) -> list[agent.Outcome]:
    result = generate_clip(turn.scope, index, action, turn.draft, language=turn.language)
    outcome = agent.Outcome(action=action, ok=bool(result["ok"]), detail=str(result.get("detail", "")), data=result)
    if not result["ok"]:
        return [outcome]
    return [outcome, *run_two_stage(turn.scope, turn.plan, index, action.prompt, turn.language, turn.opt)]


def _run_music(turn: _Turn, index: int, action: agent.MusicAction) -> list[agent.Outcome]:
    music = run_song if action.compose else run_music  # a song composed for the video, or a library track
    data = music(turn.scope, index, action, turn.draft, turn.language)
    return [agent.Outcome(action=action, ok=bool(data.get("ok", True)), detail=str(data.get("detail", "")), data=data)]


def _run_sound(turn: _Turn, index: int, action: agent.SoundAction) -> list[agent.Outcome]:
    return [agent.Outcome(action=action, ok=True, data=run_sound(turn.scope, index, action, turn.draft, turn.language))]


def _run_export(turn: _Turn, index: int, action: agent.ExportAction) -> list[agent.Outcome]:
    result = run_export(turn.scope, index, action, turn.draft, turn.language)
    return [agent.Outcome(action=action, ok=bool(result["ok"]), detail=str(result.get("detail", "")), data=result)]


def _run_timeline_export(turn: _Turn, index: int, action: agent.TimelineExportAction) -> list[agent.Outcome]:
    return [agent.Outcome(action=action, ok=True, data=run_timeline_export(turn.scope, index, action, turn.draft))]


def _run_undo_redo(turn: _Turn, index: int, action: agent.UndoAction | agent.RedoAction) -> list[agent.Outcome]:
    redo = isinstance(action, agent.RedoAction)
    moved = move_pointer(turn.scope, redo, action.steps)
    return [agent.Outcome(action=action, ok=moved > 0, data={"steps": moved},
                          detail="" if moved else f"nothing to {'redo' if redo else 'undo'}")]


def _run_revert(turn: _Turn, index: int, action: agent.RevertAction) -> list[agent.Outcome]:
    moved, label = _revert(turn.scope, action.topic, turn.context.history, turn.context.versions)
    return [agent.Outcome(action=action, ok=moved > 0, data={"steps": moved, "label": label},
                          detail="" if moved else f"no earlier change about {action.topic!r}")]


def _run_show(turn: _Turn, index: int, action: agent.ShowTimeline) -> list[agent.Outcome]:
    # what a focused question is answered with: the clips on the main track, the video's length, the uploads by name
    track = main_track(turn.draft)
    uploads = [m.name for m in turn.context.media if m.uploaded]
    return [agent.Outcome(action=action, ok=True, data={
        "summary": summary(turn.draft), "clips": len(track.segments) if track else 0,
        "length_ms": turn.draft.video_end_ms or turn.draft.end_ms, "uploads": uploads})]


def _run_help(turn: _Turn, index: int, action: agent.HelpAction) -> list[agent.Outcome]:
    styles = _music_styles(turn.language) if action.topic == "music" else None
    return [agent.Outcome(action=action, ok=True, data={"styles": styles} if styles else {})]


def _run_voice(turn: _Turn, index: int, action: Any) -> list[agent.Outcome]:
    return [run_voice_action(turn.scope, index, action, turn.draft, turn.language)]


def _run_unknown(turn: _Turn, index: int, action: agent.Unknown) -> list[agent.Outcome]:
    return [agent.Outcome(action=action, ok=True)]  # the reply says what was understood


RUNNERS: dict[type, Runner] = {
    agent.EditAction: _run_edit,
    agent.GenerateAction: _run_generate,
    agent.MusicAction: _run_music,
    agent.SoundAction: _run_sound,
    agent.ExportAction: _run_export,
    agent.TimelineExportAction: _run_timeline_export,
    agent.UndoAction: _run_undo_redo,
    agent.RedoAction: _run_undo_redo,
    agent.RevertAction: _run_revert,
    agent.ShowTimeline: _run_show,
    agent.HelpAction: _run_help,
    agent.Unknown: _run_unknown,
    **dict.fromkeys(VOICE_ACTIONS, _run_voice),
}
# Actions that leave the draft as it was: no need to reload it before the next action.
_READ_ONLY: frozenset[type] = frozenset({agent.ShowTimeline, agent.HelpAction, agent.Unknown,
                                         agent.TimelineExportAction})


def run_turn(svc: Services, principal: Principal, session_id: str, app: str, message: str,
             invocation_id: str, emit: Emit) -> None:
    """Plan ``message`` and run its actions, emitting ADK events; ends with the reply text."""
    scope = TurnScope(svc, principal, session_id, app, invocation_id, emit)
    context, draft = load_context(scope)
    plan, opt = _plan(scope, message, context)
    scope = dataclasses.replace(scope, script=plan.script)  # the labels follow the user's script (Traditional Chinese)
    turn = _Turn(scope, plan, opt, context, draft)
    outcomes: list[agent.Outcome] = []
    for index, action in enumerate(plan.actions):
        try:
            outcomes.extend(RUNNERS[type(action)](turn, index, action))
        except ReelforgeError as exc:
            outcomes.append(agent.Outcome(action=action, ok=False, detail=exc.message))
        if type(action) not in _READ_ONLY:
            turn.context, turn.draft = load_context(scope)  # the next action edits what this one left
    reply = compose_reply(plan, outcomes, plan.language)
    emit(text_event(invocation_id, app, reply, final=True))
