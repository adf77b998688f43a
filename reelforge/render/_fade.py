"""Picture fades: a video segment's ``m.fi``/``m.fo`` (ms) fade it in from, and out to, what lies beneath.

On the main track what lies beneath is the canvas background (``bg``), or the colour the segment names for that
end (``m.fic``/``m.foc``: "fade out to white", "dip in from red"); on a later video track it
is the tracks below, so an overlay segment fades by its opacity. Each fade is applied to the
segment's whole piece (frame 0 is the segment's first frame) before the piece is sliced for cuts
and xfade windows, so its timing stays right whatever the plan does with the piece.

Cheapness: ffmpeg's ``fade`` works on 4:2:0 only when fading to black; any other colour makes it
convert every frame of its input to RGB. So a black fade is one ``fade`` filter on the piece, and a
coloured one overlays a short plate of the background colour whose opacity ramps, only over the
fading frames (before and after it, ``overlay`` passes the piece through untouched).

The ramps are symmetric: a fade in of N frames shows the picture at 0, 1/N, ..., (N-1)/N; a fade
out shows it at (N-1)/N, ..., 1/N, 0, so the very last frame is entirely the background.
"""

from __future__ import annotations

from reelforge.draft.colors import to_ffmpeg_color
from reelforge.draft.model import Segment
from reelforge.render._builder import Canvas, GraphBuilder, filt

__all__ = ["fade_frames", "fade_over_background", "fade_to_transparent"]


def fade_frames(seg: Segment, canvas: Canvas, frames: int) -> tuple[int, int]:
    """How many frames of a ``frames``-long piece fade in and fade out (0 for none).

    A fade out is at most ``frames - 1`` long: its ramp starts one frame before its first frame.
    """
    def count(ms: int | None, most: int) -> int:
        return max(0, min(most, round((ms or 0) * canvas.fps / 1000)))

    return count(seg.meta.fade_in_ms, frames), count(seg.meta.fade_out_ms, frames - 1)


def _ramps(fade_in: int, fade_out: int, frames: int, **options: object) -> list[str]:
    """``fade`` filters for a piece: in over its first frames, out ending on its last frame."""
    ramps = []
    if fade_in:
        ramps.append(filt("fade", t="in", s=0, n=fade_in, **options))
    if fade_out:
        # fade out reaches zero one frame after its last frame: start it one early so the last is bare
        ramps.append(filt("fade", t="out", s=frames - fade_out - 1, n=fade_out, **options))
    return ramps


def fade_over_background(b: GraphBuilder, piece: str, seg: Segment, canvas: Canvas, frames: int) -> str:
    """``piece`` (``frames`` frames from t=0) fading from and to the canvas background colour, or the colour the
    segment names for that end (``m.fic`` / ``m.foc``: "fade out to white")."""
    fade_in, fade_out = fade_frames(seg, canvas, frames)
    if not fade_in and not fade_out:
        return piece
    # the background shows without its alpha (the track is 4:2:0), so the plate is opaque too
    colour_in, colour_out = (_opaque(seg.meta.fade_in_color, canvas), _opaque(seg.meta.fade_out_color, canvas))
    black_in, black_out = fade_in and colour_in == _BLACK, fade_out and colour_out == _BLACK
    if black_in or black_out:  # ``fade`` itself, cheap on 4:2:0
        piece = b.chain([piece], _ramps(fade_in if black_in else 0, fade_out if black_out else 0, frames), b.label("fd"))
    if fade_in and not black_in:
        # a plate of the colour, opaque at the first frame and clear after ``fade_in`` frames
        plate = _plate(b, canvas, colour_in, fade_in, [filt("fade", t="out", s=0, n=fade_in, alpha=1)])
        piece = b.chain([piece, plate], [filt("overlay", eof_action="pass", repeatlast=0)], b.label("fd"))
    if fade_out and not black_out:
        start = frames - fade_out - 1
        ramp = [filt("fade", t="in", s=0, n=fade_out, alpha=1), f"setpts=PTS+{start}/{canvas.fps}/TB"]
        plate = _plate(b, canvas, colour_out, frames - start, ramp)
        piece = b.chain([piece, plate], [filt("overlay", eof_action="pass", repeatlast=0)], b.label("fd"))
    return piece


_BLACK = "0x000000"


def _opaque(colour: str | None, canvas: Canvas) -> str:
    """The colour an end fades to, as ffmpeg writes it without alpha: the segment's own, else the background's."""
    value = to_ffmpeg_color(colour) if colour else canvas.bg
    return value.split("@")[0].lower()


def fade_to_transparent(seg: Segment, canvas: Canvas, frames: int) -> list[str]:
    """Filters giving an overlay segment's piece an opacity ramp (empty when it has no fades)."""
    fade_in, fade_out = fade_frames(seg, canvas, frames)
    if not fade_in and not fade_out:
        return []
    return ["format=yuva420p", *_ramps(fade_in, fade_out, frames, alpha=1)]


def _plate(b: GraphBuilder, canvas: Canvas, colour: str, frames: int, ramp: list[str]) -> str:
    return b.chain([], [filt("color", c=colour, s=f"{canvas.width}x{canvas.height}", r=canvas.fps),
                        "format=yuva420p", filt("trim", end_frame=frames), *ramp], b.label("pl"))
