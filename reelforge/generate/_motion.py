"""Things that move: twinkling stars, drifting clouds and fog, water, window flicker, aurora.

Each effect precomputes what it can in ``__init__`` and does only the moving part in
``draw(out, t, pan)``, where ``out`` is the float32 frame, ``t`` seconds and ``pan`` the
camera offset in columns for depth 1. Weather and fire live in :mod:`._particles`.
"""

from __future__ import annotations

import numpy as np

from reelforge.generate._canvas import F32, Layer, Stage, fractal_noise, noise_1d, rgb, smoothstep
from reelforge.generate._painters import CityLights, Sun
from reelforge.generate._scene import Scene

__all__ = ["Aurora", "Drift", "Flicker", "Twinkle", "Water"]


class Twinkle:
    """Bright stars whose brightness breathes, each at its own pace."""

    def __init__(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> None:
        count = int(stage.width * stage.horizon * (0.0009 if scene.has("space") else 0.0004))
        self.ys = (rng.random(count) ** 1.4 * max(stage.horizon - 2, 1)).astype(np.int64)
        self.xs = rng.integers(0, stage.width, count)
        tint = np.asarray([(1.0, 1.0, 1.0), (0.8, 0.88, 1.0), (1.0, 0.92, 0.8)], F32)
        level = 0.35 + 0.65 * rng.random(count, dtype=F32) ** 2
        if scene.time_of_day != "night" and not scene.has("space"):
            level *= 0.4
        self.colors = tint[rng.integers(0, 3, count)] * level[:, None]
        self.phases = rng.uniform(0, 2 * np.pi, count).astype(F32)
        self.speeds = rng.uniform(1.0, 4.0, count).astype(F32)

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        wave = 0.6 + 0.4 * np.sin(self.phases + self.speeds * F32(t))
        out[self.ys, self.xs] += self.colors * wave[:, None]


class Drift:
    """A horizontally tiling band (clouds, fog) drifting with the wind and a little parallax."""

    def __init__(self, top: int, color: np.ndarray, alpha: np.ndarray, speed: float, depth: float,
                 width: int) -> None:
        tile = color.shape[1]
        reps = int(np.ceil((width + 2) / tile)) + 1
        # Store the tile repeated, so any offset is a plain slice (no gather per frame).
        self.layer = Layer.from_alpha(top, np.tile(color, (1, reps, 1)), np.tile(alpha, (1, reps)), depth)
        self.tile, self.speed = tile, speed

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        offset = (self.speed * t + pan * self.layer.depth) % self.tile
        self.layer.composite(out, offset)

    @classmethod
    def clouds(cls, stage: Stage, scene: Scene, rng: np.random.Generator) -> Drift:
        p = scene.palette
        band = max(int(stage.horizon * 0.8), 8)
        tile = stage.width * 2
        density = fractal_noise(rng, band, tile, 90 * stage.unit, 5, wrap_x=True, stretch_x=2.2)
        fade = np.clip(np.sin(np.linspace(0, np.pi, band, dtype=F32)), 0.0, 1.0) ** 0.6
        cover = 0.5 if scene.has("rain") or scene.has("snow") else 0.58
        alpha = smoothstep(cover, cover + 0.2, density * fade[:, None]) * 0.92
        lower = np.roll(density, -max(int(4 * stage.unit), 1), axis=0)
        light = np.clip((lower - density) * 6.0 + 0.55, 0.0, 1.0)[..., None]
        if scene.time_of_day == "night":
            lit, shadow = rgb(p.sky_horizon) * 1.6 + 0.04, rgb(p.sky_top) * 1.2 + 0.02
        else:
            lit = rgb(p.sun) * 0.55 + rgb(p.sky_horizon) * 0.5
            shadow = rgb(p.sky_top) * 0.5 + rgb(p.haze) * 0.4
        color = (shadow + (lit - shadow) * light) * (0.5 + 0.5 * p.brightness)
        speed = 6.0 * stage.unit * (0.5 if "calm" in scene.moods else 1.0)
        return cls(0, color.astype(F32), alpha, speed, 0.15, stage.width)

    @classmethod
    def fog(cls, stage: Stage, scene: Scene, rng: np.random.Generator) -> Drift:
        rows = max(int(stage.height * 0.3), 8)
        top = max(stage.horizon - rows // 2, 0)
        tile = stage.width * 2
        density = fractal_noise(rng, rows, tile, 60 * stage.unit, 4, wrap_x=True, stretch_x=4.0)
        fade = np.sin(np.linspace(0, np.pi, rows, dtype=F32))
        alpha = smoothstep(0.3, 0.8, density) * fade[:, None] * 0.7
        color = np.broadcast_to(rgb(scene.palette.haze) * 1.05, (rows, tile, 3))
        return cls(top, np.ascontiguousarray(color), alpha, 10.0 * stage.unit, 0.5, stage.width)


class Flicker:
    """Lit windows and neon signs that breathe and blink, drawn where their layer is."""

    def __init__(self, lights: CityLights, width: int) -> None:
        self.lights, self.width = lights, width

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        lights = self.lights
        if not len(lights.colors):
            return
        offset = int(round(pan * lights.layer.depth))
        xs = lights.xs - offset
        keep = (xs >= 0) & (xs < self.width)
        wave = np.sin(lights.phases + lights.speeds * F32(t))
        level = np.where(wave > 0.6, -0.9, 0.25 * wave).astype(F32)   # now and then a light goes off
        delta = lights.colors * level[:, None]
        out[lights.ys[keep] + lights.layer.top, xs[keep]] += delta[lights.window[keep]]


class Aurora:
    """Curtains of green light with magenta tops, swaying and streaked with rays."""

    def __init__(self, stage: Stage, rng: np.random.Generator) -> None:
        self.top, self.rows = int(stage.height * 0.03), max(int(stage.horizon * 0.7), 8)
        self.width = stage.width
        self.x = np.arange(stage.width, dtype=F32)
        self.rays = 0.55 + 0.45 * noise_1d(rng, stage.width * 3, 6 * stage.unit, 3)
        self.y = np.arange(self.rows, dtype=F32)[:, None]
        self.phase = rng.uniform(0, 6.3, 3).astype(F32)
        self.unit = stage.unit
        self.green, self.violet = rgb((0.15, 1.0, 0.55)), rgb((0.75, 0.25, 0.9))

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        x, tt = self.x / self.width, F32(t)
        center = self.rows * (0.62 + 0.12 * np.sin(x * 5.0 + self.phase[0] + tt * 0.25)
                              + 0.06 * np.sin(x * 13.0 + self.phase[1] - tt * 0.4))
        strength = 0.5 + 0.5 * np.sin(x * 3.0 + self.phase[2] + tt * 0.15)
        start = int(tt * 8 * self.unit) % self.width
        rays = self.rays[start:start + self.width] * strength
        above = np.clip((center[None, :] - self.y) / (self.rows * 0.45), 0.0, None)
        below = np.clip((self.y - center[None, :]) / (6.0 * self.unit), 0.0, None)
        curtain = (np.exp(-above * 2.2) * np.exp(-below * below) * rays[None, :]).astype(F32)
        color = self.green + (self.violet - self.green) * np.clip(above, 0, 1)[..., None]
        out[self.top:self.top + self.rows] += color * (curtain[..., None] * F32(0.55))


class Water:
    """Water below the horizon: a rippled reflection of what is above it, tinted, with glitter."""

    def __init__(self, stage: Stage, scene: Scene, sun: Sun | None, rng: np.random.Generator) -> None:
        self.top = stage.horizon
        self.rows = stage.height - stage.horizon
        k = np.arange(self.rows, dtype=F32)
        self.near = k / max(self.rows, 1)                      # 0 at the horizon, 1 at the foot
        rough = {"lake": 0.6, "river": 1.0, "sea": 1.6}[scene.water_kind or "lake"]
        rough *= 0.6 if "calm" in scene.moods else 1.0
        self.amp = (0.6 + 5.0 * self.near) * stage.unit * rough
        self.freq = 70.0 * np.sqrt(self.near + 0.02)
        self.speed = 1.6 + 0.6 * rough
        self.reflect = (0.9 - 0.3 * self.near)[:, None, None]
        self.tint = (rgb(scene.palette.water) * (1.0 - self.reflect)).astype(F32)
        self.reflect = self.reflect.astype(F32)
        streaks = fractal_noise(rng, self.rows * 2, stage.width, 3 * stage.unit, 3, stretch_x=12.0)
        self.streaks = np.repeat((0.86 + 0.28 * streaks).astype(F32)[..., None], 3, axis=2)
        self.glitter: tuple[np.ndarray, np.ndarray, int, int] | None = None
        if sun is not None and self.rows > 0:
            half = int(min(sun.radius * 3 + 60 * stage.unit, stage.width / 3))
            x0, x1 = int(max(sun.x - half, 0)), int(min(sun.x + half, stage.width))
            xx = np.arange(x0, x1, dtype=F32)[None, :]
            spread = (sun.radius * 1.2 + self.near[:, None] * half * 0.8)
            band = np.exp(-((xx - sun.x) / spread) ** 2).astype(F32)
            sparkle = fractal_noise(rng, self.rows * 2, x1 - x0, 2 * stage.unit, 2, stretch_x=4.0)
            sparkle = np.repeat(smoothstep(0.55, 0.8, sparkle)[..., None], 3, axis=2)
            color = rgb(scene.palette.sun) * (0.5 if sun.moon else 0.9)
            self.glitter = (np.ascontiguousarray(band[..., None] * color, dtype=F32), sparkle, x0, x1)

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        if self.rows <= 0:
            return
        wobble = self.amp * np.sin(self.freq - F32(t) * self.speed)
        source = (self.top - 1 - np.arange(self.rows) * 0.9 + wobble).astype(np.int64)
        reflection = out[np.clip(source, 0, self.top - 1)]
        scroll = int(t * 12.0) % self.rows
        reflection *= self.streaks[scroll:scroll + self.rows]
        reflection *= self.reflect
        reflection += self.tint
        if self.glitter is not None:
            band, sparkle, x0, x1 = self.glitter
            shift = int(t * 9.0) % self.rows
            reflection[:, x0:x1] += band * sparkle[shift:shift + self.rows]
        out[self.top:] = reflection
