"""Semantic validation of a draft: refuse with the JSON path of the first fault.

``validate`` parses (if given a dict) and checks everything the renderer relies on,
raising :class:`~reelforge.errors.DraftInvalid` with a path such as
``t[1].sg[0].d`` and a reason such as ``must be > 0 (got -5)``.

Fades (``m.fi``/``m.fo``) follow one rule on every kind of segment (a clip's picture and
sound, music, a title): each 0..``d`` and together at most ``d``. A draft from the wire
that breaks it is refused, not clamped (the caller sees what it sent wrong); the edit
operations clamp instead, since they compute the lengths themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from reelforge.draft.colors import parse_color
from reelforge.draft.model import AUDIO, TEXT, VIDEO, Draft, Position, Segment, Track, TrackType
from reelforge.errors import DraftInvalid

__all__ = ["MAX_SIDE", "MOTIONS", "TRANSITIONS", "json_path", "validate"]

MAX_SIDE = 1920
MIN_SIDE = 16
# xfade's transition names (ffmpeg 7+); "fade" is the default.
TRANSITIONS = frozenset(
    "fade fadeblack fadewhite fadegrays dissolve distance wipeleft wiperight wipeup wipedown "
    "slideleft slideright slideup slidedown smoothleft smoothright smoothup smoothdown "
    "circlecrop rectcrop circleopen circleclose vertopen vertclose horzopen horzclose radial "
    "pixelize zoomin hblur diagtl diagtr diagbl diagbr hlslice hrslice vuslice vdslice "
    "squeezeh squeezev coverleft coverright coverup coverdown revealleft revealright "
    "revealup revealdown".split()
)
# a video segment's m.motion: slow camera moves over its picture (the renderer's _motion.py draws them)
MOTIONS = ("zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down")
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def json_path(loc: Iterable[Any]) -> str:
    """``('t', 1, 'sg', 0, 'd')`` -> ``t[1].sg[0].d``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def validate(draft: Draft | dict[str, Any] | str | bytes,
             known_media: Callable[[str], bool] | None = None) -> Draft:
    """Parse and check ``draft``; return it with ``d`` derived. ``known_media(src)`` vets references."""
    if not isinstance(draft, Draft):
        try:
            draft = Draft.from_wire(draft)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = [p for p in first["loc"] if not (isinstance(p, str) and "[" in p)]
            # pydantic reports a union's branch names in loc (e.g. 'literal[...]'): drop them
            raise DraftInvalid(json_path(loc), _pydantic_reason(first)) from None
        except ValueError as exc:  # bad JSON text
            raise DraftInvalid("", f"not valid JSON: {exc}") from None
    _check_canvas(draft)
    seen_ids: dict[str, str] = {}
    for ti, track in enumerate(draft.tracks):
        tpath = f"t[{ti}]"
        _check_id(track.id, f"{tpath}.id", seen_ids)
        if track.type not in (VIDEO, AUDIO, TEXT):
            raise DraftInvalid(f"{tpath}.tt", f"unknown track type {int(track.type)} (0 video, 1 audio, 7 text)")
        previous: Segment | None = None
        for si, seg in enumerate(track.segments):
            spath = f"{tpath}.sg[{si}]"
            _check_id(seg.id, f"{spath}.id", seen_ids)
            _check_segment(track.type, seg, spath, known_media)
            if previous is not None:
                _check_order(track, previous, seg, si, spath, tpath)
            previous = seg
    return draft.with_derived()


def _pydantic_reason(error: ErrorDetails) -> str:
    kind = error.get("type", "")
    given = error.get("input")
    if kind == "missing":
        return "is required"
    if kind == "enum" or kind.startswith("literal"):
        return f"{error['msg'].lower()} (got {given!r})"
    if kind == "extra_forbidden":
        return "unknown key"
    return f"{error['msg']} (got {given!r})"


def _check_id(value: str, path: str, seen: dict[str, str]) -> None:
    if not _ID.match(value):
        raise DraftInvalid(path, f"must be 1-64 letters, digits or _.:- (got {value!r})")
    if value in seen:
        raise DraftInvalid(path, f"duplicate id {value!r} (also at {seen[value]})")
    seen[value] = path


