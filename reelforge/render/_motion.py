"""Camera motion ("Ken Burns"): a video segment's ``m.motion`` slowly zooms or pans across its picture.

The move is one ``perspective`` filter on the segment's canvas-sized, fitted piece, its four source
corners written as expressions of the frame number (``eval=frame``). Each output frame samples a
rectangle of the piece with bilinear interpolation at 1/256 pixel, so a slow move glides instead of
stepping a whole pixel now and then: ``zoompan`` and ``crop`` round their offsets to integers, which
shows as a visible judder on a move of a pixel or two a frame unless the input is first upscaled
several times (far dearer).

The rectangle always lies inside the piece (the picture is enlarged by at most :data:`ZOOM`), so no
edge or background ever shows. Zooms are geometric (the picture grows by the same ratio each frame,
which reads as an even speed); pans are linear, across the slack that a :data:`ZOOM` enlargement
leaves. The names say which way the *picture* drifts: ``pan_left`` moves it left.

The motion goes on the whole piece before it is sliced for cuts and transitions (as fades do,
``_fade.py``), so frame 0 of the move is the segment's first frame whatever the plan does with it.
A still and a video clip move alike (the edit cannot tell them apart; see ``SetMotion``).

Cost: about 10 ms a 1080p frame on two cores (a 5 s 1080p still renders in 2.3 s instead of 0.6 s), paid
only by the segments that move: a still without motion is still scaled once and repeated.
"""

from __future__ import annotations

from reelforge.draft.validate import MOTIONS
from reelforge.render._builder import filt

__all__ = ["MOTION_PART", "ZOOM", "motion_filters", "motion_part", "source_rect"]

# The extra key a windowed render leaves on a segment it cut: ``[offset_ms, total_ms]`` of its move.
MOTION_PART = "motion_part"

ZOOM = 1.12  # how much the picture is enlarged by the end of a zoom, and throughout a pan


def _progress(frames: int, offset: int = 0, total: int | None = None) -> str:
    """0 on the segment's first frame, 1 on its last. ``perspective`` counts frames from 1 (``in``).

    A piece that is only part of its segment (a windowed render cut it) starts ``offset`` frames
    into a move ``total`` frames long, so the move carries on across the cut.
    """
    return f"min(({offset}+in-1)/{max(1, (total or frames) - 1)},1)"


def source_rect(motion: str, width: float, height: float, progress: str,
                zoom: float = ZOOM) -> tuple[str, str, str, str]:
    """The sampled rectangle as expressions ``(left, top, right, bottom)`` of ``progress`` (0..1).

    ``progress`` is an expression itself (or a number, for tests and checks).
    """
    p = f"({progress})"
    if motion in ("zoom_in", "zoom_out"):
        ratio = p if motion == "zoom_in" else f"(1-{p})"
        # half the rectangle's size: the piece's half-size divided by the current enlargement
        half_w, half_h = f"{width / 2:g}/pow({zoom:g},{ratio})", f"{height / 2:g}/pow({zoom:g},{ratio})"
        cx, cy = f"{width / 2:g}", f"{height / 2:g}"
        return f"{cx}-{half_w}", f"{cy}-{half_h}", f"{cx}+{half_w}", f"{cy}+{half_h}"
    w, h = width / zoom, height / zoom
    slack_x, slack_y = width - w, height - h
    left, top = f"{slack_x / 2:.6g}", f"{slack_y / 2:.6g}"
    if motion == "pan_left":      # the window travels right: the picture drifts left
        left = f"{slack_x:.6g}*{p}"
    elif motion == "pan_right":
        left = f"{slack_x:.6g}*(1-{p})"
    elif motion == "pan_up":      # the window travels down: the picture drifts up
        top = f"{slack_y:.6g}*{p}"
    else:
        top = f"{slack_y:.6g}*(1-{p})"
    return left, top, f"{left}+{w:.6g}", f"{top}+{h:.6g}"


def motion_filters(motion: str | None, width: int, height: int, frames: int,
                   part: tuple[int, int] | None = None) -> list[str]:
    """Filters moving a ``width`` x ``height`` piece of ``frames`` frames as ``motion`` says ([] for none).

    ``part`` is ``(offset, total)`` in frames when the piece is a window's part of a longer segment.
    An unknown name (a newer client's) is ignored, as unknown keys are: the segment stays still.
    """
    if motion not in MOTIONS:
        return []
    offset, total = part if part is not None else (0, frames)
    left, top, right, bottom = source_rect(motion, width, height, _progress(frames, offset, total))
    return [filt("perspective", x0=left, y0=top, x1=right, y1=top, x2=left, y2=bottom, x3=right, y3=bottom,
                 interpolation="linear", eval="frame")]


def motion_part(meta_extra: dict[str, object] | None, fps: int) -> tuple[int, int] | None:
    """``(offset, total)`` in frames from a windowed segment's :data:`MOTION_PART`, else None."""
    value = (meta_extra or {}).get(MOTION_PART)
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        return None
    offset_ms, total_ms = value
    return round(offset_ms * fps / 1000), max(1, round(total_ms * fps / 1000))
