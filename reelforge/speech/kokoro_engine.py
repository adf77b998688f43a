"""Neural voices: Kokoro-82M (Apache-2.0) through the ``kokoro`` package's ``KModel``, weights by path.

``REELFORGE_TTS_MODEL`` names a folder as the model's hub repository lays it out: ``config.json``,
the weights (``kokoro-v1_0.pth``, any one ``*.pth``) and ``voices/*.pt`` (a voice's style vectors,
one per phoneme count). Nothing is downloaded: the folder is read as it is.

Phonemes come from espeak-ng (already here; misaki's own fallback for Kokoro): ``kokoro.KPipeline``'s
English G2P needs spaCy and fetches a spaCy model at run time, which reelforge never does. Words are
phonemised one by one, so the model's predicted duration of every phoneme adds up to exact word times.
Kokoro has no pitch control: ``pitch`` is ignored. Voices are named by Kokoro's scheme: the first
letter the language (``a``/``b`` English, ``z`` Mandarin), the second the gender (``f``/``m``).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np

from reelforge.errors import BackendUnavailable, InvalidInput
from reelforge.speech._text import language_of, split_sentences, word_spans
from reelforge.speech.base import Language, Sentence, Speech, SpeechRequest, TimedWord, Voice
from reelforge.speech.espeak import ipa_words, trim_silence

__all__ = ["KOKORO_LANGUAGES", "SAMPLE_RATE", "KokoroEngine"]

SAMPLE_RATE = 24_000
KOKORO_LANGUAGES: dict[str, Language] = {"a": "en", "b": "en", "z": "zh"}  # the ones espeak phonemises for it
_MAX_TOKENS = 500  # the model's context is 512 positions, two of them the boundary tokens


class KokoroEngine:
    """Kokoro's voices from a local folder; one synthesis at a time (a torch module is not re-entrant)."""

    name = "kokoro"

    def __init__(self, model: Any, voice_files: dict[str, Path], device: str = "cpu") -> None:
        self._model = model
        self._voice_files = voice_files
        self._packs: dict[str, Any] = {}
        self._device = device
        self._lock = threading.Lock()

    @classmethod
    def from_path(cls, folder: Path, device: str | None = None) -> KokoroEngine:
        """Load the model in ``folder`` (see the module's docstring for its layout)."""
        # 1. Check the folder
        config = folder / "config.json"
        weights = sorted(folder.glob("*.pth"))
        voice_files = {p.stem: p for p in sorted((folder / "voices").glob("*.pt")) if p.stem[:1] in KOKORO_LANGUAGES}
        if not folder.is_dir() or not config.is_file() or not weights:
            raise BackendUnavailable(f"{folder} is not a Kokoro model folder (config.json and a .pth file)",
                                     data={"engine": "kokoro"})
        if not voice_files:
            raise BackendUnavailable(f"{folder / 'voices'} has no English or Mandarin voice (a*.pt, b*.pt, z*.pt)",
                                     data={"engine": "kokoro"})
        # 2. Import lazily: torch and kokoro only when a neural voice is configured
        try:
            import torch
            from kokoro import KModel
        except ImportError as exc:
            raise BackendUnavailable(f"the Kokoro voice needs a missing package ({exc}); install the models "
                                     "extra: pip install 'reelforge[models]'", data={"engine": "kokoro"}) from exc
        # 3. Build the model from the local files (repo_id only names it: nothing is fetched with both paths given)
        with config.open(encoding="utf-8") as handle:
            settings = json.load(handle)
        model = KModel(repo_id="hexgrad/Kokoro-82M", config=settings, model=str(weights[0])).eval()
        device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        return cls(model.to(device), voice_files, device)

    def voices(self) -> list[Voice]:
        return [Voice(id=f"kokoro:{name}", engine="kokoro", language=KOKORO_LANGUAGES[name[0]],
                      gender="male" if name[1:2] == "m" else "female", description=f"Kokoro {name}")
                for name in self._voice_files]

    def _voice_for(self, request: SpeechRequest) -> Voice:
        voices = {v.id: v for v in self.voices()}
        if request.voice is None:
            language = language_of(request.text)
            found = next((v for v in voices.values() if v.language == language), None)
            if found is None:
                raise InvalidInput(f"voice: the Kokoro model has no {language} voice", field="voice")
            return found
        if request.voice not in voices:
            raise InvalidInput(f"voice: unknown voice {request.voice!r} (choose one of {', '.join(voices)})",
                               field="voice")
        return voices[request.voice]

    def _pack(self, name: str) -> Any:
        import torch

        if name not in self._packs:
            self._packs[name] = torch.load(self._voice_files[name], map_location="cpu", weights_only=True)
        return self._packs[name]

    def synthesize(self, request: SpeechRequest) -> Speech:
        texts = split_sentences(request.text)
        if not texts:
            raise InvalidInput("text: there is nothing to say", field="text")
        voice = self._voice_for(request)
        name = voice.id.removeprefix("kokoro:")
        pause = np.zeros(round(SAMPLE_RATE * request.sentence_pause_ms / 1000), dtype=np.float32)
        pieces: list[np.ndarray] = []
        sentences: list[Sentence] = []
        cursor = 0
        with self._lock:
            for text in texts:
                audio, words = self._sentence(text, name, voice.language, request.rate)
                first, last = trim_silence(audio, SAMPLE_RATE)
                if last <= first:
                    continue
                if pieces:
                    pieces.append(pause)
                    cursor += len(pause)
                pieces.append(audio[first:last])
                lo, hi = _ms(cursor), _ms(cursor + last - first)
                shift = lo - _ms(first)
                timed = [TimedWord(min(hi, max(lo, w.start_ms + shift)), min(hi, max(lo, w.end_ms + shift)), w.text)
                         for w in words]
                sentences.append(Sentence(lo, hi, text, timed))
                cursor += last - first
        if not pieces:
            raise InvalidInput("text: nothing in it can be spoken", field="text")
        return Speech(np.concatenate(pieces), SAMPLE_RATE, sentences, voice)

    def _sentence(self, text: str, name: str, language: Language, rate: float) -> tuple[np.ndarray, list[TimedWord]]:
        """One sentence: its samples and its words' times (ms into them) from the predicted durations."""
        spans = word_spans(text)
        words = [text[a:b] for a, b in spans]
        vocab = self._model.vocab
        tokens: list[str] = []
        owner: list[int] = []       # the word each kept phoneme belongs to
        for index, phonemes in enumerate(ipa_words(words, language)):
            if tokens and language == "en":
                tokens.append(" ")
                owner.append(index)
            for symbol in phonemes:
                if symbol in vocab:
                    tokens.append(symbol)
                    owner.append(index)
        if not tokens:
            return np.zeros(0, np.float32), []
        tokens, owner = tokens[:_MAX_TOKENS], owner[:_MAX_TOKENS]
        pack = self._pack(name)
        style = pack[min(len(tokens), len(pack)) - 1]
        output = self._model("".join(tokens), style, speed=rate, return_output=True)
        audio = output.audio.detach().cpu().numpy().astype(np.float32)
        durations = output.pred_dur.detach().cpu().numpy().reshape(-1)[1:-1]  # without the boundary tokens
        per_frame = len(audio) / max(1, int(output.pred_dur.sum()))
        edges = np.concatenate([[0], np.cumsum(durations)]) + int(output.pred_dur.reshape(-1)[0])
        timed: list[TimedWord] = []
        for index, word in enumerate(words):
            mine = [k for k, who in enumerate(owner) if who == index and tokens[k] != " "]
            if not mine:
                continue
            start, end = edges[mine[0]] * per_frame, edges[mine[-1] + 1] * per_frame
            timed.append(TimedWord(_ms(round(start)), _ms(round(end)), word))
        return audio, timed


def _ms(samples: int) -> int:
    return round(1000 * samples / SAMPLE_RATE)
