"""Sound effects, synthesised like the music: noise bands, sweeps and decays in numpy.

One-shots (whoosh, pop, ding ...) peak at -3 dBFS. Ambiences (rain, wind) are circular,
so they loop without a seam, and sit at -20 LUFS under the music's -16.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np

from reelforge.audio._dsp import apply_response, room_spectrum, shaped_noise
from reelforge.audio._music import master
from reelforge.errors import InvalidInput

__all__ = ["SOUND_EFFECTS", "SoundEffect", "SoundName", "render_sound"]

SoundName = Literal["whoosh", "rise", "impact", "pop", "click", "shutter", "rain", "wind", "applause", "ding"]

_F32 = np.float32
_PEAK = 10.0 ** (-3.0 / 20.0)
_AMBIENCE_LUFS = -20.0
Synth = Callable[[np.random.Generator, int, int], np.ndarray]  # (rng, n, sample_rate) -> (2, n)


@dataclass(frozen=True)
class SoundEffect:
    name: SoundName
    title: str
    names_zh: tuple[str, ...]
    aliases: tuple[str, ...]
    seconds: float          # the default length
    loopable: bool          # an ambience that can be any length and loops seamlessly
    description: str


def _time(n: int, sample_rate: int) -> np.ndarray:
    return np.arange(n, dtype=_F32) / _F32(sample_rate)


def _bands(rng: np.random.Generator, n: int, sample_rate: int, centres: np.ndarray) -> np.ndarray:
    """One octave-wide noise band per centre frequency: (bands, n), each unit RMS."""
    return np.stack([shaped_noise(rng, n, sample_rate, low_hz=c / 1.41, high_hz=c * 1.41)[0] for c in centres])


def _swept_noise(rng: np.random.Generator, n: int, sample_rate: int, centre_hz: np.ndarray) -> np.ndarray:
    """Noise whose band follows ``centre_hz`` (per sample): fixed bands crossfaded by distance."""
    centres = np.geomspace(150.0, 9000.0, 12)
    bands = _bands(rng, n, sample_rate, centres)
    distance = np.log2(centres[:, None] / centre_hz[None, :])
    weights = np.exp(-0.5 * (distance / 0.6) ** 2).astype(_F32)
    return (bands * weights).sum(axis=0)


def _stereo(mono: np.ndarray, pan: np.ndarray | float = 0.0) -> np.ndarray:
    angle = (np.asarray(pan) + 1.0) * np.pi / 4.0
    return np.stack([mono * np.cos(angle), mono * np.sin(angle)]).astype(_F32)


def _whoosh(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    shape = np.sin(np.pi * np.linspace(0.0, 1.0, n)) ** 2  # swells in and out
    centre = 350.0 * 2.0 ** (3.2 * np.sin(np.pi * np.linspace(0.0, 0.85, n)))
    return _stereo(_swept_noise(rng, n, sample_rate, centre) * shape.astype(_F32), np.linspace(-0.7, 0.7, n))


def _rise(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    t = _time(n, sample_rate)
    progress = t / t[-1]
    freq = 180.0 * 8.0 ** progress  # three octaves up, exponential
    phase = np.cumsum(2.0 * np.pi * freq / sample_rate)
    tone = sum(np.sin(k * phase) / k for k in (1, 2, 3, 4))
    noise = _swept_noise(rng, n, sample_rate, 400.0 * 16.0 ** progress)
    body = (0.5 * tone + 0.35 * noise) * progress ** 2
    body[-int(0.02 * sample_rate):] *= np.linspace(1.0, 0.0, int(0.02 * sample_rate))
    return _stereo(body.astype(_F32))


def _impact(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    t = _time(n, sample_rate)
    phase = 2.0 * np.pi * (40.0 * t + 90.0 * 0.08 * (1.0 - np.exp(-t / 0.08)))  # 130 Hz falling to 40
    boom = np.sin(phase) * np.exp(-t / 0.45)
    crack = apply_response(shaped_noise(rng, n, sample_rate)[0], sample_rate, high_hz=3000.0) * np.exp(-t / 0.06)
    dry = _stereo((boom + 0.5 * crack).astype(_F32))
    size = 2 * n  # a linear (not circular) convolution: the tail must not wrap onto the hit
    room = room_spectrum(size, sample_rate, rng, seconds=1.6)
    wet = np.fft.irfft(np.fft.rfft(dry, n=size, axis=-1) * room, n=size, axis=-1)[:, :n]
    return dry + 0.3 * wet


def _pop(_: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    t = _time(n, sample_rate)
    phase = 2.0 * np.pi * (320.0 * t + 700.0 * 0.012 * (1.0 - np.exp(-t / 0.012)))
    env = np.minimum(t / 0.002, 1.0) * np.exp(-t / 0.035)
    return _stereo((np.sin(phase) * env).astype(_F32))


def _click(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    t = _time(n, sample_rate)
    tick = np.sin(2.0 * np.pi * 2400.0 * t) * np.exp(-t / 0.003)
    noise = shaped_noise(rng, n, sample_rate, low_hz=2000.0)[0] * np.exp(-t / 0.002)
    return _stereo((0.7 * tick + 0.4 * noise).astype(_F32))


def _shutter(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    t = _time(n, sample_rate)
    out = np.zeros(n, dtype=_F32)
    for start, level in ((0.0, 1.0), (0.11, 0.8)):  # the mirror flips up, then back down
        local = np.maximum(t - start, 0.0)
        gate = (t >= start).astype(_F32)
        clack = shaped_noise(rng, n, sample_rate, low_hz=1500.0, high_hz=9000.0)[0] * np.exp(-local / 0.008)
        ring = np.sin(2.0 * np.pi * 3100.0 * local) * np.exp(-local / 0.015)
        out += gate * level * (clack + 0.3 * ring)
    whirr = shaped_noise(rng, n, sample_rate, low_hz=600.0, high_hz=3000.0)[0]
    out += 0.12 * whirr * ((t > 0.01) & (t < 0.11)).astype(_F32)
    return _stereo(out)


def _drops(rng: np.random.Generator, n: int, sample_rate: int, per_second: float) -> np.ndarray:
    """Many tiny droplets: decaying high sines scattered circularly over both channels."""
    out = np.zeros((2, n), dtype=_F32)
    length = int(0.012 * sample_rate)
    t = _time(length, sample_rate)
    count = int(per_second * n / sample_rate)
    for pitch in rng.uniform(2500.0, 6500.0, size=6):  # six droplet sizes
        kernel = np.sin(2.0 * np.pi * pitch * t) * np.exp(-t / 0.002)
        positions = rng.integers(0, n, size=count // 6)
        channels = rng.integers(0, 2, size=count // 6)
        levels = rng.uniform(0.1, 1.0, size=count // 6).astype(_F32)
        for offset in range(0, length, 2):
            np.add.at(out, (channels, (positions + offset) % n), levels * kernel[offset])
    return out


def _rain(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    wash = shaped_noise(rng, n, sample_rate, channels=2, low_hz=500.0, high_hz=9000.0, tilt_db=-2.0)
    return 0.5 * wash + 0.6 * _drops(rng, n, sample_rate, per_second=180.0)


def _wind(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    body = shaped_noise(rng, n, sample_rate, channels=2, low_hz=80.0, high_hz=900.0, tilt_db=-4.0)
    whistle = shaped_noise(rng, n, sample_rate, channels=2, low_hz=700.0, high_hz=1100.0, order=4)
    # Gusts: a very slow random swell (circular, so the ambience still loops).
    gusts = shaped_noise(rng, n, sample_rate, high_hz=0.35, order=2)[0]
    gusts = 0.55 + 0.45 * np.tanh(gusts)
    return (body + 0.3 * whistle * gusts) * gusts


def _applause(rng: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    claps_per_second = 140.0
    count = int(claps_per_second * n / sample_rate)
    impulses = np.zeros((2, n), dtype=_F32)
    impulses[rng.integers(0, 2, size=count), rng.integers(0, n, size=count)] = rng.uniform(0.3, 1.0, count)
    length = int(0.02 * sample_rate)
    kernel = shaped_noise(rng, length, sample_rate, low_hz=900.0, high_hz=5000.0)[0]
    kernel *= np.exp(-_time(length, sample_rate) / 0.004)
    claps = np.fft.irfft(np.fft.rfft(impulses, axis=-1) * np.fft.rfft(kernel, n=n), n=n, axis=-1)
    t = _time(n, sample_rate)
    swell = np.minimum(t / 0.4, 1.0) * np.clip((t[-1] - t) / 1.2, 0.0, 1.0) ** 1.5
    return (claps * swell).astype(_F32)


def _ding(_: np.random.Generator, n: int, sample_rate: int) -> np.ndarray:
    t = _time(n, sample_rate)
    tone = sum(a * np.sin(2.0 * np.pi * 1318.5 * r * t) * np.exp(-t * d)
               for r, a, d in ((1.0, 1.0, 2.2), (2.0, 0.3, 4.0), (2.76, 0.35, 5.0), (5.4, 0.12, 9.0)))
    attack = np.minimum(t / 0.002, 1.0)
    fade = np.clip((t[-1] - t) / 0.05, 0.0, 1.0)
    return _stereo((tone * attack * fade).astype(_F32))


_SYNTHS: dict[str, Synth] = {
    "whoosh": _whoosh, "rise": _rise, "impact": _impact, "pop": _pop, "click": _click,
    "shutter": _shutter, "rain": _rain, "wind": _wind, "applause": _applause, "ding": _ding,
}

SOUND_EFFECTS: dict[str, SoundEffect] = {effect.name: effect for effect in (
    SoundEffect("whoosh", "Whoosh", ("嗖", "呼啸", "转场音效", "咻", "唰", "嗖嗖", "呼的一声"),
                ("swoosh", "swish", "transition", "swipe", "woosh", "swoop", "zip", "transition sound"), 0.9, False,
                "A band of air sweeping up and back down, panning left to right: for transitions."),
    SoundEffect("rise", "Rise", ("上升", "升调", "渐强", "上扬", "蓄力"),
                ("riser", "build up", "build-up", "uplifter", "tension", "rising sound", "crescendo"), 2.5,
                False, "A tone and noise climbing three octaves into a cut: builds tension before a reveal."),
    SoundEffect("impact", "Impact", ("撞击", "重击", "冲击", "砰", "嘭", "咚", "轰", "爆炸"),
                ("hit", "boom", "slam", "thud", "drop", "bang", "explosion", "bass drop", "thump", "punch"), 1.8, False,
                "A low falling boom with a crack and a room tail: lands a title or a cut."),
    SoundEffect("pop", "Pop", ("啵", "弹出", "冒泡", "噗"), ("bubble", "blip", "plop", "bloop", "boop"), 0.15, False,
                "A short falling blip: an item or a sticker popping in."),
    SoundEffect("click", "Click", ("咔哒", "点击", "按键", "咔嗒", "鼠标声"),
                ("tap", "tick", "button", "mouse click", "keyboard click"), 0.05, False,
                "A crisp tick: a button press or a cursor click."),
    SoundEffect("shutter", "Camera shutter", ("快门", "拍照", "相机快门"),
                ("camera", "camera shutter", "photo", "snapshot", "camera click", "photo snap"), 0.35, False,
                "Two mechanical clacks of a mirror and shutter: a photo being taken."),
    SoundEffect("rain", "Rain", ("雨声", "下雨", "雨"), ("rainfall", "raining", "drizzle", "storm rain"), 8.0, True,
                "A steady wash of rain with scattered droplets; loops seamlessly at any length."),
    SoundEffect("wind", "Wind", ("风声", "风", "刮风"), ("breeze", "gust", "windy", "howling wind"), 8.0, True,
                "Low rushing air with slow gusts and a faint whistle; loops seamlessly at any length."),
    SoundEffect("applause", "Applause", ("掌声", "鼓掌", "欢呼", "喝彩", "叫好"),
                ("crowd", "clapping", "cheer", "cheering", "audience", "clap", "round of applause", "ovation"), 4.0,
                False,
                "A crowd clapping: swells in, holds, dies away."),
    SoundEffect("ding", "Ding", ("叮", "提示音", "铃声", "叮咚", "叮铃", "魔法音效", "魔法的声音", "闪光音效", "闪光的音效", "闪亮的音效", "布灵"),
                ("bell", "chime", "notification", "correct", "ding dong", "ping", "sparkle", "twinkle", "shimmer",
                 "magic sound", "magic wand", "bling"), 1.5, False,
                "A bright bell partial stack at E6: a notification or a right answer."),
)}
assert list(SOUND_EFFECTS) == list(get_args(SoundName)) and set(_SYNTHS) == set(SOUND_EFFECTS)


def render_sound(name: str, seed: int = 0, sample_rate: int = 48000, *, seconds: float | None = None) -> np.ndarray:
    """The sound effect ``name`` as float32 ``(samples, 2)``; ``seconds`` overrides its length."""
    effect = SOUND_EFFECTS.get(name)
    if effect is None:
        raise InvalidInput(f"sound: unknown sound effect {name!r} (known: {', '.join(SOUND_EFFECTS)})",
                           field="sound")
    length = effect.seconds if seconds is None else seconds
    if not 0.0 < length <= 600.0:
        raise InvalidInput(f"seconds: must be in (0, 600] (got {length})", field="seconds")
    n = max(16, round(length * sample_rate))
    rng = np.random.default_rng([seed, zlib.crc32(name.encode())])
    signal = _SYNTHS[effect.name](rng, n, sample_rate).astype(_F32)
    if effect.loopable:
        return master(signal, sample_rate, loop=True, target_lufs=_AMBIENCE_LUFS).T.copy()
    # One-shots start and end at silence (1 ms in, up to 20 ms out), so placing them never clicks.
    fade_in, fade_out = min(n // 4, sample_rate // 1000), min(n // 10, sample_rate // 50)
    signal[:, :fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=_F32)
    signal[:, n - fade_out:] *= np.linspace(1.0, 0.0, fade_out, dtype=_F32)
    peak = float(np.abs(signal).max())
    return (signal * _F32(_PEAK / peak if peak > 0 else 1.0)).T.copy()
