"""Where the music is said to stop (``update_music``'s ``end_ms``): at a time, a time before the video's end, or a
moment ("when the dog appears"); the music area plans the edit.

"stop the music at 8 seconds", "the music should end at 0:12", "music only for the first 8 seconds", "end the music 2
seconds before the video ends", "the music should end when the dog appears", "音乐到第8秒就停", "背景音乐放到8秒就停",
"音乐停在第十秒", "音乐只放前8秒", "音乐比视频早两秒结束", "狗出现的时候音乐停", "can the music stop when the dog clip starts"; and after that, on to the video's end
again ("let the music play to the end again", "音乐一直放到结尾").
"""

from __future__ import annotations

import re

from reelforge.agent._refs import MISSING, clip_refs, moment_of
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause

__all__ = ["STOPS", "music_end"]

STOPS = (r"\b(?:stop|end|cut (?:it |the music |the song )?off|cuts? out|finish|die|go(?:es)? (?:quiet|silent)|kill|mute|"
          r"silence|(?:turn|switch) (?:it |the music |the song )?off)\w*\b|"
                  r"停|结束|没声|不要了|不放了")
# (a bare number after "at" is a time too: "start the music at 3 seconds and stop it at 9"; not a level, "at 50%")
_AT = (r"\b(?:at|after|by|around|on|in)\s+(?:the\s+)?(?:(?:mark|second)\s+)?(\d+(?:\.\d+)?)(?:\s*(?:seconds?|secs?|s)\b|$|"
       r"(?=\s*(?:,|and|then|please|pls)\b))(?! (?:before|earlier|from))|(?:到|在|停在|停到|放到|播到|播放到|放在)第?(\d+(?:\.\d+)?)秒|"
       r"(?<![\d.前后])(?<!最后)(?<!最后第)(\d+(?:\.\d+)?)秒(?:就|时|的时候)?(?:停|结束)")  # "音乐淡出 12秒就停"
_FIRST = (r"\bonly (?:have |want |play |plays |be |be on |for |during |in |over |music |the music )*the first (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b|"
                  r"(?:只|就)(?:放|播|播放|要|留|响|用)?前(\d+(?:\.\d+)?)秒")
_BEFORE_END = (r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s) (?:before|earlier than|ahead of) (?:the (?:video|end|clip)"
                       r"|the video'?s? end|it) ?(?:ends?|does|finishes)?\b|"
                       r"(?:比视频|比画面)?(?:早|提前)(\d+(?:\.\d+)?)秒(?:结束|停)|(?:结尾|结束)前(\d+(?:\.\d+)?)秒(?:就)?(?:停|结束)|"
                       r"最后(\d+(?:\.\d+)?)秒(?:不要|没有|去掉)(?:音乐|配乐)")
# the music playing on to the video's end again (after it was stopped early): "let the music play to the end again",
# "the song should go all the way to the end", "音乐一直放到结尾", "背景音乐放到最后"
_TO_THE_END = (r"\b(?:play|run|go|last|continue|keep (?:playing|going))\w*\b[^,.]*\b(?:to|until|till|through) the (?:very )?"
               r"end(?: of the video)?\b|(?:一直)?(?:放|播|播放|响)到(?:视频)?(?:结尾|最后|结束)")
# none after a time: "no music after 9 seconds", "第9秒以后不要音乐"
_NONE_AFTER = (r"\bno (?:more )?(?:background )?(?:music|song|bgm|soundtrack) (?:after|past|from) (?:the )?(\d+(?:\.\d+)?)\s*"
               r"(?:seconds?|secs?|s)\b|第?(\d+(?:\.\d+)?)秒(?:以后|之后|后面|后)(?:的)?(?:就)?(?:不要|没有|去掉|别放|不放)(?:了)?"
               r"(?:音乐|配乐|背景音乐|bgm)")
# a clip named as where it stops: "stop the music before the dog clip", "the music should end at the second clip"
_AT_CLIP = r"\b(?:before|at|by|once we (?:reach|get to)|when (?:we|it) (?:reach|get)s? to)\s+(?:the |that )?(?!\d)[a-z]"
_STARTS = (r"\b(?:start|begin|come in|kick in)\w*\b|开始|进来|响起")
# the moment it stops said by another thing starting: "stop the music when the dog clip starts" (no start of the music)
_WHEN_STARTS = re.compile(r"\b(?:when|once|as soon as|as|the moment|right when|where)\b(?: [\w']+){1,5}? (?:starts?|begins?|comes? "
                          r"in|kicks? in|comes? on|shows? up)\b|[\u4e00-\u9fff]{1,6}?(?:开始|出现|进来)的时候")


def music_end(clause: Clause, state: PlanState) -> int | None:
    """The time on the timeline, in ms, where the clause says the music stops (0: with the video, when it stops
    before); None when it says none."""
    video_end = state.draft.video_end_ms or state.draft.end_ms
    music_end = max((s.end_ms for t in state.draft.tracks if t.is_music for s in t.segments), default=0)
    if clause.has(_TO_THE_END) and 0 < music_end < video_end:
        return 0
    before = clause.search(_BEFORE_END)
    if before is not None and video_end and not (clause.has(_STARTS) and not re.search(STOPS, re.sub(r"\bthe (?:very )?end\b", " ",
                                                                                                   clause.text))):
        # ("start the music 5 seconds before the end": where it comes in, never where it stops)
        return video_end - round(float(next(g for g in before.groups() if g)) * 1000)
    first = clause.search(_FIRST) or clause.search(_NONE_AFTER)
    if first is not None:
        return round(float(next(g for g in first.groups() if g)) * 1000)
    if not clause.has(STOPS) or re.search(_STARTS, _WHEN_STARTS.sub(" ", clause.text)):
        # "start the music at 5 s and stop it at 9": said apart
        return None
    at = clause.search(_AT)
    if at is not None:
        return round(float(next(g for g in at.groups() if g)) * 1000)
    moment = moment_of(clause, state)  # "when the dog appears", "狗出现的时候"
    if moment is None and clause.has(_AT_CLIP):
        # "the music should stop before the dog clip", "end the music at the second clip": where that clip comes in
        refs = [ref for ref in clip_refs(clause, state) if ref != MISSING]
        found = state.draft.find_segment(refs[0]) if len(refs) == 1 else None
        if found is not None and found[1].start_ms > 0:
            return found[1].start_ms
    return moment
