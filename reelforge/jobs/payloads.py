"""What each job kind carries: one pydantic model per kind, built where the job is submitted and parsed
once by its handler, so no module reads another's payload by string keys.

The JSON is the job row's ``payload`` column, as stored since the first release: models ignore keys
they do not know and leave out the ones that are None, so rows written before and after read alike.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from reelforge.draft import Aspect
from reelforge.draft.edits import ClipPlace
from reelforge.draft.output import OutputFormat, PresetName, Quality
from reelforge.jobs.base import JobQueue, Prepare
from reelforge.settings import SpeedPreset

__all__ = ["GeneratePayload", "JobKind", "JobPayload", "LoraPick", "Placement", "RenderPayload", "SongPayload",
           "V1Video", "submit_job"]

JobKind = Literal["generate", "render", "song"]


class JobPayload(BaseModel):
    """Base of the payloads: ``kind`` names the handler; ``to_json`` is what the row stores."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    kind: ClassVar[JobKind]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class Placement(BaseModel):
    """Where a chat turn's generated clip goes on the session's timeline."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    at: ClipPlace = "end"
    ref: str | None = None      # the segment for before / after / replace


class LoraPick(BaseModel):
    """A named LoRA of ``settings.loras`` for one generation (None scale: the configured one)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    name: str
    scale: float | None = None


class V1Video(BaseModel):
    """What ``/v1/videos`` echoes back about a video: the names the caller used."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    model: str
    size: str
    seconds: str
    remixed_from: str | None = None


class GeneratePayload(JobPayload):
    """A prompt (and optionally a still) to a clip, stored as the owner's media; placed when ``placement``."""

    kind: ClassVar[JobKind] = "generate"
    prompt: str
    seconds: float
    width: int
    height: int
    fps: int = 30
    seed: int = 0
    owner_id: str
    session_id: str | None = None
    generator: str | None = None        # None: the configured default
    image_key: str | None = None        # image-to-video: the still's blob key
    aspect: Aspect | None = None        # the canvas an empty timeline takes on when the clip lands
    placement: Placement | None = None  # None: a /v1 video, not put on any timeline
    description: str | None = None      # the draft version's label
    v1: V1Video | None = None
    loras: tuple[LoraPick, ...] = ()    # model backends: named LoRAs for this clip
    speed: SpeedPreset | None = None    # None: settings.speed


class RenderPayload(JobPayload):
    """A validated draft (wire form) to a file of ``format``, recorded on the render ``render_id``."""

    kind: ClassVar[JobKind] = "render"
    render_id: str
    format: OutputFormat
    quality: Quality
    preset: PresetName | None = None    # a platform preset fixes canvas, encoder and loudness
    draft: dict[str, Any]


class SongPayload(JobPayload):
    """A song composed by the music model (``settings.music_model``), set as the session's background music."""

    kind: ClassVar[JobKind] = "song"
    prompt: str                         # the caption ACE-Step reads
    seconds: float                      # the video's length (at least 10 s)
    lyrics: str = ""                    # "": instrumental
    bpm: int | None = None              # the style's tempo: a loop lands on a bar
    seed: int = 0
    language: Literal["en", "zh"] = "en"
    owner_id: str
    session_id: str
    title: str                          # the media's and the music segment's name
    volume: float


def submit_job(queue: JobQueue, payload: JobPayload, *, owner_id: str | None = None, session_id: str | None = None,
               idempotency_key: str | None = None, prepare: Prepare | None = None) -> str:
    """Queue ``payload`` as a job of its kind; see :meth:`JobQueue.submit`."""
    return queue.submit(payload.kind, payload.to_json(), owner_id=owner_id, session_id=session_id,
                        idempotency_key=idempotency_key, prepare=prepare)
