"""Shared word lists: aspects, colours, positions (English and Chinese)."""

from __future__ import annotations

import re

from reelforge.agent._text import Clause
from reelforge.draft import Aspect
from reelforge.draft.colors import NAMED_COLORS

__all__ = ["ADD", "REMOVE", "aspect_of", "color_of", "position_of"]

ADD = r"\b(?:add|put|insert|include|place|overlay|write|show|display|give it|stick)\b|加|添加|加上|加个|放|插入|写|打上|配上|显示"
REMOVE = r"\b(?:remove|delete|drop|get rid of|take (?:out|off|away)|erase|clear|no more|without|lose)\b|去掉|删除|删掉|移除|" \
         r"不要|拿掉|去除|清除|取消|关掉|关闭"

# no \b around ratios: "改成1:1" has no word break before the 1
_ASPECTS: tuple[tuple[Aspect, str], ...] = (
    ("9:16", r"(?<![\d.])9\s*[:x/]\s*16(?![\d.])|vertical|portrait|tiktok|reels?\b|shorts|stories|竖屏|竖版|竖的|竖向|抖音|快手|视频号"),
    ("4:5", r"(?<![\d.])4\s*[:x/]\s*5(?![\d.])|instagram portrait|instagram feed"),
    ("1:1", r"(?<![\d.])1\s*[:x/]\s*1(?![\d.])|square|instagram|方形|正方形|方屏|1比1"),
    ("16:9", r"(?<![\d.])16\s*[:x/]\s*9(?![\d.])|horizontal|landscape|widescreen|youtube|横屏|横版|横的|横向|宽屏|b站"),
)
_ZH_COLORS = {"红": "red", "白": "white", "黑": "black", "黄": "yellow", "蓝": "blue", "绿": "green", "橙": "orange",
              "橘": "orange", "紫": "purple", "粉": "pink", "灰": "gray", "金": "gold", "银": "silver", "青": "cyan"}
_EN_COLOR = re.compile(r"\b(" + "|".join(n for n in NAMED_COLORS if n != "transparent") + r")\b|(#[0-9a-f]{6}\b|#[0-9a-f]{3}\b)")
_ZH_COLOR = re.compile("(" + "|".join(_ZH_COLORS) + ")色")
_POSITIONS = (("top", r"\btop\b|\bupper\b|\babove\b|顶部|上方|上面|顶端|上边|顶上|最上"),
              ("bottom", r"\bbottom\b|\blower\b|\bbelow\b|底部|下方|下面|底端|下边|最下|底下"),
              ("center", r"\bcent(?:er|re)\b|\bmiddle\b|中间|居中|中央|正中"))


def aspect_of(clause: Clause) -> Aspect | None:
    for aspect, pattern in _ASPECTS:
        if clause.has(pattern):
            return aspect
    return None


def color_of(text: str) -> str | None:
    """A colour named in ``text``, as the draft writes it (``#rrggbb``)."""
    match = _EN_COLOR.search(text)
    if match:
        return match.group(2) or NAMED_COLORS[match.group(1)]
    match = _ZH_COLOR.search(text)
    return NAMED_COLORS[_ZH_COLORS[match.group(1)]] if match else None


def position_of(clause: Clause) -> str | None:
    for pos, pattern in _POSITIONS:
        if clause.has(pattern):
            return pos
    return None
