"""A correction inside one message: "trim it to 3 seconds, no wait, 2", "make the title green, wait, gold",
"音乐调到30%，不对，20%", "配个电子乐，算了，换成氛围音乐吧".

The message is repaired before it is split into clauses, so the rules only ever read what was finally meant:
- a **value said again** after the marker ("no", "sorry", "wait", "I meant", "不对", "打错了"...) replaces the
  value of the same kind the request before it holds — a number with its unit, a quoted text, a ratio, a colour, a
  platform, shape or file format, a place on screen, a camera move, a transition, a voice, a clip, a sound, a moment
  ("add a chime at 12 seconds, no, when the dog shows up"), a count ("undo three times, no, just twice"); what
  follows it after a comma is kept ("a clip of a sunrise, 8 seconds, no, 6, vertical");
- a **request of its own** after a firm marker ("no", "actually", "sorry", "不对", "算了") takes the place of the
  request before it ("ducking on... no actually, turn ducking off", "交换两段的位置，呃算了，把狗那段删了吧"), and
  "不换了" / "先别导" / "还是留着吧" only say that the request before is dropped.
Anything else is left as typed: a marker the rules cannot pair with what it corrects is never guessed at.
"""

from __future__ import annotations

import re

from reelforge.audio import SOUND_EFFECTS
from reelforge.draft.colors import NAMED_COLORS

__all__ = ["repaired"]

_PAUSE_EN = r"(?:\s*(?:,|\.{2,}|…|—|–|\s-|\.(?=\s))\s*|\s+(?=actually,? no\b|no,? wait\b|wait,? no\b))"
# firm markers say the request before was wrong; weak ones ("er", "wait") only come before a value said again
_FIRM_EN = r"(?:no,? wait|wait,? no|no,? hang on|or actually|actually,? no|no,? actually|or no|oops|no|nah|sorry|i mean)"
_WEAK_EN = r"(?:wait|hang on|er+|um+|uh+|hmm+|um+,? no|or|yeah)"
_MARKER_EN = re.compile(
    rf"{_PAUSE_EN}(?:(?:hmm+|um+|uh+|er+|oh|ah)\s*,?\s*)*(?:(?P<firm>{_FIRM_EN})|(?P<weak>{_WEAK_EN}))"
    # a pause after it ("no, 40%"), or a word that only a correction says next ("sorry at 5", "wait no make that 1.5x");
    # not "no loop", "no music"
    r"(?:\s*(?:,|\.{2,}|…)\s*|\s+(?=(?:make|i|just|only)\b)|(?<=sorry)\s+|(?<=actually)\s+|(?<=wait)\s+|(?<=hang on)\s+|(?<=mean)\s+|"
    r"(?<=\bor)\s+|(?<=yeah)\s+)"
    r"(?:(?:make (?:that|it)|i meant|i mean|it should be|rather)\s+)?"
    r"|(?:\.{2,}|…)\s*(?P<then>make (?:that|it)\s+)")
_PAUSE_ZH = r"(?:[，,、…。！!\s]+|\.{2,})"
_MARKER_ZH = re.compile(
    rf"{_PAUSE_ZH}(?:(?:哦|啊|额|呃|诶|嗯|唉)\s*)?(?:(?P<firm>不对|不是|不不|打错了|说错了|说反了|写错了|搞错了|算了|太夸张了|太多了|等等|(?<=[哦嗯啊])不(?=[，,\s]))"
    r"(?:不对)?|(?P<weak>额|呃|诶|改一下|改改))[，,、…。\s]*(?P<lead>(?:是|应该是|我要的是|还是|改成|换成)\s*)?")
# "…，哦音乐不用动了": the request before about that is taken back
_UNSAID_ZH = re.compile(r"[，,\s]+(?:(?:哦|噢|啊|额|呃)\s*)?(?P<what>标题|字幕|文字|背景音乐|音乐|配乐|bgm|原声|转场|画面)?(?:就|还是)?"
                        r"(?:不用动了|不动了|别动了|不用改了|不改了|不用了)(?:吧)?$")
# what only says the request before is dropped: "不换了", "先别导", "还是留着吧"
_DROPPED_ZH = re.compile(r"^(?:还是)?(?:不(?:换|要|加|改|删|导)了|先别\w|留着吧|保留吧|别\w了)[，,\s]*")

_UNIT = r"(?:%|percent\b|x\b|倍|fps\b|帧|s\b|secs?\b|seconds?\b|秒|ms\b|毫秒)"
_NUMBER = r"(?<![\d.:⟪])\d+(?:\.\d+)?(?![\d:⟫])"
_COLOR = "|".join(sorted(NAMED_COLORS, key=len, reverse=True))
_COLOR_ZH = r"[红黄蓝绿白黑紫橙粉灰金银青]色?"
_SOUNDS = "|".join(sorted({re.escape(w.lower()) for e in SOUND_EFFECTS.values()
                           for w in (e.name, e.title, *e.aliases, *e.names_zh)}, key=len, reverse=True))
