"""Cuts inside a clip, splits and where the music stops, in chat: what follows a first change, the labels, the tools."""

from __future__ import annotations

from reelforge.agent import AgentContext, EditAction, describe_edit, understand
from reelforge.agent.llm import build_tools
from reelforge.agent.registry import topic_of
from reelforge.draft import apply_edit
from reelforge.draft.edits import CutSegment, SplitClip, UpdateMusic

from ._fixtures import context


def _after(ctx: AgentContext, message: str) -> tuple[AgentContext, list[object]]:
    """The context after ``message``'s edits (and their labels in the history), and those edits."""
    plan = understand(message, ctx)
    draft, labels = ctx.draft, list(ctx.history)
    for action in plan.actions:
        if isinstance(action, EditAction):
            draft = apply_edit(draft, action.edit)  # type: ignore[arg-type]
            labels.append(action.description)
    edits = [a.edit if isinstance(a, EditAction) else a for a in plan.actions]
    return AgentContext(draft=draft, media=ctx.media, history=labels), edits


def test_music_stopped_early_plays_to_the_end_again_when_asked() -> None:
    ctx, edits = _after(context("full"), "stop the music at 8 seconds")
    assert edits == [UpdateMusic(end_ms=8000)]
    for message in ("let the music play to the end again", "音乐一直放到结尾"):
        _, edits = _after(ctx, message)
        assert edits == [UpdateMusic(end_ms=0)], message


def test_a_stop_past_the_video_is_asked_in_the_users_language() -> None:
    for message, words in (("stop the music at 20 seconds", "cannot stop at 20 s"), ("音乐到第20秒就停", "没法在第 20 秒停")):
        _, actions = _after(context("full"), message)
        assert len(actions) == 1 and words in getattr(actions[0], "question", ""), (message, actions)


def test_split_then_cut_the_part_made() -> None:
    ctx, edits = _after(context("one_clip"), "split the clip at 4 seconds")
    assert edits == [SplitClip(segment_id="s1", at_ms=4000)]
    _, edits = _after(ctx, "remove 1s to 2s from the second clip")
    assert edits == [CutSegment(segment_id="s2", start_ms=1000, end_ms=2000)]


def test_labels_name_the_clip_by_its_place_and_the_tools_offer_the_ops() -> None:
    draft = context("full").draft
    assert describe_edit(CutSegment(segment_id="s2", start_ms=1000, end_ms=2000), "en", draft) == \
        "cut 1-2s out of clip 2"
    assert "第2个片段" in describe_edit(SplitClip(segment_id="s2", at_ms=1500), "zh", draft)
    assert describe_edit(UpdateMusic(end_ms=8000), "zh", draft) == "调整背景音乐：到 8s 停止"
    assert topic_of(EditAction(edit=SplitClip(segment_id="s1", at_ms=1000))) == "trim"
    names = {tool["function"]["name"] for tool in build_tools()}
    assert {"cut_segment", "split_clip"} <= names
