"""The voices: every note is an envelope times a sum of partials, one numpy expression.

An instrument is a function ``(frequency_hz, hold_seconds, sample_rate) -> mono float32``
returning the whole note, release included. Notes are pure functions of their arguments,
so the renderer caches each (instrument, pitch, length) once and adds it wherever it is
played. Drums take no pitch and ignore ``frequency_hz``.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

import numpy as np

from reelforge.audio._dsp import adsr, apply_response, shaped_noise

__all__ = ["DRUMS", "INSTRUMENTS", "Instrument", "midi_to_hz"]

Instrument = Callable[[float, float, int], np.ndarray]
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


# -- drums --------------------------------------------------------------------------


def _sweep(n: int, sample_rate: int, start_hz: float, end_hz: float, time_constant: float) -> np.ndarray:
    """A sine whose pitch falls exponentially from ``start_hz`` to ``end_hz`` (phase integrated)."""
    t = np.arange(n) / sample_rate
    freq_integral = end_hz * t + (start_hz - end_hz) * time_constant * (1.0 - np.exp(-t / time_constant))
    return np.sin(2.0 * np.pi * freq_integral).astype(_F32)


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


INSTRUMENTS: dict[str, Instrument] = {
    "piano": piano, "epiano": epiano, "pad": pad, "strings": strings, "pluck": pluck, "bell": bell,
    "soft_lead": soft_lead, "synth_lead": synth_lead, "synth_pluck": synth_pluck, "bass": bass,
    "synth_bass": synth_bass,
}
DRUMS: dict[str, Instrument] = {
    "kick": kick, "snare": snare, "clap": clap, "hat": hat, "open_hat": open_hat, "shaker": shaker,
    "rim": rim, "boom": boom, "tom": tom,
}
