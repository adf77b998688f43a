"""The edit operations' models: what each op is called and the fields it takes.

Each edit is a frozen pydantic model tagged by ``op`` (``Edit`` is their discriminated union);
:mod:`reelforge.draft.edits` applies them. Kept apart so the vocabulary reads on one page.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reelforge.draft.model import Aspect, CaptionStyle, Cue, Position, Transition

__all__ = [
    "AddClip", "AddSound", "AddText", "AddVoice", "ClipPlace", "DeleteSegment", "Edit", "MoveClip", "RemoveMusic",
    "RemoveText", "RemoveVoice", "SetCanvas", "SetCaptions", "SetClipAudio", "SetCues", "SetFade", "SetMotion",
    "SetMusic", "SetSpeed", "SetTransition", "SwapClips", "TextPlace", "TextPos", "Trim", "TrimSegment", "UpdateMusic",
    "UpdateText",
]

TextPlace = Literal["top", "center", "bottom"]
ClipPlace = Literal["end", "start", "before", "after", "replace"]   # where AddClip puts a clip
TextPos = TextPlace | Position


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AddClip(_Op):
    """Put a clip on the main video track: at the end (append), the start, before/after a clip, or instead of one."""

    op: Literal["add_clip"] = "add_clip"
    src: str
    duration_ms: int = Field(gt=0)
    in_ms: int = Field(0, ge=0)
    name: str | None = None
    fit: Literal["cover", "contain", "blur"] | None = None
    at: ClipPlace = "end"
    ref: str | None = Field(None, description="segment id for before/after/replace")
    transition: Transition | None = None


class DeleteSegment(_Op):
    op: Literal["delete_segment"] = "delete_segment"
    segment_id: str


class MoveClip(_Op):
    """Move a clip of the main track to position ``to_index`` (0-based)."""

    op: Literal["move_clip"] = "move_clip"
    segment_id: str
    to_index: int = Field(ge=0)


class SwapClips(_Op):
    op: Literal["swap_clips"] = "swap_clips"
    first_id: str
    second_id: str


class Trim(_Op):
    """Keep only ``[start_ms, end_ms)`` of the whole timeline (cut the first/last N seconds, trim to N)."""

    op: Literal["trim"] = "trim"
    start_ms: int = Field(0, ge=0)
    end_ms: int | None = Field(None, gt=0)


class TrimSegment(_Op):
    """Shorten one segment: cut from its head (advancing its in-point) and/or from its tail."""

    op: Literal["trim_segment"] = "trim_segment"
    segment_id: str
    cut_start_ms: int = Field(0, ge=0)
    cut_end_ms: int = Field(0, ge=0)


class SetCanvas(_Op):
    """Output canvas: an aspect (1080 on the short side) or an explicit size, fps, background."""

    op: Literal["set_canvas"] = "set_canvas"
    aspect: Aspect | None = None
    width: int | None = None
    height: int | None = None
    fps: int | None = None
    bg: str | None = None


class AddText(_Op):
    op: Literal["add_text"] = "add_text"
    text: str = Field(min_length=1, max_length=500)
    start_ms: int | None = Field(None, ge=0)
    duration_ms: int | None = Field(None, gt=0)
    at_end: bool = False
    pos: TextPos | None = None
    size: float | None = None
    color: str | None = None
    bgcolor: str | None = None
    font: str | None = None
    fade_in_ms: int | None = Field(None, ge=0)
    fade_out_ms: int | None = Field(None, ge=0)


class UpdateText(_Op):
    """Change a text (the first one, the title, when ``segment_id`` is None); ``scale`` multiplies its size."""

    op: Literal["update_text"] = "update_text"
    segment_id: str | None = None
    text: str | None = Field(None, min_length=1, max_length=500)
    pos: TextPos | None = None
    size: float | None = None
    scale: float | None = Field(None, gt=0)
    color: str | None = None
    bgcolor: str | None = None
    start_ms: int | None = Field(None, ge=0)
    duration_ms: int | None = Field(None, gt=0)
    fade_in_ms: int | None = Field(None, ge=0)
    fade_out_ms: int | None = Field(None, ge=0)


class RemoveText(_Op):
    op: Literal["remove_text"] = "remove_text"
    segment_id: str | None = None
    all: bool = False


class SetMusic(_Op):
    """Set (or replace) the background music: it covers the video, looping, unless told otherwise."""

    op: Literal["set_music"] = "set_music"
    src: str
    name: str | None = None
    volume: float = Field(0.35, ge=0, le=2)
    fade_in_ms: int = Field(0, ge=0)
    fade_out_ms: int = Field(1000, ge=0)
    loop: bool = True
    duck: bool = False
    source_duration_ms: int | None = Field(None, gt=0, description="without loop the music ends with its source")


class UpdateMusic(_Op):
    """Change the background music; ``start_ms`` moves where it comes in (its end stays), ``source_in_ms``
    skips into the song (a loop then repeats from there)."""

    op: Literal["update_music"] = "update_music"
    volume: float | None = Field(None, ge=0, le=2)
    volume_scale: float | None = Field(None, gt=0)
    fade_in_ms: int | None = Field(None, ge=0)
    fade_out_ms: int | None = Field(None, ge=0)
    loop: bool | None = None
    duck: bool | None = None
    start_ms: int | None = Field(None, ge=0, description="where the music comes in on the timeline")
    source_in_ms: int | None = Field(None, ge=0, description="how far into the song it starts playing")


class RemoveMusic(_Op):
    op: Literal["remove_music"] = "remove_music"


class SetClipAudio(_Op):
    """A clip's own sound (all clips when ``segment_id`` is None); volume 0 mutes."""

    op: Literal["set_clip_audio"] = "set_clip_audio"
    segment_id: str | None = None
    volume: float = Field(ge=0, le=2)


