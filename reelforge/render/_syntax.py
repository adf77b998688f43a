"""Writing values into ffmpeg filter-graph text safely.

A filter graph is parsed twice: the graph parser splits filters at ``[ ] , ;`` and the
filter's option parser splits ``key=value`` pairs at ``:``; both honour ``\\`` escapes
and ``'...'`` quoting (libavutil ``av_get_token``). :func:`option_value` escapes for both
levels, so no value we write can end a filter or start a new one. User text never goes
through here at all: titles reach drawtext through ``textfile=`` (see ``_text.py``).
"""

from __future__ import annotations

import re

__all__ = ["ffmpeg_color", "option_value", "seconds"]

_OPTION_SPECIAL = re.compile(r"[\\':\s]")
_GRAPH_SPECIAL = re.compile(r"([\\'\[\],;])")
_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NAME = re.compile(r"[A-Za-z]{3,30}")


def option_value(value: str) -> str:
    """``value`` escaped for a filter option inside a filter-graph script."""
    if _OPTION_SPECIAL.search(value):
        value = "'" + value.replace("'", "'\\''") + "'"
    return _GRAPH_SPECIAL.sub(r"\\\1", value)


def seconds(ms: int | float) -> str:
    """Milliseconds as ffmpeg seconds text: ``1500`` -> ``1.5``, exact to the millisecond."""
    text = f"{ms / 1000:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def ffmpeg_color(color: str | None, default: str = "white") -> str:
    """A CSS-style colour (``#rgb``, ``#rrggbb``, ``#rrggbbaa`` or a name) as ffmpeg colour text.

    Anything else falls back to ``default``: a colour string never reaches the graph unchecked.
    """
    if not color:
        return default
    color = color.strip()
    match = _HEX.fullmatch(color)
    if match and (color.startswith("#") or len(color) in (6, 8)):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        rgb = "0x" + digits[:6].upper()
        if len(digits) == 8:
            alpha = int(digits[6:], 16) / 255
            return f"{rgb}@{alpha:.3f}".rstrip("0").rstrip(".")
        return rgb
    if _NAME.fullmatch(color):
        return color.lower()
    return default
