"""Speech: text to a voice, with the time of every sentence and word (for captions).

``synthesize(SpeechRequest(text, voice), settings)`` speaks with espeak-ng (always installed,
English and Mandarin) or Kokoro (neural, when ``REELFORGE_TTS_MODEL`` names its weights);
``available_voices`` is what ``reelforge voices`` lists. Loaded models live in a :class:`SpeechPool`
owned by ``Services`` (``svc.speech``), unloaded when it closes.
"""

from reelforge.speech._text import estimate_words, language_of, split_sentences
from reelforge.speech.base import Sentence, Speech, SpeechEngine, SpeechRequest, TimedWord, Voice
from reelforge.speech.espeak import ESPEAK_VOICES, EspeakEngine
from reelforge.speech.narration import Narration, narrate, speech_cues
from reelforge.speech.pool import SpeechPool
from reelforge.speech.registry import (
    KOKORO_PREFIX,
    available_voices,
    pick_voice,
    synthesize,
    write_speech,
)

__all__ = [
    "ESPEAK_VOICES",
    "KOKORO_PREFIX",
    "EspeakEngine",
    "Narration",
    "Sentence",
    "Speech",
    "SpeechEngine",
    "SpeechPool",
    "SpeechRequest",
    "TimedWord",
    "Voice",
    "available_voices",
    "estimate_words",
    "language_of",
    "narrate",
    "pick_voice",
    "speech_cues",
    "split_sentences",
    "synthesize",
    "write_speech",
]
