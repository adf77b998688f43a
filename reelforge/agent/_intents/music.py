"""Background music: an uploaded song as BGM, a built-in style, volume, fades, loop, duck, remove;
and sound effects ("a whoosh at each transition", "a camera shutter at 3 seconds")."""

from __future__ import annotations

import re
from typing import TypedDict

from reelforge.agent._intents._words import ADD, REMOVE
from reelforge.agent._library import music_style, names_sound, sound_effect
from reelforge.agent._numbers import duration_ms, find_durations
from reelforge.agent._refs import find_media, mentions_it
from reelforge.agent._state import Focus, PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import EditAction, MusicAction, SoundAction, Unknown
from reelforge.agent.describe import describe_edit
from reelforge.draft.edits import RemoveMusic, SetMusic, UpdateMusic

__all__ = ["handle", "handle_sound"]

_MUSIC = r"\b(?:music|bgm|songs?|soundtrack|tunes?|backing track|background track|melody|beats?)\b|背景音乐|音乐|配乐|歌|bgm|曲子|旋律"
_UPLOADED = r"\b(?:uploaded|my|i (?:sent|added|gave)|mine)\b|上传|我的|我发的"
_USE = r"\b(?:use|set|play|make|put|add|as|with|replace|switch|swap|change)\b|用|作为|当|做|换|配|加|放"
# phrasal verbs with the object inside: "tone the music down", "crank it up", "bump up the music"
_QUIETER = r"\b(?:quieter|softer|lower|(?:turn|tone|bring|pull|dial|take)(?: \w+){0,2} down|reduce|decrease|less loud|" \
           r"not so loud|too loud)\b|小一点|小声|轻一点|降低|调低|调小|关小|小点|太吵|有点吵|好吵|很吵|太大声|弱一点"
_LOUDER = r"\b(?:louder|(?:turn|bump|crank|pump|bring|dial|push)(?: \w+){0,2} up|raise|increase|boost|more volume|" \
          r"can't hear|too quiet)\b|大一点|大声|调高|调大|开大|提高|大点|响一点|太小声"
_MUTE = r"\bmute\b|静音"
_SOUND = r"\bsound effects?\b|\bsfx\b|\bsound\b|音效|声音|声"


# a negated loop is a setting, not a removal: "don't loop it", "I don't want the music to loop", "别循环"
_NO_LOOP = (r"\b(?:don'?t|do not|no|stop|never)\s+(?:\w+\s+){0,4}?loop|\bplay (?:it )?once\b|"
            r"(?:不要|别|不|不用|不需要)(?:再)?循环|只播放一次|播一次")
# a genre named alone is music: "how about some jazz instead", "换成爵士乐吧"
_GENRE = r"\b(?:jazz|lo-?fi|edm|hip ?hop|techno|synthwave|classical|orchestral)\b|爵士|摇滚|民谣|电子乐|嘻哈|古典乐|钢琴曲|轻音乐"


def _percent(clause: Clause) -> float | None:
    fraction = clause.search(r"(?:\bvolume\b|音量).*?(?:\bto\b|\bat\b|调到|设为|改成|到)\s*(0?\.\d+)(?!\d*\s*(?:s\b|秒|sec))")
    if fraction:  # "turn the volume of the music to 0.5"
        return min(2.0, float(fraction.group(1)))
    if clause.search(r"(?:\bvolume\b|音量).*?(?:\bto\b|\bat\b|调到|设为|改成|到)\s*(?:half\b|一半)|\bhalf (?:the )?volume\b"):
        return 0.5  # "put the music volume at half", "音乐音量调到一半"
    match = clause.search(r"(\d+(?:\.\d+)?)\s*(?:%|percent)|\bvolume\s+(?:to\s+|at\s+|of\s+)?(\d+(?:\.\d+)?)\b(?!\s*s)|音量(?:调到|设为|改成|到)?(\d+)(?!秒)")
    if not match:
        return None
    value = float(next(g for g in match.groups() if g))
    return min(2.0, value / 100)


def _has_music(state: PlanState) -> bool:
    return any(t.is_music and t.segments for t in state.draft.tracks)


# "换一个" / "换一首" right after the music was named: another track
_ANOTHER_ZH = r"^(?:再)?换(?:1)?(?:个|首|下)?(?:吧|一下)?$"
# objects other than the music: loudness said with one of them is theirs ("turn the clips' own sound down")
_OTHER_OBJECT = (r"\b(?:titles?|texts?|captions?|subtitles?|voice|narrat\w*|clips?|shots?|videos?|sound effects?|"
                 r"original|own|speech|photos?|pictures?)\b|标题|文字|字幕|配音|旁白|片段|镜头|视频|原声|音效|照片|人声")
