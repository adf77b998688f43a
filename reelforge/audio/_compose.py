"""Composition: a style, a length and a seed become a score (tempo, key, chords, notes).

The score is whole bars that fill the asked length exactly: the tempo is nudged (within
the style's feel) until an integer number of bars fits, preferring whole phrases, so the
music loops on a bar line. Everything random comes from one generator seeded by
``(seed, style)``: the same arguments always give the same score.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import numpy as np

from reelforge.audio._recipe import Part
from reelforge.audio._styles import Style
from reelforge.audio._theory import Chord, Key, parse_chord, voice_chord

__all__ = ["Note", "Score", "compose"]

_STEPS_PER_BAR = 16
_BEATS_PER_BAR = 4
_VELOCITY = {"x": 1.0, "o": 0.45}
_ROLLS = {"r": (0.0, 0.5), "t": (0.0, 1.0 / 3.0, 2.0 / 3.0)}   # hits inside one step: 32nds, a triplet
_ROLL_VELOCITY = 0.6


@dataclass(frozen=True)
class Note:
    """One sounding event: ``voice`` is an instrument or drum name; drums have ``midi`` 0. ``glide`` is
    how many semitones away the note starts before sliding into ``midi`` (0: none)."""

    start_beats: float
    hold_beats: float
    voice: str
    midi: int
    velocity: float
    part: int            # index into the style's parts (gain, pan, reverb send)
    glide: int = 0


@dataclass(frozen=True)
class Score:
    """What :func:`compose` decided, in musical units."""

    style: Style
    tempo_bpm: float
    key: Key
    bars: int
    progression: tuple[str, ...]
    notes: tuple[Note, ...]

    @property
    def beats(self) -> int:
        return self.bars * _BEATS_PER_BAR


def _fit_bars(seconds: float, preferred_bpm: float, style: Style, phrase_bars: int) -> tuple[int, float]:
    """The bar count (and the tempo it implies) that fills ``seconds`` closest to the style's feel."""
    low, high = style.tempo_bpm
    best: tuple[float, int, float] | None = None
    most = max(1, math.ceil(seconds * high * 1.15 / 240.0))
    for bars in range(1, most + 1):
        bpm = 240.0 * bars / seconds
        if not low * 0.85 <= bpm <= high * 1.15:
            continue
        # Stay near the seed's tempo, inside the style's range, and end on a whole phrase
        # (or at least an even bar count) so the loop point falls where the music breathes.
        outside = max(0.0, math.log(low / bpm), math.log(bpm / high))
        phrase = 0.0 if bars % phrase_bars == 0 else 0.04 if bars % 2 == 0 else 0.12
        penalty = abs(math.log(bpm / preferred_bpm)) + 3.0 * outside + phrase
        if best is None or penalty < best[0]:
            best = (penalty, bars, bpm)
    if best is None:  # shorter than one bar: play the first bar at the style's tempo, cut
        return 1, preferred_bpm
    return best[1], best[2]


def _swung(step: float, swing: float) -> float:
    """Beat position of a sixteenth ``step``, with the off-beat eighth pushed late by ``swing``."""
    beat, within = divmod(step, 4)
    half = within / 2.0  # 0..2 in eighths
    position = half * swing if half <= 1.0 else swing + (half - 1.0) * (1.0 - swing)
    return beat + position


