"""The generator seam: a prompt (and optionally a still) becomes an encoded clip.

Every backend (the weight-free preview, diffusers models) implements
:class:`Generator`; callers never know which one runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from reelforge.errors import InvalidInput
from reelforge.progress import CancelToken, Progress
from reelforge.settings import SpeedPreset

__all__ = ["Clip", "GenerateRequest", "Generator", "LoraChoice", "SEGMENT_SEPARATOR", "parse_loras", "split_duration",
           "validate_segments"]

SEGMENT_SEPARATOR = "|"   # "a fox wakes up | it runs through the snow": one prompt per segment of a long shot
_MAX_SEGMENTS = 16
_MIN_SEGMENT_MS = 500


def split_duration(duration_ms: int, parts: int) -> tuple[int, ...]:
    """``duration_ms`` shared by ``parts`` segments, in whole milliseconds that add up to it."""
    bounds = [round(duration_ms * i / parts) for i in range(parts + 1)]
    return tuple(end - start for start, end in zip(bounds, bounds[1:], strict=False))


@dataclass(frozen=True)
class LoraChoice:
    """A named LoRA of the settings for one request, at its own scale (None = the configured one)."""

    name: str
    scale: float | None = None

    @classmethod
    def parse(cls, text: str, *, field: str = "lora") -> LoraChoice:
        """``NAME`` or ``NAME:SCALE`` (the CLI's ``--lora anime:0.7``)."""
        name, _, scale = text.strip().partition(":")
        if not name:
            raise InvalidInput(f"{field}: a LoRA name is needed (got {text!r})", field=field)
        if not scale:
            return cls(name)
        try:
            value = float(scale)
        except ValueError as exc:
            raise InvalidInput(f"{field}: the scale after ':' must be a number (got {text!r})", field=field) from exc
        if not -4.0 <= value <= 4.0:
            raise InvalidInput(f"{field}: the scale must be between -4 and 4 (got {value})", field=field)
        return cls(name, value)


def parse_loras(value: object, *, field: str = "loras") -> tuple[LoraChoice, ...]:
    """LoRA choices as the edges send them: ``"anime:0.7,noir"``, ``["anime:0.7"]`` or
    ``[{"name": "anime", "scale": 0.7}]`` (None or empty: none)."""
    if value is None or value == "" or value == []:
        return ()
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        raise InvalidInput(f"{field}: a list of LoRA names (got {type(value).__name__})", field=field)
    choices = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            choices.append(LoraChoice.parse(item, field=f"{field}[{index}]"))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            scale = item.get("scale")
            text = item["name"] if scale is None else f"{item['name']}:{scale}"
            choices.append(LoraChoice.parse(text, field=f"{field}[{index}]"))
        else:
            raise InvalidInput(f"{field}[{index}]: a name, 'name:scale' or {{\"name\", \"scale\"}} (got {item!r})",
                               field=field)
    return tuple(choices)


@dataclass(frozen=True)
class GenerateRequest:
    """What to make. ``width``/``height`` are the delivered canvas (1080 on the short side)."""

    prompt: str
    seconds: float = 5.0
    width: int = 1920
    height: int = 1080
    fps: int = 30
    seed: int = 0
    image: Path | None = None          # image-to-video: the still to animate
    last_image: Path | None = None     # the frame the clip should end on (families that take one)
    negative_prompt: str | None = None
    steps: int | None = None           # model backends only; None = the family's default
    guidance: float | None = None
    loras: tuple[LoraChoice, ...] = ()  # named LoRAs of ``settings.loras``
    speed: SpeedPreset | None = None   # None = ``settings.speed``

    @property
    def duration_ms(self) -> int:
        return round(self.seconds * 1000)

    @property
    def segments(self) -> tuple[str, ...]:
        """One prompt per segment of a multi-prompt long shot (``a | b | c``); one for a plain prompt."""
        parts = tuple(part.strip() for part in self.prompt.split(SEGMENT_SEPARATOR))
        return tuple(part for part in parts if part) or (self.prompt.strip(),)


@dataclass(frozen=True)
class Clip:
    """An encoded clip and where it came from (stored with the media record)."""

    path: Path
    duration_ms: int
    width: int
    height: int
    fps: int
    backend: str                      # "preview" | "diffusers"
    model: str                        # e.g. "reelforge-preview-1" or a model id / path
    seed: int
    provenance: dict[str, Any] = field(default_factory=dict)  # steps, generated size, versions, shots


@runtime_checkable
class Generator(Protocol):
    """A backend that turns a :class:`GenerateRequest` into a :class:`Clip` at ``out``."""

    name: str

    def generate(
        self,
        request: GenerateRequest,
        out: Path,
        progress: Progress,
        cancel: CancelToken | None = None,
    ) -> Clip: ...

    def unload(self) -> None:
        """Give back what a warm instance holds (a model backend's pipeline and GPU memory); it may load again."""


def validate_segments(request: GenerateRequest) -> None:
    """A multi-prompt long shot has at most 16 segments of at least half a second each."""
    count = len(request.segments)
    if count > _MAX_SEGMENTS:
        raise InvalidInput(f"prompt: at most {_MAX_SEGMENTS} segments separated by '|' (got {count})", field="prompt")
    if count > 1 and request.duration_ms < count * _MIN_SEGMENT_MS:
        raise InvalidInput(f"seconds: {count} segments need at least {count * _MIN_SEGMENT_MS / 1000:g} s "
                           f"(got {request.seconds:g})", field="seconds")
