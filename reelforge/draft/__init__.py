"""The timeline: model, validation, edits and summary (see PROTOCOL.md for the wire form)."""

from reelforge.draft.edits import Edit, apply_edit, apply_edits
from reelforge.draft.history import Change, change_record, read_change
from reelforge.draft.model import (
    ASPECT_SIZES,
    AUDIO,
    TEXT,
    VIDEO,
    Aspect,
    Canvas,
    Draft,
    Position,
    Segment,
    SegmentMeta,
    Track,
    TrackType,
    Transition,
    canvas_for_aspect,
)
from reelforge.draft.summary import summary
from reelforge.draft.validate import json_path, validate

__all__ = [
    "ASPECT_SIZES",
    "AUDIO",
    "TEXT",
    "VIDEO",
    "Aspect",
    "Canvas",
    "Change",
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
    "canvas_for_aspect",
    "change_record",
    "json_path",
    "read_change",
    "summary",
    "validate",
]
