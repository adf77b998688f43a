"""Picking a speech engine: espeak-ng always; Kokoro when ``REELFORGE_TTS_MODEL`` names its weights.

A voice id says its engine (``kokoro:af_heart`` is Kokoro's, ``en_female`` espeak's); with no voice
named, the configured neural engine speaks if there is one. Engines are kept warm by their owner's
:class:`~reelforge.speech.pool.SpeechPool` (``Services.speech``), one per model.
"""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import numpy as np

from reelforge.errors import BackendUnavailable, InvalidInput
from reelforge.settings import Settings
from reelforge.speech.base import Speech, SpeechRequest, Voice
from reelforge.speech.espeak import EspeakEngine
from reelforge.speech.pool import KOKORO_PREFIX, SpeechPool

__all__ = ["KOKORO_PREFIX", "available_voices", "pick_voice", "synthesize", "write_speech"]


def synthesize(request: SpeechRequest, settings: Settings, pool: SpeechPool | None = None) -> Speech:
    """Speak ``request`` with the engine its voice belongs to (``settings.voice`` when it names none).

    The engine comes from ``pool`` (a server's ``Services.speech`` keeps it warm); without one, it is
    loaded for this call only (a one-shot command)."""
    if request.voice is None and settings.voice:
        request = SpeechRequest(request.text, settings.voice, request.rate, request.pitch, request.sentence_pause_ms)
    if not 0.5 <= request.rate <= 2:
        raise InvalidInput(f"rate: must be between 0.5 and 2 (got {request.rate})", field="rate")
    if not 0.5 <= request.pitch <= 1.5:
        raise InvalidInput(f"pitch: must be between 0.5 and 1.5 (got {request.pitch})", field="pitch")
    return (pool or SpeechPool()).engine(request.voice, settings).synthesize(request)


def available_voices(settings: Settings, pool: SpeechPool | None = None) -> list[dict[str, Any]]:
    """Every voice that can speak here, and the neural engine's state when it cannot (``reelforge voices``).

    Listing the neural engine's voices loads it: into ``pool`` when given, else for this call only."""
    rows: list[dict[str, Any]] = [_row(v, True) for v in EspeakEngine().voices()]
    if settings.tts_model:
        try:
            engine = (pool or SpeechPool()).engine(None, settings)  # with a model configured: the neural engine
            rows += [_row(v, True) for v in engine.voices()]
        except (BackendUnavailable, InvalidInput) as exc:
            rows.append({"id": KOKORO_PREFIX + "*", "engine": "kokoro", "available": False, "reason": exc.message})
    default = settings.voice or next((r["id"] for r in rows if r["engine"] == "kokoro" and r["available"]), "en_female")
    for row in rows:
        row["default"] = row["id"] == default
    return rows


def pick_voice(settings: Settings, language: str, gender: str | None = None, pool: SpeechPool | None = None) -> str:
    """A voice id for ``language`` (and ``gender``): the configured default when it fits, else the neural
    engine's when one is configured, else espeak's."""
    rows = [r for r in available_voices(settings, pool) if r["available"] and r.get("language") == language]
    if gender is not None:
        rows = [r for r in rows if r.get("gender") == gender] or rows
    rows.sort(key=lambda r: (not r["default"], r["engine"] != "kokoro"))
    if not rows:
        raise InvalidInput(f"language: no voice speaks {language!r}", field="language")
    return str(rows[0]["id"])


def _row(voice: Voice, available: bool) -> dict[str, Any]:
    return {"id": voice.id, "engine": voice.engine, "language": voice.language, "gender": voice.gender,
            "description": voice.description, "available": available}


def write_speech(speech: Speech, path: Path) -> Path:
    """Write ``speech`` as 16-bit mono WAV (written aside, then renamed: whole or not at all)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    pcm = np.round(np.clip(speech.samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(speech.sample_rate)
        out.writeframes(pcm.tobytes())
    partial.replace(path)
    return path
