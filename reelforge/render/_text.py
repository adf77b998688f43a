"""Titles: one drawtext per text segment, shown only inside its span.

User text never enters the filter graph: each title is written to its own file and
drawtext reads it through ``textfile=`` with ``expansion=none`` (so ``%{pts}`` stays
literal); only our own numbers, expressions and escaped paths reach the graph.
Characters the title's font has no glyph for (emoji, mostly) are left out rather than
drawn as boxes (``fonts.drawable_text``).
"""

from __future__ import annotations

from pathlib import Path

from reelforge.draft.model import Position, Segment, Track
from reelforge.fonts import drawable_text, resolve_font
from reelforge.render._builder import Canvas, GraphBuilder, filt
from reelforge.render._syntax import ffmpeg_color, seconds

__all__ = ["DEFAULT_TEXT_SIZE", "build_text", "title_filters"]

DEFAULT_TEXT_SIZE = 0.06  # of the frame height
_MARGIN = 0.08            # top/bottom titles keep this fraction of the height clear of the edge


def build_text(b: GraphBuilder, tracks: list[Track], canvas: Canvas, font_files: bool = True) -> list[str]:
    """drawtext filters for every text segment (in track order, so later tracks draw on top);
    ``font_files`` false ignores fonts named by path (see RenderOptions.font_files)."""
    filters: list[str] = []
    for track in tracks:
        for seg in sorted(track.segments, key=lambda s: s.start_ms):
            font = resolve_font(seg.meta.font if font_files else None, seg.meta.text or "")
            text, _ = drawable_text(_clean(seg.meta.text), font)
            if not text or seg.duration_ms <= 0:
                continue
            path = b.add_file(f"text-{len(b.files)}.txt", text)
            filters.append(title_filters(seg, str(path), canvas, font))
    return filters


def _clean(text: str | None) -> str:
    # A trailing newline would draw an empty last line and shift the block; CR would draw a box.
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def title_filters(seg: Segment, textfile: str, canvas: Canvas, font: Path) -> str:
    """The drawtext filter for one title whose text is in ``textfile``, drawn in ``font``."""
    meta = seg.meta
    size_px = max(8, round((meta.size or DEFAULT_TEXT_SIZE) * canvas.height))
    x, y = _position(meta.pos)
    start, end = seconds(seg.start_ms), seconds(seg.end_ms)
    box = ffmpeg_color(meta.bgcolor, default="#00000099") if meta.bgcolor else ""
    return filt(
        "drawtext",
        fontfile=str(font),
        textfile=textfile,
        expansion="none",
        text_shaping=1,
        text_align="C",
        fontsize=size_px,
        fontcolor=ffmpeg_color(meta.color, default="white"),
        x=x,
        y=y,
        # a thin dark border and a soft shadow keep light text legible on light footage
        borderw=max(1, size_px // 24),
        bordercolor="black@0.55",
        shadowx=max(1, size_px // 30),
        shadowy=max(1, size_px // 30),
        shadowcolor="black@0.45",
        box=1 if box else None,
        boxcolor=box or None,
        boxborderw=max(2, round(size_px * 0.35)) if box else None,
        alpha=_alpha(seg),
        enable=f"gte(t,{start})*lt(t,{end})",
    )


def _position(pos: str | Position | None) -> tuple[str, str]:
    centred_x = "(w-text_w)/2"
    if isinstance(pos, Position):
        # centred on the point, but kept inside the frame: a caption "in the bottom right corner" never runs off it
        return (f"max(0,min(w-text_w,w*{pos.x:g}-text_w/2))", f"max(0,min(h-text_h,h*{pos.y:g}-text_h/2))")
    if pos == "top":
        return centred_x, f"h*{_MARGIN:g}"
    if pos == "bottom":
        return centred_x, f"h*{1 - _MARGIN:g}-text_h"
    return centred_x, "(h-text_h)/2"


def _alpha(seg: Segment) -> str | None:
    """An opacity ramp over the fades (drawtext evaluates it per frame); None when there are none."""
    fade_in, fade_out = seg.meta.fade_in_ms or 0, seg.meta.fade_out_ms or 0
    if fade_in <= 0 and fade_out <= 0:
        return None
    start, end = seg.start_ms / 1000, seg.end_ms / 1000
    ramps = []
    if fade_in > 0:
        ramps.append(f"(t-{start:g})/{fade_in / 1000:g}")
    if fade_out > 0:
        ramps.append(f"({end:g}-t)/{fade_out / 1000:g}")
    expr = ramps[0] if len(ramps) == 1 else f"min({ramps[0]},{ramps[1]})"
    return f"clip({expr},0,1)"
