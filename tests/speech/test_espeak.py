"""The always-available voice, for real: espeak-ng from its wheel, measured from the samples it makes."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.errors import InvalidInput
from reelforge.settings import Settings
from reelforge.speech import SpeechRequest, available_voices, synthesize
from tests.speech._energy import loud_regions

ENGLISH = "The city wakes before the sun. Trucks roll past the harbour, and the bakeries open. By noon, it is loud."
CHINESE = "清晨的城市还很安静。街上的面包店开门了，咖啡的香味飘出来。中午的时候，一切都热闹起来。"


def test_english_speech_has_a_plausible_length_for_its_words() -> None:
    speech = synthesize(SpeechRequest(ENGLISH), Settings())
    words = len(ENGLISH.split())
    assert speech.voice.language == "en"
    assert 1.5 <= words / (speech.duration_ms / 1000) <= 4.0  # narration is 2-3 words a second
    assert [s.text for s in speech.sentences] == ["The city wakes before the sun.",
                                                  "Trucks roll past the harbour, and the bakeries open.",
                                                  "By noon, it is loud."]


def test_chinese_text_is_spoken_by_a_mandarin_voice_at_a_plausible_pace() -> None:
    speech = synthesize(SpeechRequest(CHINESE), Settings())
    characters = sum(1 for c in CHINESE if "\u4e00" <= c <= "\u9fff")
    assert speech.voice.id == "zh_female"
    assert 2.0 <= characters / (speech.duration_ms / 1000) <= 7.0  # Mandarin is about 4 syllables a second
    assert len(speech.sentences) == 3


@pytest.mark.parametrize("text", [ENGLISH, CHINESE])
def test_sentence_times_are_within_100_ms_of_the_sound(text: str) -> None:
    speech = synthesize(SpeechRequest(text, sentence_pause_ms=500), Settings())
    regions = loud_regions(speech.samples, speech.sample_rate, min_gap_ms=400)
    assert len(regions) == len(speech.sentences)
    for sentence, (start, end) in zip(speech.sentences, regions):
        assert abs(sentence.start_ms - start) <= 100
        assert abs(sentence.end_ms - end) <= 100


def test_words_are_in_order_inside_their_sentence_and_rebuild_it() -> None:
    speech = synthesize(SpeechRequest(ENGLISH), Settings())
    for sentence in speech.sentences:
        assert " ".join(w.text for w in sentence.words) == sentence.text
        starts = [w.start_ms for w in sentence.words]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        assert sentence.start_ms <= starts[0] and sentence.words[-1].end_ms == sentence.end_ms


def test_a_comma_is_a_pause_in_the_sound() -> None:
    speech = synthesize(SpeechRequest("Wait, listen, and then go."), Settings())
    regions = loud_regions(speech.samples, speech.sample_rate, min_gap_ms=60)
    assert len(regions) >= 3  # the commas part the sound


def test_a_faster_rate_is_shorter_and_a_higher_pitch_is_higher() -> None:
    normal = synthesize(SpeechRequest(ENGLISH), Settings())
    fast = synthesize(SpeechRequest(ENGLISH, rate=1.5), Settings())
    assert fast.duration_ms < 0.8 * normal.duration_ms
    high = synthesize(SpeechRequest(ENGLISH, pitch=1.4), Settings())
    assert _median_pitch_hz(high.samples, high.sample_rate) > 1.1 * _median_pitch_hz(normal.samples, normal.sample_rate)


def _median_pitch_hz(samples: np.ndarray, rate: int) -> float:
    """The median fundamental of voiced 40 ms frames, by autocorrelation (60-400 Hz)."""
    frame = int(0.04 * rate)
    found = []
    for start in range(0, len(samples) - frame, frame):
        x = samples[start:start + frame].astype(np.float64)
        if np.sqrt(np.mean(x * x)) < 0.05:
            continue
        corr = np.correlate(x, x, "full")[frame - 1:]
        lo, hi = rate // 400, rate // 60
        lag = lo + int(np.argmax(corr[lo:hi]))
        found.append(rate / lag)
    return float(np.median(found))


def test_male_and_female_voices_differ_in_pitch() -> None:
    female = synthesize(SpeechRequest(ENGLISH, voice="en_female"), Settings())
    male = synthesize(SpeechRequest(ENGLISH, voice="en_male"), Settings())
    assert _median_pitch_hz(female.samples, female.sample_rate) > 1.2 * _median_pitch_hz(male.samples, male.sample_rate)


def test_an_unknown_voice_names_the_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        synthesize(SpeechRequest("hello", voice="robot"), Settings())
    assert caught.value.field == "voice" and "en_female" in caught.value.message


def test_a_kokoro_voice_without_a_model_says_what_to_configure() -> None:
    with pytest.raises(InvalidInput) as caught:
        synthesize(SpeechRequest("hello", voice="kokoro:af_heart"), Settings())
    assert "REELFORGE_TTS_MODEL" in caught.value.message


@pytest.mark.parametrize("text", ["", "   ", "...", "—"])
def test_nothing_to_say_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        synthesize(SpeechRequest(text), Settings())
    assert caught.value.field == "text"


def test_rate_outside_the_range_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        synthesize(SpeechRequest("hello", rate=5), Settings())
    assert caught.value.field == "rate"


def test_the_voice_list_has_english_and_chinese_with_one_default() -> None:
    rows = available_voices(Settings())
    assert {r["language"] for r in rows} == {"en", "zh"}
    assert sum(r["default"] for r in rows) == 1
    assert all(r["available"] for r in rows)
