"""The edit operations' models: what each op is called and the fields it takes.

Each edit is a frozen pydantic model tagged by ``op`` (``Edit`` is their discriminated union);
:mod:`reelforge.draft.edits` applies them. Kept apart so the vocabulary reads on one page.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reelforge.draft.model import Aspect, CaptionStyle, Cue, Position, Transition

__all__ = [
    "AddClip", "AddSound", "AddText", "AddVoice", "ClipPlace", "CutSegment", "DeleteSegment", "Edit", "MoveClip",
    "RemoveMusic", "RemoveText", "RemoveVoice", "SetCanvas", "SetCaptions", "SetClipAudio", "SetCues", "SetFade",
    "SetMotion", "SetMusic", "SetSpeed", "SetTransition", "SplitClip", "SwapClips", "TextPlace", "TextPos", "Trim",
    "TrimSegment", "UpdateMusic", "UpdateText",
]

TextPlace = Literal["top", "center", "bottom"]
ClipPlace = Literal["end", "start", "before", "after", "replace"]   # where AddClip puts a clip
TextPos = TextPlace | Position


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AddClip(_Op):
    """Put a clip on the main video track: at the end (append), the start, before/after a clip, or instead of one."""

    op: Literal["add_clip"] = "add_clip"
    src: str = Field(description="the media to show: media:<id> of an upload or a generated clip")
    duration_ms: int = Field(gt=0, description="how long it shows on the timeline")
    in_ms: int = Field(0, ge=0, description="where in its source it starts")
    name: str | None = Field(None, description="a name for it (what it shows)")
    fit: Literal["cover", "contain", "blur"] | None = Field(
        None, description="a picture of another shape: fill the canvas, fit inside it, or fit over a blur of itself")
    at: ClipPlace = Field("end", description="where it goes: at the end or start, before/after or instead of ref")
    ref: str | None = Field(None, description="before/after/replace: the clip it goes next to or replaces")
    transition: Transition | None = Field(None, description="the transition into it")


class DeleteSegment(_Op):
    op: Literal["delete_segment"] = "delete_segment"
    segment_id: str = Field(description="the segment to delete")


class MoveClip(_Op):
    """Move a clip of the main track to position ``to_index`` (0-based)."""

    op: Literal["move_clip"] = "move_clip"
    segment_id: str = Field(description="the clip to move")
    to_index: int = Field(ge=0, description="its new position, 0 = first")


class SwapClips(_Op):
    op: Literal["swap_clips"] = "swap_clips"
    first_id: str = Field(description="one clip")
    second_id: str = Field(description="the clip it trades places with")


class Trim(_Op):
    """Keep only ``[start_ms, end_ms)`` of the whole timeline (cut the first/last N seconds, trim to N)."""

    op: Literal["trim"] = "trim"
    start_ms: int = Field(0, ge=0, description="keep from here (what comes before is cut)")
    end_ms: int | None = Field(None, gt=0, description="keep up to here; null: to the end")


class TrimSegment(_Op):
    """Shorten one segment: cut from its head (advancing its in-point) and/or from its tail."""

    op: Literal["trim_segment"] = "trim_segment"
    segment_id: str = Field(description="the segment to shorten")
    cut_start_ms: int = Field(0, ge=0, description="how much to cut off its start")
    cut_end_ms: int = Field(0, ge=0, description="how much to cut off its end")


class CutSegment(_Op):
    """Cut a stretch out of one clip: ``[start_ms, end_ms)`` of its own time (0 is where the clip starts).

    What is left is two clips of the same source (the second's in-point past the cut), played one after the
    other: the timeline closes the gap. The clip's fade in stays on the first part, its fade out on the second;
    no transition is made at the cut. Cutting the whole clip is ``delete_segment``.
    """

    op: Literal["cut_segment"] = "cut_segment"
    segment_id: str = Field(description="the clip to cut a stretch out of")
    start_ms: int = Field(ge=0, description="where the stretch starts, from the clip's own start")
    end_ms: int = Field(gt=0, description="where it ends, from the clip's own start")

    @model_validator(mode="after")
    def _is_a_stretch(self) -> CutSegment:
        if self.end_ms <= self.start_ms:
            raise ValueError(f"end_ms must be after start_ms (got {self.start_ms}-{self.end_ms})")
        return self


class SplitClip(_Op):
    """Split one clip in two at ``at_ms`` of its own time (0 is where the clip starts): two clips of the same
    source, the second going on from where the first stops; nothing moves on the timeline."""

    op: Literal["split_clip"] = "split_clip"
    segment_id: str = Field(description="the clip to split")
    at_ms: int = Field(gt=0, description="where to split it, from the clip's own start")


class SetCanvas(_Op):
    """Output canvas: an aspect (1080 on the short side) or an explicit size, fps, background."""

    op: Literal["set_canvas"] = "set_canvas"
    aspect: Aspect | None = Field(None, description="the shape: 9:16 vertical, 16:9 landscape, 1:1 square, 4:5")
    width: int | None = Field(None, description="an explicit width in pixels")
    height: int | None = Field(None, description="an explicit height in pixels")
    fps: int | None = Field(None, description="frames per second")
    bg: str | None = Field(None, description="the background colour (a name or #rrggbb)")


class AddText(_Op):
    op: Literal["add_text"] = "add_text"
    text: str = Field(min_length=1, max_length=500, description="the words on screen")
    start_ms: int | None = Field(None, ge=0, description="when it appears; null: at the start")
    duration_ms: int | None = Field(None, gt=0, description="how long it shows; null: 3 s")
    at_end: bool = Field(False, description="show it over the end of the video instead")
    pos: TextPos | None = Field(None, description="where: top, center, bottom, or x/y fractions of the canvas")
    size: float | None = Field(None, description="its height as a fraction of the canvas height")
    color: str | None = Field(None, description="the text colour (a name or #rrggbb)")
    bgcolor: str | None = Field(None, description="a box colour behind it")
    font: str | None = Field(None, description="a font name")
    fade_in_ms: int | None = Field(None, ge=0, description="how long it fades in")
    fade_out_ms: int | None = Field(None, ge=0, description="how long it fades out")


class UpdateText(_Op):
    """Change a text (the first one, the title, when ``segment_id`` is None); ``scale`` multiplies its size."""

    op: Literal["update_text"] = "update_text"
    segment_id: str | None = Field(None, description="null: the title (the first text)")
    text: str | None = Field(None, min_length=1, max_length=500, description="new words; null: keep them")
    pos: TextPos | None = Field(None, description="where: top, center, bottom, or x/y fractions of the canvas")
    size: float | None = Field(None, description="its height as a fraction of the canvas height")
    scale: float | None = Field(None, gt=0, description="its size times this (1.5 bigger, 0.7 smaller)")
    color: str | None = Field(None, description="the text colour (a name or #rrggbb)")
    bgcolor: str | None = Field(None, description="a box colour behind it")
    start_ms: int | None = Field(None, ge=0, description="when it appears")
    duration_ms: int | None = Field(None, gt=0, description="how long it shows")
    fade_in_ms: int | None = Field(None, ge=0, description="how long it fades in")
    fade_out_ms: int | None = Field(None, ge=0, description="how long it fades out")


class RemoveText(_Op):
    op: Literal["remove_text"] = "remove_text"
    segment_id: str | None = Field(None, description="null: the title (the first text)")
    all: bool = Field(False, description="remove every text")


class SetMusic(_Op):
    """Set (or replace) the background music: it covers the video, looping, unless told otherwise."""

    op: Literal["set_music"] = "set_music"
    src: str = Field(description="the audio: media:<id> of an upload or a library track")
    name: str | None = Field(None, description="its title")
    volume: float = Field(0.35, ge=0, le=2, description="0-1 (0.35 is 35%)")
    fade_in_ms: int = Field(0, ge=0, description="how long it fades in")
    fade_out_ms: int = Field(1000, ge=0, description="how long it fades out at the end")
    loop: bool = Field(True, description="repeat it to the end of the video")
    duck: bool = Field(False, description="lower it under speech")
    source_duration_ms: int | None = Field(None, gt=0, description="without loop the music ends with its source")


class UpdateMusic(_Op):
    """Change the background music; ``start_ms`` moves where it comes in (its end stays), ``end_ms`` where it
    stops (its fade out ends there; 0: at the video's end again), ``source_in_ms`` skips into the song (a loop
    then repeats from there)."""

    op: Literal["update_music"] = "update_music"
    volume: float | None = Field(None, ge=0, le=2, description="a new volume, 0-1 (0.5 is 50%)")
    volume_scale: float | None = Field(None, gt=0, description="its volume times this (1.5 louder, 0.6 quieter)")
    fade_in_ms: int | None = Field(None, ge=0, description="how long it fades in")
    fade_out_ms: int | None = Field(None, ge=0, description="how long it fades out at the end")
    loop: bool | None = Field(None, description="repeat it to the end of the video")
    duck: bool | None = Field(None, description="lower it under speech")
    start_ms: int | None = Field(None, ge=0, description="where the music comes in on the timeline")
    end_ms: int | None = Field(None, ge=0, description="where the music stops on the timeline; 0: with the video")
    source_in_ms: int | None = Field(None, ge=0, description="how far into the song it starts playing")


class RemoveMusic(_Op):
    op: Literal["remove_music"] = "remove_music"


class SetClipAudio(_Op):
    """A clip's own sound (all clips when ``segment_id`` is None); volume 0 mutes."""

    op: Literal["set_clip_audio"] = "set_clip_audio"
    segment_id: str | None = Field(None, description="null: every clip")
    volume: float = Field(ge=0, le=2, description="0 mutes, 1 as recorded")


class SetSpeed(_Op):
    """Play a clip (all clips when None) faster or slower; its length on the timeline follows."""

    op: Literal["set_speed"] = "set_speed"
    segment_id: str | None = Field(None, description="null: every clip")
    speed: float = Field(ge=0.25, le=4, description="2 twice as fast, 0.5 slow motion")


class SetTransition(_Op):
    """The transition into ``segment_id`` (into every clip after the first when None); type "none" removes."""

    op: Literal["set_transition"] = "set_transition"
    segment_id: str | None = Field(None, description="null: into every clip after the first")
    type: str = Field("fade", description="the transition; none removes it")
    duration_ms: int = Field(500, gt=0, le=5000, description="how long it lasts")


class SetFade(_Op):
    """Fade the picture in from / out to the background (or ``color``): one clip, or the whole video when segment_id
    is None.

    The whole video fades in on the main track's first clip and out on its last. 0 removes a
    fade, None leaves it; fades longer than the clip are shortened to fit. A clip's own sound
    already fades with its picture. With ``fade_music``, background music that starts where the
    faded picture starts (or ends where it ends) fades with it, unless it already has a longer
    fade; removing a picture fade leaves the music's fades alone.
    """

    op: Literal["set_fade"] = "set_fade"
    segment_id: str | None = Field(None, description="null: the whole video")
    fade_in_ms: int | None = Field(None, ge=0, description="0 removes the fade in; null keeps it")
    fade_out_ms: int | None = Field(None, ge=0, description="0 removes the fade out; null keeps it")
    color: str | None = Field(None, description="the colour the picture fades from / to (a name or #rrggbb) for the "
                                                "fades this edit sets; null keeps theirs (the background at first)")
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
    segment_id: str | None = Field(None, description="null: every clip on the main track")
    motion: Literal["zoom_in", "zoom_out", "pan_left", "pan_right", "pan_up", "pan_down", "none"] = Field(
        "zoom_in", description="the way the picture moves; none removes it")


class AddSound(_Op):
    """A sound effect on the effects track at ``start_ms``."""

    op: Literal["add_sound"] = "add_sound"
    src: str = Field(description="the sound: media:<id> of an upload or a library effect")
    start_ms: int = Field(ge=0, description="when it plays")
    duration_ms: int = Field(gt=0, description="how long it plays")
    volume: float = Field(1.0, ge=0, le=2, description="0-1, 1 as recorded")
    name: str | None = Field(None, description="its name")


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
    segment_id: str | None = Field(None, description="null: all narration")


class SetCaptions(_Op):
    """Turn the captions on (in a style, size and colours) or off; unset fields keep what they were."""

    op: Literal["set_captions"] = "set_captions"
    enabled: bool = Field(True, description="false turns the captions off")
    style: CaptionStyle | None = Field(None, description="clean lines, or word-by-word highlight")
    size: float | None = Field(None, ge=0.01, le=0.2, description="their height as a fraction of the canvas height")
    size_scale: float | None = Field(None, gt=0, le=4, description="their size times this (1.5 bigger)")
    color: str | None = Field(None, description="the text colour (a name or #rrggbb)")
    highlight: str | None = Field(None, description="the colour of the word being spoken")


Edit = Annotated[
    AddClip | DeleteSegment | MoveClip | SwapClips | Trim | TrimSegment | CutSegment | SplitClip | SetCanvas | AddText | UpdateText
    | RemoveText | SetMusic | UpdateMusic | RemoveMusic | SetClipAudio | SetSpeed | SetTransition | SetFade
    | AddSound | SetMotion | AddVoice | RemoveVoice | SetCaptions | SetCues,
    Field(discriminator="op"),
]
