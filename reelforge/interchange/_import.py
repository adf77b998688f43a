"""A timeline file read by its OpenTimelineIO adapter, turned into a draft.

The inverse of ``_export``: clips end to end with transitions at their cuts become overlapping
segments; text generators (FCP XML) or "Title: ..." markers (FCPXML) become titles; FCP's audio level
filter or a "Level 35%" marker becomes a volume; an EDL's ``* REELFORGE`` comment lines bring back
the tracks it cannot hold. A segment written by reelforge (``metadata["reelforge"]``) keeps its look
(fit, motion, fades, text style); times always come from the format itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import opentimelineio as otio
from opentimelineio import opentime
from opentimelineio import schema as otio_schema

from reelforge.draft import AUDIO, TEXT, VIDEO, Canvas, Draft, Segment, SegmentMeta, Track, Transition, validate
from reelforge.draft.model import TrackType
from reelforge.errors import InvalidInput
from reelforge.interchange._export import EDL_NOTE, NAMESPACE
from reelforge.interchange.formats import TIMELINE_FORMATS, TimelineFormat

__all__ = ["Imported", "import_timeline", "timeline_to_draft"]

_TITLE = re.compile(r"^title:\s?(?P<text>.*)$", re.IGNORECASE | re.DOTALL)
_DISSOLVE = re.compile(r"^cross dissolve (?P<seconds>\d+(?:\.\d+)?) s$", re.IGNORECASE)
_EDL_FPS = re.compile(r'^\* REELFORGE \{"canvas":\{[^\n]*"fps":(?P<fps>\d+)', re.MULTILINE)
_LEVEL = re.compile(r"^level (?P<percent>\d+(?:\.\d+)?)%$", re.IGNORECASE)


@dataclass
class Imported:
    draft: Draft
    format: TimelineFormat
    notes: list[str] = field(default_factory=list)


def _ms(frame_count: float, fps: float) -> int:
    return round(frame_count * 1000 / fps)


def _plain(value: Any) -> Any:
    """OTIO's AnyDictionary / AnyVector as plain dicts and lists."""
    if hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "AnyVector":
        return [_plain(v) for v in value]
    return value


def _wire_segment(item: otio.core.SerializableObject) -> dict[str, Any]:
    meta = item.metadata.get(NAMESPACE)
    segment = meta.get("segment") if meta is not None else None
    return _plain(segment) if segment is not None else {}


def _base_meta(wire: dict[str, Any]) -> SegmentMeta:
    return SegmentMeta.model_validate(wire.get("m") or {})


def _title_text(clip: otio_schema.Clip, wire: dict[str, Any]) -> str | None:
    if (wire.get("m") or {}).get("text") is not None:
        return str(wire["m"]["text"])
    reference = clip.media_reference
    if not isinstance(reference, otio_schema.GeneratorReference):
        return None
    effect = reference.metadata.get("fcp_xml") or {}
    parameters = effect.get("parameter") or []
    for parameter in parameters if isinstance(parameters, list) else [parameters]:
        if parameter.get("parameterid") == "str" or parameter.get("name") == "Text":
            return str(parameter.get("value") or "")
    return clip.name or ""


def _level(clip: otio_schema.Clip) -> float | None:
    filters = (clip.metadata.get("fcp_xml") or {}).get("filter") or []
    for entry in filters if isinstance(filters, list) else [filters]:
        effect = entry.get("effect") or {}
        if effect.get("effectid") == "audiolevels":
            parameters = effect.get("parameter") or []
            for parameter in parameters if isinstance(parameters, list) else [parameters]:
                if parameter.get("parameterid") == "level":
                    return float(parameter.get("value"))
    return None


def _speed(clip: otio_schema.Clip) -> float | None:
    warps = [e for e in clip.effects if isinstance(e, otio_schema.LinearTimeWarp)]
    return float(warps[0].time_scalar) if warps else None


