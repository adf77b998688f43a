"""An edit on something that is not there is a question that says what is missing and how to add it (``_absent``)."""

from __future__ import annotations

import pytest

from reelforge.agent import EditAction, MusicAction, Unknown, understand

from ._fixtures import context


def _actions(message: str, ctx: str) -> list[object]:
    return list(understand(message, context(ctx)).actions)


# an area may say it in its own words first (text, fades, the timeline); what must hold is that it is said
@pytest.mark.parametrize(("message", "ctx", "said"), [
    ("make the title bigger", "empty", "no title yet"),
    ("标题改成红色", "one_clip", "还没有标题，没法修改标题。要加一个吗？可以说：加标题「…」"),
    ("make the music louder", "one_clip", "no music"),
    ("音乐小一点", "empty", "没有背景音乐"),
    ("静音", "empty", "还没有"),
    ("cut the first 2 seconds", "empty", "no clips"),
    ("add a crossfade between the clips", "one_clip", "a transition goes between two clips, and the video has only one"),
    ("add a crossfade", "empty", "no clips"),
    ("make the crossfade longer", "full", "There's no transition between the clips yet"),  # two clips that only cut
    ("转场再长一点", "full", "片段之间还没有转场"),
    ("turn the background music down a bit", "one_clip", "no music"),  # never library music
])
def test_an_edit_on_what_is_not_there_is_a_question(message: str, ctx: str, said: str) -> None:
    [action] = _actions(message, ctx)
    assert isinstance(action, Unknown) and said in action.question


def test_the_question_offers_an_uploaded_song() -> None:
    [action] = _actions("start the song 30 seconds in", "media")
    assert isinstance(action, Unknown) and "use summer.mp3 as the music" in action.question


def test_what_an_earlier_request_makes_is_there() -> None:
    music, fade = _actions("add lofi music and fade it out over 3 seconds", "one_clip")
    assert isinstance(music, MusicAction) and isinstance(fade, EditAction) and fade.edit.op == "update_music"


@pytest.mark.parametrize(("message", "ctx", "said"), [
    ("lose the music", "media", "Your song summer.mp3 is uploaded but not on the video."),
    ("把音乐关掉", "one_clip", "视频里没有背景音乐，没有可以去掉的。"),
])
def test_removing_music_that_is_not_there_says_so(message: str, ctx: str, said: str) -> None:
    [action] = _actions(message, ctx)
    assert isinstance(action, Unknown) and said in action.question


@pytest.mark.parametrize("message", ["remove the narration", "解说不要了", "旁白去掉"])
def test_removing_a_voice_over_that_is_not_there_stays_its_removal(message: str) -> None:
    # the writers' convention (16 to 2): the runner answers "there is no voice-over"; "解说不要了" is never narrated
    # as the words "不要了"
    [action] = _actions(message, "full")
    assert isinstance(action, EditAction) and action.edit.op == "remove_voice"


@pytest.mark.parametrize(("message", "op"), [
    ("start the song from the chorus at 0:20", "update_music"),  # a value out of range: the runner says why
    ("delete the first clip, then add a crossfade", "set_transition"),  # the clips were there when the message began
])
def test_other_failures_stay_edits(message: str, op: str) -> None:
    assert op in [a.edit.op for a in _actions(message, "full") if isinstance(a, EditAction)]


@pytest.mark.parametrize(("message", "ctx", "said"), [
    ("zoom in slowly on the third clip", "full", "There is no such clip: the video has 2 clip(s)."),
    ("第三段慢慢推近", "full", "没有这个片段：视频只有 2 个片段。"),
    ("swap the first two clips", "empty", "There are no clips yet"),
    ("镜头慢慢拉远", "empty", "还没有片段，没法修改镜头运动。"),
    ("unmute the dog clip", "one_clip", "There is no such clip: the video has 1 clip(s)."),  # not every clip
    ("把猫那段静音", "full", "没有这个片段：视频只有 2 个片段。"),  # a camera move alone: never a scene to generate
])
def test_a_clip_that_is_not_there_is_said(message: str, ctx: str, said: str) -> None:
    [action] = _actions(message, ctx)
    assert isinstance(action, Unknown) and said in action.question
