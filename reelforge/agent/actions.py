"""What the agent understood: typed actions the turn runner executes.

The agent never touches JSON or the database: it turns words into these, and
``reelforge.services.turns`` runs them (edits on the draft, generation jobs, undo).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reelforge.draft import Aspect
from reelforge.draft.edits import ClipPlace, Edit
from reelforge.draft.history import Change
from reelforge.draft.model import CaptionStyle
from reelforge.draft.output import OutputFormat, PresetName, Quality

__all__ = [
    "Action", "AgentContext", "CaptionSpeechAction", "EditAction", "ExportAction", "GenerateAction", "HelpAction",
    "Language",
    "MediaRef", "MusicAction", "Outcome", "Plan", "RedoAction", "RevertAction", "ScriptAction", "ShowTimeline",
    "SkippedCall", "SoundAction", "SubtitlesAction", "TimelineExportAction", "Unknown", "UndoAction", "VersionRecord",
    "VoiceAction", "VoiceChangeAction",
]

Language = Literal["en", "zh"]


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
    """One saved version of the lineage: its label, and the edits that made it when the version recorded them."""

    label: str
    change: Change | None = None


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

    prompt: str
    seconds: float = 5.0
    aspect: Aspect | None = None
    placement: ClipPlace = "end"
    ref_segment_id: str | None = None
    image_src: str | None = None              # image-to-video: the still to animate
    seed: int | None = None
    loras: tuple[str, ...] = ()               # "use the anime LoRA": NAME or NAME:SCALE of settings.loras


@dataclass(frozen=True)
class MusicAction:
    """Background music from the built-in library (style chosen from words or the scene), or, when
    ``compose`` ("make a calm piano song"), a song generated for the video (library as the fallback)."""

    style: str | None = None
    volume: float | None = None
    compose: bool = False
    description: str | None = None        # the words describing the song ("calm piano", "欢快")
    lyrics: str | None = None


@dataclass(frozen=True)
class SoundAction:
    """A built-in sound effect at a time, or at each transition when ``at_transitions``."""

    sound: str
    start_ms: int | None = None
    at_transitions: bool = False


@dataclass(frozen=True)
class VoiceAction:
    """Narrate ``text`` (a voice-over): over the whole video from its start, or at ``start_ms``."""

    text: str
    voice: str | None = None                  # a voice id; None = the session's narration voice or the default
    gender: Literal["female", "male"] | None = None
    start_ms: int | None = None


@dataclass(frozen=True)
class VoiceChangeAction:
    """Speak the narration again: in another voice (or gender), or faster/slower (``rate_scale``)."""

    voice: str | None = None
    gender: Literal["female", "male"] | None = None
    rate_scale: float | None = None


@dataclass(frozen=True)
class ScriptAction:
    """Make a video from a script: a generated clip, narration and captions per scene, with music. The script
    is ``script``, or the uploaded text file ``src`` when ``script`` is empty; ``use_media``: the scenes show
    the user's uploaded photos and clips, in order, instead of generated clips."""

    script: str
    aspect: Aspect | None = None
    src: str | None = None
    use_media: bool = False


@dataclass(frozen=True)
class CaptionSpeechAction:
    """Captions for a draft without narration: from its clips' own speech when a recogniser is configured."""

    style: CaptionStyle | None = None


@dataclass(frozen=True)
class SubtitlesAction:
    """Export the captions as a subtitle file (srt or vtt) the user can download."""

    format: Literal["srt", "vtt"] = "srt"


@dataclass(frozen=True)
class UndoAction:
    steps: int = 1


@dataclass(frozen=True)
class RedoAction:
    steps: int = 1


@dataclass(frozen=True)
class RevertAction:
    """Go back to the version before the first change whose description mentions ``topic``."""

    topic: str


@dataclass(frozen=True)
class ShowTimeline:
    pass


@dataclass(frozen=True)
class HelpAction:
    topic: str | None = None                  # e.g. "music" for "what music styles do you have?"


@dataclass(frozen=True)
class ExportAction:
    format: OutputFormat = "mp4"
    preset: PresetName | None = None
    quality: Quality | None = None


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
