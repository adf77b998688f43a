"""Sound effects by chat: library effects on the sfx track at a time, at each transition, or by default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.audio import SOUND_EFFECTS
from reelforge.draft import VIDEO
from tests.services._turn_harness import Chat, add_clips, decoded_seconds, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False)


def _effects(chat: Chat) -> list:  # type: ignore[type-arg]
    return next((t.segments for t in chat.draft().tracks if t.id == "sfx"), [])


def test_whoosh_at_each_transition_lands_on_every_cut_in_one_version(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0, 1.0, 1.0], transition_ms=300)
    main = chat.draft().tracks_of(VIDEO)[0].segments
    assert [s.start_ms for s in main] == [0, 700, 1400]  # each clip after the first overlaps by 300 ms
    version = chat.version()
    turn = chat.say("add a whoosh at each transition")
    effects = _effects(chat)
    assert [s.start_ms for s in effects] == [700, 1400]
    assert all(s.meta.name == "Whoosh" and s.src == effects[0].src for s in effects)
    whoosh_ms = round(SOUND_EFFECTS["whoosh"].seconds * 1000)
    assert effects[0].duration_ms == min(whoosh_ms, 1400 - 700)  # effects never overlap on their track
    assert effects[1].duration_ms == min(whoosh_ms, chat.draft().video_end_ms - 1400)
    assert abs(decoded_seconds(chat.media_path(effects[0].src)) - SOUND_EFFECTS["whoosh"].seconds) < 0.05
    (response,) = turn.parts("functionResponse")
    assert response["response"]["draft_version"] == chat.version() == version + 1  # both effects: one undo step
    assert "each transition (2)" in turn.reply


def test_camera_shutter_at_one_second(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [2.0])
    turn = chat.say("add a camera shutter sound at 1 second")
    (effect,) = _effects(chat)
    assert effect.start_ms == 1000 and effect.meta.name == SOUND_EFFECTS["shutter"].title
    assert "1s" in turn.reply


def test_a_sound_without_a_time_goes_at_the_start_of_the_last_clip(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0, 1.0])
    chat.say("add a whoosh")
    (effect,) = _effects(chat)
    assert effect.start_ms == chat.draft().tracks_of(VIDEO)[0].segments[-1].start_ms == 1000


def test_transitions_with_one_clip_is_refused_and_changes_nothing(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    before = chat.draft()
    turn = chat.say("add a whoosh at each transition")
    assert chat.draft() == before
    assert "couldn't add the sound effect" in turn.reply and "two clips" in turn.reply
