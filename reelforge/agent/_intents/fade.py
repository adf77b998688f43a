"""Fades of the picture: "fade in from black", "fade out at the end", "add a 2 second fade out", "fade in and
out", "fade out the last clip", "remove the fade", "淡入", "结尾淡出", "开头淡入两秒", "结尾渐隐", "去掉淡出".

The whole video fades unless a clip is named ("the last clip", "第二个片段", "it" for a focused clip).
Other fades are not ours: music and title fades are planned by ``music.py`` and ``text.py`` (which
``rules.py`` asks first) and this handler also declines any clause naming them; fades *between* clips
("crossfade", "fade to black between the clips", a bare "淡入淡出", "淡入淡出转场") are transitions
and go on to ``timeline.py``.
"""

from __future__ import annotations

import re

from reelforge.agent._absent import no_such_clip
from reelforge.agent._intents._transitions import INTO_NEW
from reelforge.agent._intents._words import (
    ABRUPT,
    CHANGE_TO,
    DISLIKE,
    LENGTH_ALONE,
    REMOVE,
    ZH_COLOR_CHARS,
    colors_in,
    zh_color,
)
from reelforge.agent._numbers import find_durations
from reelforge.agent._refs import MISSING, clip_refs, main_clips, mentions_it
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import EditAction, GenerateAction, Unknown
from reelforge.draft.colors import parse_color
from reelforge.draft.edits import AddClip, SetFade, SetTransition

__all__ = ["ANY_FADE", "DEFAULT_FADE_MS", "fade_colours", "handle"]

DEFAULT_FADE_MS = 1000

_THING = r"(?:it|this|that|everything|the (?:\w+ )?(?:video|picture|clip|shot|scene|image|film|movie))"
_IN = re.compile(rf"\bfad(?:e|es|ed|ing)[- ]?in\b|\bfad(?:e|es|ed|ing) {_THING} in\b|\bfade[ -]?up\b|"
                 r"\bfade (?:\w+ )?from (?:black|white|(?!\d)\w+)\b|\b(?:come|comes|coming) (?:in |up )?(?:out of|from) (?:black|white)\b|"
                 r"^(?:and |also |then )?in from (?:black|white)\b|"  # "(fade out at the end) and in from black at the start too"
                 r"淡入|渐入|黑场进|渐显|渐现|从黑(?:色|屏|场)?(?:中|里)?(?:慢慢|逐渐|渐渐)?(?:出现|亮起|显现|浮现|亮)|渐亮|慢慢亮起|"
                 # "开头从白色慢慢出来", "从白屏渐渐出现": the picture comes out of a colour (a thing in a scene has its noun: "从白色的门里")
                 rf"(?:^|(?<=开头|片头|开始|视频|画面))从[{ZH_COLOR_CHARS}](?:色|屏|场)?(?:中|里)?(?:慢慢|逐渐|渐渐|缓缓)?(?:地)?(?:出现|出来|显出来|浮出来|亮起来?|显现|浮现)")
_OUT = re.compile(rf"\bfad(?:e|es|ed|ing)[- ]?out\b|\bfad(?:e|es|ed|ing) {_THING} out\b|\bfad\w*(?:[- ]?| {_THING} )in\b.*?\b(?:and|then) out\b|"
                  r"\bfade (?:\w+ )?(?:to|into) (?:black|white)\b|\b(?:go|goes|going|cut|cuts) (?:to )?black\b|"
                  r"淡出|渐出|渐隐|渐黑|淡(?:到|成|为)(?=黑|白|[\u4e00-\u9fff]?色|屏)|(?:慢慢|逐渐|渐渐)?变白|(?:慢慢|逐渐|渐渐)(?:消失|没了)|(?:慢慢|逐渐|渐渐)?变黑|(?:慢慢|逐渐|渐渐)变暗|黑下来|黑掉|暗掉|暗下去|黑下去|黑场出")
