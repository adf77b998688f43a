"""Picture fades in chat: the fade intent, what it leaves to transitions, music and titles, and its labels."""

from __future__ import annotations

import pytest

from reelforge.agent import EditAction, Unknown, describe_edit, understand
from reelforge.agent.llm import build_tools
from reelforge.draft import AUDIO, apply_edit
from reelforge.draft.edits import SetFade

from ._fixtures import context


def _edits(message: str, ctx: str = "full") -> list[object]:
    plan = understand(message, context(ctx))
    return [a.edit if isinstance(a, EditAction) else a for a in plan.actions]


@pytest.mark.parametrize(("message", "fade_in", "fade_out"), [
    ("fade out at the end", None, 1000),
    ("fade in at the start", 1000, None),
    ("fade in from black", 1000, None),
    ("fade to black at the end", None, 1000),
    ("add a 2 second fade out", None, 2000),
    ("fade in and out", 1000, 1000),
    ("fade the video out over 1.5 seconds", None, 1500),
    ("remove the fade", 0, 0),
    ("淡入", 1000, None),
    ("结尾淡出", None, 1000),
    ("开头淡入两秒", 2000, None),
    ("结尾渐隐", None, 1000),
    ("去掉淡出", None, 0),
    ("视频首尾淡入淡出", 1000, 1000),
])
def test_picture_fade_phrases_fade_the_whole_video(message: str, fade_in: int | None, fade_out: int | None) -> None:
    said = "#000000" if "black" in message else None  # a colour said is written, the background's own too
    assert _edits(message) == [SetFade(fade_in_ms=fade_in, fade_out_ms=fade_out, color=said)]


@pytest.mark.parametrize(("message", "fade_in", "fade_out"), [
    ("片尾淡出，淡到黑", None, 1000),
    ("整个视频淡出 3秒 黑色", None, 3000),
    ("视频开头从黑色慢慢淡入 一秒", 1000, None),
    ("end on black", None, 1000),
    ("start with a black screen and fade in over 1.5 seconds", 1500, None),
])
def test_a_fade_said_to_black_says_black_though_the_background_is_black(message: str, fade_in: int | None,
                                                                          fade_out: int | None) -> None:
    assert _edits(message) == [SetFade(fade_in_ms=fade_in, fade_out_ms=fade_out, color="#000000")]


def test_an_end_with_no_colour_said_joins_the_black_one() -> None:
    assert _edits("fade in from black at the start and fade out at the end") == \
        [SetFade(fade_in_ms=1000, fade_out_ms=1000, color="#000000")]
    assert len(_edits("fade in from white and out to black")) == 2


@pytest.mark.parametrize(("message", "segment_id", "fade_out"), [
    ("fade out the last clip", "s2", 1000),
    ("fade the first clip out over 3 seconds", "s1", 3000),
    ("最后一个片段淡出两秒", "s2", 2000),
])
def test_a_named_clip_fades_on_its_own(message: str, segment_id: str, fade_out: int) -> None:
    assert _edits(message) == [SetFade(segment_id=segment_id, fade_out_ms=fade_out)]


def test_a_clip_past_the_end_is_not_guessed() -> None:
    [action] = _edits("fade out the fifth clip")
    assert isinstance(action, Unknown) and "2 clip(s)" in action.question


@pytest.mark.parametrize(("message", "op"), [
    ("add a crossfade between the clips", "set_transition"),
    ("fade to black between the clips", "set_transition"),
    ("add a fade transition", "set_transition"),
    ("片段之间加淡入淡出", "set_transition"),
    ("加淡入淡出", "set_transition"),        # a bare 淡入淡出 stays a transition, as before
    ("fade out the music", "update_music"),
    ("音乐结尾淡出", "update_music"),
    ("fade in the title", "update_text"),
    ("标题淡入", "update_text"),
])
def test_transitions_music_and_title_fades_are_left_to_their_own_intents(message: str, op: str) -> None:
    [edit] = _edits(message)
    assert getattr(edit, "op", None) == op


def test_the_whole_video_fading_out_takes_the_music_with_it() -> None:
    ctx = context("full")
    [action] = understand("add a 3 second fade to black at the end", ctx).actions
    assert isinstance(action, EditAction)
    draft = apply_edit(ctx.draft, action.edit)  # type: ignore[arg-type]
    music = next(s for t in draft.tracks if t.type == AUDIO for s in t.segments)
    assert music.meta.fade_out_ms == 3000 and draft.tracks[0].segments[-1].meta.fade_out_ms == 3000


def test_labels_say_what_faded_in_both_languages() -> None:
    assert describe_edit(SetFade(fade_out_ms=1000), "en") == "faded the video out over 1s at the end"
    assert describe_edit(SetFade(fade_out_ms=1000), "zh") == "结尾淡出 1 秒"
    assert describe_edit(SetFade(fade_in_ms=2000, fade_out_ms=1500), "zh") == "开头淡入 2 秒，结尾淡出 1.5 秒"
    assert describe_edit(SetFade(segment_id="s2", fade_in_ms=500), "en") == "faded clip s2 in over 0.5s"
    assert describe_edit(SetFade(fade_out_ms=0), "en") == "removed the video's fade-out"
    assert describe_edit(SetFade(segment_id="s2", fade_out_ms=0), "zh") == "去掉片段 s2 的淡出"


def test_the_llm_is_offered_set_fade_with_its_fields() -> None:
    [tool] = [t["function"] for t in build_tools() if t["function"]["name"] == "set_fade"]
    assert tool["description"].startswith("Fade the picture in from / out to the background")
    assert {"segment_id", "fade_in_ms", "fade_out_ms", "fade_music"} <= set(tool["parameters"]["properties"])
    assert "op" not in tool["parameters"]["properties"]
