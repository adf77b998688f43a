"""English editing words inside a Chinese message, read as their Chinese: "title换成黄色", "给title加个fade in，0.5秒",
"把title的duration改成4s，position放bottom", "字幕的size大一点，color换成white".

People who edit in English tools say the tool's words in the middle of Chinese. The rules read Chinese words
("标题", "淡入", "底部"), and an English word glued to Han characters has no word boundary, so ``\\btitle\\b`` never
sees it. ``chinese_words`` rewrites the few editing nouns, places, colours and shapes to the Chinese the rules know,
before a Chinese message is split; quoted words are placeholders by then, and any other English (a title's own
words, "lofi", "Premiere") is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["chinese_words"]

_WORDS = {
    "title": "标题", "titles": "标题", "text": "文字", "caption": "字幕", "captions": "字幕", "subtitles": "字幕",
    "subtitle": "字幕", "font": "字体", "font size": "字号", "color": "颜色", "colour": "颜色", "size": "大小",
    "position": "位置", "duration": "显示时长", "fade in": "淡入", "fade-in": "淡入", "fadein": "淡入", "fade out": "淡出",
    "fade-out": "淡出", "fadeout": "淡出", "center": "中间", "centre": "中间", "middle": "中间", "top": "顶部",
    "bottom": "底部", "vertical": "竖屏", "horizontal": "横屏", "landscape": "横屏", "portrait": "竖屏", "square": "方形",
    "end card": "片尾字卡", "end screen": "片尾字卡", "title card": "片头字卡", "intro card": "片头字卡",
    "white": "白色", "black": "黑色", "red": "红色", "yellow": "黄色", "blue": "蓝色", "green": "绿色", "pink": "粉色",
    "orange": "橙色", "purple": "紫色", "gold": "金色", "grey": "灰色", "gray": "灰色",
}
# a word counts when Han characters, digits, punctuation or the message's ends are around it, not inside English
# ("Night City" keeps its words; "title改成Night City" still reads its title)
# a space around the word joins it to the Chinese it belongs to ("把 title 改成…"): after 把/给/将/让/的/在, and before
# what follows it when nothing but a pause or the start came before it
_MIXED = re.compile(r"(?:(?<=[把给将让的在]) )?(?<![a-z])(" + "|".join(sorted((re.escape(w) for w in _WORDS), key=len,
                                                                               reverse=True)) + r")(?![a-z])(?P<space> (?=[\u4e00-\u9fff]))?")


def chinese_words(text: str) -> str:
    """``text`` (a normalised Chinese message) with the English editing words glued to its Chinese read as Chinese."""
    if not re.search(r"[a-z]", text):
        return text

    def swap(match: re.Match[str]) -> str:
        if re.search(r"[a-z] $", text[:match.start(1)]) or re.match(r" [a-z]", text[match.end(1):]):
            return match.group(0)  # inside an English phrase: "night city top secret"
        joined = match.group(0).startswith(" ") or not re.search(r"[\u4e00-\u9fff⟫\d]$", text[:match.start()])
        return _WORDS[match.group(1)] + (match.group("space") or "" if not joined else "")

    return _MIXED.sub(swap, text)
