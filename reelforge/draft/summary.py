"""The one-line timeline summary, exactly as the reference client prints it.

``Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%)
3. Title: "Urban Dreams" (0-3s)``
"""

from __future__ import annotations

from collections.abc import Mapping

from reelforge.draft.model import AUDIO, TEXT, VIDEO, Draft, Segment, Track

__all__ = ["format_seconds", "summary"]


def format_seconds(ms: int) -> str:
    """``10000`` -> ``10``, ``2500`` -> ``2.5`` (no trailing zeros)."""
    return f"{ms / 1000:.1f}".rstrip("0").rstrip(".")


def _span(start_ms: int, end_ms: int) -> str:
    return f"{format_seconds(start_ms)}-{format_seconds(end_ms)}s"


def _label(seg: Segment, names: Mapping[str, str]) -> str:
    if seg.meta.name:
        return seg.meta.name
    if seg.src and seg.src in names:
        return names[seg.src]
    if seg.src:
        return seg.src.removeprefix("media:").rsplit("/", 1)[-1]
    return seg.id


def _describe(track: Track, kind_index: int, names: Mapping[str, str]) -> str:
    segs = track.segments
    start = min((s.start_ms for s in segs), default=0)
    end = track.end_ms
    if track.type == VIDEO:
        labels = ", ".join(dict.fromkeys(_label(s, names) for s in segs)) or "empty"
        return f"Video: {labels} ({_span(start, end)})" if segs else "Video: empty"
    if track.is_voice:
        said = " ".join(s.meta.text or "" for s in segs)
        said = said if len(said) <= 40 else said[:39] + "…"
        return f'Voice: "{said}" ({_span(start, end)})' if segs else "Voice: empty"
    if track.type == AUDIO:
        kind = "BGM" if kind_index == 0 else "Audio"
        if not segs:
            return f"{kind}: empty"
        labels = ", ".join(dict.fromkeys(_label(s, names) for s in segs))
        volumes = {round((s.meta.volume if s.meta.volume is not None else 1.0) * 100) for s in segs}
        vol = f", {volumes.pop()}%" if len(volumes) == 1 else ""
        return f"{kind}: {labels} ({_span(start, end)}{vol})"
    if track.type == TEXT:
        kind = "Title" if kind_index == 0 else "Text"
        if not segs:
            return f"{kind}: empty"
        parts = [f'"{s.meta.text}" ({_span(s.start_ms, s.end_ms)})' for s in segs]
        return f"{kind}: " + ", ".join(parts)
    return f"Track {track.id}"


def summary(draft: Draft, names: Mapping[str, str] | None = None) -> str:
    """One line naming every track in order; ``names`` maps ``src`` to a human name."""
    names = names or {}
    counts: dict[int, int] = {}
    parts = []
    for number, track in enumerate(draft.tracks, start=1):
        kind = -1 if track.is_voice else int(track.type)  # the voice track does not count as BGM or Audio
        index = counts.get(kind, 0)
        counts[kind] = index + 1
        parts.append(f"{number}. {_describe(track, index, names)}")
    plural = "track" if len(draft.tracks) == 1 else "tracks"
    head = f"Timeline ({len(draft.tracks)} {plural})"
    return f"{head}: " + " ".join(parts) if parts else f"{head}: empty"
