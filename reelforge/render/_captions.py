"""Captions burned in: the draft's captions as an ASS file beside the graph, drawn by libass (``ass``).

The ASS text comes from :mod:`reelforge.captions` (layout, safe areas, styles); here it becomes a
file of the render and one filter. The bundled CJK face's folder is libass's ``fontsdir``, so a
caption never depends on the fonts the host happens to have.
"""

from __future__ import annotations

from reelforge.captions import ass_script
from reelforge.draft.model import Draft
from reelforge.fonts import default_font
from reelforge.render._builder import Canvas, GraphBuilder, filt

__all__ = ["build_captions"]


def build_captions(b: GraphBuilder, draft: Draft, canvas: Canvas) -> list[str]:
    """The ``ass`` filter drawing the draft's captions on a ``canvas``-sized picture ([] when none)."""
    if draft.canvas.captions is None or not draft.captioned_segments():
        return []
    font = default_font("SC")
    script = ass_script(draft, canvas.width, canvas.height, font)
    if not script:
        return []
    path = b.add_file("captions.ass", script)
    return [filt("ass", filename=str(path), fontsdir=str(font.parent))]