class SetSpeed(_Op):
    """Play a clip (all clips when None) faster or slower; its length on the timeline follows."""

    op: Literal["set_speed"] = "set_speed"
    segment_id: str | None = None
    speed: float = Field(ge=0.25, le=4)


class SetTransition(_Op):
    """The transition into ``segment_id`` (into every clip after the first when None); type "none" removes."""

    op: Literal["set_transition"] = "set_transition"
    segment_id: str | None = None
    type: str = "fade"
    duration_ms: int = Field(500, gt=0, le=5000)


class SetFade(_Op):
    """Fade the picture in from / out to the background: one clip, or the whole video when segment_id is None.

    The whole video fades in on the main track's first clip and out on its last. 0 removes a
    fade, None leaves it; fades longer than the clip are shortened to fit. A clip's own sound
    already fades with its picture. With ``fade_music``, background music that starts where the
    faded picture starts (or ends where it ends) fades with it, unless it already has a longer
    fade; removing a picture fade leaves the music's fades alone.
    """

    op: Literal["set_fade"] = "set_fade"
    segment_id: str | None = Field(None, description="a video clip; None = the whole video")
    fade_in_ms: int | None = Field(None, ge=0, description="0 removes the fade in; null keeps it")
    fade_out_ms: int | None = Field(None, ge=0, description="0 removes the fade out; null keeps it")
    fade_music: bool = Field(True, description="music starting/ending with the faded picture fades with it")

    @model_validator(mode="after")
    def _says_a_fade(self) -> SetFade:
        if self.fade_in_ms is None and self.fade_out_ms is None:
            raise ValueError("give fade_in_ms, fade_out_ms or both")
        return self


class SetMotion(_Op):
    """Slow camera motion ("Ken Burns") over a clip's picture: one clip, or every clip on the main track when
    ``segment_id`` is None; "none" removes it. Meant for photos; a video clip moves the same way.

    The pans name the way the picture drifts (``pan_left`` moves it left); a zoom enlarges it by about 12 %.
    """

    op: Literal["set_motion"] = "set_motion"
    segment_id: str | None = Field(None, description="a video clip; None = every clip on the main track")
    motion: Literal["zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down", "none"] = "zoom_in"


class AddSound(_Op):
    """A sound effect on the effects track at ``start_ms``."""

    op: Literal["add_sound"] = "add_sound"
    src: str
    start_ms: int = Field(ge=0)
    duration_ms: int = Field(gt=0)
    volume: float = Field(1.0, ge=0, le=2)
    name: str | None = None


class AddVoice(_Op):
    """Narration on the voice track: speech already synthesised to ``src``, with its text, voice and cues.

    It replaces the narration it overlaps; ``replace_id`` replaces that narration segment, keeping its start
    (the same words in another voice or at another pace)."""

    op: Literal["add_voice"] = "add_voice"
    src: str
    text: str = Field(min_length=1, max_length=20_000)
    voice: str = Field(min_length=1, max_length=64)
    duration_ms: int = Field(gt=0)
    start_ms: int = Field(0, ge=0)
    cues: list[Cue] = Field(default_factory=list)
    volume: float = Field(1.0, ge=0, le=2)
    rate: float = Field(1.0, ge=0.5, le=2)
    replace_id: str | None = None


class SetCues(_Op):
    """Timed words for a clip's own speech (transcribed), drawn as captions like narration's."""

    op: Literal["set_cues"] = "set_cues"
    segment_id: str
    cues: list[Cue] = Field(default_factory=list)


class RemoveVoice(_Op):
    """Remove one narration segment, or all narration when ``segment_id`` is None."""

    op: Literal["remove_voice"] = "remove_voice"
    segment_id: str | None = None


class SetCaptions(_Op):
    """Turn the captions on (in a style, size and colours) or off; unset fields keep what they were."""

    op: Literal["set_captions"] = "set_captions"
    enabled: bool = True
    style: CaptionStyle | None = None
    size: float | None = Field(None, ge=0.01, le=0.2)
    size_scale: float | None = Field(None, gt=0, le=4)
    color: str | None = None
    highlight: str | None = None


Edit = Annotated[
    AddClip | DeleteSegment | MoveClip | SwapClips | Trim | TrimSegment | SetCanvas | AddText | UpdateText
    | RemoveText | SetMusic | UpdateMusic | RemoveMusic | SetClipAudio | SetSpeed | SetTransition | SetFade
    | AddSound | SetMotion | AddVoice | RemoveVoice | SetCaptions | SetCues,
    Field(discriminator="op"),
]
