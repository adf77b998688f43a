"""Library music by chat over the real services: the track is rendered once, stored as the owner's
media, and set as the background music in a new draft version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.audio import STYLES, style_for_scene
from tests._server import TINY
from tests.services._turn_harness import Chat, add_clips, decoded_seconds, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False)


def test_lofi_music_is_a_library_track_at_35_percent_whose_file_decodes(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [2.0])
    turn = chat.say("add lo-fi background music")
    music = chat.music()
    assert music is not None and music.src.startswith("media:")
    assert music.meta.volume == 0.35 and music.meta.loop is True and music.meta.name == "Lo-fi"
    assert (music.start_ms, music.duration_ms) == (0, chat.draft().video_end_ms)
    media = chat.media(music.src)
    assert media.origin == "library" and media.kind == "audio" and media.owner_id == chat.principal.user_id
    assert media.provenance["library"] is True and media.provenance["style"] == "lofi"
    assert media.provenance["seconds"] == 10  # a 2 s video gets the 10 s minimum bed
    assert abs(decoded_seconds(chat.media_path(music.src)) - 10.0) < 0.1
    (call,) = turn.parts("functionCall")
    (response,) = turn.parts("functionResponse")
    assert response["id"] == call["id"] and response["name"] == call["name"]
    assert call["name"] == "add_library_music" and response["response"]["ok"] is True
    assert "Lo-fi" in turn.reply and "35%" in turn.reply


def test_calm_piano_music_at_30_percent(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    turn = chat.say("use calm piano music at 30%")
    music = chat.music()
    assert music.meta.volume == 0.3 and chat.media(music.src).provenance["style"] == "piano"
    assert "30%" in turn.reply


def test_chinese_request_gets_upbeat_music_and_a_chinese_reply(chat: Chat, tmp_path: Path) -> None:
    zh = chat.new_session("zh")
    add_clips(zh, tmp_path, [1.0])
    turn = zh.say("加一段欢快的背景音乐")
    music = zh.music()
    assert zh.media(music.src).provenance["style"] == "upbeat"
    assert STYLES["upbeat"].title_zh in turn.reply and "35%" in turn.reply


def test_replacing_the_music_swaps_the_track_and_undo_brings_it_back(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    chat.say("add lo-fi background music")
    first = chat.music().src
    turn = chat.say("replace the music with something more epic")
    music_tracks = [t for t in chat.draft().tracks if int(t.type) == 1 and t.id != "sfx"]
    assert len(music_tracks) == 1 and len(music_tracks[0].segments) == 1
    assert chat.media(chat.music().src).provenance["style"] == "cinematic"
    assert STYLES["cinematic"].title in turn.reply
    chat.say("undo")
    assert chat.music().src == first


def test_the_same_track_is_rendered_once_and_recorded_once_per_owner(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    other = chat.new_session()
    add_clips(other, tmp_path, [2.0])
    chat.say("add lo-fi background music")
    other.say("add lo-fi background music")
    assert chat.music().src == other.music().src  # same owner, style, seed and 10 s length
    cached = list((chat.svc.settings.data_dir / "library").glob("lofi-*"))
    assert len(cached) == 1
    library = other.state()["library_media"]
    assert [m["src"] for m in library] == [other.music().src]  # used by this session, though first made for the other
    assert all(m["origin"] != "library" for m in other.state()["uploaded_media"])


def test_some_music_after_a_beach_sunset_picks_the_scene_style(chat: Chat) -> None:
    chat.set_canvas(TINY)  # no assertion reads the clip's size
    generated = chat.say("generate a 2 second clip of a beach sunset")
    assert generated.parts("functionResponse")[0]["response"]["ok"] is True
    assert chat.music() is None  # two-stage is off in this fixture
    turn = chat.say("add some music")
    style = chat.media(chat.music().src).provenance["style"]
    assert style == style_for_scene("beach sunset").name == "chill"
    assert STYLES["chill"].title in turn.reply


def test_music_before_any_clip_is_a_10_s_bed_that_follows_the_video(chat: Chat, tmp_path: Path) -> None:
    chat.say("add lo-fi background music")
    assert chat.music().duration_ms == 10_000
    add_clips(chat, tmp_path, [2.0])
    assert chat.music().duration_ms == chat.draft().video_end_ms


@pytest.mark.parametrize(("message", "language"), [("what music styles do you have?", "en"), ("有哪些音乐风格", "zh")])
def test_music_styles_question_lists_every_style(chat: Chat, message: str, language: str) -> None:
    session = chat.new_session(language) if language == "zh" else chat
    reply = session.say(message).reply
    for style in STYLES.values():
        assert (style.title_zh if language == "zh" else style.title) in reply
    assert session.draft().tracks == []  # a question changes nothing


def test_new_music_comes_in_later_and_a_song_plays_from_further_in(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [2.0, 2.0])
    turn = chat.say("add lo-fi music starting at 1.5 seconds with a 1 second fade in")
    music = chat.music()
    assert (music.start_ms, music.end_ms) == (1500, chat.draft().video_end_ms)
    assert music.meta.fade_in_ms == 1000 and "1.5s" in turn.reply
    chat.say("start the song 3 seconds in")
    assert chat.music().in_ms == 3000 and chat.music().start_ms == 1500
    refused = chat.say("start the music at 9 seconds")  # after the music ends: said, nothing changed
    assert chat.music().start_ms == 1500 and "start_ms" in refused.reply


def test_music_start_in_chinese(chat: Chat, tmp_path: Path) -> None:
    zh = chat.new_session("zh")
    add_clips(zh, tmp_path, [3.0])
    zh.say("加一段钢琴背景音乐")
    turn = zh.say("音乐从第2秒开始")
    assert zh.music().start_ms == 2000 and "从 2s 处开始" in turn.reply