_BACKGROUND = r"\bbackground\b|背景(?!色|颜色|图)"
# words that are about loudness only ("大一点" may be a title's size; "大声一点" is not)
_LOUDNESS = (r"\b(?:louder|quieter|softer|volume|(?:turn|tone|bring|dial|crank|bump)(?: \w+){0,2} (?:up|down))\b|"
             r"大声|小声|响一点|轻一点|太吵|有点吵|好吵|很吵|音量")


# What a generated clip shows: music named after it is the scene's ("a video of a band playing music").
_SUBJECT = r"\b(?:video|clip|shot|scene|footage|animation|movie|time-?lapse)s?\s+(?:of|showing|about|featuring|where)\b|" \
           r"(?:生成|制作|拍)(?:1)?(?:个|段|条)?"


def _is_music_clause(clause: Clause, state: PlanState) -> bool:
    music = clause.search(_MUSIC) or (clause.search(_GENRE) if not clause.has(_SUBJECT) else None)
    if music is None and _names_upload(clause, state):  # "use summer.mp3 instead", "改用summer.mp3"
        return True
    if music:
        subject = clause.search(_SUBJECT)
        return subject is None or subject.start() > music.start()
    focused = state.focus is not None and state.focus.kind == "music"
    if focused and (mentions_it(clause) or clause.has(_QUIETER + "|" + _LOUDER) or clause.has(_ANOTHER_ZH)):
        return True
    # with music on the timeline and no other object named, loudness is the music's: "louder", "turn the volume
    # down to 30%", "make the background quieter", "音量调到30%", "背景小声一点"
    if not _has_music(state) or clause.has(_OTHER_OBJECT):
        return False
    return clause.has(_LOUDNESS) or (clause.has(_BACKGROUND) and clause.has(r"\d\s*%"))


def _fade_ms(clause: Clause, which: str) -> int | None:
    pattern = {"in": r"\bfade(?:s|d)?(?: (?:it|the music|the song|this|that))?[- ]?in\b|淡入|渐入",
               "out": r"\bfade(?:s|d)?(?: (?:it|the music|the song|this|that))?[- ]?out\b|淡出|渐出|渐弱"}[which]
    match = clause.search(pattern)
    if not match:
        return None
    rest = clause.text[match.end():match.end() + 30]
    seconds = duration_ms(rest)
    if seconds is None:  # "最后3秒淡出", "with a 2 second fade in": the time came first, right before it
        before = find_durations(clause.text[:match.start()])
        seconds = before[-1][0] if before and match.start() - before[-1][2] <= 12 else None
    return seconds if seconds is not None else 2000


class _MusicOptions(TypedDict, total=False):
    """Words that carry over as they are onto new music (``SetMusic``'s optional fields)."""

    fade_in_ms: int
    fade_out_ms: int
    loop: bool
    duck: bool


class _Adjustments(_MusicOptions, total=False):
    """What the words change about the music (``UpdateMusic``'s fields), only those said."""

    volume: float
    volume_scale: float
    start_ms: int
    source_in_ms: int


_SECONDS = r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s\b|秒)"
# "start the song 30 seconds in", "skip the first 20 seconds of the music", "从歌曲的第30秒开始播放"
_SOURCE_IN = (rf"\b(?:start|play)\b.*\bfrom\s+{_SECONDS}\s+(?:in|into)\b|\b(?:start|play)\b.*\b{_SECONDS}\s+(?:in|into)\b|"
              rf"\bskip (?:the )?first\s+{_SECONDS}|从(?:歌曲|歌|音乐)(?:的)?第?{_SECONDS}|(?:音乐|歌曲|歌)跳过前{_SECONDS}")
# "start the music at 5 seconds", "the music comes in after 3 s", "音乐从第5秒开始", "音乐5秒后进入"
_COMES_IN = (rf"\b(?:start(?:s|ing)?|begin(?:s|ning)?|bring(?:s|ing)?(?: (?:the music|the song|it))? in|com(?:e|es|ing) in|kick(?:s|ing)? in)\b"
             rf".*\b(?:at|after|from)\s+{_SECONDS}|"
             rf"从第?{_SECONDS}(?:处|时)?(?:再)?(?:开始|进入|进来|响起|出现)|{_SECONDS}(?:后|之后)(?:再)?(?:开始|进入|进来|响起|出现)|"
             rf"第{_SECONDS}(?:再)?(?:开始|进入|进来|响起|出现)|"
             # "put the song at 5 seconds", "move the music to 3 s", "把歌放在第5秒", "把音乐移到3秒"
             rf"\b(?:put|move|place|shift)\b.*\b(?:at|to)\s+{_SECONDS}|(?:放在|放到|移到|挪到|移至)第?{_SECONDS}")


