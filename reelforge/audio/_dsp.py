"""Signal building blocks shared by the music and the sound effects, all vectorised numpy.

Signals are float32 arrays shaped ``(channels, samples)``. Filtering is done in the
frequency domain over the whole buffer, which makes it *circular*: a loop filtered this
way flows from its last sample into its first with no seam. Anything that rings past
the end of a buffer (note tails, reverb) is rendered into extra room and then
:func:`fold`-ed back onto the head when the result must loop.
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = [
    "adsr",
    "apply_response",
    "band_gains",
    "fast_length",
    "fold",
    "gated_loudness",
    "integrated_loudness",
    "k_weighting",
    "limiter_gain",
    "pan_gains",
    "room_spectrum",
    "shaped_noise",
    "soft_clip",
]

_F32 = np.float32


def fold(buffer: np.ndarray, length: int) -> np.ndarray:
    """Wrap everything past ``length`` samples back onto the head (a loop's tails)."""
    total = buffer.shape[-1]
    out = buffer[..., :length].copy()
    for start in range(length, total, length):
        chunk = buffer[..., start:start + length]
        out[..., :chunk.shape[-1]] += chunk
    return out


def adsr(n: int, sample_rate: int, *, attack: float, decay: float, sustain: float,
         hold: float, release: float) -> np.ndarray:
    """An ADSR envelope of ``n`` samples: linear attack, exponential decay to ``sustain``,
    held until ``hold`` seconds, then an exponential release that reaches silence at ``n``."""
    t = np.arange(n, dtype=_F32) / _F32(sample_rate)
    attack = max(attack, 1e-3)
    env = np.where(t < attack, t / attack,
                   sustain + (1.0 - sustain) * np.exp(-(t - attack) / max(decay, 1e-3)))
    after = t >= hold
    if after.any():
        level = env[np.argmax(after)] if hold > 0 else 1.0
        tr = t[after] - hold
        env[after] = level * np.exp(-tr / max(release / 4.0, 1e-3))
    # A short fade to true zero so the note never ends with a step.
    fade = min(n, max(16, sample_rate // 500))
    env[-fade:] *= np.linspace(1.0, 0.0, fade, dtype=_F32)
    return env.astype(_F32, copy=False)


def pan_gains(pan: float) -> tuple[float, float]:
    """Constant-power gains for ``pan`` in -1 (left) .. 1 (right)."""
    angle = (pan + 1.0) * np.pi / 4.0
    return float(np.cos(angle)), float(np.sin(angle))


def band_gains(freqs: np.ndarray, *, low_hz: float | None = None, high_hz: float | None = None,
               order: int = 2) -> np.ndarray:
    """Magnitude of a Butterworth-like band (high-pass at ``low_hz``, low-pass at ``high_hz``)."""
    gains = np.ones_like(freqs, dtype=np.float64)
    if high_hz is not None:
        gains /= np.sqrt(1.0 + (freqs / high_hz) ** (2 * order))
    if low_hz is not None:
        with np.errstate(divide="ignore"):
            ratio = np.where(freqs > 0, low_hz / np.maximum(freqs, 1e-9), np.inf)
        gains /= np.sqrt(1.0 + ratio ** (2 * order))
    return gains


def apply_response(signal: np.ndarray, sample_rate: int, *, low_hz: float | None = None,
                   high_hz: float | None = None, order: int = 2) -> np.ndarray:
    """Filter ``signal`` (any leading shape) circularly with :func:`band_gains`."""
    n = signal.shape[-1]
    spectrum = np.fft.rfft(signal.astype(_F32), axis=-1)
    freqs = np.fft.rfftfreq(n, 1.0 / sample_rate)
    spectrum *= band_gains(freqs, low_hz=low_hz, high_hz=high_hz, order=order).astype(_F32)
    return np.fft.irfft(spectrum, n=n, axis=-1)


def shaped_noise(rng: np.random.Generator, n: int, sample_rate: int, *, channels: int = 1,
                 low_hz: float | None = None, high_hz: float | None = None, tilt_db: float = 0.0,
                 order: int = 2) -> np.ndarray:
    """Unit-RMS noise with a band shape, drawn straight in the frequency domain.

    It is circular, so it loops seamlessly. ``tilt_db`` is the slope per octave
    (-3 gives pink noise, -6 brown)."""
    bins = n // 2 + 1
    spectrum = np.empty((channels, bins), dtype=np.complex64)
    spectrum.real = rng.standard_normal((channels, bins), dtype=_F32)
    spectrum.imag = rng.standard_normal((channels, bins), dtype=_F32)
    freqs = np.fft.rfftfreq(n, 1.0 / sample_rate)
    gains = band_gains(freqs, low_hz=low_hz, high_hz=high_hz, order=order)
    if tilt_db:
        octaves = np.log2(np.maximum(freqs, 20.0) / 1000.0)
        gains = gains * 10.0 ** (tilt_db * octaves / 20.0)
    gains[0] = 0.0
    noise = np.fft.irfft(spectrum * gains.astype(_F32), n=n, axis=-1)
    rms = float(np.sqrt(np.mean(noise ** 2))) or 1.0
    return (noise / rms).astype(_F32)


def fast_length(n: int) -> int:
    """The smallest 2^a 3^b 5^c at least ``n``: an FFT size pocketfft handles quickly."""
    best = 1 << max(0, (n - 1).bit_length())
    five = 1
    while five < best:
        three = five
        while three < best:
            size = three
            while size < n:
                size *= 2
            best = min(best, size)
            three *= 3
        five *= 5
    return best


def room_spectrum(size: int, sample_rate: int, rng: np.random.Generator, *, seconds: float,
                  damping_hz: float = 6000.0, predelay: float = 0.012) -> np.ndarray:
    """The rfft (at ``size``) of a stereo room: decaying, darkening noise of unit energy.

    Multiplying a signal's spectrum by it at the signal's own length is a circular
    convolution: for a loop, the tail of the last bar rings on into the first."""
    ir_len = int(seconds * sample_rate)
    t = np.arange(ir_len, dtype=_F32) / _F32(sample_rate)
    ir = shaped_noise(rng, ir_len, sample_rate, channels=2, high_hz=damping_hz) * np.exp(-t / (seconds / 6.9))
    # Later parts of a real room lose their highs first: blend towards a darker copy.
    dark = apply_response(ir, sample_rate, high_hz=damping_hz / 4.0)
    mix = np.clip(t / seconds * 2.0, 0.0, 1.0)
    ir = ir * (1.0 - mix) + dark * mix
    ir = np.concatenate([np.zeros((2, int(predelay * sample_rate)), dtype=_F32), ir], axis=-1)
    ir /= np.sqrt(np.sum(ir ** 2, axis=-1, keepdims=True))
    if ir.shape[-1] > size:
        ir = fold(ir, size)
    return np.fft.rfft(ir.astype(_F32), n=size, axis=-1)


def _biquad_response(b: tuple[float, float, float], a: tuple[float, float, float],
                     w: np.ndarray) -> np.ndarray:
    z1 = np.exp(-1j * w)
    z2 = z1 * z1
    return (b[0] + b[1] * z1 + b[2] * z2) / (a[0] + a[1] * z1 + a[2] * z2)


@functools.lru_cache(maxsize=8)
def k_weighting(n: int, sample_rate: int) -> np.ndarray:
    """The ITU-R BS.1770 K-weighting (shelf + high-pass) at the rfft bins of ``n``.

    The same two biquads pyloudnorm uses, evaluated as a frequency response."""
    w = (2.0 * np.pi * np.fft.rfftfreq(n, 1.0 / sample_rate) / sample_rate).astype(_F32)  # complex64 below
    gain_db, q, fc = 4.0, 1.0 / np.sqrt(2.0), 1500.0
    big_a = 10.0 ** (gain_db / 40.0)
    w0 = 2.0 * np.pi * fc / sample_rate
    alpha = np.sin(w0) / (2.0 * q)
    cos0, root = np.cos(w0), 2.0 * np.sqrt(big_a) * alpha
    shelf = _biquad_response(
        (big_a * ((big_a + 1) + (big_a - 1) * cos0 + root), -2 * big_a * ((big_a - 1) + (big_a + 1) * cos0),
         big_a * ((big_a + 1) + (big_a - 1) * cos0 - root)),
        ((big_a + 1) - (big_a - 1) * cos0 + root, 2 * ((big_a - 1) - (big_a + 1) * cos0),
         (big_a + 1) - (big_a - 1) * cos0 - root), w)
    q, fc = 0.5, 38.0
    w0 = 2.0 * np.pi * fc / sample_rate
    alpha, cos0 = np.sin(w0) / (2.0 * q), np.cos(w0)
    high_pass = _biquad_response(((1 + cos0) / 2, -(1 + cos0), (1 + cos0) / 2),
                                 (1 + alpha, -2 * cos0, 1 - alpha), w)
    return (shelf * high_pass).astype(np.complex64)


def integrated_loudness(signal: np.ndarray, sample_rate: int) -> float:
    """Integrated loudness in LUFS of ``signal`` (channels, n), as BS.1770-4 measures it.

    Measured here (numpy only) so rendering needs no test extra; the tests check it
    against pyloudnorm."""
    n = signal.shape[-1]
    spectrum = np.fft.rfft(signal.astype(_F32), axis=-1)
    return gated_loudness(np.fft.irfft(spectrum * k_weighting(n, sample_rate), n=n, axis=-1), sample_rate)


def gated_loudness(weighted: np.ndarray, sample_rate: int) -> float:
    """Loudness in LUFS of an already K-weighted signal: 400 ms blocks, 75 % overlap,
    the absolute (-70 LUFS) and relative (-10 LU) gates."""
    n = weighted.shape[-1]
    block, step = int(0.4 * sample_rate), int(0.1 * sample_rate)
    if n < block:
        block = step = n
    cumulative = np.concatenate([np.zeros((weighted.shape[0], 1)),
                                 np.cumsum(np.square(weighted, dtype=np.float64), axis=-1)], axis=-1)
    starts = np.arange(0, n - block + 1, step)
    power = (cumulative[:, starts + block] - cumulative[:, starts]) / block  # (channels, blocks)
    total = power.sum(axis=0)
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10.0 * np.log10(total)
    kept = loudness > -70.0
    if not kept.any():
        return float("-inf")
    relative = -0.691 + 10.0 * np.log10(total[kept].mean()) - 10.0
    kept &= loudness > relative
    return float(-0.691 + 10.0 * np.log10(total[kept].mean()))


def limiter_gain(signal: np.ndarray, sample_rate: int, *, ceiling: float, loop: bool) -> np.ndarray:
    """A smooth per-sample gain that dips ahead of peaks over ``ceiling``: the peak of each
    5 ms block and its neighbours, interpolated (circularly for a loop)."""
    n = signal.shape[-1]
    block = max(1, sample_rate // 200)
    blocks = -(-n // block)
    padded = np.zeros(blocks * block, dtype=_F32)
    padded[:n] = np.abs(signal).max(axis=0)
    peaks = padded.reshape(blocks, block).max(axis=1)
    before, after = np.roll(peaks, 1), np.roll(peaks, -1)
    if not loop:
        before[0] = after[-1] = 0.0
    peaks = np.maximum(peaks, np.maximum(before, after))
    gain = np.minimum(1.0, ceiling * 0.97 / np.maximum(peaks, 1e-9))
    centres = (np.arange(blocks) + 0.5) * block
    return np.interp(np.arange(n), centres, gain, period=n if loop else None).astype(_F32)


def soft_clip(signal: np.ndarray, ceiling: float) -> np.ndarray:
    """Identity below 90 % of ``ceiling``, a tanh knee above that never reaches it."""
    out = signal.astype(_F32, copy=True)
    knee = ceiling * 0.9
    over = np.abs(out) > knee
    if over.any():
        head = ceiling - knee
        values = out[over]
        out[over] = np.sign(values) * (knee + head * np.tanh((np.abs(values) - knee) / head))
    return out