def _edl_incoming_url(clip: otio_schema.Clip) -> str | None:
    """The EDL reader gives the clip after a dissolve its predecessor's file; its ``TO CLIP:`` line is right."""
    for comment in (clip.metadata.get("cmx_3600") or {}).get("comments") or []:
        if str(comment).startswith("TO CLIP:"):
            return str(comment).removeprefix("TO CLIP:").strip()
    return None


class _Reader:
    def __init__(self, fps: float, resolve: Callable[[str, str], str]) -> None:
        self.fps = fps
        self.resolve = resolve
        self.titles: list[Segment] = []
        self.notes: list[str] = []
        self.ids: set[str] = set()

    def new_id(self, wanted: str | None, prefix: str) -> str:
        candidate, n = wanted, len(self.ids) + 1
        while not candidate or candidate in self.ids:
            candidate, n = f"{prefix}{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def track(self, track: otio_schema.Track) -> Track | None:
        items = list(track)
        clips = [i for i in items if isinstance(i, otio_schema.Clip)]
        if not clips:
            return None
        titles = all(isinstance(c.media_reference, otio_schema.GeneratorReference) for c in clips)
        kind = AUDIO if track.kind == otio_schema.TrackKind.Audio else TEXT if titles else VIDEO
        wanted = (track.metadata.get(NAMESPACE) or {}).get("id") or None
        out = Track(id=self.new_id(wanted, {VIDEO: "v", AUDIO: "a", TEXT: "x"}[kind]), type=kind)
        cursor = 0.0
        for index, item in enumerate(items):
            if isinstance(item, otio_schema.Transition):
                continue
            length = float(item.source_range.duration.value)
            if isinstance(item, otio_schema.Clip):
                before = items[index - 1] if index and isinstance(items[index - 1], otio_schema.Transition) else None
                after = items[index + 1] if index + 1 < len(items) and isinstance(
                    items[index + 1], otio_schema.Transition) else None
                out.segments.append(self.segment(item, kind, cursor, length, before, after, out.id))
            self.markers(item, cursor, out, kind)
            cursor += length
        return out

    def segment(self, clip: otio_schema.Clip, kind: TrackType, at: float, length: float,
                before: otio_schema.Transition | None, after: otio_schema.Transition | None, track_id: str) -> Segment:
        wire = _wire_segment(clip)
        meta = _base_meta(wire)
        back = float(before.in_offset.value) if before is not None else 0.0
        forward = float(after.out_offset.value) if after is not None else 0.0
        speed = _speed(clip) or meta.speed or 1.0
        start = _ms(at - back, self.fps)
        end = _ms(at + length + forward, self.fps)
        meta.transition = None
        if before is not None:
            kind_name = (before.metadata.get(NAMESPACE) or {}).get("type") or "fade"
            meta.transition = Transition(type=kind_name, duration_ms=_ms(back + float(before.out_offset.value),
                                                                         self.fps))
        if kind == TEXT:
            meta.text = _title_text(clip, wire) or ""
            return Segment(id=self.new_id(wire.get("id"), "t"), start_ms=start, duration_ms=end - start, meta=meta)
        reference = clip.media_reference
        url = _edl_incoming_url(clip) or getattr(reference, "target_url", None)
        if not url:
            raise InvalidInput(f"clip {clip.name!r} on track {track_id} has no media file", field="timeline")
        source_in = float(clip.source_range.start_time.value) - back * speed
        volume = _level(clip)
        if volume is not None:
            meta.volume = round(volume, 4)
        if speed != 1.0:
            meta.speed = speed
        return Segment(id=self.new_id(wire.get("id"), "s"), src=self.resolve(url, str(wire.get("src") or "")),
                       start_ms=start, duration_ms=end - start, in_ms=max(0, _ms(source_in, self.fps)) or None,
                       meta=meta)

    def markers(self, item: otio.core.Item, at: float, track: Track, kind: TrackType) -> None:
        """Markers reelforge wrote where the format had no element (FCPXML), and an editor's own."""
        origin = float(item.source_range.start_time.value)
        for marker in item.markers:
            name = marker.name or ""
            start = at + float(marker.marked_range.start_time.value) - origin
            if title := _TITLE.match(name):
                if kind == VIDEO:  # FCPXML's reader also hangs a lane's markers on the clip above it
                    duration = _ms(float(marker.marked_range.duration.value), self.fps) or 3000
                    self.titles.append(Segment(id=self.new_id(None, "t"), start_ms=_ms(start, self.fps),
                                               duration_ms=duration, meta=SegmentMeta(text=title["text"])))
                    self.notes.append("titles came back from \"Title: ...\" markers (the format has no text "
                                      "clips): their text and timing, in the default style")
            elif dissolve := _DISSOLVE.match(name):
                if kind == VIDEO and isinstance(item, otio_schema.Clip):
                    self.dissolve(track, round(float(dissolve["seconds"]) * 1000))
            elif level := _LEVEL.match(name):
                if kind == AUDIO and track.segments:
                    track.segments[-1].meta.volume = float(level["percent"]) / 100
            elif name:
                self.notes.append(f"marker {name!r} at {_ms(start, self.fps) / 1000:.2f} s was not imported")

    def dissolve(self, track: Track, duration_ms: int) -> None:
        """A marked cut becomes an overlap again, centred on the cut, as the export made it."""
        if len(track.segments) < 2:
            return
        previous, incoming = track.segments[-2], track.segments[-1]
        back = round(duration_ms * self.fps / 1000) // 2
        back_ms, forward_ms = _ms(back, self.fps), duration_ms - _ms(back, self.fps)
        previous.duration_ms += forward_ms
        incoming.start_ms -= back_ms
        incoming.duration_ms += back_ms
        incoming.in_ms = max(0, incoming.source_in_ms - round(back_ms * incoming.speed)) or None
        incoming.meta.transition = Transition(type="fade", duration_ms=previous.end_ms - incoming.start_ms)


