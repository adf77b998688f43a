"""Chord symbols become the right notes in the right key; voicings move smoothly."""

from __future__ import annotations

import pytest

from reelforge.audio._theory import Key, parse_chord, voice_chord

C_MAJOR, A_MINOR = Key("C", "major"), Key("A", "minor")


@pytest.mark.parametrize(("symbol", "key", "tones"), [
    ("I", C_MAJOR, (0, 4, 7)),            # C E G
    ("ii7", C_MAJOR, (2, 5, 9, 12)),      # D F A C: minor seventh, from the scale alone
    ("V7", C_MAJOR, (7, 11, 14, 17)),     # G B D F: dominant seventh
    ("Imaj7", C_MAJOR, (0, 4, 7, 11)),
    ("vi", C_MAJOR, (9, 12, 16)),         # A C E
    ("i", A_MINOR, (0, 3, 7)),
    ("V", A_MINOR, (7, 11, 14)),          # upper case raises the third: E G# B
    ("VI", A_MINOR, (8, 12, 15)),         # F A C
    ("Isus4", C_MAJOR, (0, 5, 7)),
])
def test_roman_numerals_stack_thirds_in_the_key(symbol: str, key: Key, tones: tuple[int, ...]) -> None:
    assert parse_chord(symbol, key).tones == tones


def test_a_bad_symbol_is_refused() -> None:
    with pytest.raises(ValueError, match="not a chord symbol"):
        parse_chord("H7", C_MAJOR)


def test_voicings_stay_near_their_register_and_move_little() -> None:
    chords = [parse_chord(symbol, C_MAJOR) for symbol in ("I", "V", "vi", "IV")]
    previous = None
    for chord in chords:
        notes = voice_chord(chord, C_MAJOR, center=60, previous=previous)
        assert {note % 12 for note in notes} == {tone % 12 for tone in chord.tones}
        assert abs(sum(notes) / len(notes) - 60) <= 7
        if previous is not None:  # smooth voice leading: no voice leaps more than a fourth
            assert max(min(abs(n - p) for p in previous) for n in notes) <= 5
        previous = notes