class _Composer:
    def __init__(self, style: Style, seed: int, seconds: float) -> None:
        recipe = style.recipe
        self.style, self.recipe = style, recipe
        self.rng = np.random.default_rng([seed, zlib.crc32(style.name.encode())])
        self.key = Key(str(self.rng.choice(recipe.tonics)), recipe.mode)
        self.progression = recipe.progressions[int(self.rng.integers(len(recipe.progressions)))]
        preferred = float(self.rng.uniform(*style.tempo_bpm))
        phrase_bars = len(self.progression) * recipe.bars_per_chord
        self.bars, self.tempo = _fit_bars(seconds, preferred, style, phrase_bars)
        self.chords = [parse_chord(symbol, self.key) for symbol in self.progression]
        self.notes: list[Note] = []

    def chord_at(self, bar: int) -> Chord:
        return self.chords[(bar // self.recipe.bars_per_chord) % len(self.chords)]

    def beat_of(self, bar: int, step: float) -> float:
        jitter = 0.0
        if self.recipe.humanize_ms:
            jitter = float(self.rng.normal(0.0, self.recipe.humanize_ms / 1000.0)) * self.tempo / 60.0
        return max(0.0, bar * _BEATS_PER_BAR + _swung(step, self.recipe.swing) + jitter)

    def add(self, start: float, hold_steps: float, voice: str, midi: int, velocity: float, part: int,
            glide: int = 0) -> None:
        if self.recipe.humanize_ms:
            velocity *= float(self.rng.uniform(0.88, 1.0))
        self.notes.append(Note(start, hold_steps / 4.0, voice, midi, velocity, part, glide))

    def pitch_near(self, pitch_class: int, center: int) -> int:
        return center - 6 + (pitch_class - (center - 6)) % 12

    # -- the roles ---------------------------------------------------------------

    def chords_part(self, index: int, part: Part) -> None:
        previous: tuple[int, ...] | None = None
        sustained = part.rhythm == ((0, _STEPS_PER_BAR),)
        for bar in range(self.bars):
            chord = self.chord_at(bar)
            voicing = voice_chord(chord, self.key, part.center, previous)
            previous = voicing
            if sustained:  # a held pad rings across bars that keep the same chord
                if bar > 0 and self.chord_at(bar - 1) == chord:
                    continue
                length = 1
                while bar + length < self.bars and self.chord_at(bar + length) == chord:
                    length += 1
                for midi in voicing:
                    self.add(bar * _BEATS_PER_BAR, _STEPS_PER_BAR * length, part.instrument, midi, 0.8, index)
                continue
            for number, (step, length) in enumerate(part.rhythm):
                start = self.beat_of(bar, step)
                for midi in voicing:
                    self.add(start, length, part.instrument, midi, 0.85 if number == 0 else 0.7, index)

    def strum_part(self, index: int, part: Part) -> None:
        previous: tuple[int, ...] | None = None
        for bar in range(self.bars):
            chord = self.chord_at(bar)
            voicing = voice_chord(chord, self.key, part.center, previous)
            previous = voicing
            strings = (self.pitch_near(self.key.tonic_pitch_class + chord.root, part.center - 12), *voicing,
                       voicing[0] + 12)
            for number, (step, length) in enumerate(part.rhythm):
                down = step % 4 == 0
                order = strings if down else strings[::-1][:4]
                start = self.beat_of(bar, step)
                gap = 0.012 * self.tempo / 60.0  # 12 ms between strings, in beats
                for string, midi in enumerate(order):
                    velocity = (0.9 if number == 0 else 0.7 if down else 0.5) * (1.0 - 0.04 * string)
                    self.add(start + string * gap, length, part.instrument, midi, velocity, index)

    def arpeggio_part(self, index: int, part: Part) -> None:
        previous: tuple[int, ...] | None = None
        for bar in range(self.bars):
            voicing = voice_chord(self.chord_at(bar), self.key, part.center, previous)
            previous = voicing
            ladder = (*voicing, *(note + 12 for note in voicing))
            cycle = (*range(len(ladder)), *range(len(ladder) - 2, 0, -1))  # up and back down
            for number, (step, length) in enumerate(part.rhythm):
                midi = ladder[cycle[number % len(cycle)]]
                hold = length if part.instrument != "piano" else _STEPS_PER_BAR - step  # the sustain pedal
                velocity = 0.8 if step % 4 == 0 else 0.6
                self.add(self.beat_of(bar, step), hold, part.instrument, midi, velocity, index)

    def bass_part(self, index: int, part: Part) -> None:
        patterns = part.degrees.split("/") if part.degrees else ["r"]
        for bar in range(self.bars):
            chord, following = self.chord_at(bar), self.chord_at(bar + 1)
            root = self.pitch_near(self.key.tonic_pitch_class + chord.root, part.center)
            degrees = patterns[bar % len(patterns)]
            for number, (step, length) in enumerate(part.rhythm):
                degree = degrees[number % len(degrees)]
                glide = 0
                if degree in "357":  # a chord tone above the root (a triad's seventh: the minor one)
                    position = "357".index(degree) + 1
                    midi = root + (chord.tones[position] - chord.tones[0] if position < len(chord.tones) else 10)
                elif degree in "8^":
                    midi = root + 12
                    glide = -12 if degree == "^" else 0
                elif degree == "a":  # lead into the next chord from a step above or below
                    target = self.pitch_near(self.key.tonic_pitch_class + following.root, part.center)
                    midi = target + (2 if target < root else -1)
                else:
                    midi = root
                velocity = 0.95 if step % 8 == 0 else 0.75
                self.add(self.beat_of(bar, step), length, part.instrument, midi, velocity, index, glide)

    def melody_part(self, index: int, part: Part) -> None:
        block_bars = self.recipe.motif_bars
        blocks = max(1, math.ceil(self.bars / block_bars))
        motifs = [self.new_motif(part, block_bars) for _ in range(2)]
        phrase_blocks = max(1, (len(self.progression) * self.recipe.bars_per_chord) // block_bars)
        scale = self.key.scale_pitch_classes()
        for block in range(blocks):
            phrase, position = divmod(block, phrase_blocks)
            rest = self.recipe.melody_rest_every
            if rest and phrase % rest == rest - 1:
                continue
            motif = motifs[1] if position == phrase_blocks - 1 and phrase_blocks > 2 else motifs[0]
            for bar_offset, step, length, contour in motif:
                bar = block * block_bars + bar_offset
                if bar >= self.bars:
                    break
                chord = self.chord_at(bar)
                midi = self.pitch_near(self.key.tonic_pitch_class, part.center) + contour
                while (midi % 12) not in scale:
                    midi -= 1
                if step % 8 == 0:  # strong beats land on a chord tone
                    tones = {(self.key.tonic_pitch_class + tone) % 12 for tone in chord.tones}
                    midi = min((m for m in range(midi - 4, midi + 5) if m % 12 in tones),
                               key=lambda m: abs(m - midi))
                self.add(self.beat_of(bar, step), length, part.instrument, midi,
                         0.9 if step % 8 == 0 else 0.72, index)

    def new_motif(self, part: Part, block_bars: int) -> list[tuple[int, int, int, int]]:
        """A rhythm from the part's slots and a contour: a random walk in scale steps, as
        semitone offsets from the tonic (snapped to the scale and chords when played)."""
        motif: list[tuple[int, int, int, int]] = []
        degree = int(self.rng.integers(0, 5))
        for bar in range(block_bars):
            for number, (step, length) in enumerate(part.rhythm):
                first = bar == 0 and number == 0
                if not first and self.rng.random() > part.density:
                    continue
                degree = int(np.clip(degree + self.rng.choice([-2, -1, -1, 0, 1, 1, 2]), -3, 8))
                motif.append((bar, step, length, self.key.degree_semitones(degree)))
        return motif

    def drums_part(self, index: int, part: Part) -> None:
        in_bar = part.every_bars - 1 if part.every_bars > 2 else 0  # sparse fills lead into a phrase
        for bar in range(self.bars):
            if bar % part.every_bars != in_bar:
                continue
            for drum, row in part.hits:
                for step, mark in enumerate(row):
                    if mark in _VELOCITY:
                        self.add(self.beat_of(bar, step), 1, drum, 0, _VELOCITY[mark], index)
                    for within in _ROLLS.get(mark, ()):
                        self.add(self.beat_of(bar, step + within), 1, drum, 0, _ROLL_VELOCITY, index)


def compose(style: Style, seconds: float, seed: int) -> Score:
    """Write the score of ``seconds`` of ``style`` for ``seed``."""
    composer = _Composer(style, seed, seconds)
    roles = {"chords": composer.chords_part, "strum": composer.strum_part, "arpeggio": composer.arpeggio_part,
             "bass": composer.bass_part, "ostinato": composer.bass_part, "power": composer.bass_part,
             "melody": composer.melody_part, "drums": composer.drums_part}
    for index, part in enumerate(style.recipe.parts):
        roles[part.role](index, part)
    notes = tuple(sorted(composer.notes, key=lambda note: note.start_beats))
    return Score(style=style, tempo_bpm=composer.tempo, key=composer.key, bars=composer.bars,
                 progression=composer.progression, notes=notes)