def _check_canvas(draft: Draft) -> None:
    c = draft.canvas
    for key, value in (("w", c.width), ("h", c.height)):
        if not MIN_SIDE <= value <= MAX_SIDE:
            raise DraftInvalid(f"m.{key}", f"must be between {MIN_SIDE} and {MAX_SIDE} (got {value})")
        if value % 2:
            raise DraftInvalid(f"m.{key}", f"must be even for H.264 (got {value})")
    if not 1 <= c.fps <= 60:
        raise DraftInvalid("m.fps", f"must be between 1 and 60 (got {c.fps})")
    if parse_color(c.bg) is None:
        raise DraftInvalid("m.bg", f"not a colour (got {c.bg!r})")
    if draft.version != 1:
        raise DraftInvalid("v", f"unsupported version {draft.version} (this server reads 1)")
    captions = c.captions
    if captions is not None:
        if captions.size is not None and not 0.01 <= captions.size <= 0.2:
            raise DraftInvalid("m.captions.size", f"must be a fraction of the height between 0.01 and 0.2 "
                                                  f"(got {captions.size})")
        for key, colour in (("color", captions.color), ("hl", captions.highlight)):
            if colour is not None and parse_color(colour) is None:
                raise DraftInvalid(f"m.captions.{key}", f"not a colour (got {colour!r})")


def _check_segment(kind: TrackType, seg: Segment, path: str,
                   known_media: Callable[[str], bool] | None) -> None:
    m = seg.meta
    if seg.start_ms < 0:
        raise DraftInvalid(f"{path}.s", f"must be >= 0 (got {seg.start_ms})")
    if seg.duration_ms <= 0:
        raise DraftInvalid(f"{path}.d", f"must be > 0 (got {seg.duration_ms})")
    if seg.in_ms is not None and seg.in_ms < 0:
        raise DraftInvalid(f"{path}.in", f"must be >= 0 (got {seg.in_ms})")
    for key, value in (("fi", m.fade_in_ms), ("fo", m.fade_out_ms)):
        if value is not None and not 0 <= value <= seg.duration_ms:
            raise DraftInvalid(f"{path}.m.{key}", f"must be between 0 and the segment's d {seg.duration_ms} (got {value})")
    if m.motion is not None and kind != VIDEO:
        raise DraftInvalid(f"{path}.m.motion", f"only video segments move (got {m.motion!r})")
    for key, colour in (("fic", m.fade_in_color), ("foc", m.fade_out_color)):
        if colour is not None and kind != VIDEO:
            raise DraftInvalid(f"{path}.m.{key}", f"only video segments fade to a colour (got {colour!r})")
        if colour is not None and parse_color(colour) is None:
            raise DraftInvalid(f"{path}.m.{key}", f"not a colour (got {colour!r})")
    if (m.fade_in_ms or 0) + (m.fade_out_ms or 0) > seg.duration_ms:
        raise DraftInvalid(f"{path}.m.fo", f"fade in and fade out together are longer than the segment's d "
                                           f"{seg.duration_ms} (got {m.fade_in_ms} + {m.fade_out_ms})")
    if kind == TEXT:
        if not (m.text or "").strip():
            raise DraftInvalid(f"{path}.m.text", "a text segment needs non-empty text")
        if len(m.text or "") > 500:
            raise DraftInvalid(f"{path}.m.text", f"at most 500 characters (got {len(m.text or '')})")
        if m.size is not None and not 0.01 <= m.size <= 0.5:
            raise DraftInvalid(f"{path}.m.size", f"must be a fraction of the height between 0.01 and 0.5 (got {m.size})")
        if isinstance(m.pos, Position):
            for axis, fraction in (("x", m.pos.x), ("y", m.pos.y)):
                if not 0 <= fraction <= 1:
                    raise DraftInvalid(f"{path}.m.pos.{axis}", f"must be a fraction 0..1 (got {fraction})")
        for key, colour in (("color", m.color), ("bgcolor", m.bgcolor)):
            if colour is not None and parse_color(colour) is None:
                raise DraftInvalid(f"{path}.m.{key}", f"not a colour (got {colour!r})")
        if m.font is not None and (len(m.font) > 200 or "\x00" in m.font):
            raise DraftInvalid(f"{path}.m.font", "not a usable font name")
        return
    if not seg.src:
        raise DraftInvalid(f"{path}.src", "is required for video and audio segments")
    if known_media is not None and not known_media(seg.src):
        raise DraftInvalid(f"{path}.src", f"unknown media {seg.src!r}")
    if m.volume is not None and not 0 <= m.volume <= 2:
        raise DraftInvalid(f"{path}.m.vol", f"must be between 0 and 2 (got {m.volume})")
    if m.voice is not None or m.cues is not None:
        _check_narration(kind, seg, path)
    if kind == VIDEO:
        if m.motion is not None and m.motion not in MOTIONS:
            raise DraftInvalid(f"{path}.m.motion", f"unknown motion {m.motion!r} (one of {', '.join(MOTIONS)})")
        if m.speed is not None and not 0.25 <= m.speed <= 4:
            raise DraftInvalid(f"{path}.m.speed", f"must be between 0.25 and 4 (got {m.speed})")
        if m.transition is not None:
            tr = m.transition
            if tr.type not in TRANSITIONS:
                raise DraftInvalid(f"{path}.m.tr.type", f"unknown transition {tr.type!r}")
            if not 0 < tr.duration_ms <= seg.duration_ms:
                raise DraftInvalid(f"{path}.m.tr.d", f"must be > 0 and <= the segment's d {seg.duration_ms} (got {tr.duration_ms})")


