"""A draft as an OpenTimelineIO timeline, then as the text of one format.

Times become whole frames of the canvas rate once, here, and all cut arithmetic is done in frames,
so what an editor reads lands on frame boundaries and a round trip comes back within a frame.

A draft's cross dissolve is an overlap: the incoming clip starts ``d`` before the outgoing one ends.
OTIO keeps clips end to end and puts a ``Transition`` at the cut, reaching ``in_offset`` back into the
outgoing clip's time and ``out_offset`` forward; reelforge centres the cut in the overlap.

Every item carries its draft segment under ``metadata["reelforge"]``; the .otio file keeps it (a
lossless round trip), the other adapters drop it and the format's own elements carry what they can.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import opentimelineio as otio
from opentimelineio import opentime
from opentimelineio import schema as otio_schema

from reelforge.draft import AUDIO, TEXT, VIDEO, Draft, Segment, Track
from reelforge.interchange.formats import TIMELINE_FORMATS, TimelineFormat

__all__ = ["Exported", "MediaLink", "draft_to_timeline", "export_timeline"]

NAMESPACE = "reelforge"
EDL_NOTE = "REELFORGE "
# FCP 7's audio level filter: ``value`` is a linear gain, 0..3.98 (+12 dB)
_LEVEL_EFFECT = {"name": "Audio Levels", "effectid": "audiolevels", "effectcategory": "audiolevels",
                 "effecttype": "audiolevels", "mediatype": "audio"}
_TEXT_EFFECT = {"effectcategory": "Text", "effecttype": "generator", "mediatype": "video"}


@dataclass(frozen=True)
class MediaLink:
    """Where an editor finds a segment's media: a path URL or a download URL, and its length if known."""

    url: str
    duration_ms: int | None = None


Locate = Callable[[str], MediaLink]


@dataclass
class Exported:
    """The text of the file and what did not travel as the format's own elements."""

    text: str
    format: TimelineFormat
    notes: list[str] = field(default_factory=list)


def frames(ms: int, fps: int) -> int:
    return round(ms * fps / 1000)


def _time(frame_count: int, fps: int) -> opentime.RationalTime:
    return opentime.RationalTime(frame_count, fps)


def _range(start: int, duration: int, fps: int) -> opentime.TimeRange:
    return opentime.TimeRange(_time(start, fps), _time(duration, fps))


def _level_filter(volume: float) -> dict[str, Any]:
    parameter = {"parameterid": "level", "name": "Level", "valuemin": "0", "valuemax": "3.98109",
                 "value": f"{min(volume, 3.98109):.4f}"}
    return {"effect": {**_LEVEL_EFFECT, "parameter": parameter}}


def _clip(seg: Segment, source_start: int, duration: int, fps: int, locate: Locate,
          audio: bool) -> otio_schema.Clip:
    assert seg.src is not None
    link = locate(seg.src)
    # FCP XML states each file's length; a still or an unprobed file gets the span the clip needs
    known = frames(link.duration_ms, fps) if link.duration_ms else 0
    available = _range(0, max(known, source_start + round(duration * seg.speed)), fps)
    reference = otio_schema.ExternalReference(target_url=link.url, available_range=available)
    clip = otio_schema.Clip(name=seg.meta.name or seg.src.rsplit("/", 1)[-1], media_reference=reference,
                            source_range=_range(source_start, duration, fps))
    clip.metadata[NAMESPACE] = {"segment": seg.to_wire()}
    if audio and seg.meta.volume is not None:
        clip.metadata["fcp_xml"] = {"filter": _level_filter(seg.meta.volume)}
    if seg.speed != 1.0:
        clip.effects.append(otio_schema.LinearTimeWarp(time_scalar=seg.speed))
    return clip


def _title_clip(seg: Segment, duration: int, fps: int) -> otio_schema.Clip:
    text = seg.meta.text or ""
    reference = otio_schema.GeneratorReference(
        name="Text", generator_kind="Text",
        metadata={"fcp_xml": {**_TEXT_EFFECT, "parameter": {"parameterid": "str", "name": "Text", "value": text}}})
    clip = otio_schema.Clip(name=text.splitlines()[0][:60] if text.strip() else "Title", media_reference=reference,
                            source_range=_range(0, duration, fps))
    clip.metadata[NAMESPACE] = {"segment": seg.to_wire()}
    return clip


