"""The voices: every note is an envelope times a sum of partials, one numpy expression.

An instrument is a function ``(frequency_hz, hold_seconds, sample_rate) -> mono float32``
returning the whole note, release included. Notes are pure functions of their arguments,
so the renderer caches each (instrument, pitch, length) once and adds it wherever it is
played. Drums take no pitch and ignore ``frequency_hz``. A voice in :data:`GLIDING` can also start at
another pitch and slide into its own (the hip hop 808), taking that pitch as a fourth argument.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

import numpy as np

from reelforge.audio._dsp import adsr, apply_response, shaped_noise

__all__ = ["DRUMS", "GLIDING", "INSTRUMENTS", "GlidingInstrument", "Instrument", "midi_to_hz"]

Instrument = Callable[[float, float, int], np.ndarray]
GlidingInstrument = Callable[[float, float, int, float], np.ndarray]   # ..., from_hz
Floats = Sequence[float] | np.ndarray
_F32 = np.float32


def midi_to_hz(midi: float) -> float:
    return 440.0 * 2.0 ** ((midi - 69.0) / 12.0)


def _partials(freq: float, n: int, sample_rate: int, ratios: Floats, amps: Floats, decays: Floats, *,
              vibrato_hz: float = 0.0, vibrato_cents: float = 0.0) -> np.ndarray:
    """Sum of sines at ``freq * ratio`` with their own exponential decay (1/s).

    Partials above Nyquist are dropped (no aliasing). With vibrato the phase is
    modulated once and shared by all partials, as in a real vibrating source."""
    t = np.arange(n, dtype=_F32) / _F32(sample_rate)
    phase = (2.0 * np.pi * freq) * t
    if vibrato_hz and vibrato_cents:
        depth = freq * (2.0 ** (vibrato_cents / 1200.0) - 1.0)
        # Vibrato fades in over half a second, as players do.
        ramp = np.minimum(t / 0.5, 1.0)
        phase = phase + (depth / vibrato_hz) * ramp * np.sin((2.0 * np.pi * vibrato_hz) * t)
    out = np.zeros(n, dtype=_F32)
    for ratio, amp, decay in zip(ratios, amps, decays, strict=True):
        if freq * ratio >= sample_rate * 0.45:
            continue
        term = np.sin(phase * _F32(ratio)) * _F32(amp)
        if decay:
            term *= np.exp(t * _F32(-decay))
        out += term
    return out


def _length(hold: float, release: float, sample_rate: int) -> int:
    return max(16, int((hold + release) * sample_rate))


def _noise(key: object, n: int, sample_rate: int, **band: float) -> np.ndarray:
    """Mono band-shaped noise that is the same every time for the same ``key``."""
    rng = np.random.default_rng(zlib.crc32(repr(key).encode()))
    return shaped_noise(rng, n, sample_rate, **band)[0]  # type: ignore[arg-type]


# -- pitched voices ---------------------------------------------------------------


def piano(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Struck string: slightly stretched partials, the high ones dying first, damper on release."""
    n = _length(hold, 0.25, sample_rate)
    ks = np.arange(1, 11)
    ratios = ks * np.sqrt(1.0 + 0.0004 * ks ** 2)
    base = 0.55 * (freq / 261.6) ** 0.6  # higher strings decay faster
    tone = _partials(freq, n, sample_rate, ratios, 0.9 / ks ** 1.4, base * (1.0 + 0.45 * (ks - 1)))
    env = adsr(n, sample_rate, attack=0.003, decay=10.0, sustain=1.0, hold=hold, release=0.25)
    return tone * env


