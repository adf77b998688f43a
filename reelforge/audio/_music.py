"""Rendering a score to samples: voices into a buffer, a room, mastering to -16 LUFS.

Each distinct note (voice, pitch, length) is synthesised once and added at every onset,
so the cost follows the music's variety, not its length. A looped render folds every
tail that rings past the end back onto the head and filters circularly, so the last
sample flows into the first.
"""

from __future__ import annotations

import zlib

import numpy as np

from reelforge.audio._compose import Score, compose
from reelforge.audio._dsp import (
    band_gains,
    fast_length,
    fold,
    gated_loudness,
    k_weighting,
    limiter_gain,
    pan_gains,
    room_spectrum,
    shaped_noise,
    soft_clip,
)
from reelforge.audio._instruments import DRUMS, GLIDING, INSTRUMENTS, midi_to_hz
from reelforge.audio._styles import STYLES, Style
from reelforge.errors import InvalidInput

__all__ = ["MAX_SECONDS", "TARGET_LUFS", "CEILING_DBFS", "master", "plan_music", "render_music"]

TARGET_LUFS = -16.0
CEILING_DBFS = -1.5      # under the -1 dBFS promise with room for AAC's overshoot
MAX_SECONDS = 600.0
_FADE_OUT_S = 2.0
_DRUM_PAN = {"hat": 0.3, "open_hat": 0.3, "shaker": -0.3, "rim": -0.15, "tom": 0.2, "ride": -0.35,
             "crash": 0.35}
_F32 = np.float32


def _style(name: str) -> Style:
    style = STYLES.get(name)
    if style is None:
        raise InvalidInput(f"style: unknown music style {name!r} (known: {', '.join(STYLES)})", field="style")
    return style


def _check(seconds: float, sample_rate: int) -> None:
    if not 0.0 < seconds <= MAX_SECONDS:
        raise InvalidInput(f"seconds: must be in (0, {MAX_SECONDS:g}] (got {seconds})", field="seconds")
    if not 8000 <= sample_rate <= 192000:
        raise InvalidInput(f"sample_rate: must be 8000..192000 (got {sample_rate})", field="sample_rate")


def plan_music(style: str, seconds: float, seed: int = 0) -> Score:
    """The score :func:`render_music` would play: tempo, key, bars, progression, notes."""
    _check(seconds, 48000)
    return compose(_style(style), seconds, seed)


