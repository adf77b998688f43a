"""Edit operations: the one vocabulary for changing a draft.

Each edit is a pydantic model tagged by ``op`` (defined in ``_ops.py``, re-exported here);
:func:`apply_edit` is pure — it returns a new, validated draft and never touches the one it
was given. The agent, the LLM
planner's tools, the API and undo history all speak this vocabulary.

The first video track is the *main* track: its clips play end to end, overlapping only
where a transition says so. Background music with ``loop`` follows the video's length,
and a text placed "at the end" stays at the end when the video grows or shrinks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from reelforge.draft._cuts import cut_segment, split_clip
from reelforge.draft._layout import (
    carry_end_fades,
    clamp_fades,
    fit_followers,
    main_track,
    new_id,
    relayout,
    track_of,
    trim_timeline,
)
from reelforge.draft._ops import (
    AddClip,
    AddSound,
    AddText,
    AddVoice,
    ClipPlace,
    CutSegment,
    DeleteSegment,
    Edit,
    MoveClip,
    RemoveMusic,
    RemoveText,
    RemoveVoice,
    SetCanvas,
    SetCaptions,
    SetClipAudio,
    SetCues,
    SetFade,
    SetMotion,
    SetMusic,
    SetSpeed,
    SetTransition,
    SplitClip,
    SwapClips,
    TextPlace,
    Trim,
    TrimSegment,
    UpdateMusic,
    UpdateText,
)
from reelforge.draft.colors import parse_color
from reelforge.draft.model import (
    AUDIO,
    CAPTION_SIZES,
    TEXT,
    VIDEO,
    VOICE_TRACK_ID,
    Captions,
    Draft,
    Segment,
    SegmentMeta,
    Track,
    Transition,
    canvas_for_aspect,
)
from reelforge.draft.validate import TRANSITIONS, validate
from reelforge.errors import InvalidInput

__all__ = [
    "AddClip", "AddSound", "AddText", "AddVoice", "ClipPlace", "CutSegment", "DeleteSegment", "Edit", "MoveClip",
    "RemoveMusic", "RemoveText", "RemoveVoice", "SetCanvas", "SetCaptions", "SetClipAudio", "SetCues", "SetFade",
    "SetMotion", "SetMusic", "SetSpeed", "SetTransition", "SplitClip", "SwapClips", "Trim", "TrimSegment",
    "UpdateMusic", "UpdateText", "apply_edit", "apply_edits",
]


def apply_edits(draft: Draft, edits: list[Edit]) -> Draft:
    for edit in edits:
        draft = apply_edit(draft, edit)
    return draft


def apply_edit(draft: Draft, edit: Edit) -> Draft:
    """Return a new validated draft with ``edit`` applied; raise InvalidInput when it cannot apply."""
    new = draft.model_copy(deep=True)
    old_video_end = new.video_end_ms
    handler = _HANDLERS[type(edit)]
    handler(new, edit)
    fit_followers(new, old_video_end)
    carry_end_fades(draft, new)
    return validate(new)


# -- handlers: each mutates its private deep copy ---------------------------------------------

def _add_clip(d: Draft, e: AddClip) -> None:
    track = main_track(d, create=True)
    seg = Segment(id=new_id(d, "s"), src=e.src, start_ms=0, duration_ms=e.duration_ms, in_ms=e.in_ms,
                  meta=SegmentMeta(name=e.name, fit=e.fit, transition=e.transition))
    segs = track.segments
    if e.at == "end":
        segs.append(seg)
    elif e.at == "start":
        segs.insert(0, seg)
    else:
        index = _index_of(segs, e.ref, "ref")
        if e.at == "replace":
            seg.meta.transition = segs[index].meta.transition
            segs[index] = seg
        else:
            segs.insert(index + (e.at == "after"), seg)
    relayout(track)


def _delete(d: Draft, e: DeleteSegment) -> None:
    track, _ = track_of(d, e.segment_id)
    track.segments = [s for s in track.segments if s.id != e.segment_id]
    if track is main_track(d):
        relayout(track)
    if not track.segments and track.type != VIDEO:
        d.tracks.remove(track)


def _move(d: Draft, e: MoveClip) -> None:
    track = main_track(d)
    index = _index_of(track.segments if track else [], e.segment_id, "segment_id")
    assert track is not None
    seg = track.segments.pop(index)
    track.segments.insert(min(e.to_index, len(track.segments)), seg)
    relayout(track)


def _swap(d: Draft, e: SwapClips) -> None:
    track = main_track(d)
    segs = track.segments if track else []
    i, j = _index_of(segs, e.first_id, "first_id"), _index_of(segs, e.second_id, "second_id")
    segs[i], segs[j] = segs[j], segs[i]
    assert track is not None
    relayout(track)


def _trim(d: Draft, e: Trim) -> None:
    end = e.end_ms if e.end_ms is not None else d.end_ms
    if end <= e.start_ms:
        raise InvalidInput(f"nothing left: trim keeps {e.start_ms}-{end} ms", field="end_ms")
    if d.end_ms and e.start_ms >= d.end_ms:
        raise InvalidInput(f"the video is only {d.end_ms} ms long", field="start_ms")
    old_video_end = d.video_end_ms
    anchored = [s.model_copy(deep=True) for t in d.tracks if t.type == TEXT for s in t.segments
                if (s.meta.__pydantic_extra__ or {}).get("anchor") == "end" and s.end_ms == old_video_end]
    trim_timeline(d, e.start_ms, end)
    new_end = d.video_end_ms
    for seg in anchored:  # an end title stays at the (new) end
        if d.find_segment(seg.id) is None and new_end:
            seg.duration_ms = min(seg.duration_ms, new_end)
            seg.start_ms = new_end - seg.duration_ms
            track = _text_track(d)
            track.segments.append(seg)
            track.segments.sort(key=lambda s: s.start_ms)


def _trim_segment(d: Draft, e: TrimSegment) -> None:
    track, seg = track_of(d, e.segment_id)
    remaining = seg.duration_ms - e.cut_start_ms - e.cut_end_ms
    if remaining <= 0:
        raise InvalidInput(f"cutting {e.cut_start_ms + e.cut_end_ms} ms leaves nothing of {seg.duration_ms} ms",
                           field="cut_end_ms")
    if seg.src:
        seg.in_ms = seg.source_in_ms + round(e.cut_start_ms * seg.speed)
    if track.type != VIDEO or track is not main_track(d):
        seg.start_ms += e.cut_start_ms
    seg.duration_ms = remaining
    clamp_fades(seg)
    if track is main_track(d):
        relayout(track)


def _set_canvas(d: Draft, e: SetCanvas) -> None:
    if e.aspect:
        d.canvas.width, d.canvas.height = canvas_for_aspect(e.aspect)
    if e.width is not None:
        d.canvas.width = e.width
    if e.height is not None:
        d.canvas.height = e.height
    if e.fps is not None:
        d.canvas.fps = e.fps
    if e.bg is not None:
        d.canvas.bg = e.bg


def _text_track(d: Draft) -> Track:
    for track in d.tracks:
        if track.type == TEXT:
            return track
    track = Track(id=new_id(d, "x", tracks=True), type=TEXT)
    d.tracks.append(track)
    return track


def _add_text(d: Draft, e: AddText) -> None:
    video_end = d.video_end_ms or d.end_ms
    duration = e.duration_ms or (min(3000, video_end) if video_end else 3000)
    if e.at_end:
        start = max(0, video_end - duration)
    else:
        start = e.start_ms or 0
    if video_end and start >= video_end:
        raise InvalidInput(f"the text starts at {start} ms, after the video ends ({video_end} ms)", field="start_ms")
    if video_end and start + duration > video_end:
        duration = video_end - start
    meta = SegmentMeta(text=e.text, pos=e.pos or _free_position(d, start, start + duration),
                       size=e.size or 0.06, color=e.color or "#ffffff",
                       bgcolor=e.bgcolor, font=e.font, fade_in_ms=e.fade_in_ms, fade_out_ms=e.fade_out_ms)
    if e.at_end:
        meta.__pydantic_extra__ = {**(meta.__pydantic_extra__ or {}), "anchor": "end"}
    seg = Segment(id=new_id(d, "t"), start_ms=start, duration_ms=duration, meta=meta)
    clamp_fades(seg)
    track = _text_track(d)
    track.segments.append(seg)
    track.segments.sort(key=lambda s: s.start_ms)


def _free_position(d: Draft, start_ms: int, end_ms: int) -> TextPlace:
    """Where a new text goes when the user did not say: the centre, unless a text showing at the
    same time already sits there (then the bottom, then the top), so two titles never overprint."""
    taken = {s.meta.pos for t in d.tracks if t.type == TEXT for s in t.segments
             if s.start_ms < end_ms and start_ms < s.end_ms and isinstance(s.meta.pos or "center", str)}
    taken = {pos or "center" for pos in taken}
    places: tuple[TextPlace, ...] = ("center", "bottom", "top")
    return next((pos for pos in places if pos not in taken), "center")


def _find_text(d: Draft, segment_id: str | None) -> Segment:
    if segment_id is not None:
        track, seg = track_of(d, segment_id)
        if track.type != TEXT:
            raise InvalidInput(f"{segment_id!r} is not a text", field="segment_id")
        return seg
    for track in d.tracks:
        if track.type == TEXT and track.segments:
            return track.segments[0]
    raise InvalidInput("there is no text on the timeline", field="segment_id")


def _update_text(d: Draft, e: UpdateText) -> None:
    seg = _find_text(d, e.segment_id)
    m = seg.meta
    for field, value in (("text", e.text), ("pos", e.pos), ("size", e.size), ("color", e.color),
                         ("bgcolor", e.bgcolor), ("fade_in_ms", e.fade_in_ms), ("fade_out_ms", e.fade_out_ms)):
        if value is not None:
            setattr(m, field, value)
    if e.scale is not None:
        m.size = round(min(0.5, max(0.01, (m.size or 0.06) * e.scale)), 4)
    if e.start_ms is not None:
        seg.start_ms = e.start_ms
    if e.duration_ms is not None:
        seg.duration_ms = e.duration_ms
    clamp_fades(seg)
    for track in d.tracks:
        if track.type == TEXT:
            track.segments.sort(key=lambda s: s.start_ms)


def _remove_text(d: Draft, e: RemoveText) -> None:
    if e.all:
        if not any(t.type == TEXT and t.segments for t in d.tracks):
            raise InvalidInput("there is no text on the timeline", field="all")
        d.tracks = [t for t in d.tracks if t.type != TEXT]
        return
    seg = _find_text(d, e.segment_id)
    _delete(d, DeleteSegment(segment_id=seg.id))


def _music_track(d: Draft, create: bool = False) -> Track:
    for track in d.tracks:
        if track.is_music:
            return track
    if not create:
        raise InvalidInput("there is no background music", field="music")
    track = Track(id=new_id(d, "a", tracks=True), type=AUDIO)
    d.tracks.append(track)
    return track


def _set_music(d: Draft, e: SetMusic) -> None:
    track = _music_track(d, create=True)
    length = d.video_end_ms or d.end_ms or (e.source_duration_ms or 10000)
    if not e.loop and e.source_duration_ms:
        length = min(length, e.source_duration_ms)
    seg = Segment(id=new_id(d, "b"), src=e.src, start_ms=0, duration_ms=length, in_ms=0,
                  meta=SegmentMeta(name=e.name, volume=e.volume, fade_in_ms=e.fade_in_ms,
                                   fade_out_ms=e.fade_out_ms, loop=e.loop, duck=e.duck or None))
    clamp_fades(seg)
    track.segments = [seg]


def _update_music(d: Draft, e: UpdateMusic) -> None:
    track = _music_track(d)
    if not track.segments:
        raise InvalidInput("there is no background music", field="music")
    for seg in track.segments:
        m = seg.meta
        if e.volume is not None:
            m.volume = e.volume
        if e.volume_scale is not None:
            m.volume = round(min(2.0, (m.volume if m.volume is not None else 1.0) * e.volume_scale), 3)
        if e.fade_in_ms is not None:
            m.fade_in_ms = e.fade_in_ms
        if e.fade_out_ms is not None:
            m.fade_out_ms = e.fade_out_ms
        if e.loop is not None:
            m.loop = e.loop
        if e.duck is not None:
            m.duck = e.duck
        if e.source_in_ms is not None:
            seg.in_ms = e.source_in_ms or None
        if e.start_ms is not None:
            if e.start_ms >= seg.end_ms:
                raise InvalidInput(f"start_ms: the music ends at {seg.end_ms} ms, so it cannot come in at "
                                   f"{e.start_ms} ms", field="start_ms")
            seg.duration_ms, seg.start_ms = seg.end_ms - e.start_ms, e.start_ms  # the end stays put
        clamp_fades(seg)
    if e.end_ms is not None:
        _end_music(d, track, e.end_ms)


def _end_music(d: Draft, track: Track, end_ms: int) -> None:
    """The music stops at ``end_ms`` (its fade out, a share of its length, ending there); 0: with the video again.

    Only the segments' lengths say where music stops, so nothing new is stored: a music that ends before the
    video stays where it ends when the video grows (``fit_followers`` stretches only music that reached the end).
    """
    video_end = d.video_end_ms or d.end_ms
    if end_ms > video_end:
        raise InvalidInput(f"end_ms: the video ends at {video_end} ms, so the music cannot play until {end_ms} ms",
                           field="end_ms")
    segs = sorted(track.segments, key=lambda s: s.start_ms)
    if end_ms == 0:  # back to the video's end: the last part of the music plays on to it (a loop fills it)
        segs[-1].duration_ms = video_end - segs[-1].start_ms
        clamp_fades(segs[-1])
        return
    kept = [s for s in segs if s.start_ms < end_ms]
    if not kept:
        raise InvalidInput(f"end_ms: the music comes in at {segs[0].start_ms} ms, so it cannot stop at {end_ms} ms",
                           field="end_ms")
    last = kept[-1]
    last.duration_ms = min(last.duration_ms, end_ms - last.start_ms)
    clamp_fades(last)
    track.segments = kept


def _remove_music(d: Draft, e: RemoveMusic) -> None:
    track = _music_track(d)
    d.tracks.remove(track)


def _clips(d: Draft, segment_id: str | None) -> list[Segment]:
    if segment_id is not None:
        track, seg = track_of(d, segment_id)
        if track.type != VIDEO:
            raise InvalidInput(f"{segment_id!r} is not a video clip", field="segment_id")
        return [seg]
    clips = [s for t in d.tracks if t.type == VIDEO for s in t.segments]
    if not clips:
        raise InvalidInput("there is no clip on the timeline", field="segment_id")
    return clips


def _set_clip_audio(d: Draft, e: SetClipAudio) -> None:
    for seg in _clips(d, e.segment_id):
        seg.meta.volume = e.volume


def _set_speed(d: Draft, e: SetSpeed) -> None:
    for seg in _clips(d, e.segment_id):
        span = seg.source_span_ms
        seg.meta.speed = e.speed
        seg.duration_ms = max(1, round(span / e.speed))
        clamp_fades(seg)
    track = main_track(d)
    if track is not None:
        relayout(track)


def _set_transition(d: Draft, e: SetTransition) -> None:
    if e.type != "none" and e.type not in TRANSITIONS:
        raise InvalidInput(f"unknown transition {e.type!r}", field="type")
    track = main_track(d)
    segs = track.segments if track else []
    if len(segs) < 2:
        raise InvalidInput("a transition needs at least two clips", field="segment_id")
    targets = segs[1:] if e.segment_id is None else [segs[_index_of(segs, e.segment_id, "segment_id")]]
    for seg in targets:
        if seg is segs[0]:
            raise InvalidInput("the first clip has nothing to transition from", field="segment_id")
        seg.meta.transition = None if e.type == "none" else Transition(type=e.type, duration_ms=e.duration_ms)
    assert track is not None
    relayout(track)


def _set_fade(d: Draft, e: SetFade) -> None:
    if e.segment_id is None:
        track = main_track(d)
        if track is None or not track.segments:
            raise InvalidInput("there is no clip on the timeline", field="segment_id")
        first, last = track.segments[0], track.segments[-1]
    else:
        first = last = _clips(d, e.segment_id)[0]
    if e.fade_in_ms is not None:
        first.meta.fade_in_ms = e.fade_in_ms or None
        first.meta.fade_in_color = None if not e.fade_in_ms else e.color or first.meta.fade_in_color
        clamp_fades(first)
    if e.fade_out_ms is not None:
        last.meta.fade_out_ms = e.fade_out_ms or None
        last.meta.fade_out_color = None if not e.fade_out_ms else e.color or last.meta.fade_out_color
        clamp_fades(last)
    if not e.fade_music:
        return
    music = [s for t in d.tracks if t.is_music for s in t.segments]
    for seg in music:  # silence under a black frame: the music leaves (or enters) with the picture
        if e.fade_in_ms and first.meta.fade_in_ms and seg.start_ms == first.start_ms:
            seg.meta.fade_in_ms = max(seg.meta.fade_in_ms or 0, first.meta.fade_in_ms)
        if e.fade_out_ms and last.meta.fade_out_ms and seg.end_ms == last.end_ms:
            seg.meta.fade_out_ms = max(seg.meta.fade_out_ms or 0, last.meta.fade_out_ms)
        clamp_fades(seg)


def _set_motion(d: Draft, e: SetMotion) -> None:
    # a draft does not know which sources are photos, so None means every main-track clip: the renderer
    # moves a video's picture the same way, and the agent passes a photo's id when the user says "the photos"
    if e.segment_id is None:
        track = main_track(d)
        clips = track.segments if track else []
        if not clips:
            raise InvalidInput("there is no clip on the timeline", field="segment_id")
    else:
        clips = _clips(d, e.segment_id)
    for seg in clips:
        seg.meta.motion = None if e.motion == "none" else e.motion


def _add_sound(d: Draft, e: AddSound) -> None:
    track = next((t for t in d.tracks if t.id == "sfx"), None)
    if track is None:
        track = Track(id="sfx", type=AUDIO)
        d.tracks.append(track)
    seg = Segment(id=new_id(d, "f"), src=e.src, start_ms=e.start_ms, duration_ms=e.duration_ms, in_ms=0,
                  meta=SegmentMeta(name=e.name, volume=e.volume))
    # effects never overlap on their track: shorten the earlier one
    segs = sorted([*track.segments, seg], key=lambda s: s.start_ms)
    for before, after in zip(segs, segs[1:]):
        if before.end_ms > after.start_ms:
            before.duration_ms = max(1, after.start_ms - before.start_ms)
    track.segments = [s for s in segs if s.duration_ms > 0]


def _voice_track(d: Draft, create: bool = False) -> Track:
    track = next((t for t in d.tracks if t.is_voice), None)
    if track is None:
        if not create:
            raise InvalidInput("there is no voice-over", field="voice")
        free = all(t.id != VOICE_TRACK_ID for t in d.tracks)
        track = Track(id=VOICE_TRACK_ID if free else new_id(d, "vo", tracks=True), type=AUDIO)
        d.tracks.append(track)
    return track


def _add_voice(d: Draft, e: AddVoice) -> None:
    track = _voice_track(d, create=True)
    start = e.start_ms
    if e.replace_id is not None:
        replaced = next((s for s in track.segments if s.id == e.replace_id), None)
        if replaced is None:
            raise InvalidInput(f"no narration {e.replace_id!r} on the voice track", field="replace_id")
        start = replaced.start_ms
        track.segments.remove(replaced)
        # the same words said slower: the narration after it waits for them rather than being cut
        cursor = start + e.duration_ms
        for later in sorted((s for s in track.segments if s.start_ms >= start), key=lambda s: s.start_ms):
            later.start_ms = max(later.start_ms, cursor)
            cursor = later.end_ms
    seg = Segment(id=new_id(d, "n"), src=e.src, start_ms=start, duration_ms=e.duration_ms, in_ms=0,
                  meta=SegmentMeta(name=e.text[:60], text=e.text, voice=e.voice, cues=list(e.cues),
                                   volume=None if e.volume == 1 else e.volume, rate=None if e.rate == 1 else e.rate))
    # new words replace the narration they would talk over
    kept = [s for s in track.segments if s.end_ms <= seg.start_ms or s.start_ms >= seg.end_ms]
    track.segments = sorted([*kept, seg], key=lambda s: s.start_ms)


def _remove_voice(d: Draft, e: RemoveVoice) -> None:
    if e.segment_id is None:
        if not any(t.is_voice for t in d.tracks):
            raise InvalidInput("there is no voice-over", field="voice")
        d.tracks = [t for t in d.tracks if not t.is_voice]
        return
    track, seg = track_of(d, e.segment_id)
    if not track.is_voice:
        raise InvalidInput(f"{e.segment_id!r} is not narration", field="segment_id")
    _delete(d, DeleteSegment(segment_id=seg.id))


def _set_cues(d: Draft, e: SetCues) -> None:
    track, seg = track_of(d, e.segment_id)
    if track.type == TEXT:
        raise InvalidInput(f"{e.segment_id!r} is a text: only clips and sounds have speech", field="segment_id")
    seg.meta.cues = list(e.cues) or None


def _set_captions(d: Draft, e: SetCaptions) -> None:
    if not e.enabled:
        d.canvas.captions = None
        return
    current = d.canvas.captions or Captions()
    size = e.size if e.size is not None else current.size
    if e.size_scale is not None:
        size = round(min(0.2, max(0.01, (size or CAPTION_SIZES[current.style]) * e.size_scale)), 4)
    for key, colour in (("color", e.color), ("highlight", e.highlight)):
        if colour is not None and parse_color(colour) is None:
            raise InvalidInput(f"{key}: not a colour (got {colour!r})", field=key)
    d.canvas.captions = Captions(style=e.style or current.style, size=size, color=e.color or current.color,
                                 highlight=e.highlight or current.highlight)


def _index_of(segs: list[Segment], segment_id: str | None, field: str) -> int:
    for index, seg in enumerate(segs):
        if seg.id == segment_id:
            return index
    raise InvalidInput(f"no clip {segment_id!r} on the main video track", field=field)


# Each handler takes its own edit class; the table is keyed by that class, so Any is the honest argument type.
_HANDLERS: dict[type[BaseModel], Callable[[Draft, Any], None]] = {
    AddClip: _add_clip, DeleteSegment: _delete, MoveClip: _move, SwapClips: _swap, Trim: _trim,
    TrimSegment: _trim_segment, CutSegment: cut_segment, SplitClip: split_clip, SetCanvas: _set_canvas, AddText: _add_text, UpdateText: _update_text,
    RemoveText: _remove_text, SetMusic: _set_music, UpdateMusic: _update_music, RemoveMusic: _remove_music,
    SetClipAudio: _set_clip_audio, SetSpeed: _set_speed, SetTransition: _set_transition, SetFade: _set_fade,
    AddSound: _add_sound, SetMotion: _set_motion, AddVoice: _add_voice, RemoveVoice: _remove_voice,
    SetCaptions: _set_captions, SetCues: _set_cues,
}
