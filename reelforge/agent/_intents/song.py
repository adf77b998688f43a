"""A song made for the video: "make a calm piano song for this video", "compose an upbeat soundtrack",
"生成一首欢快的背景音乐", "写一首钢琴曲 歌词'...'".

The result is a ``MusicAction(compose=True)``: with ``REELFORGE_MUSIC_MODEL`` set the turn generates
the song (ACE-Step), otherwise it uses the library's track for the style and says so. Asking for
library music ("add lo-fi music") stays with ``music.handle``.
"""

from __future__ import annotations

import re

from reelforge.agent._library import music_style
from reelforge.agent._state import Focus, PlanState
from reelforge.agent._text import Clause
from reelforge.agent.actions import MusicAction

__all__ = ["handle"]

_NOUN = r"(?:song|music|soundtrack|tune|track|bgm|score|piece|jingle|theme|instrumental|melody|beat)\b"
# "compose/generate/write ... song", or "make/give me ... a/an/some/new ... song" (not "make the music quieter")
_EN = (rf"\b(?:generate|compose|create|write|produce)\b(?:\s+[\w-]+){{0,6}}?\s+{_NOUN}|"
       rf"\b(?:make|give me|i want|i need)\s+(?:me\s+)?(?:a|an|some|new|original|my own)\b(?:\s+[\w-]+){{0,5}}?\s+{_NOUN}")
# "来一段…配乐" asks for library music; only a song to be sung is made ("来首有人唱的流行歌，歌词：…")
_ZH = r"(?:生成|创作|写|做|作|谱|来(?=.*(?:歌词|唱)))(?:1|一)?(?:首|段|支)(?:.{0,12}?)(?:歌|音乐|配乐|曲|乐|bgm)|作曲|谱曲"
_NOT = (r"(?<!\bfor this )(?<!\bfor the )(?<!\bfor my )\b(?:video|clip|shot|scene|footage)s?\s+(?:of|showing|about|with)\b|\bmusic video\b|音乐视频|MV|"
        r"\bbeat[- ]?(?:sync|match)\w*|"  # "make a beat sync video": an edit cut to the beat, no song
        r"\b(?:quieter|louder|softer|volume|fade|loop|duck|remove|delete|mute|lower|raise|replace|switch|change)\b|"
        r"小一点|大一点|音量|淡入|淡出|循环|去掉|删除|换|"
        r"的(?:视频|片段|镜头|画面|动画)|(?<!这个)(?<!给)(?<!为)(?:视频|片段|镜头|画面|动画)$|"  # "生成一段音乐会的视频": a clip
        # "make a slideshow of my photos with lo-fi music": the music goes with something else being made
        r"\bwith\b(?:\s+[\w-]+){0,3}\s+(?:music|song|soundtrack|bgm)\b|\bslideshow|\bphotos?\b|幻灯片|照片|配上")
_LYRICS = re.compile(r"\b(?:lyrics?|words)\b|歌词")
# what the song is for, said with it ("写一首钢琴曲当背景音乐", "compose a jazz tune to use as the soundtrack"): its role,
# never part of what the song is
_ROLE = re.compile(
    r"\b(?:(?:to|and|then)\s+)?(?:(?:use|play|have|set)\s+(?:it\s+)?)?as\s+(?:the\s+|my\s+|our\s+|a\s+)?(?:video'?s?\s+)?"
    r"(?:background\s+music|background\s+track|bgm|soundtrack|music|score|theme(?:\s+song)?)\b|"
    r"(?:拿来|用来|用|来)?(?:当作|当成|当做|当|作为|用作|做为)(?:这个)?(?:视频(?:的)?)?(?:的)?(?:背景音乐|背景乐|配乐|bgm|BGM|主题曲|音乐)",
    re.IGNORECASE)
_FILLER = re.compile(
    r"\b(?:please|can you|could you|make|generate|compose|create|write|produce|give me|i want|i need|an?|the|some|"
    r"song|music|soundtrack|tune|track|bgm|score|piece|melody|me|background|for|this|that|the|my|video|clip|with|lyrics?|"
    r"about|words)\b|生成|创作|写|做|作|谱|来|为|(?:1|一)(?:首|段|支)|首|背景音乐|音乐|配乐|歌曲|曲子|歌|给|这个|视频|的|歌词|请",
    re.IGNORECASE)


def handle(clause: Clause, state: PlanState) -> bool:
    if not (clause.has(_EN) or clause.has(_ZH)) or clause.has(_NOT):
        return False
    lyrics = clause.quote() if _LYRICS.search(clause.text) else None
    words = " ".join(_FILLER.sub(" ", _ROLE.sub(" ", re.sub(r"⟪\d+⟫", " ", clause.text))).split()).strip(" ,，.。")
    state.actions.append(MusicAction(style=music_style(clause.text), compose=True,
                                     description=words or None, lyrics=lyrics))
    state.focus = Focus("music")  # "... and use it as the music": the song just made
    return True
