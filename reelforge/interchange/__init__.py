"""Timelines to and from other editors (Premiere, Resolve, Final Cut, any EDL reader) via OpenTimelineIO.

``export_timeline(draft, fmt, locate)`` writes a draft as the text of one format and
``import_timeline(text, fmt, resolve)`` reads one back into a validated draft; ``formats`` owns the
vocabulary and says what each format carries. Media travel by path or URL: the caller's ``locate``
and ``resolve`` decide how a segment's ``src`` maps to one and back.
"""

from reelforge.interchange._export import Exported, MediaLink, draft_to_timeline, export_timeline
from reelforge.interchange._import import Imported, import_timeline, timeline_to_draft
from reelforge.interchange.formats import TIMELINE_FORMATS, FormatInfo, TimelineFormat, timeline_format

__all__ = [
    "TIMELINE_FORMATS",
    "Exported",
    "FormatInfo",
    "Imported",
    "MediaLink",
    "TimelineFormat",
    "draft_to_timeline",
    "export_timeline",
    "import_timeline",
    "timeline_format",
    "timeline_to_draft",
]
