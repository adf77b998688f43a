"""The warm speech models of one owner (``Services``, or a one-shot command): voices and recognisers.

A Kokoro engine (``REELFORGE_TTS_MODEL``) and a Whisper recogniser (``REELFORGE_ASR_MODEL``) each hold
their weights in memory, so they are loaded once per model folder and kept, as the generators and
the music model are (``GeneratorPool``, ``ComposerPool``): by the object that owns them, not by the
module, and let go by :meth:`SpeechPool.close` when the owner shuts down. Loading happens under the
pool's lock, so two threads never load the same weights twice. espeak-ng needs no pool: its C
library is one synthesiser per process (``espeak._library``), and its engine holds nothing.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from reelforge.errors import BackendUnavailable, InvalidInput
from reelforge.settings import Settings
from reelforge.speech.base import SpeechEngine
from reelforge.speech.espeak import EspeakEngine
from reelforge.speech.kokoro_engine import KokoroEngine  # light: torch and kokoro load when a model does

__all__ = ["KOKORO_PREFIX", "SpeechPool"]

KOKORO_PREFIX = "kokoro:"


class SpeechPool:
    """Speech engines by model (``kokoro:<folder>``, ``espeak``) and Whisper recognisers by folder."""

    def __init__(self) -> None:
        self._engines: dict[str, SpeechEngine] = {}
        self._recognisers: dict[str, Any] = {}
        self._lock = threading.Lock()

    def engine(self, voice: str | None, settings: Settings) -> SpeechEngine:
        """The engine that speaks ``voice`` (None: the configured neural engine, else espeak)."""
        neural = voice.startswith(KOKORO_PREFIX) if voice else bool(settings.tts_model)
        if neural and not settings.tts_model:
            raise InvalidInput(f"voice: {voice!r} is a Kokoro voice, but no Kokoro model is configured "
                               "(set REELFORGE_TTS_MODEL to its folder)", field="voice")
        key = f"kokoro:{settings.tts_model}" if neural else "espeak"
        with self._lock:
            engine = self._engines.get(key)
            if engine is None:
                engine = _load_kokoro(settings) if neural else EspeakEngine()
                self._engines[key] = engine
        return engine

    def recogniser(self, settings: Settings) -> Any:
        """The Whisper pipeline of ``settings.asr_model``, loaded on first use."""
        folder = settings.asr_model
        if not folder:
            raise BackendUnavailable("no speech recogniser is configured (set REELFORGE_ASR_MODEL to a Whisper "
                                     "folder)", data={"engine": "whisper"})
        with self._lock:
            found = self._recognisers.get(folder)
            if found is None:
                found = _load_whisper(folder, settings.device or "cpu")
                self._recognisers[folder] = found
        return found

    def close(self) -> None:
        """Let every kept model go (the owner is shutting down; tests start afresh)."""
        with self._lock:
            self._engines.clear()
            self._recognisers.clear()


def _load_kokoro(settings: Settings) -> SpeechEngine:
    assert settings.tts_model is not None
    return KokoroEngine.from_path(Path(settings.tts_model).expanduser(), device=settings.device)


def _load_whisper(folder: str, device: str) -> Any:
    path = Path(folder).expanduser()
    if not (path / "config.json").is_file():
        raise BackendUnavailable(f"{folder} is not a Whisper model folder (no config.json)",
                                 data={"engine": "whisper"})
    try:
        from transformers import pipeline
    except ImportError as exc:
        raise BackendUnavailable(f"speech recognition needs transformers ({exc}); install the models "
                                 "extra", data={"engine": "whisper"}) from exc
    return pipeline("automatic-speech-recognition", model=str(path), device=device)
