"""The always-available voice: espeak-ng, its library and data from the ``espeakng-loader`` wheel.

No system package and no download: ``pip install`` brings ``libespeak-ng.so`` and its
``espeak-ng-data`` (English, Mandarin ``cmn`` and a hundred more), loaded here through ctypes.
espeak-ng is a formant synthesiser: clear and fast (hundreds of times realtime on a CPU), robotic
next to a neural voice. It reports where every word starts (``espeakEVENT_WORD``), so captions
get real word times.

Each sentence is synthesised on its own and cut to where its sound starts and ends, then the
sentences are joined with a fixed pause: a sentence's start and end in the result are exact by
construction, and commas keep espeak's own short pauses inside a sentence.
"""

from __future__ import annotations

import ctypes
import functools
import re
import threading
from dataclasses import dataclass, field

import numpy as np

from reelforge.errors import BackendUnavailable, InvalidInput
from reelforge.speech._text import language_of, split_sentences
from reelforge.speech.base import Sentence, Speech, SpeechRequest, TimedWord, Voice

__all__ = ["ESPEAK_VOICES", "EspeakEngine", "ipa_words", "trim_silence"]

# id -> (espeak voice name with its variant, language, gender, description)
ESPEAK_VOICES: dict[str, Voice] = {v.id: v for v in [
    Voice("en_female", "espeak", "en", "female", "English (US), female"),
    Voice("en_male", "espeak", "en", "male", "English (US), male"),
    Voice("en_gb_female", "espeak", "en", "female", "English (UK), female"),
    Voice("en_gb_male", "espeak", "en", "male", "English (UK), male"),
    Voice("zh_female", "espeak", "zh", "female", "Mandarin Chinese, female"),
    Voice("zh_male", "espeak", "zh", "male", "Mandarin Chinese, male"),
]}
_ESPEAK_NAMES = {"en_female": "en-us+f3", "en_male": "en-us+m3", "en_gb_female": "en-gb+f3",
                 "en_gb_male": "en-gb+m3", "zh_female": "cmn+f3", "zh_male": "cmn+m3"}
_BASE_WPM = {"en": 165, "zh": 150}  # espeak's default 175 wpm is brisk for narration
_BASE_PITCH = 50                     # espeak's own default (0..100)

# speak_lib.h: the event record and the callback the synthesiser fills samples and events through.
_EVENT_WORD, _EVENT_LIST_END = 1, 0
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_CHARS_UTF8, _ENDPAUSE = 1, 0x1000
_PARAM_RATE, _PARAM_PITCH = 1, 3


class _Event(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint), ("text_position", ctypes.c_int),
                ("length", ctypes.c_int), ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", ctypes.c_char * 8)]


_Callback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event))


@dataclass
class _Take:
    """What one espeak_Synth call produced: samples and the words' (character position, ms) marks."""

    chunks: list[np.ndarray] = field(default_factory=list)
    words: list[tuple[int, int]] = field(default_factory=list)