def _track(track: Track, fps: int, locate: Locate) -> otio_schema.Track:
    """One draft track as an OTIO track: gaps where nothing plays, transitions at centred cuts."""
    kind = otio_schema.TrackKind.Audio if track.type == AUDIO else otio_schema.TrackKind.Video
    out = otio_schema.Track(name=track.id, kind=kind)
    out.metadata[NAMESPACE] = {"id": track.id, "tt": int(track.type)}
    segments = sorted(track.segments, key=lambda s: s.start_ms)
    starts = [frames(s.start_ms, fps) for s in segments]
    ends = [frames(s.end_ms, fps) for s in segments]
    # the frames each transition reaches back (before the cut) and forward (after it)
    overlaps = [max(0, ends[i - 1] - starts[i]) if i and segments[i].meta.transition else 0
                for i in range(len(segments))]
    backs = [overlap // 2 for overlap in overlaps]
    cuts_in = [starts[i] + backs[i] for i in range(len(segments))]
    cuts_out = [cuts_in[i + 1] if i + 1 < len(segments) and overlaps[i + 1] else ends[i] for i in range(len(segments))]
    cursor = 0
    for i, seg in enumerate(segments):
        if cuts_in[i] > cursor:
            out.append(otio_schema.Gap(source_range=_range(0, cuts_in[i] - cursor, fps)))
        if overlaps[i]:
            tr = seg.meta.transition
            assert tr is not None
            transition = otio_schema.Transition(
                name="Cross Dissolve" if tr.type == "fade" else tr.type,
                transition_type=otio_schema.TransitionTypes.SMPTE_Dissolve,
                in_offset=_time(backs[i], fps), out_offset=_time(overlaps[i] - backs[i], fps))
            transition.metadata[NAMESPACE] = {"type": tr.type}
            out.append(transition)
        duration = cuts_out[i] - cuts_in[i]
        if track.type == TEXT:
            out.append(_title_clip(seg, duration, fps))
        else:
            source_start = frames(seg.source_in_ms, fps) + round(backs[i] * seg.speed)
            out.append(_clip(seg, source_start, duration, fps, locate, audio=track.type == AUDIO))
        cursor = cuts_out[i]
    return out


def draft_to_timeline(draft: Draft, locate: Locate, name: str = "reelforge") -> otio_schema.Timeline:
    """The draft as an OTIO timeline at the canvas rate: picture tracks, then titles, then audio."""
    fps = draft.canvas.fps
    timeline = otio_schema.Timeline(name=name, global_start_time=_time(0, fps))
    timeline.metadata[NAMESPACE] = {"canvas": draft.canvas.to_wire()}
    timeline.metadata["fcp_xml"] = {"media": {"video": {"format": {"samplecharacteristics": {
        "width": str(draft.canvas.width), "height": str(draft.canvas.height)}}}}}
    order = {VIDEO: 0, TEXT: 1, AUDIO: 2}
    for track in sorted((t for t in draft.tracks if t.segments), key=lambda t: order.get(t.type, 3)):
        timeline.tracks.append(_track(track, fps, locate))
    return timeline


# -- what a format lacks, carried as markers (FCPXML) or comment lines (EDL) ------------------------

def _items_with_start(track: otio_schema.Track) -> list[tuple[int, otio.core.Item]]:
    placed, cursor = [], 0
    for item in track:
        if isinstance(item, otio_schema.Transition):
            continue
        placed.append((cursor, item))
        cursor += int(item.source_range.duration.value)
    return placed


def _marker_on(track: otio_schema.Track, at: int, length: int, name: str, fps: int) -> None:
    """A marker on the item of ``track`` playing at frame ``at`` (the last item when past the end)."""
    # on a clip, never a gap: FCPXML's reader keeps no gap's markers; the nearest clip when none plays
    placed = [(s, i) for s, i in _items_with_start(track) if isinstance(i, otio_schema.Clip)]
    start, item = min(placed, key=lambda p: 0 if p[0] <= at < p[0] + p[1].source_range.duration.value
                      else min(abs(at - p[0]), abs(at - p[0] - p[1].source_range.duration.value)))
    offset = int(item.source_range.start_time.value) + at - start
    item.markers.append(otio_schema.Marker(name=name, marked_range=_range(offset, length, fps),
                                           color=otio_schema.MarkerColor.BLUE))


def _move_to_markers(timeline: otio_schema.Timeline, fps: int, notes: list[str]) -> None:
    """FCPXML through its adapter: no text clips, transitions or levels; markers say them instead."""
    tracks = list(timeline.tracks)
    main = next((t for t in tracks if t.kind == otio_schema.TrackKind.Video
                 and t.metadata.get(NAMESPACE, {}).get("tt") == int(VIDEO)), None)
    for track in tracks:
        if track.metadata.get(NAMESPACE, {}).get("tt") != int(TEXT):
            continue
        if main is not None:
            for start, item in _items_with_start(track):
                if isinstance(item, otio_schema.Clip):
                    _marker_on(main, start, int(item.source_range.duration.value),
                               "Title: " + str(item.metadata[NAMESPACE]["segment"]["m"].get("text", "")), fps)
        timeline.tracks.remove(track)
        notes.append("titles became markers (\"Title: ...\"): FCPXML's adapter writes no text clips")
    for track in timeline.tracks:
        for index in reversed(range(len(track))):
            item = track[index]
            if isinstance(item, otio_schema.Transition):
                seconds = (item.in_offset + item.out_offset).to_seconds()
                following = track[index + 1]
                following.markers.append(otio_schema.Marker(
                    name=f"Cross dissolve {seconds:.2f} s",
                    marked_range=opentime.TimeRange(following.source_range.start_time, _time(0, fps)),
                    color=otio_schema.MarkerColor.BLUE))
                del track[index]
                notes.append("cross dissolves became markers (\"Cross dissolve 0.50 s\") at the cut")
            elif isinstance(item, otio_schema.Clip) and track.kind == otio_schema.TrackKind.Audio:
                volume = item.metadata[NAMESPACE]["segment"].get("m", {}).get("vol")
                if volume is not None:
                    item.markers.append(otio_schema.Marker(
                        name=f"Level {round(volume * 100)}%",
                        marked_range=opentime.TimeRange(item.source_range.start_time, _time(0, fps)),
                        color=otio_schema.MarkerColor.BLUE))
                    notes.append("audio levels became markers (\"Level 35%\")")


def _move_to_comments(timeline: otio_schema.Timeline, locate: Locate, draft: Draft,
                      notes: list[str]) -> None:
    """An EDL holds one picture track: every other track's segments ride as comment lines."""
    picture = [t for t in timeline.tracks if t.metadata.get(NAMESPACE, {}).get("tt") == int(VIDEO)]
    first_clip = next((item for t in picture[:1] for item in t if isinstance(item, otio_schema.Clip)), None)
    # the EDL reader drops the time before the first event: the note says how long it was
    lead = picture[0][0] if picture and isinstance(picture[0][0], otio_schema.Gap) else None
    lead_ms = round(lead.source_range.duration.to_seconds() * 1000) if lead is not None else 0
    lines = [EDL_NOTE + json.dumps({"canvas": draft.canvas.to_wire(), "lead_ms": lead_ms}, separators=(",", ":"))]
    for track in draft.tracks:
        if track.type == VIDEO and picture and track.id == picture[0].name:
            continue
        for seg in track.segments:
            wire = seg.to_wire()
            if seg.src:
                wire["src"] = locate(seg.src).url
            lines.append(EDL_NOTE + json.dumps({"track": track.id, "tt": int(track.type), "segment": wire},
                                               ensure_ascii=True, separators=(",", ":")))
    for track in list(timeline.tracks):
        if track not in picture[:1]:
            timeline.tracks.remove(track)
    if first_clip is not None:
        first_clip.metadata.setdefault("cmx_3600", {})["comments"] = lines
        notes.append("the EDL holds the picture cut; music, sounds and titles ride as '* REELFORGE' comment lines")


def export_timeline(draft: Draft, fmt: TimelineFormat, locate: Locate,
                    name: str = "reelforge") -> Exported:
    """The draft as the text of ``fmt``; ``locate`` turns a segment's ``src`` into a path or URL."""
    timeline = draft_to_timeline(draft, locate, name)
    notes: list[str] = []
    if fmt == "fcpx_xml":
        _move_to_markers(timeline, draft.canvas.fps, notes)
    elif fmt == "edl":
        _move_to_comments(timeline, locate, draft, notes)
    info = TIMELINE_FORMATS[fmt]
    options = {"rate": draft.canvas.fps} if fmt == "edl" else {}
    text = otio.adapters.write_to_string(timeline, info.adapter, **options)
    return Exported(text=text, format=fmt, notes=list(dict.fromkeys(notes)))
