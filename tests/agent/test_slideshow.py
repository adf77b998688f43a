"""Uploaded photos onto the timeline in one go: "make a slideshow of my photos with music", "add all my photos"."""

from __future__ import annotations

import pytest

from reelforge.agent import AgentContext, EditAction, MusicAction, Unknown, understand
from reelforge.agent.actions import MediaRef
from reelforge.draft import VIDEO, Draft

from ._fixtures import apply_plan

PHOTOS = [MediaRef("media:p1", "image", "beach.jpg"), MediaRef("media:p2", "image", "hills.png"),
          MediaRef("media:p3", "image", "city.jpg")]
SONG = MediaRef("media:song1", "audio", "summer.mp3", 30000)
HIKE = MediaRef("media:hike1", "video", "hike.mp4", 8000)


def _plan(message: str, media: list[MediaRef]) -> tuple[list[object], Draft]:
    context = AgentContext(draft=Draft.empty(), media=media, history=[])
    plan = understand(message, context)
    return plan.actions, apply_plan(Draft.empty(), plan)


def _clips(draft: Draft) -> list[tuple[str | None, int, str | None]]:
    return [(s.src, s.duration_ms, s.meta.motion) for s in draft.tracks_of(VIDEO)[0].segments]


def test_a_slideshow_is_every_photo_moving_by_turns_with_crossfades_and_the_music_asked_for() -> None:
    actions, draft = _plan("make a slideshow of my photos with lo-fi music", [*PHOTOS, SONG])
    assert _clips(draft) == [("media:p1", 3000, "zoom_in"), ("media:p2", 3000, "zoom_out"),
                             ("media:p3", 3000, "zoom_in")]
    segments = draft.tracks_of(VIDEO)[0].segments
    assert [s.meta.transition.type if s.meta.transition else None for s in segments] == [None, "fade", "fade"]
    # "my photos" does not make the music "my song": the library's lo-fi was asked for
    assert isinstance(actions[-1], MusicAction) and actions[-1].style == "lofi"


def test_a_slideshow_with_my_song_uses_the_upload_and_words_turn_parts_off() -> None:
    actions, draft = _plan("make a slideshow of my photos, 4 seconds each, no transitions, no zoom, with my song",
                           [*PHOTOS, SONG])
    assert _clips(draft) == [("media:p1", 4000, None), ("media:p2", 4000, None), ("media:p3", 4000, None)]
    assert all(s.meta.transition is None for s in draft.tracks_of(VIDEO)[0].segments)
    assert any(isinstance(a, EditAction) and a.edit.op == "set_music" and a.edit.src == "media:song1" for a in actions)


def test_a_slideshow_length_is_shared_among_the_photos() -> None:
    _actions, draft = _plan("a 12 second slideshow of my photos", PHOTOS)
    assert [d for _src, d, _m in _clips(draft)] == [4000, 4000, 4000]


@pytest.mark.parametrize("message", ["用我的照片做一个幻灯片，配上轻快的音乐", "把我的照片做成视频"])
def test_a_chinese_slideshow(message: str) -> None:
    actions, draft = _plan(message, [*PHOTOS, SONG])
    assert [m for _s, _d, m in _clips(draft)] == ["zoom_in", "zoom_out", "zoom_in"]
    if "音乐" in message:
        assert isinstance(actions[-1], MusicAction) and actions[-1].style == "upbeat"


def test_add_all_my_uploads_keeps_them_still_unless_a_move_is_asked_for() -> None:
    _actions, draft = _plan("add all my photos", [*PHOTOS, HIKE])
    assert _clips(draft) == [("media:p1", 3000, None), ("media:p2", 3000, None), ("media:p3", 3000, None)]
    _actions, draft = _plan("add all my uploads", [*PHOTOS, HIKE])
    assert [src for src, _d, _m in _clips(draft)] == ["media:p1", "media:p2", "media:p3", "media:hike1"]
    assert _clips(draft)[-1][1] == 8000  # a video keeps its own length
    _actions, draft = _plan("add all my photos with a slow zoom", PHOTOS)
    assert [m for _s, _d, m in _clips(draft)] == ["zoom_in"] * 3


def test_one_photo_with_a_move_and_no_photos_at_all() -> None:
    _actions, draft = _plan("add my photo with a slow zoom out", PHOTOS[:1])
    assert _clips(draft) == [("media:p1", 3000, "zoom_out")]
    actions, _draft = _plan("make a slideshow of my photos", [SONG])
    assert isinstance(actions[0], Unknown) and "no photos" in actions[0].understood
