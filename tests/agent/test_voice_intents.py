"""The voice, caption and script phrases (agent/_intents/voice.py), English and Chinese, with and without
narration on the draft; "caption" with its words given stays a title."""

from __future__ import annotations

import pytest

from reelforge.agent import (
    AgentContext,
    EditAction,
    ScriptAction,
    SubtitlesAction,
    Unknown,
    VoiceAction,
    VoiceChangeAction,
    understand,
)
from reelforge.draft import Draft, apply_edit
from reelforge.draft.edits import AddVoice
from reelforge.draft.model import Cue

NARRATED = apply_edit(Draft.empty(), AddVoice(src="v.wav", text="Hello.", voice="en_female", duration_ms=900,
                                              cues=[Cue(start_ms=0, duration_ms=900, text="Hello.")]))


def _plan(message: str, draft: Draft = NARRATED) -> list[object]:
    return understand(message, AgentContext(draft=draft)).actions


@pytest.mark.parametrize(("message", "text"), [
    ("add a voice-over saying Welcome to the coast. It is warm.", "Welcome to the coast. It is warm."),
    ('narrate: "Hello there"', "Hello there"),
    ("加配音：欢迎来到海边。这里很美。", "欢迎来到海边。这里很美。"),
    ("旁白：今天天气很好", "今天天气很好"),
])
def test_narration_words_are_taken_whole(message: str, text: str) -> None:
    [action] = _plan(message, Draft.empty())
    assert isinstance(action, VoiceAction) and action.text == text


@pytest.mark.parametrize(("message", "gender", "rate"), [
    ("use a male voice", "male", None), ("换成女声", "female", None), ("换成男声", "male", None),
    ("speak slower", None, 0.8), ("speak faster", None, 1.25), ("说慢一点", None, 0.8),
])
def test_voice_changes(message: str, gender: str | None, rate: float | None) -> None:
    [action] = _plan(message)
    assert isinstance(action, VoiceChangeAction) and (action.gender, action.rate_scale) == (gender, rate)


@pytest.mark.parametrize(("message", "op", "field", "value"), [
    ("remove the voice", "remove_voice", None, None), ("去掉配音", "remove_voice", None, None),
    ("add subtitles", "set_captions", "enabled", True), ("加字幕", "set_captions", "enabled", True),
    ("make the captions bigger", "set_captions", "size_scale", 1.25), ("字幕放大", "set_captions", "size_scale", 1.25),
    ("字幕换成黄色", "set_captions", "color", "#ffcc00"), ("remove the subtitles", "set_captions", "enabled", False),
    ("word by word captions", "set_captions", "style", "highlight"),
])
def test_caption_and_voice_edits(message: str, op: str, field: str | None, value: object) -> None:
    [action] = _plan(message)
    assert isinstance(action, EditAction) and action.edit.op == op
    if field is not None:
        assert getattr(action.edit, field) == value


@pytest.mark.parametrize("message", ["export the subtitles", "导出字幕", "download the captions as vtt"])
def test_subtitle_export(message: str) -> None:
    [action] = _plan(message)
    assert isinstance(action, SubtitlesAction)
    assert action.format == ("vtt" if "vtt" in message else "srt")


@pytest.mark.parametrize(("message", "script", "aspect"), [
    ("make a video from this script: The harbour wakes. Boats come home.", "The harbour wakes. Boats come home.", None),
    ("make a vertical video from this script: One. Two.", "One. Two.", "9:16"),
    ("用这段文案做一个视频：清晨的海港。渔船回来了。", "清晨的海港。渔船回来了。", None),
])
def test_scripts(message: str, script: str, aspect: str | None) -> None:
    [action] = _plan(message, Draft.empty())
    assert isinstance(action, ScriptAction) and (action.script, action.aspect) == (script, aspect)


def test_a_voice_over_without_words_is_a_question() -> None:
    [action] = _plan("加配音", Draft.empty())
    assert isinstance(action, Unknown) and "配音要说什么" in action.question


def test_a_caption_with_its_words_is_still_a_title() -> None:
    [action] = _plan("add a caption Summer Vibes at the top", Draft.empty())
    assert isinstance(action, EditAction) and action.edit.op == "add_text"
    [action] = _plan("字幕小一点", Draft.empty())  # no narration: the title's size, and there is no title yet
    assert isinstance(action, Unknown) and action.question.startswith("还没有标题")


def test_an_uploaded_text_file_is_the_script() -> None:
    from reelforge.agent import MediaRef

    context = AgentContext(draft=Draft.empty(), media=[MediaRef(src="media:t1", kind="text", name="story.txt")])
    [action] = understand("用我上传的文案做一个竖屏视频", context).actions
    assert isinstance(action, ScriptAction) and (action.src, action.aspect, action.script) == ("media:t1", "9:16", "")


@pytest.mark.parametrize("message", ["make a video from this script with my photos: One. Two.",
                                     "用我的照片和这段文案做一个视频：清晨。渔船。"])
def test_a_script_over_my_own_media(message: str) -> None:
    [action] = _plan(message, Draft.empty())
    assert isinstance(action, ScriptAction) and action.use_media and action.script in ("One. Two.", "清晨。渔船。")
