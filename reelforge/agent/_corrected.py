"""A request corrected while it is said: "cut the video to 9 seconds, or 11", "make the title green, wait, gold",
"export for tiktok, wait, make that reels", "剪到10秒吧，不不不，11秒", "把城市那段静音，哦不是，狗那段".

The correction is read on the normalised text (quotes are placeholders, numbers digits), before the message is
split into clauses, so every area reads only what the user meant:

- a **value said again** after a correction word (a time or a share, a colour, a shape, a file format, a platform, a
  kind of transition, a camera move, a sound, a place, a clip, quoted words) takes the place of the value of its
  kind in the request before it: "trim the dog clip to 3 seconds, no wait, 2" is "trim the dog clip to 2 seconds";
- a **request said again** after a plain correction ("no wait", "sorry", "I mean", "不对", "等一下") takes the place
  of the request before it: "fade in 3 seconds, I mean fade out 3 seconds at the end" fades out only.

A word that only might be a correction ("no", "or", "actually", "make that") corrects a value only: "add music, no
loop" stays two requests.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reelforge.draft.colors import NAMED_COLORS

__all__ = ["self_corrected"]

_FILLERS = r"(?:(?:hmm+|um+|uh+|erm?|oh|oops|ah|hm|well|ok(?:ay)?)[\s,.…—-]*)"
# plain corrections: what follows replaces what was said, a value or a whole request
_STRONG_EN = r"(?:no,?\s*wait|wait,?\s*no|wait|sorry|i mean|i meant|(?:no,?\s*)?scratch that|actually,?\s*no|no,?\s*actually|" \
             r"(?:no,?\s*)?(?:hang|hold) on|or,?\s*(?:no|wait)|" \
             r"(?:hmm+|um+|uh+|erm?|oh|oops|ah)[\s,.…—-]*no|oops)"
# words that correct a value said right after them, and nothing else ("add music, no loop" is two requests)
_WEAK_EN = r"(?:no|nope|or(?:,?\s*(?:actually|rather))?|actually|rather|make (?:that|it)|yeah|change (?:that|it) to)"
_DELIMITER_EN = r"(?:\s*(?:,|;|\.{1,3}|…|—|–)\s*|\s+-\s+)"
_MARKER_EN = re.compile(rf"{_DELIMITER_EN}(?P<fill>{_FILLERS}*)(?:(?P<strong>{_STRONG_EN})|(?P<weak>{_WEAK_EN}))?"
                        r"(?=[\s,.…—-]|$)[\s,.…—-]*")
_STRONG_ZH = r"(?:[哦啊呃额诶嗯]?(?:不对|不不不?|说错了|等一下|等等|不是(?=[，,。…—\s]|是))|[哦啊呃额诶]不(?=[，,。…—\s]))"
_WEAK_ZH = r"(?:改一下|改成|换成|还是)"
_MARKER_ZH = re.compile(rf"(?:\s*[，,。…—；;]+\s*|\s+)(?:(?P<strong>{_STRONG_ZH})|(?P<weak>{_WEAK_ZH}))[，,。…—\s]*")

# what a corrected value may be said with around it: "yeah 11", "5 actually", "一秒就好", "30就行", "是百分之五十"
_LEAD = re.compile(r"^(?:(?:make (?:that|it)|change (?:that|it) to|i meant|i mean|just|to|at|is|it'?s)\b\s*|"
                   r"(?:是|就|改成|换成|加(?:个|1个)?|发|给|用|放(?=[上下左右中]))\s*)+")
_TRAIL = re.compile(r"(?:\s*(?:actually|instead|then|please|pls|i meant|is (?:enough|fine|better|good)(?: for \w+)?|"
                    r"yeah|就行|就好|就可以|吧|了|才对|好了|的|版本?|is better for \w+))+$")
_EN_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
               "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30"}
_UNITS = {"s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s", "秒": "s", "%": "%", "percent": "%",
          "x": "x", "×": "x", "倍": "x", "fps": "fps", "帧": "fps", "ms": "ms", "毫秒": "ms"}
_NUMBER = r"(\d+(?:\.\d+)?)\s*(%|percent\b|x\b|×|倍|fps\b|帧|ms\b|毫秒|s\b|secs?\b|seconds?\b|秒)?"
_COLOURS = "|".join(sorted((n for n in NAMED_COLORS if n != "transparent"), key=len, reverse=True))
# the kinds of value a correction may say again, each with the words of that kind in the request before it
_KINDS: tuple[tuple[str, str], ...] = (
    ("quote", r"⟪\d+⟫"),
    ("colour", rf"\b(?:{_COLOURS})\b|[红白黑黄蓝绿橙橘紫粉灰金银青](?:色|的)"),
    ("aspect", r"\b(?:square|vertical|horizontal|landscape|portrait|widescreen)\b|(?<![\d.])(?:9:16|16:9|1:1|4:5)(?![\d.])|"
               r"竖屏|横屏|竖版|横版|正方形|方形的?|竖的|横的|方的"),
    ("format", r"(?<![a-z0-9.])(?:mp4|mov|webm|gif|mp3|wav)(?![a-z0-9])"),
    ("platform", r"\b(?:youtube shorts|youtube|tiktok|instagram reels|instagram|insta|reels|shorts)\b|抖音|快手|油管|b站|朋友圈|小红书"),
    ("transition", r"\b(?:a )?(?:cross-?fade|dissolve|(?:wipe|slide)(?: (?:to the )?(?:left|right|up|down))?|"
                   r"(?:fade|dip) to (?:black|white))\b|溶解|(?:向|往)[左右上下](?:擦除?|滑)|擦除"),
    ("motion", r"\b(?:zoom (?:in|out)|pan (?:left|right|up|down)|tilt (?:up|down))\b|(?:向|往)[上下左右]|放大|缩小|推近|拉远"),
    ("style", r"\b(?:acoustic|piano|lo-?fi|epic|cinematic|upbeat|calm|chill|ambient|jazz|rock|electronic|guitar)\b|钢琴|吉他|电子|"
              r"轻快|史诗|安静|欢快"),
    ("sound", r"\b(?:a |an )?(?:whoosh|swoosh|ding|chime|pop|click|(?:camera )?shutter(?: sound)?|impact|boom|riser|applause)\b|"
              r"(?:个)?(?:叮|嗖|啵|快门声|咔哒声|撞击声|雨声|风声|掌声)"),
    ("place", r"\b(?:(?:the )?(?:top|bottom|middle|center|centre)(?: (?:left|right))?(?: corner)?)\b|"
              r"[左右]?(?:上面|下面|中间|上方|下方)|[左右][上下]角"),
    ("clip", r"\b(?:the )?(?:first|second|third|last|[a-z]+) (?:clip|one|part|shot)\b|第\d+(?:个)?段|[\u4e00-\u9fff]{1,4}?那段"),
)
_NUMBER_WORDS = re.compile(r"\b(" + "|".join(_EN_NUMBERS) + r")\b")


def self_corrected(text: str, language: str, split: Callable[[str], list[str]]) -> str:
    """``text`` with each correction made (up to three in a message); ``split`` gives a text's clauses, so a request
    said again replaces only the last one before it."""
    marker = _MARKER_ZH if language == "zh" else _MARKER_EN
    for _ in range(3):
        fixed = _first(text, marker, split)
        if fixed is None:
            return text
        text = fixed
    return text


def _first(text: str, marker: re.Pattern[str], split: Callable[[str], list[str]]) -> str | None:
    for match in marker.finditer(text):
        before, after = text[:match.start()], text[match.end():]
        strong = match.group("strong") is not None
        weak = match.group("weak") is not None or (match.groupdict().get("fill") or "") != ""
        if not before.strip() or not after.strip() or not (strong or weak):
            continue
        said, rest = _fragment(after)
        value = _value(said)
        repeated = re.match(r"^(\D+?)\s*(?=\d|⟪)", said.strip())
        if value is None and repeated is not None and repeated.group(1) in before:
            value = _value(said.strip()[repeated.end():])  # "剪掉一秒，等等，剪掉两秒": the same verb, another value
        if value is not None:
            replaced = _replace(before, *value)
            if replaced is not None:
                return replaced + rest
        # "..., no, forget the order, just delete it", "导出竖屏，不对，先别导，先把标题改成…": the correction said in words
        taken_back = _TAKEN_BACK.match(after)
        if taken_back is not None:
            strong, after = True, after[taken_back.end():]
        if strong and _request(after):  # "fade in 3 seconds, I mean fade out 3 seconds at the end"
            last = [p for p in split(before) if p.strip()]
            if not last:
                continue
            dropped = last[-1].strip()
            kept = before[:before.rfind(dropped)].rstrip(" ,，.。;；…—-")
            named = re.search(next(p for k, p in _KINDS if k == "clip"), dropped)
            if named is not None and re.search(r"\b(?:clip|one|part|shot)\b|段", named.group(0)):
                after = re.sub(r"\bit\b", named.group(0), after, count=1)  # "remove the dog clip... no, just mute it"
            return f"{kept}, {after}" if kept else after
    return None


_TAKEN_BACK = re.compile(r"^(?:(?:never ?mind|forget (?:that|it|the \w+)|scratch that|先别\w{1,2}|算了|不要了)[，,\s]+|是(?=\S))+")


def _fragment(after: str) -> tuple[str, str]:
    """What the correction says (up to the next comma or "and"), and the rest of the message after it."""
    cut = re.search(r"\s*(?:[,，;；。]|\.{2,}|…|—|\s+and\s+|然后|再)\s*", after)
    said = after[:cut.start()] if cut else after
    return said, after[cut.start():] if cut else ""


def _value(said: str) -> tuple[str, str, str | None] | None:
    """The kind of the single value ``said`` is, its words, and its unit for a number; None when it says more."""
    said = _TRAIL.sub("", _LEAD.sub("", said.strip())).strip(" ,，.。!！?？…—-")
    said = re.sub(r"\s+(?:long|长)$|(?<=\d)(?:个)?(?:长)$", "", said)
    said = _NUMBER_WORDS.sub(lambda m: _EN_NUMBERS[m.group(1)], said) if re.fullmatch(
        rf"(?:\w+ )?{_NUMBER_WORDS.pattern}(?: \w+)?", said) else said  # "no wait, two", not "the dog one"
    if not said:
        return None
    number = re.fullmatch(r"(?:(?:after|before|at|to|by|on|for|from|until|第|前|后|到|从)\s*)?" + _NUMBER, said)
    if number:
        return "number", number.group(1), _UNITS.get(number.group(2) or "")
    for kind, pattern in _KINDS:
        if re.fullmatch(rf"(?:{pattern})(?: (?:one|clip|part|shot|instead))?(?: i meant)?", said):
            return kind, said, None
    return None


def _replace(before: str, kind: str, said: str, unit: str | None) -> str | None:
    """``before`` with its last value of ``kind`` said as ``said``; None when it holds none."""
    if kind == "number":
        found = [m for m in re.finditer(_NUMBER, before)
                 if unit is None or m.group(2) is None or _UNITS.get(m.group(2)) == unit]
        if not found:
            return None
        last = found[-1]
        return before[:last.start(1)] + said + before[last.end(1):]
    pattern = next(p for k, p in _KINDS if k == kind)
    found = list(re.finditer(pattern, before))
    if not found:
        return None
    last = found[-1]
    said = re.sub(r"\s+i meant$", "", said)
    if last.group(0).startswith("the ") and not said.startswith("the "):  # "in the top left, sorry, top right corner"
        said = f"the {said}"
    if kind == "clip" and not re.search(r"\b(?:clip|one|part|shot)\b|段", said):
        return None
    return before[:last.start()] + said + before[last.end():]


_REQUEST_EN = re.compile(r"^(?:(?:just|only|please|then|instead)\s+)*(?:add|make|set|change|put|use|remove|delete|cut|trim|move|"
                         r"swap|speed|slow|mute|unmute|fade|lower|raise|keep|turn|zoom|pan|export|give|show|start|stop|"
                         r"drop|get rid|take|leave|apply|generate|create|bring)\b")
_REQUEST_ZH = re.compile(r"^(?:是|先|就|只)?(?:把|加|添加|给|将|去掉|删|生成|导出|换|改|调|设置|让|静音|剪|裁|放|用|来|整个|视频|"
                         r"音乐|标题|字幕|转场|先别|别)")


def _request(after: str) -> bool:
    return bool(_REQUEST_EN.match(after) or _REQUEST_ZH.match(after) or re.match(_ZH_ACTS, after))


# a Chinese request said again may put its place first: "不对 是结尾淡出"
_ZH_ACTS = r"^(?:结尾|开头|片头|片尾|最后|中间|整体|全部)\S{0,4}?(?:淡入|淡出|加|删|剪|去掉|静音|放慢|加速)"