def epiano(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Tine electric piano: a round fundamental plus a quick metallic bark."""
    n = _length(hold, 0.3, sample_rate)
    tone = _partials(freq, n, sample_rate, [1.0, 2.0, 3.0, 14.2], [1.0, 0.22, 0.06, 0.12],
                     [0.9, 1.8, 3.0, 28.0])
    t = np.arange(n, dtype=_F32) / _F32(sample_rate)
    tone *= 1.0 + 0.12 * np.sin((2.0 * np.pi * 4.5) * t)  # gentle tremolo
    env = adsr(n, sample_rate, attack=0.004, decay=10.0, sustain=1.0, hold=hold, release=0.3)
    return tone * env * 0.8


def pad(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Three detuned soft-saw voices with a slow swell: a warm bed under the harmony."""
    n = _length(hold, 1.2, sample_rate)
    ks = np.arange(1, 7)
    tone = np.zeros(n, dtype=_F32)
    for cents in (-7.0, 0.0, 7.0):
        detuned = freq * 2.0 ** (cents / 1200.0)
        tone += _partials(detuned, n, sample_rate, ks, 0.5 / ks ** 1.6, np.zeros(len(ks)))
    env = adsr(n, sample_rate, attack=min(0.8, hold * 0.4), decay=1.5, sustain=0.8, hold=hold, release=1.2)
    return tone * env * 0.45


def strings(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Bowed section: bright saw partials, vibrato, a long swell."""
    n = _length(hold, 1.0, sample_rate)
    ks = np.arange(1, 9)
    tone = np.zeros(n, dtype=_F32)
    for cents, rate in ((-5.0, 5.1), (5.0, 5.7)):
        tone += _partials(freq * 2.0 ** (cents / 1200.0), n, sample_rate, ks, 0.5 / ks ** 1.2,
                          np.zeros(len(ks)), vibrato_hz=rate, vibrato_cents=12.0)
    env = adsr(n, sample_rate, attack=min(1.0, hold * 0.5), decay=2.0, sustain=0.85, hold=hold, release=1.0)
    return tone * env * 0.4


def pluck(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Plucked steel string, the additive form of Karplus-Strong: partials shaped by the
    pluck position, each losing energy faster the higher it is."""
    n = _length(hold, 0.15, sample_rate)
    ks = np.arange(1, 13)
    position = 0.18
    amps = np.abs(np.sin(np.pi * ks * position)) / ks ** 1.1
    decays = 1.2 * (freq / 196.0) ** 0.5 * (1.0 + 0.35 * (ks - 1) ** 1.3)
    tone = _partials(freq, n, sample_rate, ks * (1.0 + 0.0002 * ks ** 2), amps, decays)
    env = adsr(n, sample_rate, attack=0.002, decay=10.0, sustain=1.0, hold=hold, release=0.15)
    return tone * env


def bell(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Glockenspiel-like bell: inharmonic partials with long, unequal decays."""
    n = _length(max(hold, 1.2), 0.8, sample_rate)
    tone = _partials(freq, n, sample_rate, [1.0, 2.76, 5.40, 8.93], [1.0, 0.4, 0.18, 0.08],
                     [1.2, 2.5, 5.0, 8.0])
    env = adsr(n, sample_rate, attack=0.002, decay=10.0, sustain=1.0, hold=max(hold, 1.2), release=0.8)
    return tone * env * 0.6


def soft_lead(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """A flute-ish sine lead with vibrato and a little breath on the attack."""
    n = _length(hold, 0.2, sample_rate)
    tone = _partials(freq, n, sample_rate, [1.0, 2.0, 3.0], [1.0, 0.18, 0.06], [0.0, 0.0, 0.0],
                     vibrato_hz=5.2, vibrato_cents=15.0)
    breath = _noise(("breath", round(freq)), n, sample_rate, low_hz=freq * 2, high_hz=freq * 6)
    t = np.arange(n, dtype=_F32) / _F32(sample_rate)
    tone += 0.05 * breath * np.exp(-t / 0.08)
    env = adsr(n, sample_rate, attack=0.04, decay=0.3, sustain=0.85, hold=hold, release=0.2)
    return tone * env * 0.7


def synth_lead(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Square-ish pop/electronic lead: odd partials, fast attack."""
    n = _length(hold, 0.15, sample_rate)
    ks = np.arange(1, 12, 2)
    tone = _partials(freq, n, sample_rate, ks, 0.8 / ks, 0.6 * ks, vibrato_hz=5.5, vibrato_cents=8.0)
    env = adsr(n, sample_rate, attack=0.008, decay=0.25, sustain=0.7, hold=hold, release=0.15)
    return tone * env * 0.6


def synth_pluck(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Electronic pluck: a saw whose brightness falls fast (a closing filter)."""
    n = _length(min(hold, 0.4), 0.2, sample_rate)
    ks = np.arange(1, 13)
    tone = _partials(freq, n, sample_rate, ks, 0.7 / ks, 3.0 + 6.0 * (ks - 1))
    env = adsr(n, sample_rate, attack=0.003, decay=0.25, sustain=0.2, hold=min(hold, 0.4), release=0.2)
    return tone * env


def bass(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Round electric/upright bass: strong fundamental, a touch of second and third."""
    n = _length(hold, 0.08, sample_rate)
    tone = _partials(freq, n, sample_rate, [1.0, 2.0, 3.0, 4.0], [1.0, 0.45, 0.15, 0.06], [1.0, 2.5, 4.0, 6.0])
    env = adsr(n, sample_rate, attack=0.006, decay=10.0, sustain=1.0, hold=hold, release=0.08)
    return tone * env


def synth_bass(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Electronic bass: a sub sine under a saw that darkens after the attack."""
    n = _length(hold, 0.06, sample_rate)
    ks = np.arange(1, 9)
    tone = _partials(freq, n, sample_rate, ks, np.r_[1.2, 0.6 / ks[1:]], np.r_[0.0, 4.0 + 3.0 * ks[1:]])
    env = adsr(n, sample_rate, attack=0.004, decay=0.3, sustain=0.8, hold=hold, release=0.06)
    return tone * env


def power_guitar(freq: float, hold: float, sample_rate: int) -> np.ndarray:
    """Distorted electric guitar playing a power chord on ``freq`` (root, fifth, octave): saw strings
    through a soft-clipping amp and a closed cabinet's band (no fizz above ~4.5 kHz, no boom below 90 Hz)."""
    n = _length(hold, 0.12, sample_rate)
    ks = np.arange(1, 17)
    tone = np.zeros(n, dtype=_F32)
    for interval, level, cents in ((1.0, 1.0, 0.0), (1.5, 0.45, 4.0), (2.0, 0.3, -3.0)):
        string = freq * interval * 2.0 ** (cents / 1200.0)
        tone += _partials(string, n, sample_rate, ks, level / ks, 0.6 + 0.25 * ks)
    env = adsr(n, sample_rate, attack=0.003, decay=0.4, sustain=0.75, hold=hold, release=0.12)
    drive = 4.0
    amp = np.tanh(drive * tone * env / max(float(np.abs(tone).max()), 1e-9)) / np.tanh(drive)
    cabinet = apply_response(amp, sample_rate, low_hz=90.0, high_hz=4500.0, order=3).astype(_F32)
    return cabinet * _edges(n, sample_rate) * 0.5


def sub_808(freq: float, hold: float, sample_rate: int, from_hz: float = 0.0) -> np.ndarray:
    """Hip hop 808: a sine sub with a little saturation and a punchy pitch drop on the attack; given
    ``from_hz`` it starts there and glides into ``freq`` over 100 ms (the trap slide)."""
    n = _length(hold, 0.15, sample_rate)
    t = np.arange(n, dtype=np.float64) / sample_rate
    semitones = 5.0 * np.exp(-t / 0.012)               # the punch: a fifth above, gone in ~30 ms
    if from_hz:  # an S-shaped slide in pitch, as a player's finger or a glide knob moves
        progress = np.clip(t / 0.1, 0.0, 1.0)
        semitones += 12.0 * np.log2(from_hz / freq) * (1.0 - progress * progress * (3.0 - 2.0 * progress))
    phase = 2.0 * np.pi * np.cumsum(freq * 2.0 ** (semitones / 12.0)) / sample_rate
    tone = np.tanh(1.6 * (np.sin(phase) + 0.12 * np.sin(2.0 * phase))).astype(_F32)
    env = adsr(n, sample_rate, attack=0.003, decay=0.7, sustain=0.55, hold=hold, release=0.15)
    return tone * env * 0.9


# -- drums --------------------------------------------------------------------------


def _sweep(n: int, sample_rate: int, start_hz: float, end_hz: float, time_constant: float) -> np.ndarray:
    """A sine whose pitch falls exponentially from ``start_hz`` to ``end_hz`` (phase integrated)."""
    t = np.arange(n) / sample_rate
    freq_integral = end_hz * t + (start_hz - end_hz) * time_constant * (1.0 - np.exp(-t / time_constant))
    return np.sin(2.0 * np.pi * freq_integral).astype(_F32)


def _edges(n: int, sample_rate: int) -> np.ndarray:
    """1 everywhere but a 2 ms ramp from and back to silence at each end (after a circular filter)."""
    ramp = min(n // 2, sample_rate // 500)
    edges = np.ones(n, dtype=_F32)
    edges[:ramp] = np.linspace(0.0, 1.0, ramp, dtype=_F32)
    edges[n - ramp:] = np.linspace(1.0, 0.0, ramp, dtype=_F32)
    return edges


def _decay(n: int, sample_rate: int, seconds: float, attack: float = 0.001) -> np.ndarray:
    t = np.arange(n, dtype=_F32) / _F32(sample_rate)
    return (np.minimum(t / attack, 1.0) * np.exp(-t / seconds)).astype(_F32)


def kick(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.45 * sample_rate)
    body = _sweep(n, sample_rate, 150.0, 48.0, 0.04) * _decay(n, sample_rate, 0.16)
    click = _noise("kick", n, sample_rate, low_hz=1500, high_hz=6000) * _decay(n, sample_rate, 0.004)
    return body + 0.15 * click


def snare(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.35 * sample_rate)
    tone = _sweep(n, sample_rate, 240.0, 185.0, 0.02) * _decay(n, sample_rate, 0.06)
    noise = _noise("snare", n, sample_rate, low_hz=1200, high_hz=9000) * _decay(n, sample_rate, 0.11)
    return 0.5 * tone + 0.55 * noise


def clap(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.3 * sample_rate)
    noise = _noise("clap", n, sample_rate, low_hz=900, high_hz=4500, order=3)
    env = np.zeros(n, dtype=_F32)
    for offset in (0.0, 0.011, 0.022):  # a few hands slightly apart
        start = int(offset * sample_rate)
        env[start:] += _decay(n - start, sample_rate, 0.008 if offset < 0.02 else 0.09)
    return 0.6 * noise * env


def hat(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.08 * sample_rate)
    return 0.35 * _noise("hat", n, sample_rate, low_hz=7000, order=3) * _decay(n, sample_rate, 0.02)


def open_hat(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.4 * sample_rate)
    return 0.3 * _noise("ohat", n, sample_rate, low_hz=6500, order=3) * _decay(n, sample_rate, 0.12)


def shaker(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.12 * sample_rate)
    noise = _noise("shaker", n, sample_rate, low_hz=4500, high_hz=12000)
    return 0.3 * noise * _decay(n, sample_rate, 0.03, attack=0.015)


def rim(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.08 * sample_rate)
    tone = _partials(820.0, n, sample_rate, [1.0, 2.3], [1.0, 0.5], [60.0, 80.0])
    noise = _noise("rim", n, sample_rate, low_hz=2000, high_hz=8000) * _decay(n, sample_rate, 0.006)
    return 0.5 * tone + 0.3 * noise


def boom(_: float, __: float, sample_rate: int) -> np.ndarray:
    """Cinematic low hit: a deep pitch-falling drum with a rumble of noise."""
    n = int(2.0 * sample_rate)
    body = _sweep(n, sample_rate, 90.0, 38.0, 0.25) * _decay(n, sample_rate, 0.55, attack=0.004)
    rumble = apply_response(_noise("boom", n, sample_rate, high_hz=400), sample_rate, low_hz=30)
    return body + 0.25 * rumble * _decay(n, sample_rate, 0.35)


def tom(_: float, __: float, sample_rate: int) -> np.ndarray:
    n = int(0.6 * sample_rate)
    return _sweep(n, sample_rate, 160.0, 95.0, 0.08) * _decay(n, sample_rate, 0.18) * 0.8


def ride(_: float, __: float, sample_rate: int) -> np.ndarray:
    """Ride cymbal struck with the stick: a bright metallic ping over a long, quiet wash."""
    n = int(1.2 * sample_rate)
    ping = _partials(3150.0, n, sample_rate, [1.0, 1.37, 1.83, 2.29], [1.0, 0.7, 0.5, 0.35], [14.0, 11.0, 9.0, 8.0])
    wash = _noise("ride", n, sample_rate, low_hz=4000, high_hz=13000) * _decay(n, sample_rate, 0.35)
    return 0.16 * ping * _decay(n, sample_rate, 1.0) + 0.16 * wash


def crash(_: float, __: float, sample_rate: int) -> np.ndarray:
    """Crash cymbal: a burst of broadband noise that washes out over a second and a half."""
    n = int(1.8 * sample_rate)
    body = _noise("crash", n, sample_rate, low_hz=2500, high_hz=14000) * _decay(n, sample_rate, 0.5, attack=0.002)
    low = _noise("crash-low", n, sample_rate, low_hz=600, high_hz=2500) * _decay(n, sample_rate, 0.15)
    return 0.32 * body + 0.12 * low


def brush(_: float, __: float, sample_rate: int) -> np.ndarray:
    """Brush on a snare: a soft swish with a slow attack and no tone."""
    n = int(0.3 * sample_rate)
    return 0.35 * _noise("brush", n, sample_rate, low_hz=900, high_hz=7000) * _decay(n, sample_rate, 0.07,
                                                                                        attack=0.012)


INSTRUMENTS: dict[str, Instrument] = {
    "piano": piano, "epiano": epiano, "pad": pad, "strings": strings, "pluck": pluck, "bell": bell,
    "soft_lead": soft_lead, "synth_lead": synth_lead, "synth_pluck": synth_pluck, "bass": bass,
    "synth_bass": synth_bass, "power_guitar": power_guitar, "sub_808": sub_808,
}
GLIDING: dict[str, GlidingInstrument] = {"sub_808": sub_808}
DRUMS: dict[str, Instrument] = {
    "kick": kick, "snare": snare, "clap": clap, "hat": hat, "open_hat": open_hat, "shaker": shaker,
    "rim": rim, "boom": boom, "tom": tom, "ride": ride, "crash": crash, "brush": brush,
}