# the kinds of values a correction says again: (what the said-again fragment is, what it replaces)
_KINDS: tuple[tuple[str, str], ...] = (
    (r"⟪\d+⟫", r"⟪\d+⟫"),
    (r"\d+:\d+", r"\d+:\d+|\b(?:square|vertical|horizontal|landscape|portrait)\b|竖屏|横屏|方形|方的|竖的|横的"),
    (r"(?:just |only )?(?:twice|once|thrice|\d+ times)", r"\b(?:twice|once|thrice|\d+ times)\b"),
    (r"(?:the )?(?:top|bottom|upper|lower)(?: (?:left|right))?(?: corner)?|(?:the )?(?:middle|center|centre)|(?:the )?(?:left|right)(?: side)?",
     r"\b(?:the )?(?:(?:top|bottom|upper|lower)(?: (?:left|right))?(?: corner)?|middle|center|centre|(?:left|right)(?: side)?)\b"),
    (r"zoom (?:in|out)|pan (?:left|right|up|down)|tilt (?:up|down)|ken burns", r"\b(?:zoom (?:in|out)|pan (?:left|right|up|down)|tilt (?:up|down)|ken burns)\b"),
    (r"(?:a )?(?:wipe|slide)(?: (?:left|right|up|down))?|(?:a )?(?:dissolve|crossfade|fade to black|dip to black)|溶解|黑场(?:过渡)?|淡入淡出|闪白",
     r"\b(?:a )?(?:wipe|slide)(?: (?:left|right|up|down))?\b|\b(?:a )?(?:dissolve|crossfade|fade to black|dip to black)\b|溶解|黑场(?:过渡)?|淡入淡出|闪白"),
    (r"male|female|(?:a )?(?:man|woman)(?:'s voice)?|男声|女声", r"\b(?:male|female|(?:a )?(?:man|woman)(?:'s voice)?)\b|男声|女声"),
    (r"tiktok|reels|shorts|youtube|instagram|insta|square|vertical|horizontal|landscape|portrait|mp4|mov|webm|gif|mp3|"
     r"竖屏|横屏|方形的?|方的|竖的|横的|抖音|快手|油管|b站|小红书|视频号|朋友圈",
     r"\d+:\d+|\b(?:tiktok|reels|shorts|youtube|instagram|insta|square|vertical|horizontal|landscape|portrait|mp4|mov|webm|gif|mp3)\b|"
     r"竖屏|横屏|方形|方的|竖的|横的|抖音|快手|油管|b站|小红书|视频号|朋友圈"),
    (rf"(?:{_COLOR})|{_COLOR_ZH}", rf"\b(?:{_COLOR})\b|{_COLOR_ZH}"),
    (r"(?:the )?(?:first|second|third|fourth|last|other) (?:one|clip)|(?:the )?[\w-]+ (?:clip|part|one)|clip \d+",
     r"\b(?:the )?(?:first|second|third|fourth|last|other) (?:one|clip)\b|\b(?:the )?[\w-]+ (?:clip|part)\b|\bclip \d+\b"),
    (r"[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:段|片段)", r"[\u4e00-\u9fff]{1,4}?那段|第\d+(?:个)?(?:段|片段)"),
    (r"(?:在)?(?:开头|结尾|最后|第\d+(?:\.\d+)?秒|[\u4e00-\u9fff\d]{1,6}(?:开始|出现|结束|消失)的时候)",
     r"(?:开头|结尾|最后|第\d+(?:\.\d+)?秒|[\u4e00-\u9fff\d]{1,6}(?:开始|出现|结束|消失)的时候)"),
    (r"(?:正)?(?:上面|下面|中间|中央|左上角|右上角|左下角|右下角|顶部|底部|左边|右边)",
     r"(?:正)?(?:上面|下面|中间|中央|左上角|右上角|左下角|右下角|顶部|底部|左边|右边)"),
    (r"向(?:上|下|左|右)|往(?:上|下|左|右)", r"向(?:上|下|左|右)|往(?:上|下|左|右)"),
    (r"加速|减速|放慢|慢放", r"加速|减速|放慢|慢放"),
    (rf"(?:a |an |some )?(?:{_SOUNDS})(?: sounds?|声|的声音)?", rf"\b(?:{_SOUNDS})\b|(?:{_SOUNDS})声?"),
    (r"(?:off |at |from )?the (?:start|end|beginning)", r"\b(?:off |at |from )?the (?:start|end|beginning)\b"),
    (r"(?:when|after|before) .+", r"\b(?:at \d+(?:\.\d+)?\s*(?:seconds?|secs?|s)\b|(?:when|after|before) .+$)"),
    (r"(?:a|an) [\w-]+", r"\b(?:a|an) [\w-]+"),
)
_TAIL = r"(?:\s*(?:please|then|instead|i meant|i guess|(?:seconds? )?long|就好|就行|就够了|吧|的|好了|即可))*$"