# black said as a place in the video: "add a 2 second black screen at the end", "end on black", "start from white", "开头黑屏两秒": the
# picture fades to (or from) black there, by where it is said (the end unless the start is named)
_BLACK = (r"\b(?:black|white) (?:screens?|frames?|cards?|slates?)\b|白场(?!进|出)|白屏|白幕|\b(?:seconds?|secs?|s|bit|moment) of black\b|"
          r"\b(?:end|ends|ending|finish|finishes|close|closes|start|starts|open|opens|begin|begins)(?: (?:it|this|the (?:whole )?(?:video|thing)|things|everything))? (?:on|with|in|from) (?:black|white)\b|"
          r"黑屏|黑幕|黑色?画面|黑场(?!进|出)|(?<![\u4e00-\u9fff]{2}中间)(?:黑(?:个|一下|1下|一会儿?)(?=\s*\d|\s|$|再)|黑(?=\d))")  # "结束的时候黑个两秒", "开头黑一秒再出来", "开头结尾都黑一下 一秒就行"  # "片头片尾都加黑场" (黑场 between the clips is a transition's)
_ANY_FADE = _IN.pattern + "|" + _OUT.pattern + "|" + _BLACK + r"|\bfad(?:e|es|ed|ing)\b|\bfade-?(?:in|out)s?\b|淡(?:一)?下|淡一淡"  # "开头和结尾都淡一下"
ANY_FADE = _ANY_FADE  # a fade of the picture said, black at an end included ("end on black"): no colour of the canvas
_START = r"\b(?:start|starts|beginning|opening|opens?|intro|first|begins?)\b|开头|开始|片头|一开始|头尾|(?:视频|片子)?(?:最)?前(?:面|头)"
_END = r"\b(?:end|ending|finish|outro|last|close|closing)\b|结尾|最后|片尾|末尾|结束|头尾"
# not a picture fade: a transition between clips, or the music's / a title's own fade
_NOT_OURS = (r"\btransitions?\b|cross-?fade|\bdissolve|\bwipe|\bbetween\b|\b(?:clips|shots|scenes)\b|转场|过渡|叠化|溶解|之间|(?:段|片段|镜头|(?:他们|它们|她们)(?:俩|2)?|[他它她这那](?:俩|2)|(?:这|那)?(?:两|2)个)的?中间|(?:跟|和|与)[\u4e00-\u9fff]{1,6}?的?中间|"
             r"^(?:然后|再)?(?:在)?中间(?:再|也)?(?:加|放|来|插)|"  # "（放到城市后面，）中间加个黑场": between the clips
             r"\b(?:music|bgm|songs?|soundtrack|audio|sound|volume|titles?|texts?|captions?|subtitles?)\b|"
             r"音乐|配乐|歌|音频|声音|音量|标题|文字|字幕")
_BARE_BOTH_ZH = r"淡入淡出"           # alone it means a transition (timeline.py's)
_WHOLE_ZH = r"开头|结尾|首尾|头尾|片头|片尾|视频|画面|整个|整体|全片"


# a dip's colour said alone, as the kind of a transition just asked for
_KIND_ALONE = r"^(?:(?:with |as |like |make it |use )?(?:a |an )?)(?:fade|dip|flash)(?:es)? (?:to|through|into|thru) (?:white|black|gr[ae]y)(?: one)?$"


