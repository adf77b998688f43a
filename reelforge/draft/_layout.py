"""Layout rules shared by the edit operations (private: use reelforge.draft.edits)."""

from __future__ import annotations

from typing import Literal, overload

from reelforge.draft.model import TEXT, VIDEO, Draft, Segment, Track
from reelforge.errors import InvalidInput


@overload
def main_track(draft: Draft, create: Literal[True]) -> Track: ...


@overload
def main_track(draft: Draft, create: bool = False) -> Track | None: ...


def main_track(draft: Draft, create: bool = False) -> Track | None:
    """The first video track (created first in the list when asked and absent)."""
    for track in draft.tracks:
        if track.type == VIDEO:
            return track
    if not create:
        return None
    track = Track(id=new_id(draft, "v", tracks=True), type=VIDEO)
    draft.tracks.insert(0, track)
    return track


def track_of(draft: Draft, segment_id: str) -> tuple[Track, Segment]:
    found = draft.find_segment(segment_id)
    if found is None:
        raise InvalidInput(f"no segment {segment_id!r} in the draft", field="segment_id")
    return found


def new_id(draft: Draft, prefix: str, tracks: bool = False) -> str:
    """The next free id ``<prefix><n>`` among tracks (or segments)."""
    taken = {t.id for t in draft.tracks} if tracks else {s.id for t in draft.tracks for s in t.segments}
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def relayout(track: Track) -> None:
    """Lay the main track's clips end to end; a clip with a transition overlaps its predecessor."""
    cursor = 0
    previous: Segment | None = None
    for seg in track.segments:
        tr = seg.meta.transition
        if previous is None:
            seg.meta.transition = None
            seg.start_ms = 0
        elif tr is not None:
            tr.duration_ms = max(1, min(tr.duration_ms, previous.duration_ms, seg.duration_ms))
            seg.start_ms = previous.end_ms - tr.duration_ms
        else:
            seg.start_ms = cursor
        cursor = seg.end_ms
        previous = seg


def fit_followers(draft: Draft, old_video_end: int) -> None:
    """After the video changed length: looping music and end-anchored texts follow it."""
    new_end = draft.video_end_ms
    if new_end == old_video_end or new_end == 0:
        return
    for track in draft.tracks:
        if track.is_music:
            for seg in track.segments:
                if seg.meta.loop and seg.start_ms < new_end and seg.end_ms >= old_video_end:
                    seg.duration_ms = new_end - seg.start_ms
        elif track.type == TEXT:
            for seg in track.segments:
                anchored = (seg.meta.__pydantic_extra__ or {}).get("anchor") == "end"
                if anchored and seg.end_ms == old_video_end:
                    seg.start_ms = max(0, new_end - seg.duration_ms)
                    seg.duration_ms = min(seg.duration_ms, new_end - seg.start_ms)
    for track in draft.tracks:
        if track.type != VIDEO:
            _clip_to(track, new_end)
    draft.tracks = [t for t in draft.tracks if t.segments or t.type == VIDEO]


def _clip_to(track: Track, end_ms: int) -> None:
    kept = []
    for seg in track.segments:
        if seg.start_ms >= end_ms:
            continue
        if seg.end_ms > end_ms:
            seg.duration_ms = end_ms - seg.start_ms
            _fit_fades(seg)
        kept.append(seg)
    track.segments = kept


def _fit_fades(seg: Segment) -> None:
    m = seg.meta
    if m.fade_in_ms:
        m.fade_in_ms = min(m.fade_in_ms, seg.duration_ms)
    if m.fade_out_ms:
        m.fade_out_ms = min(m.fade_out_ms, seg.duration_ms - (m.fade_in_ms or 0))


def clamp_fades(seg: Segment) -> None:
    """Fit a segment's fades (and its transition) into its length after an edit changed it."""
    m = seg.meta
    if m.fade_in_ms is not None:
        m.fade_in_ms = min(m.fade_in_ms, seg.duration_ms // 2 if m.fade_out_ms else seg.duration_ms)
    if m.fade_out_ms is not None:
        m.fade_out_ms = min(m.fade_out_ms, seg.duration_ms - (m.fade_in_ms or 0))
    if seg.meta.transition is not None:
        seg.meta.transition.duration_ms = min(seg.meta.transition.duration_ms, seg.duration_ms)


def trim_timeline(draft: Draft, start_ms: int, end_ms: int) -> None:
    """Keep ``[start_ms, end_ms)`` of every track, shifting it to 0; sources advance their in-points."""
    for track in draft.tracks:
        kept = []
        for seg in track.segments:
            lo, hi = max(seg.start_ms, start_ms), min(seg.end_ms, end_ms)
            if hi <= lo:
                continue
            cut_head = lo - seg.start_ms
            if seg.src and cut_head:
                seg.in_ms = seg.source_in_ms + round(cut_head * seg.speed)
            seg.start_ms = lo - start_ms
            seg.duration_ms = hi - lo
            tr = seg.meta.transition
            if tr is not None and (cut_head or tr.duration_ms > seg.duration_ms):
                seg.meta.transition = None
            _fit_fades(seg)
            kept.append(seg)
        track.segments = kept
        if track.type == VIDEO and kept:
            # a transition whose overlap was cut away no longer overlaps: drop it
            for prev, seg in zip(kept, kept[1:]):
                tr = seg.meta.transition
                if tr is not None and prev.end_ms - seg.start_ms != tr.duration_ms:
                    seg.meta.transition = None
    draft.tracks = [t for t in draft.tracks if t.segments or t.type == VIDEO]


def _ends(draft: Draft) -> tuple[Segment | None, Segment | None]:
    """The main track's first and last clips (by start)."""
    track = main_track(draft)
    if track is None or not track.segments:
        return None, None
    ordered = sorted(track.segments, key=lambda s: s.start_ms)
    return ordered[0], ordered[-1]


def carry_end_fades(before: Draft, after: Draft) -> None:
    """Keep the video's opening fade-in on its first clip and its closing fade-out on its last.

    "Fade out at the end" puts the fade on the last clip; when an edit appends a clip after it
    (or deletes, moves or swaps it), a fade to black would be left in the middle of the video.
    So a fade-in on the first clip and a fade-out on the last clip move with the video's ends:
    to the new first/last clip, unless that clip has its own fade there already. A fade's colour
    ("fade out to white") goes with it.
    """
    old_first, old_last = _ends(before)
    new_first, new_last = _ends(after)
    moves = ((old_first, new_first, "fade_in_ms"), (old_last, new_last, "fade_out_ms"))
    for old, new, key in moves:
        if old is None or new is None or old.id == new.id or not getattr(old.meta, key):
            continue
        if getattr(new.meta, key):
            continue
        length, colour_key = getattr(old.meta, key), key.replace("_ms", "_color")
        colour = getattr(old.meta, colour_key)
        found = after.find_segment(old.id)
        if found is not None and getattr(found[1].meta, key) == length:
            setattr(found[1].meta, key, None)
            setattr(found[1].meta, colour_key, None)
        other = "fade_out_ms" if key == "fade_in_ms" else "fade_in_ms"
        setattr(new.meta, key, max(0, min(length, new.duration_ms - (getattr(new.meta, other) or 0))) or None)
        setattr(new.meta, colour_key, colour if getattr(new.meta, key) else None)
