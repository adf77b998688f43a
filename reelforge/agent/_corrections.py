"""A value corrected inside the message that says it: "make the title blue — actually white", "add 'Hello!' at 5
seconds, hmm, at 4", "标题改成「夏天」，打错了，是「夏日」", "标题挪到上面去，呃，中间吧".

The user says a request, a marker that takes something back ("no", "actually", "wait", "sorry, I meant", "or ... I
guess", "不对", "算了", "呃", "打错了", "说反了") and then only the value they meant. That value replaces the last value
of the same kind said before the marker (a colour, quoted words, a place on the frame, a number with its unit, bigger or
smaller, a clip), and the request is read once, with it. A marker followed by anything else is left alone: "no music,
no title" and "make it red, or blue if you like it better" stay as they are (the latter as two requests).

``take_back`` runs on the normalised message (lower case, digits, quotes as ``⟪n⟫``) before it is split into clauses.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reelforge.draft.colors import NAMED_COLORS

__all__ = ["take_back"]

_EN_MARKER = re.compile(
    r"(?:\s*[,;]\s*|\s*\.{2,}\s*|…\s*|\s+[—–-]+\s*)"
    r"(?:(?:no|nope|wait|hmm+|oops|sorry|uh|um+|er|actually|or|i mean|i meant|make (?:that|it)|scratch that|rather|"
    r"correction|my bad)(?:[\s,.!…—–-]+|$))+")
_ZH_MARKER = re.compile(
    r"(?:[，,。.…—\s]+)(?:(?:不对|不是|算了|呃+|额+|哦+不?|啊+不?|嗯+|说反了|打错了|说错了|写错了|搞错了|错了)[，,。.…—\s!！]*)+")
# a marker that is plainly a correction in Chinese even with no pause before it: "标题显示到第四秒，呃第五秒"
_ZH_MARKER_WORDS = re.compile(r"不对|不是|算了|呃|额|哦|说反了|打错了|说错了|写错了|搞错了|错了|哦不|啊不")
_EN_MARKER_WORDS = re.compile(r"\b(?:no|nope|wait|actually|or|i mean|i meant|make that|make it|scratch that|rather|oops|"
                              r"sorry|hmm+|correction|my bad)\b")

# words around the value that say nothing more: "white i guess", "the dog clip i meant", "还是白色吧", "是「夏日」"
_EN_FILLER = r"\b(?:i guess|i think|i meant|i mean|instead|please|pls|then|rather|the|a|an|make it|at|from|for|to|until|in|" \
             r"it|is|one|one's|ones|maybe|probably|better)\b"
_ZH_FILLER = r"还是|应该是|是|改成|换成|改为|用|放到|放在|挪到|移到|放|就行|就好|好了|吧|啊|呀|的|试试|一点|一些|点|去"

# the request before the marker taken back, nothing in its place: "keep it", "算了还是留着吧", "先别导", "哦音乐不用动了"
_CANCEL = re.compile(r"^(?:(?:no |actually |wait )?(?:keep it|leave it(?: as it is)?|never ?mind|forget (?:it|that)|don'?t)|"
                     r"(?:还是|先)?(?:留着|保留|不删了?|别删了?|别\S|不用\S?了)吧?|[\u4e00-\u9fff]{0,4}?(?:不用动|别动|不要动|不用改)了?吧?)$")
_OBJECTS = r"\bthe (?:title|music|song|captions|subtitles|voice-?over|transitions?)\b|标题|背景音乐|音乐|字幕|配音|旁白|转场"
_COLORS_EN = "|".join(sorted((n for n in NAMED_COLORS if n != "transparent"), key=len, reverse=True))


def _kinds(language: str) -> tuple[tuple[str, str], ...]:
    """Each kind of value and the words that say it, most specific first."""
    if language == "zh":
        return (("quote", r"⟪\d+⟫"),
                ("colour", r"[红白黑黄蓝绿橙橘紫粉灰金银青](?:色|字|的)"),
                ("size", r"放大|缩小|大一点|小一点|大一些|小一些|大点|小点|调大|调小"),
                ("place", r"[左右]?(?:上面|下面|上方|下方|顶部|底部|中间|正中|居中|左边|右边|[左右][上下]角)"),
                ("clip", r"[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个|段)(?:片段|镜头)?"),
                ("number", r"第?\d+(?:\.\d+)?\s*(?:秒|倍|%)?"))
    return (("quote", r"⟪\d+⟫"),
            ("colour", rf"\b(?:{_COLORS_EN})\b|#[0-9a-f]{{6}}\b"),
            ("size", r"\b(?:bigger|smaller|larger|tinier)\b"),
            ("place", r"\b(?:(?:top|bottom|upper|lower) (?:left|right)(?: corner)?|top|bottom|middle|cent(?:er|re)|left|right)\b"),
            ("clip", r"\b(?:the )?(?:[a-z]+ )?(?:clip|part|shot)(?: \d+)?\b"),
            ("number", r"\b\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|%|x|percent)?(?!\w)"))


def _unit(said: str) -> str:
    unit = re.sub(r"[\d.\s第]", "", said)
    return {"seconds": "s", "second": "s", "secs": "s", "sec": "s", "秒": "s", "percent": "%", "倍": "x"}.get(unit, unit)


def _value(meant: str, language: str) -> tuple[str, str] | None:
    """The one kind of value ``meant`` holds and its words, when it holds nothing else."""
    filler = _ZH_FILLER if language == "zh" else _EN_FILLER
    for kind, pattern in _kinds(language):
        found = re.search(pattern, meant)
        if found is None:
            continue
        rest = meant[:found.start()] + " " + meant[found.end():]
        if re.sub(filler, " ", rest).strip(" ,，.。!！?？…—-"):
            return None  # more than a value: a request of its own
        return kind, found.group(0).strip()
    return None


def _replace_last(said: str, kind: str, meant: str, language: str) -> str | None:
    """``said`` with its last value of ``kind`` replaced by ``meant`` (None when it has none)."""
    pattern = dict(_kinds(language))[kind]
    found = list(re.finditer(pattern, said))
    if kind == "number":  # a number replaces one with its unit ("at 5 seconds, hmm, at 4"; "5秒，不对，6秒")
        unit = _unit(meant)
        found = [f for f in found if _unit(f.group(0)) and (not unit or _unit(f.group(0)) == unit)]
        if not found:
            return None
        last = found[-1]
        number = re.search(r"\d+(?:\.\d+)?", meant)
        old = re.search(r"\d+(?:\.\d+)?", last.group(0))
        if number is None or old is None:
            return None
        start = last.start() + old.start()
        return said[:start] + number.group(0) + said[last.start() + old.end():]
    if not found:
        return None
    last = found[-1]
    return said[:last.start()] + meant + said[last.end():]


def take_back(text: str, language: str) -> str:
    """``text`` with each value taken back replaced by the one meant ("make the title blue — actually white" ->
    "make the title white"); unchanged when no marker is followed by only a value of a kind said before it."""
    marker = _ZH_MARKER if language == "zh" else _EN_MARKER
    words: Callable[[str], bool] = (lambda m: bool(_ZH_MARKER_WORDS.search(m))) if language == "zh" else \
        (lambda m: bool(_EN_MARKER_WORDS.search(m)))
    start = 0
    while True:
        found = next((m for m in marker.finditer(text, start) if words(m.group(0))), None)
        if found is None:
            return text
        end = re.search(r"[,;，；。]|$", text[found.end():])
        stop = found.end() + (end.start() if end else len(text) - found.end())
        meant = text[found.end():stop].strip()
        before = text[:found.start()]
        if _CANCEL.match(meant):  # "remove the title, no wait, keep it", "导出竖屏，不对，先别导": the request before is gone
            begun = list(re.finditer(r"[,;，；。]|\.{2,}|…", before))
            start = begun[-1].end() if begun else 0
            # what it was about stays the object of what follows ("把音乐删了。。。算了还是留着吧，调小一点")
            named = re.search(_OBJECTS, before[start:])
            after = text[stop:].lstrip(" ,;，；。")
            if named and named.group(0) not in meant and after:
                after = named.group(0) + after if language == "zh" else re.sub(r"\bit\b", named.group(0), after, count=1) \
                    if re.search(r"\bit\b", after) else f"{named.group(0)}, {after}"
            text = before[:start] + after
            continue
        value = _value(meant, language)
        fixed = _replace_last(before, value[0], value[1], language) if value else None
        if fixed is None:
            start = found.end()
            continue
        text = fixed + text[stop:]
        start = len(fixed)
