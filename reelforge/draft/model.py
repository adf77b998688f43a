"""The draft: reelforge's one definition of a timeline.

The wire form uses the protocol's short keys (``t``, ``tt``, ``sg``, ``s``, ``d``,
``in``, ``src``, ``m``); inside Python the same fields have readable names through
pydantic aliases. Time is integer milliseconds everywhere. Unknown keys are kept
(``extra="allow"``) so a draft written by a newer client survives a round trip.
"""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from reelforge.errors import InvalidInput

__all__ = [
    "ASPECT_SIZES",
    "AUDIO",
    "CAPTION_SIZES",
    "CAPTION_STYLES",
    "TEXT",
    "VIDEO",
    "Aspect",
    "VOICE_TRACK_ID",
    "CaptionStyle",
    "Captions",
    "Canvas",
    "Cue",
    "Draft",
    "Position",
    "SOUND_TRACK_ID",
    "Segment",
    "SegmentMeta",
    "Track",
    "TrackType",
    "Transition",
    "canvas_for_aspect",
    "Word",
]


class TrackType(IntEnum):
    VIDEO = 0
    AUDIO = 1
    TEXT = 7


VIDEO, AUDIO, TEXT = TrackType.VIDEO, TrackType.AUDIO, TrackType.TEXT


class _Wire(BaseModel):
    """Base for every wire object: aliases in and out, unknown keys kept."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, validate_assignment=False)

    def to_wire(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class Position(_Wire):
    """A free text position: fractions of the frame (0..1) for the text's centre."""

    x: float
    y: float


class Transition(_Wire):
    """How a video segment enters from the previous one: an overlap of ``duration_ms``."""

    type: str = "fade"
    duration_ms: int = Field(500, alias="d")


class Word(_Wire):
    """A spoken word's time, relative to the start of its narration's source (``s``, ``d`` in ms)."""

    start_ms: int = Field(alias="s")
    duration_ms: int = Field(alias="d")
    text: str

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms


class Cue(_Wire):
    """A spoken sentence (one caption): its time relative to the narration's source and its words."""

    start_ms: int = Field(alias="s")
    duration_ms: int = Field(alias="d")
    text: str
    words: list[Word] = Field(default_factory=list, alias="w")

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms


CaptionStyle = Literal["clean", "highlight"]
# The caption looks: a clean lower third (white, one sentence at a time); the bold word-by-word highlight
# of TikTok and Reels (the word being spoken in the highlight colour).
CAPTION_STYLES: dict[str, str] = {"clean": "clean lower third", "highlight": "bold word-by-word highlight"}
CAPTION_SIZES: dict[str, float] = {"clean": 0.045, "highlight": 0.06}  # of the frame's height


class Captions(_Wire):
    """The draft's captions (draft ``m.captions``): drawn from every narration's cues."""

    style: CaptionStyle = "clean"
    size: float | None = None        # of the frame's height; None = the style's own
    color: str | None = None
    highlight: str | None = Field(None, alias="hl")


class SegmentMeta(_Wire):
    """A segment's ``m``: which keys apply depends on the track type (see PROTOCOL.md)."""

    # shown in the summary and the studio; the prompt or the upload's name
    name: str | None = None
    # video
    fit: Literal["cover", "contain", "blur"] | None = None
    speed: float | None = None
    transition: Transition | None = Field(None, alias="tr")
    motion: str | None = None  # slow camera move over the picture: zoom_in, zoom_out, pan_* (validate.MOTIONS)
    # video and audio
    volume: float | None = Field(None, alias="vol")
    fade_in_ms: int | None = Field(None, alias="fi")
    fade_out_ms: int | None = Field(None, alias="fo")
    # video on the main track: the colour the picture fades in from / out to (a name or #rrggbb); None: the background
    fade_in_color: str | None = Field(None, alias="fic")
    fade_out_color: str | None = Field(None, alias="foc")
    # audio
    loop: bool | None = None
    duck: bool | None = None
    voice: str | None = None          # narration in this voice (its text in ``text``): music ducks under it
    cues: list[Cue] | None = None     # narration (or a clip's transcribed speech): sentences and words, for captions
    rate: float | None = None         # narration: the speaking rate it was made at (1 = the voice's own)
    # text
    text: str | None = None
    pos: Literal["top", "center", "bottom"] | Position | None = None
    size: float | None = None
    color: str | None = None
    font: str | None = None
    bgcolor: str | None = None


class Segment(_Wire):
    id: str
    src: str | None = None
    start_ms: int = Field(0, alias="s")
    duration_ms: int = Field(alias="d")
    in_ms: int | None = Field(None, alias="in")
    meta: SegmentMeta = Field(default_factory=SegmentMeta, alias="m")

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms

    @property
    def speed(self) -> float:
        return self.meta.speed or 1.0

    @property
    def source_in_ms(self) -> int:
        return self.in_ms or 0

    @property
    def source_span_ms(self) -> int:
        """How much of the source this segment plays (its timeline length times its speed)."""
        return round(self.duration_ms * self.speed)


