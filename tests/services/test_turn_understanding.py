"""What a newcomer types, through the real turn runner (SQLite, blobs, job workers, the preview generator):
second clips asked "after it" or after a colon, "make the title say ...", the whole video's length, negations,
corners, Chinese add-clip prompts, and edit phrasings that must never become paid generations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.draft import TEXT, VIDEO, Position
from reelforge.services import credits
from tests._server import TINY
from tests.services._turn_harness import Chat, add_clips, open_chat


# No assertion here reads a clip's size: the clips are generated on the tiny canvas
@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", canvas=TINY)


@pytest.fixture
def zh_chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", language="zh", canvas=TINY)


def _titles(chat: Chat) -> list[str]:
    return [s.meta.text or "" for t in chat.draft().tracks if t.type == TEXT for s in t.segments]


def _clips(chat: Chat) -> list[str]:
    tracks = chat.draft().tracks_of(VIDEO)
    return [chat.media(s.src).provenance.get("prompt", "") for s in tracks[0].segments] if tracks else []


def _generations(turn: object) -> int:
    return sum(1 for call in turn.parts("functionCall") if call["name"] == "generate_video")  # type: ignore[attr-defined]


@pytest.mark.parametrize("second", ["add a second clip after it: a dog running on a beach, 2 seconds",
                                    "add a second clip: a dog running on a beach, 2 seconds"])
def test_a_second_clip_asked_after_it_or_after_a_colon_is_generated_after_the_first(chat: Chat, second: str) -> None:
    chat.say("generate a 2 second clip of a city at night")
    title_before = [(s.start_ms, s.end_ms) for t in chat.draft().tracks if t.type == TEXT for s in t.segments]
    turn = chat.say(second)
    assert _generations(turn) == 1
    assert _clips(chat) == ["city at night", "dog running on a beach"]
    spans = [(s.start_ms, s.end_ms) for s in chat.draft().tracks_of(VIDEO)[0].segments]
    assert spans == [(0, 2000), (2000, 4000)]
    # the title made with the first clip kept its span: "it" placed the clip, it did not retime the title
    assert [(s.start_ms, s.end_ms) for t in chat.draft().tracks if t.type == TEXT for s in t.segments] == title_before


def test_make_the_title_say_changes_the_one_title(chat: Chat) -> None:
    chat.say("generate a 2 second clip of a city at night")
    assert _titles(chat) == ["City at Night"]
    chat.say("make the title say Hello World")
    assert _titles(chat) == ["Hello World"]


def test_the_whole_video_length_no_music_and_a_corner_caption(chat: Chat) -> None:
    chat.say("generate a 3 second clip of waves at sunset")
    assert chat.music() is not None
    turn = chat.say("make the whole thing 2 seconds long")
    assert chat.draft().video_end_ms == 2000, turn.reply
    chat.say("no music please")
    assert chat.music() is None
    chat.say("add a caption 'see you' in the bottom right corner")
    (caption,) = [s for t in chat.draft().tracks if t.type == TEXT for s in t.segments if s.meta.text == "see you"]
    assert caption.meta.pos == Position(x=0.8, y=0.9)


def test_a_chinese_add_clip_request_keeps_only_the_scene_in_the_prompt(zh_chat: Chat) -> None:
    zh_chat.say("生成一个2秒的城市夜景视频")
    turn = zh_chat.say("再加一个2秒的小狗奔跑的视频在最后")
    assert _generations(turn) == 1
    assert _clips(zh_chat) == ["城市夜景", "小狗奔跑"]


def test_edit_phrasings_never_become_paid_generations_but_the_edits_they_name(chat: Chat) -> None:
    chat.say("generate a 2 second clip of a city at night")
    chat.say("add a second clip: a dog on a beach, 2 seconds")
    balance = credits.balance(chat.svc, chat.principal)
    turns = {message: chat.say(message) for message in (
        "a crossfade between every clip", "a whoosh on each cut", "black and white filter on everything", "结尾画面变黑")}
    assert all(_generations(turn) == 0 for turn in turns.values()) and len(_clips(chat)) == 2
    assert credits.balance(chat.svc, chat.principal) == balance
    clips = chat.draft().tracks_of(VIDEO)[0].segments
    assert clips[1].meta.transition is not None and clips[1].meta.transition.type == "fade"
    assert [c["name"] for c in turns["a whoosh on each cut"].parts("functionCall")] == ["add_sound_effect"]
    assert clips[-1].meta.fade_out_ms == 1000
    # no filter tool: a question that says so, and nothing changed
    assert turns["black and white filter on everything"].parts("functionCall") == []
    assert "filters" in turns["black and white filter on everything"].reply


def test_the_in_process_planner_answers_what_the_rules_cannot(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    pytest.importorskip("lmformatenforcer")
    from tests.agent._tiny_llm import build_tiny_model

    model = build_tiny_model(tmp_path / "tiny")
    for chat in open_chat(tmp_path / "data", llm_model=str(model), llm_local_timeout_s=120):
        assert chat.svc.planner is not None
        add_clips(chat, tmp_path, [1.0, 1.0])
        turn = chat.say("make it pop more")  # no rule explains it: the planner's valid calls run
        calls = [c["name"] for c in turn.parts("functionCall")]
        assert "generate_video" not in calls and turn.reply
        assert calls or "Sorry" not in turn.reply  # an edit, or the model's own question: not the rules' apology
        answered = chat.say("fade out at the end")  # the rules explain this one: no model needed
        assert chat.draft().tracks_of(VIDEO)[0].segments[-1].meta.fade_out_ms == 1000 and answered.reply
