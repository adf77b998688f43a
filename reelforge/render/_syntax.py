"""Writing values into ffmpeg filter-graph text safely.

A filter graph is parsed twice: the graph parser splits filters at ``[ ] , ;`` and the
filter's option parser splits ``key=value`` pairs at ``:``; both honour ``\\`` escapes
and ``'...'`` quoting (libavutil ``av_get_token``). :func:`option_value` escapes for both
levels, so no value we write can end a filter or start a new one. User text never goes
through here at all: titles reach drawtext through ``textfile=`` (see ``_text.py``).
"""

from __future__ import annotations

import re

from reelforge.draft.colors import to_ffmpeg_color

__all__ = ["ffmpeg_color", "option_value", "seconds"]

_OPTION_SPECIAL = re.compile(r"[\\':\s]")
_GRAPH_SPECIAL = re.compile(r"([\\'\[\],;])")


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
    """A draft colour (``#rgb``, ``#rrggbb``, ``#rrggbbaa`` or one of the draft's names) as ffmpeg text.

    The vocabulary is the draft's own (:mod:`reelforge.draft.colors`), so "red" renders as the
    studio shows it; anything else becomes ``default``: a colour string never reaches the graph.
    """
    return to_ffmpeg_color(color or "", default=default)
