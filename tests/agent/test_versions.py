"""Follow-ups read through the versions path: the last version recorded its edits (``VersionRecord.change``), as every
version the product saves does, and the message is planned on the draft those edits made."""

from __future__ import annotations

import dataclasses

from reelforge.agent import AgentContext, EditAction, UndoAction, VersionRecord, understand
from reelforge.agent._state import PlanState
from reelforge.agent.llm import plan_call
from reelforge.draft import Change, Draft, Edit, apply_edit
from reelforge.draft.edits import SetClipAudio, SetFade, Trim, UpdateMusic

from ._fixtures import context


def _after(name: str, label: str, *edits: Edit) -> AgentContext:
    """The ``name`` fixture after one version, labelled ``label``, that recorded ``edits``."""
    before: Draft = context(name).draft  # type: ignore[assignment]
    draft = before
    for edit in edits:
        draft = apply_edit(draft, edit)
    return AgentContext(draft=draft, history=[label], versions=[VersionRecord(label, Change(tuple(edits)), before)])


def _edits(message: str, ctx: AgentContext) -> list[object]:
    return [a.edit if isinstance(a, EditAction) else a for a in understand(message, ctx).actions]


def test_a_length_after_a_fade_is_that_fades_length_on_what_it_faded() -> None:
    # "fade in the video at the start" records the first clip's fade: "it" is the fade, never the clip to trim
    ctx = _after("full", "faded in the video at the start", SetFade(segment_id="s1", fade_in_ms=1000))
    assert _edits("make it 2 seconds", ctx) == [SetFade(segment_id="s1", fade_in_ms=2000)]
    assert _edits("两秒吧", ctx) == [SetFade(segment_id="s1", fade_in_ms=2000)]


def test_a_level_said_after_a_mute_is_that_level_not_a_share_of_silence() -> None:
    ctx = _after("full", "第2个片段静音", SetClipAudio(segment_id="s2", volume=0.0))
    assert _edits("它的声音开回一半", ctx) == [SetClipAudio(segment_id="s2", volume=0.5)]
    assert _edits("bring its sound back to half", ctx) == [SetClipAudio(segment_id="s2", volume=0.5)]


def test_what_a_message_asks_after_its_undo_is_planned_on_the_draft_the_undo_restores() -> None:
    ctx = _after("full", "视频剪到 10 秒", Trim(end_ms=10000))  # the 15 s video trimmed to 10 s
    assert _edits("撤回 我要的是剪掉结尾两秒", ctx) == [UndoAction(), Trim(end_ms=13000)]
    assert _edits("undo that and cut the last 2 seconds instead", ctx) == [UndoAction(), Trim(end_ms=13000)]


def test_a_value_the_last_change_left_no_room_for_undoes_it_and_makes_it_again() -> None:
    ctx = _after("full", "trimmed the video to 10s", Trim(end_ms=10000))
    assert _edits("actually 11", ctx) == [UndoAction(), Trim(end_ms=11000)]
    assert _edits("还是12秒吧", ctx) == [UndoAction(), Trim(end_ms=12000)]
    assert _edits("actually 9", ctx) == [Trim(end_ms=9000)]  # the 10 s left has room for 9: no undo
    unknown = dataclasses.replace(ctx, versions=[dataclasses.replace(ctx.versions[0], before=None)])
    assert not any(isinstance(a, UndoAction) for a in _edits("actually 11", unknown))  # the draft before: not known


def test_the_music_loop_turned_off_is_that_setting_never_the_music_removed() -> None:
    assert _edits("turn off the music loop", context("full")) == [UpdateMusic(loop=False)]
    ctx = _after("full", "turned off the music loop", UpdateMusic(loop=False))
    assert _edits("loop the music and make it 45 percent", ctx) == [UpdateMusic(loop=True), UpdateMusic(volume=0.45)]


def test_a_length_said_in_brackets_leaves_no_brackets_in_the_prompt() -> None:
    # as a version's label says it ("Generated a futuristic city at night (10 s)"), so the clip it made is known by name
    plan = understand("generate a futuristic city at night (10 s)", context("empty"))
    assert [(a.prompt, a.seconds) for a in plan.actions] == [("futuristic city at night", 10.0)]  # type: ignore[attr-defined]
    plan = understand("生成一段海边日落（5秒）", context("empty"))
    assert [(a.prompt, a.seconds) for a in plan.actions] == [("海边日落", 5.0)]  # type: ignore[attr-defined]


def test_halfway_back_is_halfway_to_the_value_on_the_draft_the_version_was_made_on() -> None:
    ctx = _after("full", "音乐音量调到80%", UpdateMusic(volume=0.8))  # from the fixture's 35 %
    assert _edits("太多了，回一半", ctx) == [UpdateMusic(volume=0.57)]
    assert _edits("too much, halfway back", ctx) == [UpdateMusic(volume=0.57)]


def test_a_planner_call_after_its_undo_call_is_planned_on_the_draft_the_undo_restores() -> None:
    state = PlanState.for_message(_after("full", "trimmed the video to 10s", Trim(end_ms=10000)), "en")
    plan_call(state, "undo", {"steps": 1})
    plan_call(state, "trim", {"end_ms": 13000})
    assert state.draft.video_end_ms == 13000 and not state.failed