def _ms(match: re.Match[str]) -> int:
    return round(float(next(g for g in match.groups() if g)) * 1000)


def _music_options(adjust: _Adjustments) -> _MusicOptions:
    """The adjustments new music takes (its volume is passed on its own; a scale has nothing to scale)."""
    options: _MusicOptions = {}
    if "fade_in_ms" in adjust:
        options["fade_in_ms"] = adjust["fade_in_ms"]
    if "fade_out_ms" in adjust:
        options["fade_out_ms"] = adjust["fade_out_ms"]
    if "loop" in adjust:
        options["loop"] = adjust["loop"]
    if "duck" in adjust:
        options["duck"] = adjust["duck"]
    return options


def _adjustments(clause: Clause) -> _Adjustments:
    out: _Adjustments = {}
    percent = _percent(clause)
    if percent is not None:
        out["volume"] = percent
    elif clause.has(_MUTE):
        out["volume"] = 0.0
    elif clause.has(_QUIETER):
        out["volume_scale"] = 0.4 if clause.has(r"\bmuch\b|\ba lot\b|很多|得多") else 0.6
    elif clause.has(_LOUDER):
        out["volume_scale"] = 2.0 if clause.has(r"\bmuch\b|\ba lot\b|很多|得多") else 1.5
    fade_in, fade_out = _fade_ms(clause, "in"), _fade_ms(clause, "out")
    if fade_in is not None:
        out["fade_in_ms"] = fade_in
    if fade_out is not None:
        out["fade_out_ms"] = fade_out
    if clause.has(_NO_LOOP):
        out["loop"] = False
    elif clause.has(r"\bloop|\brepeat\b|循环|重复播放"):
        out["loop"] = True
    into = clause.search(_SOURCE_IN)
    if into:
        out["source_in_ms"] = _ms(into)
    elif (comes_in := clause.search(_COMES_IN)) is not None:
        out["start_ms"] = _ms(comes_in)
    if clause.has(r"\bduck|\bunder (?:the )?(?:speech|voice|dialog(?:ue)?|talking|narration)|when (?:someone|people|anyone|"
                  r"i|we|they|the narrator) (?:speaks?|talks?)|避让|闪避|(?:人声|说话|讲话|配音).*(?:降低|压低|调低|放低|低|小)"):
        out["duck"] = True
        out.pop("volume_scale", None)  # "lower the music when someone talks": lower it only then
    return out


