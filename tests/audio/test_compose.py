"""Scores: whole bars that fill the length, the style's progression, swing, and a melody in key."""

from __future__ import annotations

import pytest

from reelforge.audio import STYLES, plan_music
from reelforge.audio._compose import _swung
from reelforge.audio._theory import parse_chord


@pytest.mark.parametrize("name", sorted(STYLES))
@pytest.mark.parametrize("seconds", [10.0, 30.0, 60.0])
def test_a_whole_number_of_bars_fills_the_length_at_a_tempo_near_the_style(name: str, seconds: float) -> None:
    score = plan_music(name, seconds, seed=4)
    assert score.bars * 4 * 60.0 / score.tempo_bpm == pytest.approx(seconds)
    low, high = STYLES[name].tempo_bpm
    assert low * 0.85 <= score.tempo_bpm <= high * 1.15


def test_long_tracks_end_on_a_whole_phrase_so_the_loop_turns_on_the_progression() -> None:
    score = plan_music("upbeat", 60.0, seed=0)
    assert score.bars % len(score.progression) == 0


def test_the_progression_is_one_of_the_style_s_own() -> None:
    for seed in range(6):
        assert plan_music("upbeat", 20.0, seed=seed).progression in STYLES["upbeat"].recipe.progressions


def test_seeds_visit_different_keys_and_progressions() -> None:
    plans = [plan_music("lofi", 20.0, seed=seed) for seed in range(8)]
    assert len({plan.key for plan in plans}) > 1
    assert len({plan.progression for plan in plans}) > 1


def test_lofi_swings_its_off_beat_eighths_late() -> None:
    assert _swung(2, 0.6) == pytest.approx(0.6)     # the "and" of beat one
    assert _swung(2, 0.5) == pytest.approx(0.5)     # straight
    assert _swung(4, 0.6) == pytest.approx(1.0)     # down beats never move
    lofi = plan_music("lofi", 12.0, seed=0)
    hats = [note.start_beats % 1.0 for note in lofi.notes if note.voice == "hat"]
    off_beats = [position for position in hats if 0.3 < position < 0.9]
    assert off_beats and min(off_beats) > 0.55     # pushed late (humanised a little)


def test_melody_notes_are_in_the_key() -> None:
    score = plan_music("chill", 24.0, seed=3)
    scale = score.key.scale_pitch_classes()
    melody_part = next(i for i, part in enumerate(score.style.recipe.parts) if part.role == "melody")
    melody = [note for note in score.notes if note.part == melody_part]
    assert melody
    assert all(note.midi % 12 in scale for note in melody)


def test_bass_plays_the_root_of_the_bar_s_chord_on_the_down_beat() -> None:
    score = plan_music("acoustic", 20.0, seed=1)
    bass_part = next(i for i, part in enumerate(score.style.recipe.parts) if part.role == "bass")
    for bar in range(score.bars):
        chord = parse_chord(score.progression[bar % len(score.progression)], score.key)
        # Humanised timing may put a down beat a few milliseconds early: take the nearest note.
        first = min((note for note in score.notes if note.part == bass_part),
                    key=lambda note: abs(note.start_beats - 4 * bar))
        assert first.midi % 12 == (score.key.tonic_pitch_class + chord.root) % 12


def test_drum_free_styles_have_no_drums() -> None:
    for name in ("ambient", "piano"):
        assert not any(note.voice in ("kick", "snare", "hat") for note in plan_music(name, 12.0).notes)
