"""Narration: speech written to a file, with the draft's cues (a caption per sentence, words inside)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reelforge.draft.model import Cue, Word
from reelforge.settings import Settings
from reelforge.speech._text import estimate_words
from reelforge.speech.base import Speech, SpeechRequest
from reelforge.speech.pool import SpeechPool
from reelforge.speech.registry import synthesize, write_speech

__all__ = ["Narration", "narrate", "speech_cues"]


@dataclass(frozen=True)
class Narration:
    """A narration file and what the draft needs of it (``AddVoice`` takes these)."""

    path: Path
    text: str
    voice: str
    duration_ms: int
    cues: list[Cue]


def speech_cues(speech: Speech) -> list[Cue]:
    """One cue per sentence at its exact time; the engine's word times, else times spread by word length."""
    cues: list[Cue] = []
    for sentence in speech.sentences:
        timed = sentence.words or estimate_words(sentence.text, sentence.start_ms, sentence.end_ms)
        words = [Word(start_ms=w.start_ms, duration_ms=max(0, w.end_ms - w.start_ms), text=w.text) for w in timed]
        cues.append(Cue(start_ms=sentence.start_ms, duration_ms=max(1, sentence.end_ms - sentence.start_ms),
                        text=sentence.text, words=words))
    return cues


def narrate(text: str, out: Path, settings: Settings, *, voice: str | None = None, rate: float = 1.0,
            pitch: float = 1.0, pool: SpeechPool | None = None) -> Narration:
    """Speak ``text`` into ``out`` (WAV) and return it with its cues (the engine from ``pool``, see ``synthesize``)."""
    speech = synthesize(SpeechRequest(text.strip(), voice, rate, pitch), settings, pool)
    write_speech(speech, out)
    return Narration(path=out, text=text.strip(), voice=speech.voice.id, duration_ms=speech.duration_ms,
                     cues=speech_cues(speech))
