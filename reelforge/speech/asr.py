"""Speech to timed words: Whisper through the transformers pipeline, weights by path (``REELFORGE_ASR_MODEL``).

Captions for an uploaded clip's own speech: the clip's sound is decoded to 16 kHz mono, Whisper writes
its text with segment timestamps, each segment becomes a cue (sentence), and word times are spread
over the segment by word length (Whisper's segment times are what it reports reliably). Nothing is
downloaded: the folder is loaded as it is (``config.json``, weights, tokenizer, feature extractor).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from reelforge.draft.model import Cue, Word
from reelforge.errors import InvalidInput
from reelforge.settings import Settings
from reelforge.speech._text import estimate_words
from reelforge.speech.pool import SpeechPool

__all__ = ["ASR_RATE", "decode_speech", "transcribe"]

ASR_RATE = 16_000


def decode_speech(path: Path, start_ms: int = 0, duration_ms: int | None = None) -> np.ndarray:
    """The sound of ``path`` (from ``start_ms``, for ``duration_ms``) as 16 kHz mono float samples."""
    import av

    chunks: list[np.ndarray] = []
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                return np.zeros(0, np.float32)
            resampler = av.AudioResampler(format="flt", layout="mono", rate=ASR_RATE)
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except av.error.FFmpegError as exc:
        raise InvalidInput(f"{path.name}: its sound cannot be read ({exc})", field="src") from exc
    samples = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
    first = round(start_ms * ASR_RATE / 1000)
    last = None if duration_ms is None else first + round(duration_ms * ASR_RATE / 1000)
    return samples[first:last]


def transcribe(samples: np.ndarray, settings: Settings, pool: SpeechPool, language: str | None = None) -> list[Cue]:
    """The speech in 16 kHz mono ``samples`` as cues (one per Whisper segment), times from the samples' start.

    The recogniser is ``pool``'s, loaded there once (``Services.speech`` keeps it warm)."""
    if len(samples) == 0:
        return []
    recogniser = pool.recogniser(settings)
    kwargs: dict[str, Any] = {"task": "transcribe"}
    if language:
        kwargs["language"] = language
    result = recogniser({"raw": samples, "sampling_rate": ASR_RATE}, return_timestamps=True,
                        generate_kwargs=kwargs)
    total_ms = round(1000 * len(samples) / ASR_RATE)
    cues: list[Cue] = []
    cursor = 0
    for chunk in result.get("chunks") or [{"timestamp": (0.0, None), "text": result.get("text", "")}]:
        text = " ".join(str(chunk.get("text", "")).split())
        begin, end = chunk.get("timestamp") or (None, None)
        start_ms = max(cursor, round(begin * 1000)) if begin is not None else cursor
        end_ms = min(total_ms, round(end * 1000)) if end is not None else total_ms  # Whisper left it open
        if not text or end_ms <= start_ms:
            continue
        words = [Word(start_ms=w.start_ms, duration_ms=w.end_ms - w.start_ms, text=w.text)
                 for w in estimate_words(text, start_ms, end_ms)]
        cues.append(Cue(start_ms=start_ms, duration_ms=end_ms - start_ms, text=text[:500], words=words))
        cursor = end_ms
    return cues
