"""Colours as drafts write them: ``#rgb``, ``#rrggbb``, ``#rrggbbaa`` or a CSS name."""

from __future__ import annotations

import re

__all__ = ["NAMED_COLORS", "parse_color", "to_ffmpeg_color"]

NAMED_COLORS: dict[str, str] = {
    "white": "#ffffff", "black": "#000000", "red": "#ff3b30", "green": "#34c759", "blue": "#007aff",
    "yellow": "#ffcc00", "orange": "#ff9500", "purple": "#af52de", "pink": "#ff2d55", "gray": "#8e8e93",
    "grey": "#8e8e93", "cyan": "#32ade6", "magenta": "#ff00ff", "gold": "#ffd700", "silver": "#c0c0c0",
    "navy": "#001f3f", "teal": "#30b0c7", "brown": "#a2845e", "turquoise": "#40e0d0", "maroon": "#800000",
    "lavender": "#b57edc", "beige": "#f5f5dc", "violet": "#8a2be2", "indigo": "#4b0082", "transparent": "#00000000",
}
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def parse_color(value: str) -> tuple[int, int, int, int] | None:
    """``(r, g, b, a)`` in 0..255, or None when ``value`` is not a colour."""
    text = NAMED_COLORS.get(value.strip().lower(), value.strip())
    match = _HEX.match(text)
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    if len(digits) == 6:
        digits += "ff"
    r, g, b, a = (int(digits[i:i + 2], 16) for i in range(0, 8, 2))
    return r, g, b, a


def to_ffmpeg_color(value: str, default: str = "white") -> str:
    """A colour ffmpeg accepts (``0xRRGGBB@alpha``); never passes user text through."""
    rgba = parse_color(value) if value else None
    if rgba is None:
        rgba = parse_color(default) or (255, 255, 255, 255)
    r, g, b, a = rgba
    return f"0x{r:02x}{g:02x}{b:02x}@{a / 255:.3f}"
