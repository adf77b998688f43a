"""The drawing surface of the preview animator: the stage, layers, noise and colour helpers.

Frames are float32 RGB in 0..1, shape (height, width, 3). A :class:`Layer` is a strip
of rows painted once, wider than the frame by the camera's pan, and composited per
frame at a sub-pixel offset; that is all the per-frame work a static thing costs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["CameraSpan", "Layer", "Stage", "fractal_noise", "frame_count", "noise_1d", "rgb", "smoothstep"]

F32 = np.float32


@dataclass(frozen=True)
class Stage:
    """Frame geometry: size, horizon row, the pan margin and the size of a 'pixel' at 540 rows."""

    width: int
    height: int
    horizon: int
    margin: int        # extra columns every layer has, so the camera can pan over it
    unit: float        # height / 540: sizes are designed at 540 rows and scale with the frame

    @property
    def wide(self) -> int:
        return self.width + self.margin


def frame_count(seconds: float, fps: int) -> int:
    """The frames a preview clip of ``seconds`` has: at least one, rounded half up (not to even)."""
    return max(1, math.floor(seconds * fps + 0.5))


@dataclass(frozen=True)
class CameraSpan:
    """Where a segment of a multi-prompt long shot sits in the shot's one camera move.

    The move (a pan, a push-in) runs over the whole shot, so it goes on across each join instead of
    starting again: a segment draws frames ``first_frame ..`` of ``shot_frames``, with the ``move``
    its shot's first segment chose (None: the segment is the first, or the whole clip, and chooses)."""

    first_frame: int = 0
    shot_frames: int | None = None   # None: the segment is the whole shot
    move: Any = None                 # the animation's own move record (``Pan``, ``Push``)

    def fraction(self, index: float, frames: int, *, closed: bool) -> float:
        """How far into the shot's move frame ``index`` of a ``frames``-long segment is (0..1);
        ``closed``: the shot's last frame is at 1 (else frame ``n`` of ``n`` would be)."""
        total = self.shot_frames or frames
        return min(max((self.first_frame + index) / max(total - 1 if closed else total, 1), 0.0), 1.0)


def rgb(color: tuple[float, float, float]) -> np.ndarray:
    return np.asarray(color, dtype=F32)


def smoothstep(edge0: float, edge1: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - edge0) / (edge1 - edge0), 0.0, 1.0)
    return (t * t * (3.0 - 2.0 * t)).astype(F32, copy=False)


def _lerp_axis(grid: np.ndarray, n: int, cell: float, axis: int, wrap: bool) -> np.ndarray:
    """Upsample ``grid`` along ``axis`` to ``n`` samples with smoothstep-weighted interpolation."""
    pos = np.arange(n, dtype=np.float64) / cell
    index = np.floor(pos).astype(np.int64)
    frac = pos - index
    weight = (frac * frac * (3.0 - 2.0 * frac)).astype(F32)
    size = grid.shape[axis]
    lo, hi = (index % size, (index + 1) % size) if wrap else (np.minimum(index, size - 1),
                                                               np.minimum(index + 1, size - 1))
    a, b = np.take(grid, lo, axis=axis), np.take(grid, hi, axis=axis)
    shape = [1, 1]
    shape[axis] = n
    return a + (b - a) * weight.reshape(shape)


def fractal_noise(rng: np.random.Generator, height: int, width: int, cell: float,
                  octaves: int = 4, wrap_x: bool = False, stretch_x: float = 1.0) -> np.ndarray:
    """Value noise summed over octaves, in 0..1, shape (height, width).

    With ``wrap_x`` the noise tiles horizontally (drifting clouds loop seamlessly);
    then ``width`` should be a multiple of ``cell * stretch_x``.
    """
    total = np.zeros((height, width), dtype=F32)
    amplitude, norm = 1.0, 0.0
    for octave in range(octaves):
        cy, cx = max(cell / 2 ** octave, 1.0), max(cell * stretch_x / 2 ** octave, 1.0)
        gh, gw = int(np.ceil(height / cy)) + 2, int(round(width / cx)) if wrap_x else int(np.ceil(width / cx)) + 2
        gw = max(gw, 2)
        grid = rng.random((gh, gw), dtype=F32)
        rows = _lerp_axis(grid, height, cy, 0, False)
        total += amplitude * _lerp_axis(rows, width, width / gw if wrap_x else cx, 1, wrap_x)
        norm += amplitude
        amplitude *= 0.5
    return total / norm


def noise_1d(rng: np.random.Generator, width: int, cell: float, octaves: int = 5) -> np.ndarray:
    """1-D fractal value noise in 0..1 (ridge lines, tree lines, wave fronts)."""
    return fractal_noise(rng, 1, width, cell, octaves)[0]


@dataclass
class Layer:
    """Rows ``top:top+rows`` of the scene, premultiplied colour plus transmittance (1 - alpha).

    ``depth`` is the parallax: 0 stays still, 1 moves with the full camera pan.
    """

    top: int
    color: np.ndarray       # (rows, wide, 3) float32, premultiplied by alpha
    transmit: np.ndarray    # (rows, wide, 3) float32: three channels, as broadcasting a
                            # trailing axis of 1 makes numpy's inner loop ten times slower
    depth: float

    @classmethod
    def from_alpha(cls, top: int, color: np.ndarray, alpha: np.ndarray, depth: float) -> Layer:
        alpha = alpha[..., None].astype(F32)
        rows = np.flatnonzero(alpha.reshape(alpha.shape[0], -1).max(axis=1) > 1e-3)
        first, last = (int(rows[0]), int(rows[-1]) + 1) if rows.size else (0, 1)
        # Keep only the rows the layer covers: per-frame work scales with them.
        transmit = np.repeat(1.0 - alpha[first:last], 3, axis=2)
        return cls(top=top + first, color=np.ascontiguousarray((color * alpha)[first:last], dtype=F32),
                   transmit=np.ascontiguousarray(transmit, dtype=F32), depth=depth)

    def composite(self, out: np.ndarray, offset: float) -> None:
        """Draw over ``out`` (in place) with the camera moved ``offset`` columns."""
        width = out.shape[1]
        start = int(np.floor(offset))
        frac = F32(offset - start)
        region = out[self.top:self.top + self.color.shape[0]]
        color = self.color[:, start:start + width]
        transmit = self.transmit[:, start:start + width]
        if frac > 1e-3:  # sub-pixel pan: blend the two neighbouring columns
            color = color + (self.color[:, start + 1:start + 1 + width] - color) * frac
            transmit = transmit + (self.transmit[:, start + 1:start + 1 + width] - transmit) * frac
        region *= transmit
        region += color
