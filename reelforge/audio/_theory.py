"""Keys, scales and chords: Roman-numeral symbols turned into MIDI notes.

Chords are stacked in thirds *within the key's scale*, so ``ii7`` in a major key comes
out minor-seventh and ``Imaj7`` major-seventh without a table of qualities. Case
carries the quality where it leaves the scale: an upper-case ``V`` in a minor key gets
its raised (leading-tone) third, as in harmonic minor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Chord", "Key", "parse_chord", "voice_chord"]

_MODES: dict[str, tuple[int, ...]] = {
    "major": (0, 2, 4, 5, 7, 9, 11),
    "minor": (0, 2, 3, 5, 7, 8, 10),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
}
_PITCH_CLASSES = {"C": 0, "C#": 1, "Db": 1, "D": 2, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6, "G": 7,
                  "Ab": 8, "A": 9, "Bb": 10, "B": 11}
_NUMERALS = {"i": 0, "ii": 1, "iii": 2, "iv": 3, "v": 4, "vi": 5, "vii": 6}
_SYMBOL = re.compile(r"^(?P<numeral>[ivIV]+)(?P<extension>maj7|7|9|add9|sus2|sus4)?$")


@dataclass(frozen=True)
class Key:
    """A tonic and a mode: ``Key("D", "minor")``."""

    tonic: str
    mode: str

    @property
    def tonic_pitch_class(self) -> int:
        return _PITCH_CLASSES[self.tonic]

    @property
    def scale(self) -> tuple[int, ...]:
        return _MODES[self.mode]

    def degree_semitones(self, degree: int) -> int:
        """Semitones above the tonic of scale ``degree`` (any integer; octaves wrap)."""
        octave, index = divmod(degree, 7)
        return 12 * octave + self.scale[index]

    def scale_pitch_classes(self) -> frozenset[int]:
        return frozenset((self.tonic_pitch_class + step) % 12 for step in self.scale)

    def __str__(self) -> str:
        return f"{self.tonic} {self.mode}"


@dataclass(frozen=True)
class Chord:
    """A chord as semitone offsets from the key's tonic, root first (root position)."""

    symbol: str
    root: int                 # semitones above the tonic, 0..11
    tones: tuple[int, ...]    # root position, ascending, relative to the tonic

    @property
    def fifth(self) -> int:
        return self.tones[2] if len(self.tones) > 2 else self.root + 7


def parse_chord(symbol: str, key: Key) -> Chord:
    """Turn ``"ii7"``, ``"V"``, ``"IVmaj7"``, ``"vi"`` into a :class:`Chord` in ``key``."""
    match = _SYMBOL.match(symbol)
    if match is None or match["numeral"].lower() not in _NUMERALS:
        raise ValueError(f"not a chord symbol: {symbol!r}")
    numeral, extension = match["numeral"], match["extension"] or ""
    degree = _NUMERALS[numeral.lower()]
    steps = [0, 2, 4]
    if extension in ("7", "maj7", "9"):
        steps.append(6)
    if extension in ("9", "add9"):
        steps.append(8)
    tones = [key.degree_semitones(degree + step) for step in steps]
    if extension == "sus2":
        tones[1] = key.degree_semitones(degree + 1)
    elif extension == "sus4":
        tones[1] = key.degree_semitones(degree + 3)
    else:
        third = tones[1] - tones[0]
        if numeral.isupper() and third == 3:
            tones[1] += 1
        elif numeral.islower() and third == 4:
            tones[1] -= 1
    if extension == "maj7":
        tones[3] = tones[0] + 11
    return Chord(symbol=symbol, root=tones[0] % 12, tones=tuple(tones))


def voice_chord(chord: Chord, key: Key, center: int, previous: tuple[int, ...] | None = None) -> tuple[int, ...]:
    """MIDI notes for ``chord`` near ``center``, choosing the inversion that moves least
    from ``previous`` (smooth voice leading) or sits closest to ``center``."""
    base = center - 12 + (key.tonic_pitch_class - center) % 12
    root_position = [base + tone for tone in chord.tones]
    candidates: list[tuple[int, ...]] = []
    for inversion in range(len(root_position)):
        notes = root_position[inversion:] + [note + 12 for note in root_position[:inversion]]
        for shift in (-12, 0, 12):
            candidates.append(tuple(note + shift for note in notes))

    def cost(notes: tuple[int, ...]) -> float:
        spread = abs(sum(notes) / len(notes) - center)
        if previous is None:
            return spread
        motion = sum(min(abs(note - other) for other in previous) for note in notes)
        return motion + 0.5 * spread

    return min(candidates, key=cost)
