"""What the agent understood: typed actions the turn runner executes.

The agent never touches JSON or the database: it turns words into these, and
``reelforge.services.turns`` runs them (edits on the draft, generation jobs, undo).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field

from reelforge.draft import Aspect
from reelforge.draft.edits import ClipPlace, Edit
from reelforge.draft.history import Change
from reelforge.draft.model import CaptionStyle, Draft
from reelforge.draft.output import OutputFormat, PresetName, Quality

__all__ = [
    "Action", "AgentContext", "CaptionSpeechAction", "EditAction", "ExportAction", "GenerateAction", "HelpAction",
    "Language",
    "MediaRef", "MusicAction", "Outcome", "Plan", "RedoAction", "RevertAction", "ScriptAction", "ShowTimeline",
    "Script", "SkippedCall", "SoundAction", "SubtitlesAction", "TimelineExportAction", "Unknown", "UndoAction", "VersionRecord",
    "VoiceAction", "VoiceChangeAction",
]

Language = Literal["en", "zh"]
# the Chinese script a user writes, which the reply and the labels follow: simplified (also every English message),
# Taiwan's or Hong Kong's Traditional (``_traditional``)
Script = Literal["hans", "tw", "hk"]


@dataclass(frozen=True)
class MediaRef:
    """A media record the session can use, as the agent sees it."""

    src: str                                  # "media:<id>" (or a path on the CLI)
    kind: Literal["video", "image", "audio", "text"]
    name: str
    duration_ms: int | None = None
    uploaded: bool = True                     # False for generated / library media


@dataclass(frozen=True)
class VersionRecord:
    """One saved version of the lineage: its label, the edits that made it when the version recorded them, and the
    draft they were made on (its parent version's: what undoing it restores) when known."""

    label: str
    change: Change | None = None
    before: Draft | None = None


@dataclass(frozen=True)
class AgentContext:
    """What a turn knows: the current draft, the session's media, and the edit history.

    ``versions`` is the lineage as data (labels and the edits that made each version); ``history`` its labels
    alone, for callers that only have labels (the rules then read the labels)."""

    draft: object                             # reelforge.draft.Draft (kept loose to avoid cycles)
    media: list[MediaRef] = field(default_factory=list)
    history: list[str] = field(default_factory=list)   # descriptions of past versions, oldest first
    language: Language | None = None          # the session's language, when known
    versions: list[VersionRecord] = field(default_factory=list)   # the same lineage with its edits, oldest first


@dataclass(frozen=True)
class EditAction:
    edit: Edit
    description: str = ""                     # what the user will read ("added the title 'Peak' (0-2s)")


@dataclass(frozen=True)
class GenerateAction:
    """Generate a clip and place it: at the end, before/after a clip, or instead of one."""

    prompt: Annotated[str, Field(description="what the clip shows, in the user's words")]
    seconds: Annotated[float, Field(description="its length in seconds")] = 5.0
    aspect: Annotated[Aspect | None, Field(description="its shape; null: the canvas's")] = None
    placement: Annotated[ClipPlace, Field(description="where it goes: at the end, before/after or instead of "
                                                      "ref_segment_id")] = "end"
    ref_segment_id: Annotated[str | None, Field(description="the clip placement is relative to")] = None
    image_src: Annotated[str | None, Field(description="image-to-video: the uploaded still to animate "
                                                       "(media:<id>)")] = None
    seed: Annotated[int | None, Field(description="a fixed seed to repeat a result; null: random")] = None
    # "use the anime LoRA": NAME or NAME:SCALE of settings.loras
    loras: Annotated[tuple[str, ...], Field(description="LoRAs by name, NAME or NAME:SCALE")] = ()


@dataclass(frozen=True)
class MusicAction:
    """Background music from the built-in library (style chosen from words or the scene), or, when
    ``compose`` ("make a calm piano song"), a song generated for the video (library as the fallback)."""

    style: Annotated[str | None, Field(description="a library style; null: chosen from the scene")] = None
    volume: Annotated[float | None, Field(description="0-1 (0.3 is 30%); null: the default")] = None
    compose: Annotated[bool, Field(description="compose a song for the video instead of a library track")] = False
    description: Annotated[str | None, Field(description="the words describing the song ('calm piano', "
                                                         "'欢快')")] = None
    lyrics: Annotated[str | None, Field(description="words to sing, for a composed song")] = None


@dataclass(frozen=True)
class SoundAction:
    """A built-in sound effect at a time, or at each transition when ``at_transitions``."""

    sound: Annotated[str, Field(description="a built-in sound effect")]
    start_ms: Annotated[int | None, Field(description="when it plays, in ms from the start")] = None
    at_transitions: Annotated[bool, Field(description="at each transition instead of at start_ms")] = False


@dataclass(frozen=True)
class VoiceAction:
    """Narrate ``text`` (a voice-over): over the whole video from its start, or at ``start_ms``."""

    text: Annotated[str, Field(description="the words to speak")]
    voice: Annotated[str | None, Field(description="a voice id; null: the session's narration voice or the "
                                                   "default")] = None
    gender: Annotated[Literal["female", "male"] | None, Field(description="a voice of this gender")] = None
    start_ms: Annotated[int | None, Field(description="where it starts in ms; null: over the whole video from "
                                                      "its start")] = None
    at_end: Annotated[bool, Field(description="said at the end: it starts so that it ends with the video")] = False


@dataclass(frozen=True)
class VoiceChangeAction:
    """Speak the narration again: in another voice (or gender), or faster/slower (``rate_scale``)."""

    voice: Annotated[str | None, Field(description="another voice id")] = None
    gender: Annotated[Literal["female", "male"] | None, Field(description="another voice of this gender")] = None
    rate_scale: Annotated[float | None, Field(description="speaking rate times this (0.8 slower, 1.25 "
                                                          "faster)")] = None


@dataclass(frozen=True)
class ScriptAction:
    """Make a video from a script: a generated clip, narration and captions per scene, with music. The script
    is ``script``, or the uploaded text file ``src`` when ``script`` is empty; ``use_media``: the scenes show
    the user's uploaded photos and clips, in order, instead of generated clips."""

    script: Annotated[str, Field(description="the script's text; empty: the uploaded text file src")]
    aspect: Annotated[Aspect | None, Field(description="the video's shape; null: the canvas's")] = None
    src: Annotated[str | None, Field(description="an uploaded .txt holding the script (media:<id>)")] = None
    use_media: Annotated[bool, Field(description="show the uploaded photos and clips instead of generated "
                                                 "clips")] = False


@dataclass(frozen=True)
class CaptionSpeechAction:
    """Captions for a draft without narration: from its clips' own speech when a recogniser is configured."""

    style: CaptionStyle | None = None


@dataclass(frozen=True)
class SubtitlesAction:
    """Export the captions as a subtitle file (srt or vtt) the user can download."""

    format: Annotated[Literal["srt", "vtt"], Field(description="the subtitle file's format")] = "srt"


@dataclass(frozen=True)
class UndoAction:
    steps: Annotated[int, Field(description="how many changes to undo")] = 1


@dataclass(frozen=True)
class RedoAction:
    steps: Annotated[int, Field(description="how many undone changes to redo")] = 1


@dataclass(frozen=True)
class RevertAction:
    """Go back to the version before the first change whose description mentions ``topic``."""

    topic: Annotated[str, Field(description="what the change to go back before was about")]


@dataclass(frozen=True)
class ShowTimeline:
    """The timeline's summary; a question about one thing of it ("how many clips do i have") is answered first."""

    asked: Annotated[Literal["clips", "length", "uploads"] | None, Field(
        description="what was asked about: the number of clips, the video's length, or the uploaded files; null: the "
                    "whole timeline")] = None


@dataclass(frozen=True)
class HelpAction:
    topic: Annotated[str | None, Field(description="'music' lists the music styles, 'sounds' the sound "
                                                   "effects; null: everything")] = None


@dataclass(frozen=True)
class ExportAction:
    format: Annotated[OutputFormat, Field(description="the file's format")] = "mp4"
    preset: Annotated[PresetName | None, Field(description="a platform's settings (size, length, bitrate)")] = None
    quality: Annotated[Quality | None, Field(description="the encoding quality; null: the default")] = None


@dataclass(frozen=True)
class TimelineExportAction:
    """"export for Premiere" / "导出给剪映": the timeline as a file another editor opens.

    ``format`` is a ``reelforge.interchange`` format name, or None when the editor named has no open
    project format (CapCut / 剪映): the reply says so and offers what does exist.
    """

    format: str | None
    editor: str


@dataclass(frozen=True)
class Unknown:
    """Words the agent could not turn into an action; ``understood`` says what it did get.

    ``question`` is set when the request is one the editor can do but a detail is missing or
    something must come first ("What should the title say?"): the reply asks it instead of
    apologising for something it can do.
    """

    text: str
    understood: str = ""
    question: str = ""
    unexplained: bool = False                 # no rule explained these words (a planner may try them)


Action = (EditAction | GenerateAction | MusicAction | SoundAction | UndoAction | RedoAction | RevertAction
          | ShowTimeline | HelpAction | ExportAction | TimelineExportAction | VoiceAction | VoiceChangeAction
          | ScriptAction | SubtitlesAction | CaptionSpeechAction | Unknown)


@dataclass(frozen=True)
class SkippedCall:
    """A step the LLM planner proposed but could not be used: the tool's name and a one-line reason.

    The reply names ``tool`` so the user knows part of the request was dropped; ``reason`` (which field,
    which value) is for logs and for whoever tunes the prompt.
    """

    tool: str
    reason: str


@dataclass(frozen=True)
class Plan:
    language: Language
    actions: list[Action]
    message: str = ""
    skipped: list[SkippedCall] = field(default_factory=list)   # LLM tool calls left out of ``actions``
    script: Script = "hans"                                     # the script the reply and the labels are written in


@dataclass(frozen=True)
class Outcome:
    """What running one action did, for the reply: ``ok`` false carries the reason in ``detail``.

    ``data`` holds facts the reply may use: for a generation ``seconds``, ``shots``, ``backend``,
    ``segment_id``; for music ``style``/``title``; for show-timeline the ``summary`` line.
    """

    action: Action
    ok: bool = True
    detail: str = ""
    data: dict[str, object] = field(default_factory=dict)