VOICE_TRACK_ID = "voice"    # the audio track narration goes on
SOUND_TRACK_ID = "sfx"      # the audio track sound effects go on


class Track(_Wire):
    id: str
    type: TrackType = Field(alias="tt")
    segments: list[Segment] = Field(default_factory=list, alias="sg")

    @property
    def is_voice(self) -> bool:
        """Narration: the voice track, or an audio track whose segments are marked with a voice."""
        return self.type == AUDIO and (self.id == VOICE_TRACK_ID or any(s.meta.voice for s in self.segments))

    @property
    def is_music(self) -> bool:
        """Background music: any other audio track than the effects' and the voice's."""
        return self.type == AUDIO and self.id != SOUND_TRACK_ID and not self.is_voice

    @property
    def end_ms(self) -> int:
        return max((seg.end_ms for seg in self.segments), default=0)


Aspect = Literal["16:9", "9:16", "1:1", "4:5"]
# 1080 on the short side, as the platforms want it.
ASPECT_SIZES: dict[Aspect, tuple[int, int]] = {
    "16:9": (1920, 1080),
    "9:16": (1080, 1920),
    "1:1": (1080, 1080),
    "4:5": (1080, 1350),
}
assert set(ASPECT_SIZES) == set(get_args(Aspect))


def canvas_for_aspect(aspect: str) -> tuple[int, int]:
    """(width, height) of an aspect ("9:16" -> 1080x1920); :class:`InvalidInput` naming ``aspect`` otherwise."""
    size = next((size for name, size in ASPECT_SIZES.items() if name == aspect), None)
    if size is None:
        raise InvalidInput(f"unknown aspect {aspect!r} ({', '.join(ASPECT_SIZES)})", field="aspect")
    return size


class Canvas(_Wire):
    width: int = Field(1920, alias="w")
    height: int = Field(1080, alias="h")
    fps: int = 30
    bg: str = "#000000"
    captions: Captions | None = None


class Draft(_Wire):
    version: int = Field(1, alias="v")
    canvas: Canvas = Field(default_factory=Canvas, alias="m")
    duration_ms: int = Field(0, alias="d")
    tracks: list[Track] = Field(default_factory=list, alias="t")

    # -- derived ---------------------------------------------------------
    @property
    def end_ms(self) -> int:
        """The end of the last segment: the draft's ``d``."""
        return max((track.end_ms for track in self.tracks), default=0)

    @property
    def video_end_ms(self) -> int:
        return max((t.end_ms for t in self.tracks if t.type == VIDEO), default=0)

    def with_derived(self) -> Draft:
        """A copy whose ``d`` is the end of its last segment."""
        return self.model_copy(update={"duration_ms": self.end_ms})

    # -- lookups ---------------------------------------------------------
    def tracks_of(self, kind: TrackType) -> list[Track]:
        return [t for t in self.tracks if t.type == kind]

    def find_segment(self, segment_id: str) -> tuple[Track, Segment] | None:
        for track in self.tracks:
            for seg in track.segments:
                if seg.id == segment_id:
                    return track, seg
        return None

    def find_segment_by_src(self, src: str) -> Segment | None:
        """The last segment playing ``src`` (a clip just added), or None."""
        found = [seg for track in self.tracks for seg in track.segments if seg.src == src]
        return found[-1] if found else None

    def voice_segments(self) -> list[Segment]:
        """Every narration segment (audio marked with a ``voice``), in time order."""
        found = [seg for t in self.tracks if t.type == AUDIO for seg in t.segments if seg.meta.voice]
        return sorted(found, key=lambda seg: seg.start_ms)

    def captioned_segments(self) -> list[Segment]:
        """Every segment whose words become captions: narration, and clips whose speech was transcribed."""
        found = [seg for t in self.tracks if t.type in (AUDIO, VIDEO) for seg in t.segments
                 if seg.meta.cues and (seg.meta.voice or t.type == VIDEO)]
        return sorted(found, key=lambda seg: seg.start_ms)

    def media_refs(self) -> list[str]:
        return [seg.src for t in self.tracks for seg in t.segments if seg.src]

    # -- wire ------------------------------------------------------------
    @classmethod
    def from_wire(cls, data: dict[str, Any] | str | bytes) -> Draft:
        """Parse without the semantic checks; use :func:`reelforge.draft.validate` for those."""
        if isinstance(data, (str, bytes)):
            data = json.loads(data)
        return cls.model_validate(data)

    def to_wire(self) -> dict[str, Any]:
        return self.with_derived().model_dump(by_alias=True, exclude_none=True, mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_wire(), ensure_ascii=False, indent=indent)

    @classmethod
    def empty(cls, width: int = 1920, height: int = 1080, fps: int = 30, bg: str = "#000000") -> Draft:
        return cls(canvas=Canvas(width=width, height=height, fps=fps, bg=bg))
