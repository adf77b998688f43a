"""Fonts for titles: one default that covers Latin and CJK, plus user-given font files.

The default is Noto Sans CJK from the ``noto-cjk-sans-otc`` package (a ``.ttc``
collection; ffmpeg's drawtext opens its first face, which has Latin, kana, hangul and
the unified Han ideographs), so a Chinese title is never drawn as missing-glyph boxes
and nothing depends on the fonts the host happens to have.
"""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["FONT_SUFFIXES", "default_font", "resolve_font"]

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


@functools.cache
def default_font() -> Path:
    """The bundled Noto Sans CJK collection (resolved on first use, not at import)."""
    from noto_cjk_sans_otc import FONT_PATH

    return Path(FONT_PATH)


def resolve_font(font: str | None) -> Path:
    """The font file for a text segment's ``font``: an existing font file, else the default.

    A draft may name a font the host does not have (``"Arial"``, a path from another
    machine); the title still renders, in the default face, rather than failing the export.
    """
    if font:
        candidate = Path(font).expanduser()
        if candidate.suffix.lower() in FONT_SUFFIXES and candidate.is_file():
            return candidate
    return default_font()