def handle(clause: Clause, state: PlanState) -> bool:
    """Plan a ``SetFade`` for a clause about fading the picture in or out; False when it is not one."""
    if _after_a_fade(clause, state):
        return True
    # "the ending is too abrupt", "结尾太突然了": a fade there
    abrupt = clause.has(ABRUPT) and (clause.has(_START) or clause.has(_END))
    if not (clause.has(_ANY_FADE) or abrupt) or clause.has(_NOT_OURS + r"|\bcuts?\b|切换|衔接|连接|交接|拼接|接上的|接头|\b(?:clips?|shots?) (?:meet|join)\b"):
        return False
    if state.focus is not None and state.focus.kind == "transition" and (
            clause.has(r"^(?:那|还是|嗯)?(?:改成|换成|改为|换为)") or clause.has(r"黑场|白场") and not clause.has(_WHOLE_ZH)
            or clause.has(r"\b(?:instead|switch to|change (?:it )?to|try|use|make it)\b") and clause.has(
                r"\b(?:fade|dip|flash)(?:es)? (?:to|through|into|thru) (?:white|black|gr[ae]y)\b")
            and not clause.has(r"\b(?:end|ending|start|beginning|opening|intro|outro|video|whole|clip)\b")):
        return False  # "换成黑场的吧", "switch to a fade to white instead" right after a transition: another kind of it (timeline.py's)
    last = getattr(state.actions[-1], "edit", None) if state.actions else None
    if (isinstance(last, AddClip) or state.actions and isinstance(state.actions[-1], GenerateAction)) and clause.has(INTO_NEW):
        return False  # "add the hike clip at the end with a fade to black going into it": a transition into it (timeline.py's)
    if isinstance(last, SetTransition) and clause.has(_KIND_ALONE) and not clause.has(r"\bgr[ae]y\b"):
        # "add a transition between the clips, fade to white": the kind of that transition, never the video's end
        state.actions.pop()
        state.edit(last.model_copy(update={"type": "fadewhite" if clause.has(r"\bwhite\b") else "fadeblack"}),
                   focus_kind="transition")
        return True
    # "淡入淡出都加上": both ends; a bare "淡入淡出" is a transition unless there is only one clip to fade
    # ("城市那段加个淡入淡出 各一秒": one clip named, not where two meet, is that clip's own fades; "狗那段淡入淡出各半秒":
    # a length for each end is two ends' fades, a transition has one)
    named = [r for r in clip_refs(clause, state) if r] if clause.has(_BARE_BOTH_ZH) else []
    on_one = len(named) == 1 and named[0] != MISSING and not clause.has(r"前面|后面|之前|之后|[和跟与]")
    if clause.has(_BARE_BOTH_ZH) and not clause.has(_WHOLE_ZH + r"|淡出都|淡出(?:两个|俩)|淡出\s*(?:各|分别)") and len(main_clips(state.draft)) != 1 \
            and not on_one:
        return False
    if not main_clips(state.draft):  # "fade out at the end" on an empty project
        state.actions.append(Unknown(clause.unquoted(), understood="a fade", question=ask(
            clause, "There is nothing to fade yet: the video has no clips. Generate or add a clip first, for example: "
            "generate a clip of a city street at night.", "还没有可以淡入淡出的内容：视频里还没有片段。请先生成或添加一个片段，例如：生成一段夜晚城市街道的视频。")))
        return True
    ways = _ways(clause)
    target = _target(clause, state)
    if target == MISSING:
        state.actions.append(no_such_clip(clause, len(main_clips(state.draft)), state.context.media))
        return True
    lengths = _lengths(clause, ways)
    starting = _STARTING_AT.search(clause.text) if target is None and list(lengths) == ["out"] else None
    if starting is not None and 0 < float(starting.group(1)) * 1000 < state.draft.end_ms:
        # "fade out starting at 13 seconds", "fade out from 0:12": from there to the end
        lengths = {"out": state.draft.end_ms - round(float(starting.group(1)) * 1000)}
    if clause.has(REMOVE + _NO_FADE) or clause.has(DISLIKE) and not clause.has(CHANGE_TO):  # "i hate the fade out"
        lengths = dict.fromkeys(lengths, 0)
    # a colour said is written as said, the background's own too ("淡到黑", "fade out to black": docs/agent.md,
    # "Conventions the corpus follows"); an end with none said fades to the background, so it goes with either
    bg = parse_color(state.draft.canvas.bg)
    colours: list[str | None] = list(fade_colours(clause))
    colour = colours[0] if colours else None
    last = state.actions[-1] if state.actions else None
    if target is None and len(lengths) == 1 and clause.has(_EACH) and isinstance(last, EditAction) and \
            isinstance(last.edit, SetFade) and last.edit.segment_id is None:
        # "fade in from black and fade out to black, 1.5 seconds each": one length said for both ends, one edit
        both = next(iter(lengths.values()))
        state.actions.pop()
        state.edit(SetFade(fade_in_ms=both if last.edit.fade_in_ms is not None or "in" in lengths else None,
                           fade_out_ms=both if last.edit.fade_out_ms is not None or "out" in lengths else None,
                           color=last.edit.color or colour))
        return True
    if target is None and isinstance(last, EditAction) and isinstance(last.edit, SetFade) and last.edit.segment_id is None \
            and not any(getattr(last.edit, f"fade_{way}_ms") is not None for way in lengths) \
            and _as_background(last.edit.color, bg) == _as_background(colour, bg):
        # "fade in at the start and fade out at the end", "开头淡入一秒，结尾淡出一秒": the video's two ends said one by one
        # are one fade holding both (docs/agent.md: Pairs)
        state.actions.pop()
        state.edit(last.edit.model_copy(update={**{f"fade_{way}_ms": ms for way, ms in lengths.items()},
                                                "color": last.edit.color or colour}))
        return True
    if len(colours) > 1 and len(lengths) == len(colours) and len(set(colours)) > 1:
        # "fade in from white and out to black": each end its own colour, an edit each
        for (way, ms), colour in zip(lengths.items(), colours, strict=True):
            state.edit(SetFade(segment_id=target, color=colour, fade_in_ms=ms if way == "in" else None,
                               fade_out_ms=ms if way == "out" else None), focus_kind="clip" if target else None)
        return True
    state.edit(SetFade(segment_id=target, fade_in_ms=lengths.get("in"), fade_out_ms=lengths.get("out"), color=colour),
               focus_kind="clip" if target else None)
    return True


