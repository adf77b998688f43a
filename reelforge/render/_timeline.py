"""The base video track as a plan: which frames of which piece, in what order, blended where.

Everything is counted in output frames, so cuts, gaps and transitions line up exactly
and the track is exactly the draft's length. The plan is then emitted as ONE ``concat``
of slices, background gaps and short blend windows. Only the overlap frames are blended:
xfade works in non-subsampled formats (yuv444p), and feeding it whole clips makes ffmpeg
convert every frame there and back (about +50 % CPU on a 1080p render); a plain cross-fade
is blended in 4:2:0 without xfade (``_video._blend``).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Blend", "Gap", "Part", "Placed", "Slice", "part_frames", "plan_track"]


@dataclass(frozen=True)
class Placed:
    """A segment on the track, in frames: where it starts, how long, how it enters."""

    start: int
    frames: int
    transition: str | None = None
    transition_frames: int = 0


@dataclass(frozen=True)
class Slice:
    """Frames ``start``..``end`` (exclusive) of piece number ``piece``."""

    piece: int
    start: int
    end: int

    @property
    def frames(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Gap:
    """Background colour for ``frames`` frames."""

    frames: int


@dataclass(frozen=True)
class Blend:
    """An xfade from the end of one piece (``out``) into the start of the next (``into``)."""

    transition: str
    out: Slice
    into: Slice


Part = Slice | Gap | Blend


def plan_track(segments: list[Placed], total_frames: int) -> list[Part]:
    """The parts that, concatenated, make the track (``segments`` sorted by start).

    A segment that overlaps the previous one and has a transition blends over
    ``min(transition, overlap)`` frames starting at its own start; one that overlaps
    without a transition cuts the previous one at its start. Gaps and the time after
    the last segment are background.
    """
    parts: list[Part] = []
    cursor = 0                       # the timeline frame the parts so far end at
    prev: Placed | None = None
    prev_index, prev_head = -1, 0    # frames of the previous piece already used by a blend
    for index, seg in enumerate(segments):
        head = 0
        if prev is None:
            if seg.start > cursor:
                parts.append(Gap(seg.start - cursor))
                cursor = seg.start
        else:
            prev_end = prev.start + prev.frames
            if seg.start < prev_end:  # overlap: blend or cut the previous piece at this one's start
                body_end = max(prev_head, seg.start - prev.start)
                blend = 0
                if seg.transition is not None and seg.transition_frames > 0:
                    blend = min(seg.transition_frames, prev_end - seg.start, seg.frames, prev.frames - body_end)
                if body_end > prev_head:
                    parts.append(Slice(prev_index, prev_head, body_end))
                if blend > 0:
                    parts.append(Blend(seg.transition or "fade", Slice(prev_index, body_end, body_end + blend),
                                       Slice(index, 0, blend)))
                    head = blend
                cursor = prev.start + body_end + blend
            else:
                if prev.frames > prev_head:
                    parts.append(Slice(prev_index, prev_head, prev.frames))
                cursor = prev_end
                if seg.start > cursor:
                    parts.append(Gap(seg.start - cursor))
                    cursor = seg.start
        prev, prev_index, prev_head = seg, index, head
    if prev is not None and prev.frames > prev_head:
        parts.append(Slice(prev_index, prev_head, prev.frames))
    emitted = sum(part_frames(p) for p in parts)
    if total_frames > emitted:
        parts.append(Gap(total_frames - emitted))
    return parts


def part_frames(part: Part) -> int:
    """How many output frames a part makes."""
    if isinstance(part, Gap):
        return part.frames
    if isinstance(part, Blend):
        return part.into.frames
    return part.frames
