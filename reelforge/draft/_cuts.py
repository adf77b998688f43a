"""Cutting inside one clip: a stretch cut out of it, or the clip split in two (private: use reelforge.draft.edits).

Both leave two segments of the same source, the second's in-point advanced past what the first plays (by the
clip's speed), so an exported timeline (OTIO, EDL) sees two ordinary clips. The clip's outer ends keep what it
had there: its transition in and fade in on the first part, its fade out on the second; nothing is made at the
cut itself (a hard cut, as an editor's razor leaves it).
"""

from __future__ import annotations

from reelforge.draft._layout import clamp_fades, main_track, new_id, relayout, track_of
from reelforge.draft._ops import CutSegment, SplitClip
from reelforge.draft.model import VIDEO, Draft, Segment, Track
from reelforge.errors import InvalidInput

__all__ = ["cut_segment", "split_clip"]


def cut_segment(d: Draft, e: CutSegment) -> None:
    track, seg = _video_clip(d, e.segment_id)
    if e.end_ms > seg.duration_ms:
        raise InvalidInput(f"end_ms: the clip is only {seg.duration_ms} ms long (got {e.end_ms})", field="end_ms")
    if e.start_ms == 0 and e.end_ms == seg.duration_ms:
        raise InvalidInput(f"that is the whole clip ({seg.duration_ms} ms): delete it instead (delete_segment)",
                           field="end_ms")
    head, tail = _parts(d, seg, e.start_ms, e.end_ms)
    if not head.duration_ms:  # cut from its start: one clip, starting later, as it entered
        tail.id, tail.meta.transition = seg.id, seg.meta.transition
        tail.meta.fade_in_ms, tail.meta.fade_in_color = seg.meta.fade_in_ms, seg.meta.fade_in_color
        clamp_fades(tail)
    elif not tail.duration_ms:  # cut to its end: one clip, stopping earlier, as it left
        head.meta.fade_out_ms, head.meta.fade_out_color = seg.meta.fade_out_ms, seg.meta.fade_out_color
        clamp_fades(head)
    _replace(d, track, seg, [part for part in (head, tail) if part.duration_ms > 0])


def split_clip(d: Draft, e: SplitClip) -> None:
    track, seg = _video_clip(d, e.segment_id)
    if e.at_ms >= seg.duration_ms:
        raise InvalidInput(f"at_ms: the clip is only {seg.duration_ms} ms long, so it splits inside 1-"
                           f"{seg.duration_ms - 1} ms (got {e.at_ms})", field="at_ms")
    _replace(d, track, seg, list(_parts(d, seg, e.at_ms, e.at_ms)))


def _video_clip(d: Draft, segment_id: str) -> tuple[Track, Segment]:
    track, seg = track_of(d, segment_id)
    if track.type != VIDEO:
        raise InvalidInput(f"{segment_id!r} is not a video clip", field="segment_id")
    return track, seg


def _parts(d: Draft, seg: Segment, head_end: int, tail_start: int) -> tuple[Segment, Segment]:
    """``seg`` up to ``head_end`` and from ``tail_start`` (its own time) as two segments; the tail gets a new id."""
    head = seg.model_copy(deep=True)
    head.duration_ms = head_end
    head.meta.fade_out_ms = head.meta.fade_out_color = None
    tail = seg.model_copy(deep=True, update={"id": new_id(d, "s")})
    tail.start_ms = seg.start_ms + head_end
    tail.duration_ms = seg.duration_ms - tail_start
    if seg.src:
        tail.in_ms = seg.source_in_ms + round(tail_start * seg.speed)
    tail.meta.fade_in_ms = tail.meta.fade_in_color = tail.meta.transition = None
    for part in (head, tail):
        clamp_fades(part)
    return head, tail


def _replace(d: Draft, track: Track, seg: Segment, parts: list[Segment]) -> None:
    index = track.segments.index(seg)
    track.segments[index:index + 1] = parts
    if track is main_track(d):
        relayout(track)
        return
    cursor = seg.start_ms  # another video track: the parts play one after the other from where the clip started
    for part in parts:
        part.start_ms, cursor = cursor, cursor + part.duration_ms