def handle(clause: Clause, state: PlanState) -> bool:
    if not _is_music_clause(clause, state):
        return False
    # "drop the music volume to 10%" sets a volume; only the music itself is removed
    if clause.has(REMOVE) and not clause.has(r"\breplace|换|\bvolume\b|音量|\d\s*%") and not clause.has(_NO_LOOP):
        state.edit(RemoveMusic())
        state.focus = None
        return True
    adjust = _adjustments(clause)
    upload = find_media(clause, state, ("audio", "video")) if clause.has(_UPLOADED) or _names_upload(clause, state) else None
    if upload is not None and upload.kind == "video" and not clause.has(r"\b(?:audio|sound)\b|音频|声音"):
        upload = find_media(clause, state, ("audio",))
    if upload is not None:
        state.edit(SetMusic(src=upload.src, name=upload.name, volume=adjust.get("volume", 0.35),
                            source_duration_ms=upload.duration_ms, **_music_options(adjust)),
                   focus_kind="music")
        return True
    if clause.has(_UPLOADED) and not _has_music(state) and clause.has(_USE):
        state.actions.append(Unknown(clause.unquoted(), question=ask(
            clause, "There is no song uploaded yet: upload an audio file first, or ask for library music such as "
            "'add lo-fi music'.", "还没有上传歌曲：请先上传音频文件，或者用内置音乐，例如“加一段轻快的音乐”。")))
        return True
    # "make the music stop at 10 seconds", "音乐到10秒停": the music plays to the video's end; say so, add no music
    if _has_music(state) and clause.has(r"\b(?:stop|end|cut off|finish)\w*\b.*\b(?:at|after)\s+\d|"
                                        r"(?:到|在)第?\d+(?:\.\d+)?秒(?:就|时|的时候)?(?:停|结束)"):
        state.actions.append(Unknown(clause.unquoted(), understood="the music's end", question=ask(
            clause, "The music cannot stop at a set time yet: it plays to the end of the video. I can fade it out at "
            "the end (for example: fade out the music over 3 seconds), start it later, or remove it.",
            "音乐暂时不能在指定时间停止：它会一直播放到视频结尾。可以让它在结尾淡出（例如：音乐最后3秒淡出）、晚一点开始，或者去掉音乐。")))
        return True
    # "the music is too quiet" asks for volume, not for quiet music
    # "音乐慢慢淡出": how the change goes ("慢慢", "slowly") is no mood of music
    style = music_style(re.sub(_QUIETER + "|" + _LOUDER + r"|慢慢|缓缓|缓慢|渐渐|逐渐|\bslowly\b|\bgradually\b", " ",
                               clause.text))
    changing = clause.has(r"\b(?:replace|switch|swap|change|different|another|new|other|something)\b|"
                          r"\b(?:don'?t|do not) (?:like|love)\b|\bhate\b|\bnot a fan\b|换|替换|别的|其他|另|不喜欢|不好听|难听")
    adding = clause.has(ADD + "|" + _USE + r"|\bsome\b|来|配") and not adjust
    if style is not None or changing or (adding and not _has_music(state)) or not _has_music(state) and not adjust:
        state.actions.append(MusicAction(style=style, volume=adjust.get("volume")))
        rest = {key: value for key, value in adjust.items() if key not in ("volume", "volume_scale")}
        if rest:  # "add lo-fi music starting at 5 seconds": the rest applies once the music is in
            then = UpdateMusic(**rest)  # type: ignore[arg-type]
            state.actions.append(EditAction(edit=then, description=describe_edit(then, state.language)))
        state.focus = _music_focus()
        return True
    if adjust:
        state.edit(UpdateMusic(**adjust), focus_kind="music")
        return True
    if adding:
        state.actions.append(MusicAction(style=None))
        return True
    return False


def _music_focus() -> Focus:
    return Focus("music")


def _names_upload(clause: Clause, state: PlanState) -> bool:
    text = clause.unquoted().lower()
    return any(m.kind == "audio" and (m.name.lower() in text or (len(m.name.rsplit(".", 1)[0]) >= 3
                                                                 and m.name.lower().rsplit(".", 1)[0] in text))
               for m in state.context.media)


def handle_sound(clause: Clause, state: PlanState) -> bool:
    """A built-in sound effect: at a time, or at each transition."""
    if clause.has(_MUSIC) and not clause.has(_SOUND):
        return False
    if clause.has(r"\b(?:title|caption|subtitle|heading|headline|text)\b|标题|字幕|文字") and not clause.has(_SOUND):
        return False  # "add the title Rise and Shine" names no sound
    if not clause.has(_SOUND) and not names_sound(clause.text):  # "photo" alone is not a shutter sound
        return False
    sound = sound_effect(clause.text)
    if sound is None:
        return False
    if not clause.has(_SOUND) and clause.has(r"\b(?:clip|video|shot|scene|footage) of\b|生成|视频|镜头|画面"):
        return False
    every = clause.has(r"\b(?:each|every|all(?: the)?|between (?:the )?clips|on) (?:transitions?|cuts?)\b|\bbetween (?:each|every|the) clips?\b|"
                       r"\b(?:on|at) (?:each|every|all(?: the)?) (?:cuts?|transitions?|changes? of clip)\b|每次切换|每个剪辑点|"
                       r"\bwhen(?:ever)? (?:the |a )?(?:clips?|shots?|scenes?) (?:changes?|switch(?:es)?|cuts?)\b|"
                       r"每个转场|每次转场|转场处|转场时|片段之间|每个片段之间|切换时|切换的时候|所有转场")
    if not (clause.has(_SOUND) or clause.has(ADD) or clause.has(r"\bat \d|在|处|时") or every):
        return False
    at = re.search(r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s\b|秒)", clause.text)
    if not every and at is None and clause.has(r"\btransition|转场"):
        every = True
    start = round(float(at.group(1)) * 1000) if at and not every else None
    if clause.has(r"\bat the (?:start|beginning)\b|开头") and start is None and not every:
        start = 0
    state.actions.append(SoundAction(sound=sound, start_ms=start, at_transitions=every))
    state.focus = None
    return True
