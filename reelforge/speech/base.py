"""The speech seam: text becomes a voice's samples plus the time of every sentence and word.

Every engine (espeak-ng, always there; Kokoro when its weights are configured) implements
:class:`SpeechEngine`; callers never know which one speaks. Times are integer milliseconds
from the start of the returned samples, as everywhere in reelforge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

import numpy as np

__all__ = ["Gender", "Language", "Speech", "SpeechEngine", "SpeechRequest", "TimedWord", "Voice", "Sentence"]

Language = Literal["en", "zh"]
Gender = Literal["female", "male"]


@dataclass(frozen=True)
class Voice:
    """A voice an engine offers; ``id`` is what drafts, settings and the chat name it by."""

    id: str                    # "en_female", "kokoro:af_heart"
    engine: str                # "espeak" | "kokoro"
    language: Language
    gender: Gender
    description: str = ""


@dataclass(frozen=True)
class SpeechRequest:
    """What to say and how: ``rate`` and ``pitch`` are multipliers of the voice's own (1 = as it is)."""

    text: str
    voice: str | None = None   # a Voice.id; None = the engine's default for the text's language
    rate: float = 1.0          # 0.5 .. 2
    pitch: float = 1.0         # 0.5 .. 1.5
    sentence_pause_ms: int = 350


@dataclass(frozen=True)
class TimedWord:
    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence as spoken: exact from synthesis (its samples start and end here)."""

    start_ms: int
    end_ms: int
    text: str
    words: list[TimedWord] = field(default_factory=list)
    words_estimated: bool = False   # True when the engine gave no word times and they were spread by length


@dataclass(frozen=True)
class Speech:
    """Mono float samples in -1..1 and the timing of what they say."""

    samples: np.ndarray
    sample_rate: int
    sentences: list[Sentence]
    voice: Voice

    @property
    def duration_ms(self) -> int:
        return round(1000 * len(self.samples) / self.sample_rate)


@runtime_checkable
class SpeechEngine(Protocol):
    """An engine that speaks a :class:`SpeechRequest` in one of its :meth:`voices`."""

    name: str

    def voices(self) -> list[Voice]:
        ...

    def synthesize(self, request: SpeechRequest) -> Speech:
        ...