def _said_again(fragment: str, before: str) -> str | None:
    """``before`` with the value ``fragment`` says again put in place of the one it corrects; None when none fits."""
    fragment = re.sub(r"\s+is (?:better|fine|enough|good|ok)\b.*$", "", fragment.strip())  # "square is better for insta"
    fragment = re.sub(_TAIL, "", fragment).strip()
    fragment = re.sub(r"^(?:加个|加一个|来个|改成|换成|放在|放到|发给?|加|用|给)(?=\S)", "", fragment)
    number = re.fullmatch(rf"(?:前|第|from |after |at |to |until |just |only )?({_NUMBER})\s*({_UNIT})?", fragment)
    if number is not None:
        return _number_again(number.group(1), number.group(2), before)
    for said, corrected in _KINDS:
        if re.fullmatch(said, fragment) is None:
            continue
        found = list(re.finditer(corrected, before))
        if found:
            last = found[-1]
            if last.group(0).startswith("the ") and not fragment.startswith("the "):  # "in the top left" -> "in the top right"
                fragment = f"the {fragment}"
            if re.search(r"\b(?:a|an|some|the) $", before[:last.start()]):  # "add a ding - no, a pop": one article
                fragment = re.sub(r"^(?:a|an|some|the) ", "", fragment)
            return before[:last.start()] + fragment + before[last.end():]
    return None


def _number_again(value: str, unit: str | None, before: str) -> str | None:
    """"3 seconds, no wait, 2": the last number of that unit (or the last number) becomes ``value``."""
    numbers = list(re.finditer(rf"({_NUMBER})\s*({_UNIT})?", before))
    if unit is not None:
        same = [m for m in numbers if m.group(2) and _unit(m.group(2)) == _unit(unit)]
        if same:
            numbers = same
        else:  # "set music volume to 70, no, 65%": the bare number takes the unit said now
            bare = [m for m in numbers if not m.group(2)]
            if not bare:
                return None
            return before[:bare[-1].start()] + f"{value}{unit}" + before[bare[-1].end():]
    if not numbers:
        return None
    last = numbers[-1]
    return before[:last.start(1)] + value + before[last.end(1):]


def _unit(said: str) -> str:
    return {"percent": "%", "倍": "x", "帧": "fps", "秒": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
            "毫秒": "ms"}.get(said.strip(), said.strip())


def _without_last_request(before: str) -> str:
    """``before`` without its last request (cut at the last comma, "and", "then", "然后")."""
    cuts = list(re.finditer(r"\s*(?:[,;，；。]|\band\b|\bthen\b|然后|接着)\s*", before))
    return re.sub(r"\s*\b(?:and|then)$", "", before[:cuts[-1].start()]) if cuts else ""


_SAME_THING = ({"音乐", "背景音乐", "配乐", "bgm"}, {"标题", "字幕", "文字"})


def _without_request(before: str, what: str | None) -> str:
    """``before`` without its last request about ``what`` (its last request when nothing is named)."""
    if what is None:
        return _without_last_request(before)
    words = next((group for group in _SAME_THING if what in group), {what})
    pieces = re.split(r"([,;，；。]|然后)", before)
    for k in range(len(pieces) - 1, -1, -2):
        if any(word in pieces[k] for word in words):
            return "".join(pieces[:max(k - 1, 0)] + pieces[k + 1:]).strip("，,；; ")
    return before


def repaired(text: str, language: str, request: re.Pattern[str]) -> str:
    """``text`` (normalised, quotes held) with each correction inside it applied; ``request`` tells a request of its
    own (a verb first) from a value said again."""
    if language == "zh" and (unsaid := _UNSAID_ZH.search(text)) is not None:
        text = _without_request(text[:unsaid.start()], unsaid.group("what"))  # "标题改红色，音乐调小，哦音乐不用动了"
    marker = _MARKER_ZH if language == "zh" else _MARKER_EN
    start = 0
    for _ in range(4):  # a message rarely corrects itself more than twice
        match = marker.search(text, start)
        if match is None:
            return text
        before, after = text[:match.start()], text[match.end():]
        if not before.strip() or not after.strip():
            start = match.end()
            continue
        head, _, rest = after.partition(",") if "," in after else after.partition("，")
        fixed = _said_again(head, before)
        if fixed is not None:
            text = fixed + (f", {rest.strip()}" if rest.strip() else "")
            start = len(fixed)
            continue
        firm = match.groupdict().get("firm")
        said = (match.groupdict().get("lead") or "").strip() + after  # "算了，换成氛围音乐吧": its verb too
        dropped = _DROPPED_ZH.sub("", said) if language == "zh" else said
        if firm and (dropped != said or request.match(dropped)):  # "no actually, turn ducking off": this instead
            kept = "" if re.match(r"^(?:just|only)\b", dropped) else _without_last_request(before)  # "no just undo": only that
            text = f"{kept}, {dropped}" if kept else dropped
            start = len(kept)
            continue
        start = match.end()
    return text
