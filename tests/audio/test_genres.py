"""Jazz, rock and hip hop sound like what people ask for: each genre's defining feature, read from its score and
measured on its render (the shared 12 s renders of ``conftest``), with a style that lacks the feature failing it."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.audio import plan_music
from reelforge.audio._compose import Note, Score
from reelforge.audio._instruments import INSTRUMENTS, sub_808

from .conftest import SAMPLE_RATE, SECONDS, low_share, on_the_beats, onset_profile, swing_fraction


def _part_notes(score: Score, role: str, instrument: str | None = None) -> list[Note]:
    parts = {index for index, part in enumerate(score.style.recipe.parts)
             if part.role == role and (instrument is None or part.instrument == instrument)}
    return [note for note in score.notes if note.part in parts]


def _beat_positions(notes: list[Note]) -> list[float]:
    return [note.start_beats % 1.0 for note in notes]


# ---- jazz: a swinging ride, a walking bass, sevenths and ninths ------------------------------------------------

def test_jazz_swings_its_ride_in_triplets_and_rock_plays_straight(renders: dict[str, np.ndarray]) -> None:
    jazz, rock = plan_music("jazz", SECONDS, seed=0), plan_music("rock", SECONDS, seed=0)
    off_beats = [p for p in _beat_positions([n for n in jazz.notes if n.voice == "ride"]) if 0.3 < p < 0.9]
    assert off_beats and all(0.6 < p < 0.72 for p in off_beats)          # "ding ding-da ding": 2/3, humanised
    # Heard: the off-beat cymbal hits sit two thirds into the beat (a 2:1 swing), rock's halfway.
    assert swing_fraction(renders["jazz"], jazz.tempo_bpm) > 0.62
    assert 0.46 < swing_fraction(renders["rock"], rock.tempo_bpm) < 0.54


def test_jazz_hi_hat_closes_on_two_and_four() -> None:
    score = plan_music("jazz", SECONDS, seed=0)
    hats = [note.start_beats % 4.0 for note in score.notes if note.voice == "hat"]
    assert hats and all(min(abs(beat - 1.0), abs(beat - 3.0)) < 0.05 for beat in hats)


@pytest.mark.parametrize("seed", [0, 3])
def test_jazz_bass_walks_a_note_on_every_beat_into_the_next_chord(seed: int) -> None:
    score = plan_music("jazz", 16.0, seed=seed)
    bass = _part_notes(score, "bass")
    assert len(bass) == score.beats
    assert all(abs(note.start_beats - round(note.start_beats)) < 0.06 for note in bass)   # on the beat, humanised
    pitches = [note.midi for note in bass]
    assert all(first != second for first, second in zip(pitches, pitches[1:], strict=False))  # it walks
    for bar in range(score.bars - 1):   # the fourth beat is a step from where the next bar starts
        assert 1 <= abs(pitches[4 * bar + 3] - pitches[4 * bar + 4]) <= 2


def test_the_walking_bass_is_heard_on_every_beat_and_lofi_s_is_not(renders: dict[str, np.ndarray]) -> None:
    def weakest_beat(name: str) -> float:
        beats = on_the_beats(onset_profile(renders[name], plan_music(name, SECONDS, seed=0).tempo_bpm, 40.0, 140.0))
        return float(beats.min() / beats.max())

    assert weakest_beat("jazz") > 0.35
    assert weakest_beat("lofi") < 0.2     # its bass skips beats two and three: the check can fail


def test_jazz_comps_sevenths_and_ninths_over_two_five_ones() -> None:
    progressions = {plan_music("jazz", SECONDS, seed=seed).progression for seed in range(12)}
    assert any(("ii7", "V7", "Imaj7") == p[:3] or ("ii9", "V9", "Imaj7") == p[:3] for p in progressions)
    assert any(p[-2:] == ("ii7", "V7") for p in progressions)                # a turnaround back to the top
    score = plan_music("jazz", SECONDS, seed=0)
    chords: dict[float, int] = {}
    for note in _part_notes(score, "chords"):
        chords[note.start_beats] = chords.get(note.start_beats, 0) + 1
    assert chords and min(chords.values()) >= 4                              # never a bare triad


# ---- rock: power chords on straight eighths, the backbeat, the crash -------------------------------------------

def test_rock_guitar_chugs_power_chords_on_every_eighth_with_a_crash_on_the_one() -> None:
    score = plan_music("rock", SECONDS, seed=0)
    guitar = _part_notes(score, "power")
    assert guitar and all(note.voice == "power_guitar" for note in guitar)
    eighths = {round(note.start_beats * 2) for note in guitar}
    assert eighths == set(range(score.beats * 2))
    crashes = [note.start_beats for note in score.notes if note.voice == "crash"]
    assert crashes and all(beat % 8.0 == 0.0 for beat in crashes)          # the one of every other bar
    assert 0.0 in crashes


@pytest.mark.parametrize("name", ["rock", "hiphop"])
def test_the_backbeat_hits_two_and_four_and_the_kick_one_and_three(renders: dict[str, np.ndarray], name: str) -> None:
    tempo = plan_music(name, SECONDS, seed=0).tempo_bpm
    snare = on_the_beats(onset_profile(renders[name], tempo, 1500.0, 5000.0))
    kick = on_the_beats(onset_profile(renders[name], tempo, 30.0, 100.0))
    assert snare[[1, 3]].sum() > 3.0 * snare[[0, 2]].sum()
    assert kick[[0, 2]].sum() > 2.0 * kick[[1, 3]].sum()


def test_the_backbeat_check_fails_music_without_one(renders: dict[str, np.ndarray]) -> None:
    snare = on_the_beats(onset_profile(renders["piano"], plan_music("piano", SECONDS, seed=0).tempo_bpm, 1500.0, 5000.0))
    assert snare[[1, 3]].sum() < 3.0 * snare[[0, 2]].sum()


def test_the_distorted_guitar_is_rich_in_mids_and_stops_at_the_cabinet() -> None:
    def spread(note: np.ndarray) -> tuple[float, float]:
        power = np.abs(np.fft.rfft(note)) ** 2
        freqs = np.fft.rfftfreq(len(note), 1 / SAMPLE_RATE)
        fundamental = power[(freqs > 100) & (freqs < 120)].sum()
        return power[(freqs > 1000) & (freqs < 4000)].sum() / fundamental, power[freqs > 8000].sum() / power.sum()

    guitar_mids, guitar_fizz = spread(INSTRUMENTS["power_guitar"](110.0, 0.5, SAMPLE_RATE))
    bass_mids, _ = spread(INSTRUMENTS["bass"](110.0, 0.5, SAMPLE_RATE))
    assert guitar_mids > 20 * bass_mids      # the amp's clipping fills the mids with harmonics
    assert guitar_fizz < 0.01                # and the cabinet takes off the fizz above them


# ---- hip hop: 808, busy hats with rolls ------------------------------------------------------------------------

def test_hip_hop_hats_roll_faster_than_sixteenths_and_the_808_slides() -> None:
    score = plan_music("hiphop", SECONDS, seed=0)
    hats = sorted(note.start_beats for note in score.notes if note.voice == "hat")
    gaps = np.diff(hats)
    assert (gaps < 0.2).sum() >= score.bars     # a roll in every bar (a sixteenth is 0.25 beat)
    assert len(hats) > 12 * score.bars          # busy: more than a hit on most sixteenths
    slides = [note for note in _part_notes(score, "bass") if note.glide]
    assert slides and all(note.voice == "sub_808" and note.glide == -12 for note in slides)


def test_hip_hop_leans_on_its_low_end_more_than_lofi(renders: dict[str, np.ndarray]) -> None:
    assert low_share(renders["hiphop"]) > 0.45
    assert low_share(renders["hiphop"]) > 1.3 * low_share(renders["lofi"])


def test_the_808_glides_up_into_its_pitch() -> None:
    note = sub_808(110.0, 0.5, SAMPLE_RATE, 55.0)

    def crossings(start_s: float, end_s: float) -> float:
        window = note[int(start_s * SAMPLE_RATE):int(end_s * SAMPLE_RATE)]
        return float(np.sum(np.diff(np.signbit(window)) != 0)) / 2 / (end_s - start_s)   # ~ frequency in Hz

    assert crossings(0.02, 0.05) < 85.0 < crossings(0.2, 0.4)
    assert crossings(0.2, 0.4) == pytest.approx(110.0, rel=0.05)
