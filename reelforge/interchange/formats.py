"""The timeline formats reelforge exchanges with other editors: the one owner of that vocabulary.

Each format is written and read by an OpenTimelineIO adapter (``opentimelineio`` and the
``otio-*-adapter`` packages). What a format can carry differs, and the table says so, so the CLI,
the chat and the docs tell a user the truth:

============  ==============================  ======  ===========  ======  =======
format        for                             titles  transitions  levels  audio
============  ==============================  ======  ===========  ======  =======
otio          any OTIO tool (lossless)        yes     yes          yes     yes
fcp_xml       Premiere Pro, DaVinci Resolve   yes     yes          yes     yes
fcpx_xml      Final Cut Pro                   marker  marker       marker  yes
edl           CMX 3600: one picture track     note    yes          note    note
============  ==============================  ======  ===========  ======  =======

"marker": the adapter has no such element, so reelforge writes a marker on the clip ("Title: ...",
"Cross dissolve 0.50 s", "Level 35%") that an editor sees and reelforge reads back. "note": an EDL
holds one picture track; the rest travels as ``* REELFORGE {...}`` comment lines, which editors skip.
CapCut / 剪映 and other closed editors have no open project format: there is nothing to write for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from reelforge.errors import InvalidInput

__all__ = ["TIMELINE_FORMATS", "TimelineFormat", "FormatInfo", "timeline_format"]

TimelineFormat = Literal["otio", "fcp_xml", "fcpx_xml", "edl"]


@dataclass(frozen=True)
class FormatInfo:
    name: TimelineFormat
    adapter: str              # the OpenTimelineIO adapter's name
    suffix: str               # the file name's ending
    mime: str
    label: str                # for a person: "FCP 7 XML (Premiere Pro, DaVinci Resolve)"
    native_titles: bool       # a title is a text clip (else a marker or a note)
    native_transitions: bool  # a cross dissolve is the format's own transition
    native_levels: bool       # a clip's volume is the format's own audio level
    native_audio: bool        # audio tracks are the format's own tracks


TIMELINE_FORMATS: dict[TimelineFormat, FormatInfo] = {
    "otio": FormatInfo("otio", "otio_json", ".otio", "application/json", "OpenTimelineIO (.otio)",
                       True, True, True, True),
    "fcp_xml": FormatInfo("fcp_xml", "fcp_xml", ".xml", "application/xml",
                          "FCP 7 XML (Premiere Pro, DaVinci Resolve)", True, True, True, True),
    "fcpx_xml": FormatInfo("fcpx_xml", "fcpx_xml", ".fcpxml", "application/xml", "FCPXML (Final Cut Pro)",
                           False, False, False, True),
    "edl": FormatInfo("edl", "cmx_3600", ".edl", "text/plain", "CMX 3600 EDL (any editor, picture cut only)",
                      False, True, False, False),
}

# What people call the formats, and the editors that read them
_ALIASES: dict[str, TimelineFormat] = {
    "otio": "otio", "opentimelineio": "otio", "json": "otio",
    "fcp_xml": "fcp_xml", "fcpxml7": "fcp_xml", "xml": "fcp_xml", "fcp7": "fcp_xml", "premiere": "fcp_xml",
    "resolve": "fcp_xml", "davinci": "fcp_xml",
    "fcpx_xml": "fcpx_xml", "fcpxml": "fcpx_xml", "fcpx": "fcpx_xml", "finalcut": "fcpx_xml", "final_cut": "fcpx_xml",
    "edl": "edl", "cmx3600": "edl", "cmx_3600": "edl",
}
assert set(TIMELINE_FORMATS) == set(get_args(TimelineFormat))


def timeline_format(name: str | None, file_name: str | None = None, field: str = "format") -> TimelineFormat:
    """The format a user named ("premiere", "fcpxml", ".edl"), or the one a file name's ending says."""
    if name:
        key = name.strip().lower().lstrip(".").replace("-", "_").replace(" ", "_")
        if key in _ALIASES:
            return _ALIASES[key]
        raise InvalidInput(f"{field}: unknown timeline format {name!r} (choose one of {', '.join(TIMELINE_FORMATS)})",
                           field=field)
    if file_name:
        suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
        for info in TIMELINE_FORMATS.values():
            if info.suffix == suffix:
                return info.name
    raise InvalidInput(f"{field}: say which timeline format ({', '.join(TIMELINE_FORMATS)})", field=field)
