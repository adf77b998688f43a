"""The timeline: model, validation, edits and summary (see PROTOCOL.md for the wire form)."""

from reelforge.draft.model import (
    AUDIO,
    TEXT,
    VIDEO,
    Canvas,
    Draft,
    Position,
    Segment,
    SegmentMeta,
    Track,
    TrackType,
    Transition,
)

__all__ = [
    "AUDIO",
    "TEXT",
    "VIDEO",
    "Canvas",
    "Draft",
    "Position",
    "Segment",
    "SegmentMeta",
    "Track",
    "TrackType",
    "Transition",
]
