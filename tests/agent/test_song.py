"""Asking for a song made for the video is a MusicAction(compose=True); library music and music edits stay as they were."""

from __future__ import annotations

import pytest

from reelforge.agent import AgentContext, GenerateAction, MusicAction, Unknown, understand
from reelforge.draft import Draft


def _plan(message: str) -> list[object]:
    return list(understand(message, AgentContext(draft=Draft.empty(), media=[])).actions)


@pytest.mark.parametrize(("message", "style", "description", "lyrics"), [
    ("make a calm piano song for this video", "piano", "calm piano", None),
    ("生成一首欢快的背景音乐", "upbeat", "欢快", None),
    ("compose an upbeat soundtrack with lyrics \"we run all night\"", "upbeat", "upbeat", "we run all night"),
    ("为这个视频生成一首歌", None, None, None),
    ("写一首钢琴曲", "piano", "钢琴曲", None),
])
def test_a_song_for_the_video_is_composed(message: str, style: str | None, description: str | None,
                                          lyrics: str | None) -> None:
    assert _plan(message) == [MusicAction(style=style, compose=True, description=description, lyrics=lyrics)]


def test_library_music_edits_and_clips_of_concerts_are_not_songs() -> None:
    assert _plan("add lo-fi music") == [MusicAction(style="lofi")]
    # a change to music that is not there yet is asked about (the draft is empty), never composed
    quieter = _plan("make the music quieter")[0]
    assert isinstance(quieter, Unknown) and quieter.question
    assert isinstance(_plan("生成一段音乐会的视频")[0], GenerateAction)
    assert not any(isinstance(a, MusicAction) and a.compose for a in _plan("make a slideshow of my photos with music"))