def _as_background(colour: str | None, bg: object) -> str | None:
    """A fade's colour as it renders: the background's own is the same as none said."""
    return None if colour is None or parse_color(colour) == bg else colour


# the colour a fade goes to or comes from, said after to / into / from ("fade out to white", "fade in from a red
# screen", "fade to pink at the end, 2 seconds") and not naming a thing ("fade in on the red car"); Chinese after 到 / 成 / 从
# ("结尾淡出到白色", "从白屏淡入"), or a field of it (白场, 白屏, 红幕) or the picture turning to it (变白, 白掉)
_EN_BEFORE = re.compile(r"\b(?:to|into|from|through|thru|out of|on|(?:start|begin|end|finish|open|close)s? with)\s+(?:an?\s+|the\s+)?(?:(?:pure|solid|plain|full|flat)\s+)?$")
_EN_AFTER = re.compile(r"\s*(?:$|[,.;!?]|\b(?:screens?|frames?|backgrounds?|cards?|slates?|at|over|for|in|and|then|"
                       r"instead|too|please|pls|by|with|after|before|when|on|of|during)\b)")
_EN_FIELD = re.compile(r"\s+(?:screens?|frames?|cards?|slates?)\b")  # "a 2 second white screen at the end"
_ZH_BEFORE = re.compile(r"(?:到|成|从|为|变|至)(?:纯)?$")
# a colour said as an item of its own after the fade: "整个视频淡出 3秒 黑色", "fade out at the end, 2 seconds, white"
_ITEM_BEFORE = re.compile(r"(?:[,，;；]|(?<=[\u4e00-\u9fff\d])\s|秒\s*)\s*$")
_ITEM_AFTER = re.compile(r"(?:色)?(?:的)?\s*(?:$|[,，;；。.!！])")
_ZH_FIELD = re.compile(rf"([{ZH_COLOR_CHARS}])(?:色)?(?:场|屏|幕)(?!幕)|(?:变|淡(?:到|成|为))([{ZH_COLOR_CHARS}])|([{ZH_COLOR_CHARS}])掉")


def fade_colours(clause: Clause) -> list[str]:
    """The colours the clause fades the picture to or from, in the order said, as the draft writes them (``#rrggbb``)."""
    text, found = clause.text, []
    for value, start, said in colors_in(text):
        before, after = text[:start], text[start + len(said):]
        if _EN_BEFORE.search(before) and _EN_AFTER.match(after) or _ZH_BEFORE.search(before) or _EN_FIELD.match(after) \
                or _ITEM_BEFORE.search(before) and _ITEM_AFTER.match(after):
            found.append((start, value))
    for match in _ZH_FIELD.finditer(text):
        if not any(start <= match.start() < start + 4 for start, _ in found):
            found.append((match.start(), zh_color(next(g for g in match.groups() if g)) or ""))
    return [value for _, value in sorted(found) if value]


# a fade said as unwanted: "开头别淡入了", "结尾不要淡出", "no fade in at the start"
_NO_FADE = r"|(?:别|不要|不用|甭)(?:再)?(?:加)?(?:个)?(?:淡|渐|黑)|\bno (?:more )?fade"
# a length said once for both ends: "1.5 seconds each", "都是一秒", "各一秒"
_EACH = r"\b(?:each|both)\b|都是\d|各\d|都\d"


# the last version faded the picture (not the music, a title or between the clips)
_FADE_LABEL = re.compile(r"\bfad(?:e|ed|es)\b|淡入|淡出|渐隐|渐显")
_NOT_PICTURE = re.compile(r"\b(?:music|song|bgm|title|text|caption|transitions?|cross[- ]?fade|between)\b|音乐|配乐|歌|标题|字幕|文字|转场|之间")
# "now the end too", "开头也加一个", "结尾也来一个": a fade at the other end; "make it 3 seconds": the fade that long
_OTHER_END = re.compile(r"^(?:(?:now|and|also|ok|then)\s+)*(?:(?:fade )?(?:in|out) )?(?:at |in )?(?:the )?(end|ending|start|beginning)(?: too| as well| also)?$|"
                        r"^(?:那)?(开头|结尾|片头|片尾)(?:也|再)(?:(?:加|来)(?:1)?(?:个|下)?|要|一样|是)(?:吧|一样)?$")  # "…，结尾也加"