def _edl_notes(timeline: otio_schema.Timeline, resolve: Callable[[str, str], str]) -> list[Track]:
    """The tracks an EDL's ``* REELFORGE`` comment lines carry (see ``_export._move_to_comments``)."""
    tracks: dict[str, Track] = {}
    for clip in timeline.find_clips():
        for comment in (clip.metadata.get("cmx_3600") or {}).get("comments") or []:
            if not str(comment).startswith(EDL_NOTE) or str(comment).startswith(EDL_NOTE + '{"canvas"'):
                continue
            try:
                note = json.loads(str(comment)[len(EDL_NOTE):])
                track = tracks.setdefault(note["track"], Track(id=note["track"], type=TrackType(note["tt"])))
                segment = Segment.model_validate(note["segment"])
            except (ValueError, KeyError, TypeError) as exc:
                raise InvalidInput(f"a REELFORGE comment line is not valid: {exc}", field="timeline") from exc
            if segment.src:
                segment.src = resolve(segment.src, "")
            if all(s.id != segment.id for s in track.segments):  # a dissolve repeats its clips' comments
                track.segments.append(segment)
    return list(tracks.values())


def _canvas(timeline: otio_schema.Timeline, rate: float) -> Canvas:
    """The canvas reelforge saved (.otio), else the sequence's frame size (FCP XML), at the timeline's rate."""
    saved = (timeline.metadata.get(NAMESPACE) or {}).get("canvas")
    if saved:
        return Canvas.model_validate(_plain(saved))
    note = _edl_canvas_note(timeline)
    if note is not None:
        return Canvas.model_validate(note["canvas"])
    sample = _plain(timeline.metadata.get("fcp_xml") or {}).get("media", {}).get("video", {}).get("format", {}) \
        .get("samplecharacteristics", {})
    try:
        return Canvas(width=int(sample["width"]), height=int(sample["height"]), fps=round(rate))
    except (KeyError, TypeError, ValueError):
        return Canvas(fps=round(rate))


