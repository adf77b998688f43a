"""A song composed for the video by chat: ACE-Step when configured (a tiny random pipeline here),
the library's track otherwise, and the reply says which."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audio.test_ace_step import read_wav
from tests.services._turn_harness import add_clips, open_chat


def test_without_a_model_the_library_stands_in_and_the_reply_says_so(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", two_stage_chat=False):
        add_clips(chat, tmp_path, [2.0])
        turn = chat.say("make a calm piano song for this video")
        music = chat.music()
        assert music is not None and chat.media(music.src).provenance["style"] == "piano"
        assert chat.media(music.src).origin == "library"
        assert "REELFORGE_MUSIC_MODEL" in turn.reply and "library" in turn.reply and "piano" in turn.reply.lower()


@pytest.mark.models
@pytest.mark.parametrize(("language", "message", "words"), [
    ("en", "make a calm piano song for this video", "calm piano"),
    ("zh", "生成一首欢快的背景音乐", "欢快"),
])
def test_with_a_model_the_song_is_composed_to_the_video_length(
        tmp_path: Path, tiny_ace_step: Path, language: str, message: str, words: str) -> None:
    for chat in open_chat(tmp_path / "data", language, two_stage_chat=False, music_model=str(tiny_ace_step)):
        session = chat.new_session(language) if language == "zh" else chat
        add_clips(session, tmp_path, [12.0])
        turn = session.say(message)
        music = session.music()
        assert music is not None and music.meta.loop is True and music.meta.volume == 0.35
        media = session.media(music.src)
        assert (media.origin, media.kind, media.duration_ms) == ("generated", "audio", 12000)
        assert media.provenance["pipeline"] == "AceStepPipeline"
        samples, rate = read_wav(session.media_path(music.src))
        assert rate == 48000 and samples.shape == (12 * 48000, 2)
        assert [c["name"] for c in turn.parts("functionCall")] == ["compose_music"]
        assert ("创作" in turn.reply) if language == "zh" else ("Composed" in turn.reply)
        assert media.provenance["prompt"].startswith(words)  # the caption: the words asked, then the scene