# the other fade said as long as the one just made: "and out the same", "淡出也一样" ("out" alone is rewritten "fade out")
_SAME_OTHER_WAY = re.compile(r"^(?:(?:now|and|also|ok|then)\s+)*(?:fade )?(in|out) (?:the same|likewise|the same length|"
                             r"the same way)$|^(?:那)?(淡入|淡出)也(?:要)?(?:一样|一样长|是一样的)(?:吧)?$")
_ITS_LENGTH = re.compile(r"^(?:(?:ok|now|and|then)\s+)*(?:make|set|change) (?:it|that)(?: to)? (\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)$|"
                         r"^(?:那)?(?:改成|调到|换成)?(\d+(?:\.\d+)?)秒(?:的|吧)?$|"
                         # "longer, 2 seconds", "再长一点 两秒": which way, then how long
                         r"^(?:(?:a bit|bit|even|much|way)\s+)?(?:longer|shorter|slower|quicker),?\s*(?:like |maybe |about |say )?"
                         r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)$|^(?:再)?(?:长|短|慢)(?:一)?点[，,\s]*(\d+(?:\.\d+)?)秒(?:吧)?$")


_COMES_IN = re.compile(r"^(?:and |then |and then )?(?:(?:slowly|gently|softly) )?(?:come in|comes in|fade (?:it |things )?(?:in|up)|"
                       r"bring (?:it|the (?:video|picture)) in|reveal (?:it|the (?:video|picture)))(?: (?:slowly|gently|softly))?$")


def _after_a_fade(clause: Clause, state: PlanState) -> bool:
    """A follow-up to a picture fade the last version made: the other end too, or that fade at another length."""
    history = state.context.history
    label = history[-1].lower() if history else ""
    # a length said alone is that fade's too: "一秒钟就行", "a second is fine"
    end, length = _OTHER_END.match(clause.text), _ITS_LENGTH.match(clause.text) or LENGTH_ALONE.match(clause.text)
    last = state.actions[-1] if state.actions else None
    alone = LENGTH_ALONE.match(clause.text)
    if alone is not None and isinstance(last, EditAction) and isinstance(last.edit, SetFade):
        # "结尾淡出，用两秒": a length said alone right after a fade of the picture is that fade's length, one edit
        ms = round(float(alone.group(1)) * 1000)
        state.actions.pop()
        state.edit(last.edit.model_copy(update={k: ms for k in ("fade_in_ms", "fade_out_ms") if getattr(last.edit, k)}),
                   focus_kind="clip" if last.edit.segment_id else None)
        return True
    if _COMES_IN.match(clause.text) and isinstance(last, EditAction) and isinstance(last.edit, SetFade) and \
            last.edit.fade_in_ms and last.edit.segment_id is None:
        # "start on black for a second then come in": the picture coming in is the fade in from black just asked for
        state.actions.pop()
        state.edit(last.edit)
        return True
    if end is not None and isinstance(last, EditAction) and isinstance(last.edit, SetFade) and last.edit.segment_id is None:
        # "black screen at the start of 1 second and also in the end": the other end of the fade just asked for, as long,
        # in the same edit
        said = next((v for v in (last.edit.fade_in_ms, last.edit.fade_out_ms) if v is not None), DEFAULT_FADE_MS)
        start = (end.group(1) or end.group(2)) in ("start", "beginning", "开头", "片头")
        state.actions.pop()
        state.edit(last.edit.model_copy(update={"fade_in_ms" if start else "fade_out_ms": said}))
        return True
    recorded = _last_fade(state)
    if state.actions or not main_clips(state.draft) or recorded is None and (
            not _FADE_LABEL.search(label) or _NOT_PICTURE.search(label)):
        return False
    if end is not None:
        start = (end.group(1) or end.group(2)) in ("start", "beginning", "开头", "片头")
        state.edit(SetFade(fade_in_ms=DEFAULT_FADE_MS) if start else SetFade(fade_out_ms=DEFAULT_FADE_MS))
        return True
    same = _SAME_OTHER_WAY.match(clause.text)
    if same is not None and recorded is not None:
        # "and out the same" after "faded the video in over 2 seconds": the other fade, as long as that one
        said = next((v for v in (recorded.fade_in_ms, recorded.fade_out_ms) if v), DEFAULT_FADE_MS)
        fade_in = (same.group(1) or same.group(2)) in ("in", "淡入")
        state.edit(SetFade(segment_id=recorded.segment_id, fade_in_ms=said if fade_in else None,
                           fade_out_ms=None if fade_in else said), focus_kind="clip" if recorded.segment_id else None)
        return True
    if length is None:
        return False
    ms = round(float(next(g for g in length.groups() if g)) * 1000)
    if recorded is not None:  # "make it 2 seconds" after "faded in the video at the start": that fade, on what it faded
        state.edit(recorded.model_copy(update={way: ms for way in ("fade_in_ms", "fade_out_ms") if getattr(recorded, way)}),
                   focus_kind="clip" if recorded.segment_id else None)
        return True
    was_in = re.search(r"\bin\b|淡入|渐显", label) is not None
    was_out = re.search(r"\bout\b|淡出|渐隐", label) is not None or not was_in
    state.edit(SetFade(fade_in_ms=ms if was_in else None, fade_out_ms=ms if was_out else None))
    return True