def render_music(style: str, seconds: float, seed: int = 0, sample_rate: int = 48000, *,
                 loop: bool = True) -> np.ndarray:
    """``seconds`` of background music in ``style`` as float32 ``(samples, 2)``.

    Exactly ``round(seconds * sample_rate)`` samples, at -16 LUFS with peaks under
    -1 dBFS. With ``loop`` (the default) the end flows seamlessly into the start; without
    it the tails are cut and the last seconds fade out."""
    _check(seconds, sample_rate)
    score = compose(_style(style), seconds, seed)
    recipe = score.style.recipe
    n = round(seconds * sample_rate)
    rng = np.random.default_rng([seed, zlib.crc32(style.encode()), 1])
    dry, send = _play(score, n, sample_rate)
    if loop:  # tails wrap onto the head, and every filter below is circular over n
        size, dry, send = n, fold(dry, n), fold(send, n)
    else:  # room for the reverb tail, which is then cut (and faded)
        size, dry, send = fast_length(n + int(recipe.reverb_seconds * sample_rate) + 1024), dry[:, :n], send[:, :n]
    # One pass in the frequency domain: dry + room * send, the master EQ, and K-weighting.
    spectrum = np.fft.rfft(dry, n=size, axis=-1)
    room = room_spectrum(size, sample_rate, rng, seconds=recipe.reverb_seconds)
    spectrum += _F32(recipe.reverb_mix) * room * np.fft.rfft(send, n=size, axis=-1)
    freqs = np.fft.rfftfreq(size, 1.0 / sample_rate)
    spectrum *= band_gains(freqs, low_hz=30.0, high_hz=recipe.master_high_hz).astype(_F32)
    mix = np.fft.irfft(spectrum, n=size, axis=-1)[:, :n]
    weighted = np.fft.irfft(spectrum * k_weighting(size, sample_rate), n=size, axis=-1)[:, :n]
    if recipe.crackle:  # quiet enough (-26 dB) to leave the loudness measurement alone
        mix += _vinyl(rng, n, sample_rate, level=0.05 * float(np.sqrt(np.mean(np.square(mix)))))
    if not loop:
        fade = min(n, int(min(_FADE_OUT_S, seconds * 0.15) * sample_rate))
        curve = np.linspace(1.0, 0.0, fade, dtype=_F32) ** 2
        mix[:, n - fade:] *= curve
        weighted[:, n - fade:] *= curve
        start = min(n - fade, sample_rate // 200)  # 5 ms: a cut-in start never clicks
        mix[:, :start] *= np.linspace(0.0, 1.0, start, dtype=_F32)
    return master(mix, sample_rate, loop=loop, weighted=weighted).T.copy()


def master(mix: np.ndarray, sample_rate: int, *, loop: bool, weighted: np.ndarray | None = None,
           target_lufs: float = TARGET_LUFS) -> np.ndarray:
    """Bring ``mix`` (channels, n) to ``target_lufs`` with every peak under the ceiling.

    ``weighted`` is ``mix`` K-weighted, when the caller already has it. Limiting lowers
    the loudness a little, so gain and limiter are adjusted together until both hold."""
    ceiling = 10.0 ** (CEILING_DBFS / 20.0)
    if weighted is None:
        spectrum = np.fft.rfft(mix.astype(_F32), axis=-1)
        weighted = np.fft.irfft(spectrum * k_weighting(mix.shape[-1], sample_rate), n=mix.shape[-1], axis=-1)
    loudness = gated_loudness(weighted, sample_rate)
    if not np.isfinite(loudness):
        return mix.astype(_F32)  # silence stays silence
    gain = 10.0 ** ((target_lufs - loudness) / 20.0)
    for _ in range(6):
        envelope = limiter_gain(mix * _F32(gain), sample_rate, ceiling=ceiling, loop=loop)
        loudness = gated_loudness(weighted * (envelope * _F32(gain)), sample_rate)
        if abs(loudness - target_lufs) < 0.05:
            break
        gain *= 10.0 ** ((target_lufs - loudness) / 20.0)
    return soft_clip(mix * (envelope * _F32(gain)), ceiling)


def _play(score: Score, n: int, sample_rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Every note of ``score`` added into a dry bus and a reverb-send bus, tails past ``n`` kept."""
    samples_per_beat = sample_rate * 60.0 / score.tempo_bpm
    seconds_per_beat = 60.0 / score.tempo_bpm
    parts = score.style.recipe.parts
    cache: dict[tuple[str, int, int, int], np.ndarray] = {}
    placed: list[tuple[int, np.ndarray, float, float, float]] = []
    for note in score.notes:
        start = round(note.start_beats * samples_per_beat)
        if start >= n:
            continue
        hold_cs = max(1, round(note.hold_beats * seconds_per_beat * 100))  # centiseconds: shares the cache
        key = (note.voice, note.midi, hold_cs, note.glide)
        wave = cache.get(key)
        if wave is None:
            if note.voice in DRUMS:
                wave = DRUMS[note.voice](0.0, 0.0, sample_rate)
            elif note.glide:
                wave = GLIDING[note.voice](midi_to_hz(note.midi), hold_cs / 100, sample_rate,
                                           midi_to_hz(note.midi + note.glide))
            else:
                wave = INSTRUMENTS[note.voice](midi_to_hz(note.midi), hold_cs / 100, sample_rate)
            cache[key] = wave
        part = parts[note.part]
        pan = _DRUM_PAN.get(note.voice, part.pan)
        left, right = pan_gains(pan)
        gain = note.velocity * part.gain
        placed.append((start, wave, gain * left, gain * right, part.send))
    length = n + max((len(wave) for wave in cache.values()), default=0)
    dry = np.zeros((2, length), dtype=_F32)
    send = np.zeros((2, length), dtype=_F32)
    for start, wave, left, right, amount in placed:
        end = start + len(wave)
        dry[0, start:end] += wave * _F32(left)
        dry[1, start:end] += wave * _F32(right)
        if amount:
            send[0, start:end] += wave * _F32(left * amount)
            send[1, start:end] += wave * _F32(right * amount)
    return dry, send


def _vinyl(rng: np.random.Generator, n: int, sample_rate: int, *, level: float) -> np.ndarray:
    """Record-surface noise: soft hiss plus sparse crackles, both circular so they loop."""
    hiss = shaped_noise(rng, n, sample_rate, channels=2, low_hz=300, high_hz=8000, tilt_db=-3.0) * _F32(0.3)
    click = np.diff(np.hanning(24)).astype(_F32)  # a tiny band-limited tick
    count = int(6 * n / sample_rate)
    positions = rng.integers(0, n, size=count)
    channels = rng.integers(0, 2, size=count)
    amplitudes = (rng.choice([-1.0, 1.0], size=count) * np.minimum(rng.pareto(3.0, count), 4.0)).astype(_F32)
    amplitudes *= _F32(2.0 / max(float(np.abs(amplitudes).max()), 1e-9) / float(np.abs(click).max()))
    for offset, value in enumerate(click):
        np.add.at(hiss, (channels, (positions + offset) % n), amplitudes * value)
    return hiss * _F32(level)