class _Library:
    """libespeak-ng, initialised once: the C library keeps one synthesiser per process, so every call
    goes through ``lock`` (threads of one worker take turns; it is fast)."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise BackendUnavailable("espeak-ng is not installed: pip install espeakng-loader",
                                     data={"engine": "espeak"}) from exc
        self.lock = threading.Lock()
        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_TextToPhonemes.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
        self.lib.espeak_TextToPhonemes.restype = ctypes.c_char_p
        self.lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                          ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
        rate = self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0,
                                          espeakng_loader.get_data_path().encode(), 0)
        if rate <= 0:
            raise BackendUnavailable(f"espeak-ng did not start (espeak_Initialize returned {rate})",
                                     data={"engine": "espeak"})
        self.sample_rate = int(rate)
        self.take = _Take()
        self._callback = _Callback(self._receive)  # kept: the C side holds only a pointer to it
        self.lib.espeak_SetSynthCallback(self._callback)

    def _receive(self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: ctypes._Pointer[_Event]) -> int:
        if count > 0:
            self.take.chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).astype(np.float32) / 32768.0)
        i = 0
        while events[i].type != _EVENT_LIST_END:
            if events[i].type == _EVENT_WORD:
                self.take.words.append((events[i].text_position, events[i].audio_position))
            i += 1
        return 0  # 0 = go on

    def speak(self, text: str, voice: str, wpm: int, pitch: int) -> _Take:
        """Synthesise ``text`` whole; the caller holds ``lock``."""
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise BackendUnavailable(f"espeak-ng has no voice {voice!r}", data={"engine": "espeak"})
        self.lib.espeak_SetParameter(_PARAM_RATE, wpm, 0)
        self.lib.espeak_SetParameter(_PARAM_PITCH, pitch, 0)
        self.take = _Take()
        data = text.encode("utf-8")
        status = self.lib.espeak_Synth(data, len(data) + 1, 0, 1, 0, _CHARS_UTF8 | _ENDPAUSE, None, None)
        if status != 0:
            raise BackendUnavailable(f"espeak-ng could not speak (error {status})", data={"engine": "espeak"})
        return self.take


    def ipa(self, text: str, voice: str) -> str:
        """``text`` (a word or a clause) as IPA; espeak drops punctuation. The caller holds ``lock``."""
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise BackendUnavailable(f"espeak-ng has no voice {voice!r}", data={"engine": "espeak"})
        data = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(data))
        parts: list[str] = []
        while pointer.value:  # one call per clause; the pointer moves on, and is NULL at the end
            parts.append((self.lib.espeak_TextToPhonemes(ctypes.byref(pointer), _CHARS_UTF8, _IPA) or b"").decode())
        return " ".join(p.strip() for p in parts if p.strip())


_IPA = 0x02  # phonememode: International Phonetic Alphabet
# CJK punctuation as the ASCII mark a phoneme vocabulary knows
_ASCII_MARKS = {"。": ".", "，": ",", "！": "!", "？": "?", "；": ";", "：": ":", "、": ",", "…": "…"}


@functools.cache
def _library() -> _Library:
    return _Library()


def ipa_words(words: list[str], language: str) -> list[str]:
    """Each word in IPA by espeak-ng, its closing punctuation kept as an ASCII mark (what Kokoro's IPA
    vocabulary reads; espeak is misaki's own fallback for it). Words one by one, so a neural voice's
    phoneme durations add up to each word's time."""
    library = _library()
    voice = "cmn" if language == "zh" else "en-us"
    out: list[str] = []
    with library.lock:
        for word in words:
            mark = re.search(r"[.,!?;:…。，！？；：、]+", word)
            phonemes = library.ipa(re.sub(r"[^\w'’-]+", " ", word).strip(), voice) if re.search(r"\w", word) else ""
            out.append(phonemes + (_ASCII_MARKS.get(mark.group()[-1], mark.group()[-1]) if mark else ""))
    return out


def trim_silence(samples: np.ndarray, sample_rate: int, threshold: float = 0.01) -> tuple[int, int]:
    """The first and last sample of sound: where a 5 ms window's RMS level passes ``threshold``."""
    window = max(1, sample_rate // 200)
    usable = len(samples) // window * window
    if usable == 0:
        return 0, len(samples)
    levels = np.sqrt(np.mean(np.square(samples[:usable].reshape(-1, window)), axis=1))
    loud = np.flatnonzero(levels > threshold)
    if len(loud) == 0:
        return 0, 0
    return int(loud[0] * window), int(min(len(samples), (loud[-1] + 1) * window))


class EspeakEngine:
    """The espeak-ng voices; always available (the wheel is a core dependency)."""

    name = "espeak"

    def voices(self) -> list[Voice]:
        return list(ESPEAK_VOICES.values())

    def voice_for(self, request: SpeechRequest) -> Voice:
        """The voice asked for, or the female voice of the text's language."""
        if request.voice is None:
            return ESPEAK_VOICES[f"{language_of(request.text)}_female"]
        voice = ESPEAK_VOICES.get(request.voice)
        if voice is None:
            raise InvalidInput(f"voice: unknown voice {request.voice!r} (choose one of {', '.join(ESPEAK_VOICES)})",
                               field="voice")
        return voice

    def synthesize(self, request: SpeechRequest) -> Speech:
        sentences_text = split_sentences(request.text)
        if not sentences_text:
            raise InvalidInput("text: there is nothing to say", field="text")
        voice = self.voice_for(request)
        wpm = round(min(450, max(80, _BASE_WPM[voice.language] * request.rate)))
        pitch = round(min(99, max(1, _BASE_PITCH * request.pitch)))
        library = _library()
        rate = library.sample_rate
        pause = np.zeros(round(rate * request.sentence_pause_ms / 1000), dtype=np.float32)
        pieces: list[np.ndarray] = []
        sentences: list[Sentence] = []
        cursor = 0  # samples so far
        with library.lock:
            takes = [library.speak(text, _ESPEAK_NAMES[voice.id], wpm, pitch) for text in sentences_text]
        for text, take in zip(sentences_text, takes):
            audio = np.concatenate(take.chunks) if take.chunks else np.zeros(0, np.float32)
            first, last = trim_silence(audio, rate)
            if last <= first:
                continue  # nothing audible (a lone symbol)
            if pieces:
                pieces.append(pause)
                cursor += len(pause)
            pieces.append(audio[first:last])
            start_ms, end_ms = _ms(cursor, rate), _ms(cursor + last - first, rate)
            sentences.append(Sentence(start_ms, end_ms, text, _words(text, take.words, first, last, cursor, rate)))
            cursor += last - first
        if not pieces:
            raise InvalidInput("text: nothing in it can be spoken", field="text")
        return Speech(np.concatenate(pieces), rate, sentences, voice)


def _ms(samples: int, rate: int) -> int:
    return round(1000 * samples / rate)


def _words(text: str, marks: list[tuple[int, int]], first: int, last: int, offset: int, rate: int) -> list[TimedWord]:
    """espeak's word marks (1-based character position, ms into the take) as words on the result's clock.

    A word runs from its mark to the next one's; its text is the characters up to the next word's
    position, so punctuation stays with the word it follows and the words rebuild the sentence."""
    marks = sorted({(pos, at) for pos, at in marks if 0 < pos <= len(text)})
    words: list[TimedWord] = []
    lo, hi = _ms(offset, rate), _ms(offset + last - first, rate)
    for k, (pos, at) in enumerate(marks):
        next_pos = marks[k + 1][0] if k + 1 < len(marks) else len(text) + 1
        word = text[pos - 1:next_pos - 1].strip()
        if not word:
            continue
        start = min(hi, max(lo, lo + at - _ms(first, rate)))
        end = hi if k + 1 == len(marks) else min(hi, max(start, lo + marks[k + 1][1] - _ms(first, rate)))
        if words and start == words[-1].start_ms:  # two marks at one instant: one word
            words[-1] = TimedWord(words[-1].start_ms, end, f"{words[-1].text}{word}")
            continue
        words.append(TimedWord(start, end, word))
    return words