def _check_narration(kind: TrackType, seg: Segment, path: str) -> None:
    """A narration: audio with a voice; its cues (and their words) in order, inside nothing negative."""
    m = seg.meta
    if kind != AUDIO and m.voice is not None:
        raise DraftInvalid(f"{path}.m.voice", "only audio segments are narration")
    if m.voice is not None and not 1 <= len(m.voice) <= 64:
        raise DraftInvalid(f"{path}.m.voice", f"must be a voice id of 1-64 characters (got {m.voice!r})")
    if m.rate is not None and not 0.5 <= m.rate <= 2:
        raise DraftInvalid(f"{path}.m.rate", f"must be between 0.5 and 2 (got {m.rate})")
    if len(m.text or "") > 20_000:
        raise DraftInvalid(f"{path}.m.text", f"at most 20000 characters (got {len(m.text or '')})")
    previous = 0
    for ci, cue in enumerate(m.cues or []):
        cpath = f"{path}.m.cues[{ci}]"
        if cue.start_ms < previous:
            raise DraftInvalid(f"{cpath}.s", f"cues must be in time order and not overlap (got {cue.start_ms} "
                                             f"< {previous})")
        if cue.duration_ms <= 0:
            raise DraftInvalid(f"{cpath}.d", f"must be > 0 (got {cue.duration_ms})")
        if not cue.text.strip() or len(cue.text) > 500:
            raise DraftInvalid(f"{cpath}.text", "must be 1-500 characters")
        for wi, word in enumerate(cue.words):
            if word.start_ms < cue.start_ms or word.end_ms > cue.end_ms or word.duration_ms < 0:
                raise DraftInvalid(f"{cpath}.w[{wi}]", f"must lie inside its cue {cue.start_ms}-{cue.end_ms} ms "
                                                       f"(got {word.start_ms}-{word.end_ms})")
        previous = cue.end_ms


def _check_order(track: Track, prev: Segment, seg: Segment, si: int, spath: str, tpath: str) -> None:
    if seg.start_ms < prev.start_ms:
        raise DraftInvalid(f"{spath}.s", f"segments must be in time order: starts before {tpath}.sg[{si - 1}] ({seg.start_ms} < {prev.start_ms})")
    overlap = prev.end_ms - seg.start_ms
    if overlap <= 0 or track.type == TEXT:
        return  # texts may stack (a title over a subtitle)
    if track.type == AUDIO:
        raise DraftInvalid(f"{spath}.s", f"overlaps {tpath}.sg[{si - 1}] by {overlap} ms; put overlapping sounds on another audio track")
    tr = seg.meta.transition
    if tr is None:
        raise DraftInvalid(f"{spath}.s", f"overlaps {tpath}.sg[{si - 1}] by {overlap} ms without a transition (m.tr)")
    if tr.duration_ms != overlap:
        raise DraftInvalid(f"{spath}.m.tr.d", f"must equal the overlap with {tpath}.sg[{si - 1}] ({overlap} ms; got {tr.duration_ms})")
    if overlap > prev.duration_ms:
        raise DraftInvalid(f"{spath}.s", f"transition longer than {tpath}.sg[{si - 1}]")
