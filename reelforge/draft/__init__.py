"""The timeline: model, validation, edits and summary (see PROTOCOL.md for the wire form)."""

from reelforge.draft.edits import Edit, apply_edit, apply_edits
from reelforge.draft.model import (
    ASPECT_SIZES,
    AUDIO,
    CAPTION_STYLES,
    TEXT,
    VIDEO,
    Aspect,
    Canvas,
    Captions,
    Cue,
    Draft,
    Position,
    Segment,
    SegmentMeta,
    Track,
    TrackType,
    Transition,
    Word,
    canvas_for_aspect,
)
from reelforge.draft.summary import summary
from reelforge.draft.validate import json_path, validate

__all__ = [
    "ASPECT_SIZES",
    "AUDIO",
    "CAPTION_STYLES",
    "TEXT",
    "VIDEO",
    "Aspect",
    "Canvas",
    "Captions",
    "Cue",
    "Draft",
    "Edit",
    "Position",
    "Segment",
    "SegmentMeta",
    "Track",
    "TrackType",
    "Transition",
    "Word",
    "apply_edit",
    "apply_edits",
    "canvas_for_aspect",
    "json_path",
    "summary",
    "validate",
]