def _edl_canvas_note(timeline: otio_schema.Timeline) -> dict[str, Any] | None:
    for clip in timeline.find_clips():
        for comment in (clip.metadata.get("cmx_3600") or {}).get("comments") or []:
            if str(comment).startswith(EDL_NOTE + '{"canvas"'):
                return dict(json.loads(str(comment)[len(EDL_NOTE):]))
    return None


def _restore_edl_lead(timeline: otio_schema.Timeline) -> None:
    """Put back the time before the first event that reelforge's note recorded (the reader drops it)."""
    note = _edl_canvas_note(timeline)
    lead_ms = int(note.get("lead_ms") or 0) if note else 0
    if lead_ms > 0 and len(timeline.tracks) and len(timeline.tracks[0]):
        rate = timeline.tracks[0].duration().rate
        lead = opentime.RationalTime(round(lead_ms * rate / 1000), rate)
        timeline.tracks[0].insert(0, otio_schema.Gap(source_range=opentime.TimeRange(duration=lead)))


def timeline_to_draft(timeline: otio_schema.Timeline, resolve: Callable[[str, str], str]) -> tuple[Draft, list[str]]:
    """A draft from an OTIO timeline; ``resolve(url, reelforge_src)`` gives each clip's ``src``."""
    rate = next((float(t.duration().rate) for t in timeline.tracks if len(t)), 30.0)
    canvas = _canvas(timeline, rate)
    reader = _Reader(rate, resolve)
    tracks = [t for t in (reader.track(track) for track in timeline.tracks) if t is not None]
    if reader.titles:
        tracks.append(Track(id=reader.new_id(None, "x"), type=TEXT, segments=reader.titles))
    tracks.extend(_edl_notes(timeline, resolve))
    order = {VIDEO: 0, AUDIO: 1, TEXT: 2}
    tracks.sort(key=lambda t: order.get(t.type, 3))
    draft = Draft(canvas=canvas, tracks=tracks).with_derived()
    return validate(draft.to_wire()), reader.notes


def import_timeline(text: str, fmt: TimelineFormat, resolve: Callable[[str, str], str]) -> Imported:
    """Read ``text`` with ``fmt``'s own adapter and make a validated draft of it."""
    info = TIMELINE_FORMATS[fmt]
    # an EDL states no frame rate: reelforge's own note says it, else 30 (the adapter's default is 24)
    options = {"rate": float(m["fps"]) if (m := _EDL_FPS.search(text)) else 30.0} if fmt == "edl" else {}
    try:
        timeline = otio.adapters.read_from_string(text, info.adapter, **options)
    except Exception as exc:  # noqa: BLE001 - each adapter raises its own (ParseError, EDLParseError, KeyError...)
        raise InvalidInput(f"timeline: not a readable {info.label} file ({type(exc).__name__}: {exc})"[:400],
                           field="timeline") from exc
    if fmt == "edl":
        _restore_edl_lead(timeline)
    if not isinstance(timeline, otio_schema.Timeline):
        found = list(timeline.find_children(descended_from_type=otio_schema.Timeline)) if hasattr(
            timeline, "find_children") else []
        if not found:
            raise InvalidInput("timeline: the file holds no sequence", field="timeline")
        timeline = found[0]
    draft, notes = timeline_to_draft(timeline, resolve)
    if not draft.tracks:
        raise InvalidInput("timeline: the file holds no clips", field="timeline")
    if fmt == "edl" and _edl_canvas_note(timeline) is None:
        notes.append("an EDL states no frame size or rate: the canvas is 1920x1080 at 30 fps")
    return Imported(draft=draft, format=fmt, notes=list(dict.fromkeys(notes)))
