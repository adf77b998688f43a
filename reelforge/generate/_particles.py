"""Particles and flames: rain, snow, fire with embers, fireworks and the surf on a beach.

Particle positions are closed-form functions of time (no state carried between
frames), so any frame can be drawn alone and the same frame is always the same.
"""

from __future__ import annotations

import numpy as np

from reelforge.generate._canvas import F32, Stage, fractal_noise, noise_1d, rgb, smoothstep
from reelforge.generate._scene import Scene

__all__ = ["Fire", "Fireworks", "Rain", "Snow", "Surf"]


def _blend(out: np.ndarray, ys: np.ndarray, xs: np.ndarray, color: np.ndarray, alpha: np.ndarray) -> None:
    """Blend ``color`` at the given pixels with per-particle ``alpha``; off-frame ones are dropped."""
    h, w = out.shape[:2]
    keep = (ys >= 0) & (ys < h) & (xs >= 0) & (xs < w)
    ys, xs = ys[keep], xs[keep]
    a = alpha[keep][:, None]
    out[ys, xs] += (color - out[ys, xs]) * a


class Rain:
    """Slanted streaks in two depths: far ones faint and slow, near ones long and bright."""

    def __init__(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> None:
        self.w, self.h = stage.width, stage.height
        count = int(stage.width * stage.height / 700)
        self.near = rng.random(count, dtype=F32) ** 2
        self.x0 = rng.uniform(0, stage.width * 1.3, count).astype(F32)
        self.y0 = rng.uniform(0, stage.height, count).astype(F32)
        self.speed = ((500 + 700 * self.near) * stage.unit).astype(F32)
        self.length = ((8 + 22 * self.near) * stage.unit).astype(F32)
        self.wind = float(rng.uniform(-0.35, -0.1))
        self.alpha = (0.12 + 0.3 * self.near).astype(F32)
        self.color = rgb(scene.palette.haze) * 0.5 + 0.45
        self.samples = np.linspace(0.0, 1.0, max(int(6 * stage.unit), 4), dtype=F32)[:, None]

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        span = self.h + self.length
        y = (self.y0 + self.speed * F32(t)) % span - self.length
        x = (self.x0 + self.wind * self.speed * F32(t) - pan * self.near) % (self.w * 1.3) - self.w * 0.15
        ys = (y[None, :] + self.samples * self.length).astype(np.int64)
        xs = (x[None, :] + self.samples * self.length * self.wind).astype(np.int64)
        alpha = np.broadcast_to(self.alpha, ys.shape)
        _blend(out, ys.ravel(), xs.ravel(), self.color, alpha.ravel())


class Snow:
    """Flakes in three sizes that fall, sway and drift with the wind; near flakes are larger."""

    def __init__(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> None:
        self.w, self.h = stage.width, stage.height
        count = int(stage.width * stage.height / 900)
        self.near = rng.random(count, dtype=F32) ** 1.5
        self.x0 = rng.uniform(0, stage.width, count).astype(F32)
        self.y0 = rng.uniform(0, stage.height, count).astype(F32)
        self.speed = ((18 + 70 * self.near) * stage.unit).astype(F32)
        self.sway = ((3 + 10 * self.near) * stage.unit).astype(F32)
        self.phase = rng.uniform(0, 2 * np.pi, count).astype(F32)
        self.rate = rng.uniform(0.5, 1.6, count).astype(F32)
        self.wind = float(rng.uniform(-12, 12) * stage.unit)
        self.size = np.minimum((1 + self.near * 3 * stage.unit).astype(np.int64), int(4 * stage.unit) + 1)
        self.alpha = (0.45 + 0.5 * self.near).astype(F32)
        self.color = rgb((0.95, 0.96, 1.0)) * (0.55 + 0.45 * scene.palette.brightness)

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        tt = F32(t)
        y = (self.y0 + self.speed * tt) % (self.h + 8) - 4
        x = (self.x0 + self.wind * tt + self.sway * np.sin(self.phase + self.rate * tt)
             - pan * self.near) % self.w
        for dy in range(int(self.size.max())):
            for dx in range(int(self.size.max())):
                keep = (dy < self.size) & (dx < self.size)
                _blend(out, (y[keep] + dy).astype(np.int64), (x[keep] + dx).astype(np.int64),
                       self.color, self.alpha[keep])


class Fire:
    """A campfire: logs, flames from rising noise, a flickering glow on the ground and embers."""

    def __init__(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> None:
        u = stage.unit
        self.cx, self.base = stage.width * rng.uniform(0.4, 0.6), stage.height * 0.9
        self.fw, self.fh = int(44 * u), int(110 * u)
        self.x0, self.y0 = int(self.cx - self.fw), int(self.base - self.fh)
        yy = np.arange(self.fh, dtype=F32)[:, None] / self.fh          # 0 top .. 1 base
        xx = (np.arange(2 * self.fw, dtype=F32)[None, :] - self.fw) / self.fw
        width = 0.15 + 0.85 * yy ** 0.7
        self.shape = np.clip(1.0 - np.abs(xx) / width, 0.0, 1.0) * smoothstep(0.0, 0.6, yy)
        self.noise = fractal_noise(rng, self.fh * 2, 2 * self.fw, 14 * u, 3)
        gy, gx = np.mgrid[0:stage.height, 0:stage.width].astype(F32)
        dist = np.sqrt(((gx - self.cx) / 1.6) ** 2 + (gy - self.base) ** 2) / stage.height
        self.glow = (np.exp(-dist / 0.16) * 0.5).astype(F32)[..., None] * rgb((1.0, 0.55, 0.2))
        self.glow_top = int(max(self.base - stage.height * 0.6, 0))
        self.glow = self.glow[self.glow_top:]
        logs_y = np.arange(int(self.base - 8 * u), int(self.base + 8 * u))
        self.logs = (logs_y.clip(0, stage.height - 1),
                     slice(int(self.cx - 34 * u), int(self.cx + 34 * u)))
        count = 60
        self.ember_x = rng.uniform(-0.6, 0.6, count).astype(F32) * self.fw
        self.ember_phase = rng.random(count, dtype=F32)
        self.ember_rate = rng.uniform(0.3, 0.7, count).astype(F32)
        self.ember_sway = rng.uniform(0, 6.3, count).astype(F32)
        self.rise = stage.height * 0.45
        self.unit = u

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        tt = F32(t)
        flicker = F32(0.85 + 0.1 * np.sin(tt * 13.0) + 0.05 * np.sin(tt * 31.0 + 1.0))
        out[self.glow_top:] += self.glow * flicker
        out[self.logs[0], self.logs[1]] = rgb((0.08, 0.04, 0.03))
        scroll = int(tt * 160 * self.unit) % self.fh
        heat = self.shape * (0.35 + 0.9 * self.noise[self.fh - scroll:2 * self.fh - scroll]) * flicker
        heat = np.clip(heat * 1.4 - 0.35, 0.0, 1.0)[..., None]
        flame = np.concatenate([np.clip(heat * 3.0, 0, 1), np.clip(heat * 2.0 - 0.4, 0, 1),
                                np.clip(heat * 3.0 - 2.0, 0, 1)], axis=2)
        h, w = out.shape[:2]
        y0, x0 = max(self.y0, 0), max(self.x0, 0)
        y1, x1 = min(self.y0 + self.fh, h), min(self.x0 + 2 * self.fw, w)
        if y1 > y0 and x1 > x0:
            patch = flame[y0 - self.y0:y1 - self.y0, x0 - self.x0:x1 - self.x0]
            region = out[y0:y1, x0:x1]
            region += (patch - region) * np.clip(heat[y0 - self.y0:y1 - self.y0, x0 - self.x0:x1 - self.x0] * 1.5, 0, 1)
        age = (self.ember_phase + self.ember_rate * tt) % 1.0
        ys = (self.base - self.fh * 0.5 - age * self.rise).astype(np.int64)
        xs = (self.cx + self.ember_x + 12 * self.unit * np.sin(self.ember_sway + tt * 2 + age * 6)).astype(np.int64)
        _blend(out, ys, xs, rgb((1.0, 0.6, 0.2)), (1.0 - age) * 0.9)


class Fireworks:
    """Rockets that rise and burst into falling, fading sparks with a brief glow."""

    def __init__(self, stage: Stage, seconds: float, rng: np.random.Generator) -> None:
        self.w, self.h, self.unit = stage.width, stage.height, stage.unit
        count = max(int(seconds / 0.9) + 2, 3)
        # Evenly spaced with jitter, starting before the clip: there is always one in the air.
        self.launch = (np.arange(count, dtype=F32) * 0.9 - 1.2 + rng.uniform(-0.3, 0.3, count)).astype(F32)
        self.cx = rng.uniform(0.15, 0.85, count).astype(F32) * stage.width
        self.cy = rng.uniform(0.12, 0.45, count).astype(F32) * stage.horizon
        hues = np.asarray([(1.0, 0.3, 0.35), (1.0, 0.8, 0.3), (0.4, 0.7, 1.0), (0.7, 1.0, 0.5),
                           (1.0, 0.5, 0.9), (1.0, 1.0, 0.95)], F32)
        self.color = hues[rng.integers(0, len(hues), count)]
        sparks = 90
        angle = rng.uniform(0, 2 * np.pi, (count, sparks)).astype(F32)
        speed = (rng.uniform(0.6, 1.0, (count, sparks)) * 70 * stage.unit).astype(F32)
        self.vx, self.vy = np.cos(angle) * speed, np.sin(angle) * speed
        self.rise, self.life = 0.7, 2.2

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        for index in np.flatnonzero((t >= self.launch) & (t < self.launch + self.rise + self.life)):
            age = F32(t - self.launch[index])
            cx, cy, color = self.cx[index], self.cy[index], self.color[index]
            if age < self.rise:  # the rocket climbing
                y = self.h * 0.95 + (cy - self.h * 0.95) * (age / self.rise) ** 0.6
                trail = np.arange(6, dtype=F32) * 3 * self.unit
                _blend(out, (y + trail).astype(np.int64), np.full(6, int(cx)), rgb((1.0, 0.85, 0.6)),
                       np.linspace(0.9, 0.1, 6, dtype=F32))
                continue
            burst = age - self.rise
            fade = np.maximum(0.0, 1.0 - burst / self.life) ** 1.5
            for lag in (0.0, 0.06, 0.12):  # a short trail behind each spark
                tb = np.maximum(burst - lag, 0.0)
                reach = 1.0 - np.exp(-tb * 2.2)
                xs = (cx + self.vx[index] * reach).astype(np.int64)
                ys = (cy + self.vy[index] * reach + 18 * self.unit * tb * tb).astype(np.int64)
                alpha = np.full(xs.shape, fade * (1.0 - lag * 5), F32)
                _blend(out, ys, xs, color, alpha)
                _blend(out, ys + 1, xs, color, alpha * 0.6)
            self._glow(out, cx, cy, color, fade * max(0.0, 1.0 - burst * 1.5))

    def _glow(self, out: np.ndarray, cx: float, cy: float, color: np.ndarray, strength: float) -> None:
        if strength <= 0.01:
            return
        r = int(90 * self.unit)
        y0, y1 = max(int(cy) - r, 0), min(int(cy) + r, self.h)
        x0, x1 = max(int(cx) - r, 0), min(int(cx) + r, self.w)
        yy, xx = np.ogrid[y0:y1, x0:x1]
        dist = np.sqrt((yy - cy) ** 2 + (xx - cx) ** 2).astype(F32) / r
        out[y0:y1, x0:x1] += (np.exp(-dist * 3.0) * (0.35 * strength))[..., None] * color


class Surf:
    """Waves washing up the beach: a foam line that advances and retreats over the sand."""

    def __init__(self, stage: Stage, scene: Scene, rng: np.random.Generator, sand_top: int) -> None:
        self.w = stage.width
        self.top = max(sand_top - int(10 * stage.unit), 0)
        self.rows = max(stage.height - self.top, 1)
        self.shape = noise_1d(rng, stage.width * 2, 120 * stage.unit, 3) * 10 * stage.unit
        self.y = np.arange(self.rows, dtype=F32)[:, None]
        self.reach = 26 * stage.unit
        self.foam = rgb((0.95, 0.96, 0.98)) * (0.4 + 0.6 * scene.palette.brightness)
        self.wet = rgb(scene.palette.water) * 0.9 + 0.05

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        tt = F32(t)
        swash = (0.5 + 0.5 * np.sin(tt * 0.9)) * self.reach
        start = int(pan) % self.w
        edge = 12 + swash + self.shape[start:start + self.w]               # rows below self.top
        depth = edge[None, :] - self.y
        water = smoothstep(-1.0, 1.0, depth)[..., None] * 0.55
        foam = np.exp(-(depth / 2.5) ** 2).astype(F32)[..., None] * 0.8
        region = out[self.top:self.top + self.rows]
        region += (self.wet - region) * water
        region += (self.foam - region) * foam
