"""Two-stage generation by chat: the clip, then matching music and a title, each its own version."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.audio import STYLES, style_for_scene
from reelforge.draft import TEXT, VIDEO
from reelforge.services.turn_two_stage import opt_outs, title_from_prompt
from tests._server import TINY
from tests.services._turn_harness import Chat, open_chat

# No assertion here reads a clip's size: the clips are generated on the tiny canvas (the canvas is the session's
# first version, so the versions a turn makes are counted from the one before it)


def _titles(chat: Chat) -> list[str]:
    return [s.meta.text or "" for t in chat.draft().tracks if t.type == TEXT for s in t.segments]


def test_a_generated_clip_gets_scene_music_and_a_title_that_undo_and_remove_take_off(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", canvas=TINY):
        before = chat.version()
        turn = chat.say("generate a 2 second clip of a futuristic city at night")
        draft = chat.draft()
        (clip,) = draft.tracks_of(VIDEO)[0].segments
        music = chat.music()
        style = style_for_scene("futuristic city at night")
        assert chat.media(music.src).provenance["style"] == style.name and music.meta.volume == 0.35
        (title,) = [s for t in draft.tracks if t.type == TEXT for s in t.segments]
        assert title.meta.text == "Futuristic City" and title.meta.pos == "center"
        assert (title.start_ms, title.end_ms) == (0, clip.end_ms)  # 0-3 s, clipped to the 2 s video
        names = [c["name"] for c in turn.parts("functionCall")]
        assert names == ["generate_video", "add_library_music", "apply_edit"]
        assert chat.version() == before + 3  # clip, music, title: three undo steps
        assert style.title in turn.reply and "Futuristic City" in turn.reply and "music" in turn.reply
        assert [m["src"] for m in chat.state()["library_media"]] == [music.src]
        assert len(chat.state()["generated_media"]) == 1  # the protocol's key still lists only clips

        chat.say("remove the music")
        assert chat.music() is None and _titles(chat) == ["Futuristic City"]
        chat.say("undo")
        assert chat.music() is not None
        chat.say("undo")  # the title was the last automatic step
        assert _titles(chat) == [] and chat.music() is not None


def test_with_two_stage_off_only_the_clip_is_added(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", canvas=TINY, two_stage_chat=False):
        before = chat.version()
        turn = chat.say("generate a 2 second clip of a futuristic city at night")
        assert chat.music() is None and _titles(chat) == []
        assert [c["name"] for c in turn.parts("functionCall")] == ["generate_video"]
        assert chat.version() == before + 1


def test_chinese_opt_out_keeps_the_music_out_and_titles_the_subject_in_chinese(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", language="zh", canvas=TINY):
        turn = chat.say("生成一个2秒的城市夜景视频，不要音乐")
        assert len(chat.draft().tracks_of(VIDEO)[0].segments) == 1
        assert chat.music() is None and _titles(chat) == ["城市夜景"]
        assert "城市夜景" in turn.reply and "背景音乐" not in turn.reply


def test_the_plans_own_music_wins_over_the_automatic_one(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", canvas=TINY):
        chat.say("generate a 2 second clip of a beach at sunset and add lo-fi music")
        assert chat.media(chat.music().src).provenance["style"] == "lofi"
        assert [c["name"] for c in chat.turns[-1].parts("functionCall")].count("add_library_music") == 1


@pytest.mark.parametrize(("message", "cleaned", "music", "title"), [
    ("generate a clip of a cat, no music", "generate a clip of a cat", True, False),
    ("generate a clip of a cat without a title", "generate a clip of a cat", False, True),
    ("generate a clip of a cat with no music or title", "generate a clip of a cat", True, True),
    ("生成一段猫的视频，不要音乐和标题", "生成一段猫的视频", True, True),
    ("generate a clip of a cat playing music", "generate a clip of a cat playing music", False, False),
])
def test_opt_out_words_are_found_and_left_out(message: str, cleaned: str, music: bool, title: bool) -> None:
    text, opt = opt_outs(message)
    assert (text, opt.music, opt.title) == (cleaned, music, title)


@pytest.mark.parametrize(("prompt", "title"), [
    ("futuristic city at night", "Futuristic City"),
    ("beach sunset", "Beach Sunset"),
    ("a red fox running through a snowy forest, cinematic lighting", "Red Fox Running"),
    ("the NYC skyline at dawn", "NYC Skyline"),
    ("城市夜景", "城市夜景"),
    ("一只在雪地里奔跑的红狐狸", "红狐狸"),
])
def test_titles_are_the_prompts_subject(prompt: str, title: str) -> None:
    assert title_from_prompt(prompt) == title


def test_every_style_title_is_known() -> None:  # the reply names styles by these titles
    assert all(style.title and style.title_zh for style in STYLES.values())
