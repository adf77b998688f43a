"""The timeline: model, validation, edits and summary (see PROTOCOL.md for the wire form)."""

from reelforge.draft.edits import Edit, apply_edit, apply_edits
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
from reelforge.draft.summary import summary
from reelforge.draft.validate import json_path, validate

__all__ = [
    "AUDIO",
    "TEXT",
    "VIDEO",
    "Canvas",
    "Draft",
    "Edit",
    "Position",
    "Segment",
    "SegmentMeta",
    "Track",
    "TrackType",
    "Transition",
    "apply_edit",
    "apply_edits",
    "json_path",
    "summary",
    "validate",
]
