"""Every value of every vocabulary a history label or reply names reads as words in both languages: "a wipe right
transition", "向右擦除", never the raw identifier ("wiperight", "en_gb_male", "#ff3b30")."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from reelforge.agent import describe_action, describe_edit, describe_voices
from reelforge.agent.actions import VoiceChangeAction
from reelforge.draft import CAPTION_STYLES, Aspect
from reelforge.draft.colors import NAMED_COLORS
from reelforge.draft.edits import AddVoice, Edit, SetCanvas, SetCaptions, SetMotion, SetTransition
from reelforge.draft.validate import MOTIONS, TRANSITIONS
from reelforge.speech import ESPEAK_VOICES

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SNAKE = re.compile(r"[A-Za-z0-9]+_[A-Za-z0-9]+")
_PLAIN_WORDS = {"fade", "dissolve", "distance", "radial", "clean", "highlight", *NAMED_COLORS}  # already words
_VOICES = (*ESPEAK_VOICES, "kokoro:af_heart", "kokoro:bm_george", "kokoro:zf_xiaobei")
_EDITS: list[tuple[str, Edit]] = [
    *((name, SetTransition(type=name, duration_ms=500)) for name in sorted(TRANSITIONS)),
    *((name, SetMotion(motion=name)) for name in MOTIONS),
    *((name, SetCaptions(style=name)) for name in CAPTION_STYLES),  # type: ignore[arg-type]
    *((hex_, SetCaptions(color=hex_)) for hex_ in NAMED_COLORS.values()),
    *((hex_, SetCanvas(bg=hex_)) for hex_ in NAMED_COLORS.values()),
    *((name, AddVoice(src="media:v", text="Hi.", voice=name, duration_ms=900)) for name in _VOICES),
]


def _assert_words(value: str, english: str, chinese: str) -> None:
    for label in (english, chinese):
        assert not _SNAKE.search(label), label
        if value not in _PLAIN_WORDS:
            assert not re.search(rf"(?<![\w#:]){re.escape(value)}(?![\w])", label, re.I), (value, label)
    assert _HAN.search(chinese), chinese
    assert not _HAN.search(english), english


@pytest.mark.parametrize(("value", "edit"), _EDITS, ids=[f"{edit.op}-{value}" for value, edit in _EDITS])
def test_an_edit_label_names_each_vocabulary_value_in_words(value: str, edit: Edit) -> None:
    _assert_words(value, describe_edit(edit, "en"), describe_edit(edit, "zh"))


def test_every_aspect_is_named_in_words_beside_its_ratio() -> None:
    for aspect in get_args(Aspect):
        english, chinese = describe_edit(SetCanvas(aspect=aspect), "en"), describe_edit(SetCanvas(aspect=aspect), "zh")
        assert re.search(rf"{aspect} \([a-z]+\)", english) and re.search(rf"{aspect}（.*[\u4e00-\u9fff]+.*）", chinese)


@pytest.mark.parametrize("voice", _VOICES)
def test_a_re_voiced_narration_names_its_voice_in_words(voice: str) -> None:
    action = VoiceChangeAction(voice=voice)
    english = describe_action(action, "en", voices=describe_voices([voice], "en"))
    chinese = describe_action(action, "zh", voices=describe_voices([voice], "zh"))
    _assert_words(voice, english, chinese)


def test_the_labels_read_as_people_say_them() -> None:
    assert describe_edit(SetTransition(type="wiperight", duration_ms=500), "en") == \
        "added a wipe right transition (0.5s) between the clips"
    assert describe_edit(SetTransition(type="smoothleft", duration_ms=500), "zh") == "添加向左平滑擦除转场（0.5s）"
    assert describe_voices(["en_gb_male", "en_female", "en_gb_male"], "en") == \
        "British English male voice, English female voice"
    assert describe_voices(["kokoro:bm_george"], "zh") == "Kokoro 英式英语男声 George"
    assert describe_edit(SetCaptions(highlight="#ff3b30"), "en") == "captions: colour red"
    assert describe_edit(SetCaptions(color="#12ab34"), "zh") == "字幕：颜色改为 #12ab34"
