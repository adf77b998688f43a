"""How a style is played: the parts of its band and the patterns they follow.

Patterns are written on a 16-step grid (sixteenth notes of a 4/4 bar) so a style reads
like a drum machine sheet: ``"x...x...x...x..."`` is four on the floor, ``x`` a full hit,
``o`` a ghost note, and ``r`` / ``t`` a roll inside the step (two thirty-second notes / a triplet: the
busy hi-hats of hip hop).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Part", "Recipe", "Role"]

Role = Literal["chords", "strum", "arpeggio", "bass", "melody", "drums", "ostinato", "power"]


@dataclass(frozen=True)
class Part:
    """One player in the band.

    ``rhythm`` holds ``(step, length_steps)`` onsets for pitched parts; drum parts use
    ``hits``, one 16-character row per drum. ``degrees`` names what a bass plays on each
    onset: ``r`` root, ``3`` third, ``5`` fifth, ``7`` seventh, ``8`` octave, ``a`` a step leading into
    the next chord, ``^`` the octave reached by gliding up from the root (a voice in ``GLIDING``);
    several bar patterns separated by ``/`` take turns bar by bar (a walking bass: ``"r35a/r85a"``).
    A ``power`` part plays the bass line's roots on a power-chord voice (rock guitar).
    """

    role: Role
    instrument: str = ""
    rhythm: tuple[tuple[int, int], ...] = ((0, 16),)
    degrees: str = ""
    hits: tuple[tuple[str, str], ...] = ()
    center: int = 60            # MIDI note the part's register is centred on
    gain: float = 1.0
    pan: float = 0.0
    send: float = 0.2           # how much of it goes to the reverb
    every_bars: int = 1         # a part that plays only in one bar of each N (cinematic hits)
    density: float = 0.5        # melody: chance a rhythm slot sounds


@dataclass(frozen=True)
class Recipe:
    """The musical choices of a style that a seed varies within."""

    mode: Literal["major", "minor", "dorian"]
    progressions: tuple[tuple[str, ...], ...]
    parts: tuple[Part, ...]
    tonics: tuple[str, ...] = ("C", "D", "Eb", "F", "G", "A", "Bb")
    swing: float = 0.5          # 0.5 straight; ~0.6 the lazy lo-fi feel
    bars_per_chord: int = 1
    humanize_ms: float = 0.0
    reverb_seconds: float = 1.6
    reverb_mix: float = 0.25
    master_high_hz: float | None = None   # lo-fi's dull tape top end
    crackle: bool = False                 # vinyl crackle and hiss under the track
    melody_rest_every: int = 0            # the melody sits out one phrase in N (breathing room)
    motif_bars: int = 2