def _last_fade(state: PlanState) -> SetFade | None:
    """The picture fade the last version made, as it recorded it (a fade given, not one taken away); None when its
    last edit is something else or it recorded nothing (its label is read instead)."""
    versions = state.context.versions
    change = versions[-1].change if versions else None
    last = change.edits[-1] if change is not None and change.edits else None
    return last if isinstance(last, SetFade) and (last.fade_in_ms or last.fade_out_ms) else None


def _ways(clause: Clause) -> list[str]:
    """"in", "out" or both, in the order the clause says them; a bare "fade" reads its place in the video."""
    found = sorted((m.end(), way) for way, pattern in (("in", _IN), ("out", _OUT)) if (m := pattern.search(clause.text)))
    if found:
        return [way for _, way in found]
    at_start, at_end = clause.has(_START), clause.has(_END)
    if at_start and at_end and clause.has(_BLACK):  # "片头片尾都加黑场", "black at the start and the end"
        return ["in", "out"]
    if at_start != at_end:
        return ["in"] if at_start else ["out"]
    if clause.has(_BLACK):
        return ["out"]
    return ["in", "out"]  # "remove the fade", "add a fade": both ends


_OTHER_SIDE_BARE = re.compile(r"\band (?:in|out) (?:over|across|within) (\d+(?:\.\d+)?)(?![\d.]|\s*(?:%|x\b|seconds?|secs?|s\b|ms\b))")


# where a fade out starts, said as a moment of the video: "fade out starting at 13 seconds", "fade out from 12 s on"
_STARTING_AT = re.compile(r"\b(?:starting|beginning|begins?|starts?|from)(?: (?:at|from))? (?:second )?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b"
                          r"(?! (?:before|long|fade|of))")


def _lengths(clause: Clause, ways: list[str]) -> dict[str, int]:
    """Each way's length: one duration said serves every way; several pair up with the ways in order."""
    said = [ms for ms, _, _ in find_durations(clause.text)]
    if len(said) == 1 and len(ways) == 2 and (unit_left := _OTHER_SIDE_BARE.search(clause.text)):
        said.append(round(float(unit_left.group(1)) * 1000))  # "in over 2 seconds and out over 3": the unit said first
    if len(said) >= len(ways) > 1:
        return dict(zip(ways, said, strict=False))
    return dict.fromkeys(ways, said[0] if said else DEFAULT_FADE_MS)


def _target(clause: Clause, state: PlanState) -> str | None:
    """The clip the clause names (MISSING past the end), the focused clip for "it", else None: the whole video."""
    refs = clip_refs(clause, state)
    if refs:
        return refs[0]
    focus = state.focus
    # Chinese drops the object: "第一个片段加速，然后淡出" fades that clip (one touched earlier in this message only)
    unsaid = clause.language == "zh" and focus is not state.initial_focus and not clause.has(_WHOLE_ZH)
    if (mentions_it(clause) or unsaid) and focus and focus.kind == "clip" and focus.segment_id:
        if state.draft.find_segment(focus.segment_id):
            return focus.segment_id
    return None
