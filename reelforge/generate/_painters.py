"""Static layers, painted once per clip: sky, sun and moon, ridges, skyline, trees, dunes, fields.

Each painter takes the stage, the palette and the clip's random generator and returns
either a full-frame backdrop (the sky) or :class:`Layer` strips that the camera pans over.
Sizes are designed at 540 rows and scaled by ``stage.unit``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reelforge.generate._canvas import F32, Layer, Stage, fractal_noise, noise_1d, rgb, smoothstep
from reelforge.generate._scene import Scene

__all__ = ["CityLights", "Sun", "paint_city", "paint_dunes", "paint_field", "paint_forest",
           "paint_ground", "paint_ridges", "paint_sky"]


@dataclass(frozen=True)
class Sun:
    """Where the sun or moon sits (frame pixels); ``moon`` at night."""

    x: float
    y: float
    radius: float
    moon: bool


def _mix(a: np.ndarray, b: np.ndarray, t: np.ndarray | float) -> np.ndarray:
    return a + (b - a) * t


def paint_sky(stage: Stage, scene: Scene, rng: np.random.Generator) -> tuple[np.ndarray, Sun | None]:
    """The full-frame backdrop: gradient, glow, sun or moon, faint stars and the milky way."""
    p, w, h, horizon = scene.palette, stage.width, stage.height, max(stage.horizon, 1)
    y = np.arange(h, dtype=F32)[:, None, None]
    x = np.arange(w, dtype=F32)[None, :, None]
    up = np.clip((horizon - y) / horizon, 0.0, 1.0)
    sky = _mix(rgb(p.sky_horizon), rgb(p.sky_top), up ** 0.55) * np.ones((1, w, 1), F32)
    sun: Sun | None = None
    if p.sun_height is not None:
        moon = scene.time_of_day == "night"
        sun = Sun(x=float(w * rng.uniform(0.3, 0.7)), y=float(horizon * (1.0 - p.sun_height)),
                  radius=(13.0 if moon else 22.0) * stage.unit, moon=moon)
        dist = np.sqrt((x - sun.x) ** 2 + (y - sun.y) ** 2) / h
        glow = (0.18 * np.exp(-dist / 0.05) + 0.10 * np.exp(-dist / 0.25)) if moon else (
            0.55 * np.exp(-dist / 0.07) + 0.30 * np.exp(-dist / 0.35))
        sky = sky + rgb(p.sun) * glow.astype(F32)
        disc = smoothstep(sun.radius + 1.2, sun.radius - 1.2, dist * h)
        face = rgb((0.96, 0.96, 0.92)) if moon else rgb((1.0, 0.98, 0.90))
        if moon:  # a few soft maria so the moon is not a flat disc
            face = face * (0.86 + 0.14 * fractal_noise(rng, h, w, 6 * stage.unit, 2)[..., None])
        sky = _mix(sky, face, disc)
    elif scene.time_of_day == "dusk":  # the sun just set: a warm band along the horizon
        band = np.exp(-np.abs(y - horizon) / (0.18 * h)).astype(F32)
        sky = sky + rgb(p.sun) * 0.25 * band
    if scene.time_of_day in ("night", "dusk") or scene.has("stars"):
        sky = _add_faint_stars(sky, stage, scene, rng)
    return np.ascontiguousarray(sky, dtype=F32), sun


def _add_faint_stars(sky: np.ndarray, stage: Stage, scene: Scene, rng: np.random.Generator) -> np.ndarray:
    h, w = sky.shape[:2]
    sky = np.array(sky, dtype=F32)
    night = 1.0 if scene.time_of_day == "night" or scene.has("space") else 0.35
    if scene.has("space"):  # a milky-way band across the sky
        y, x = np.mgrid[0:h, 0:w].astype(F32)
        line = np.abs((y - h * 0.75) + (x - w * 0.5) * -0.45) / h
        band = np.exp(-(line / 0.16) ** 2) * fractal_noise(rng, h, w, 60 * stage.unit, 5) ** 1.5
        tint = _mix(rgb((0.35, 0.22, 0.55)), rgb((0.85, 0.55, 0.75)), fractal_noise(rng, h, w, 120 * stage.unit, 2)[..., None])
        sky += (band[..., None] * tint * 0.9).astype(F32)
    count = int(w * h * (0.004 if scene.has("space") else 0.0015))
    ys = rng.integers(0, max(stage.horizon, 1), count)
    xs = rng.integers(0, w, count)
    level = (rng.random(count, dtype=F32) ** 3 * 0.5 * night)[:, None]
    sky[ys, xs] += level
    return sky


def paint_ridges(stage: Stage, scene: Scene, rng: np.random.Generator, count: int = 3) -> list[Layer]:
    """Mountain ridges from seeded 1-D noise, far ones taller and hazier (atmospheric perspective)."""
    p, layers, h = scene.palette, [], stage.height
    water = scene.has("water")
    bottom = stage.horizon if water else h
    for index in range(count):
        far = 1.0 - index / max(count - 1, 1)                   # 1 = farthest
        ridge = noise_1d(rng, stage.wide, (230 - 60 * index) * stage.unit, 5)
        ridge = (1.0 - np.abs(2.0 * ridge - 1.0)) ** 1.6         # ridged: sharp peaks, soft valleys
        base = stage.horizon - 0.015 * h + (0.0 if water else index * 0.07 * h)
        top_y = base - 0.02 * h - ridge * (0.08 + 0.16 * far) * h
        top = int(max(0, top_y.min() - 2))
        y = np.arange(top, bottom, dtype=F32)[:, None]
        below = y - top_y[None, :]
        alpha = np.clip(below + 0.5, 0.0, 1.0)
        color = _mix(rgb(p.land), rgb(p.haze), 0.8 * far + 0.04)
        smooth = np.convolve(top_y, np.ones(15, F32) / 15, mode="same")
        light = np.tanh(np.gradient(smooth) * 2.0) * (1 if rng.random() < 0.5 else -1)
        shade = 1.0 + 0.14 * light[None, :] * np.exp(-below / (0.1 * h))
        texture = 0.94 + 0.12 * fractal_noise(rng, len(y), stage.wide, 14 * stage.unit, 3, stretch_x=0.5)
        col = color * (shade * texture)[..., None]
        mist = np.clip(below / (0.2 * h), 0.0, 1.0)[..., None]
        col = _mix(col, rgb(p.haze), 0.3 * mist * (0.4 + 0.6 * far))   # mist in the valleys
        if scene.has("snow") or (far > 0.9 and scene.time_of_day in ("day", "golden", "sunrise")):
            cap = smoothstep(0.45, 0.75, ridge)[None, :] * (1.0 - smoothstep(0.0, 0.05 * h, below))
            col = _mix(col, rgb((0.92, 0.93, 0.97)) * (0.4 + 0.6 * p.brightness), cap[..., None] * 0.8)
        layers.append(Layer.from_alpha(top, col.astype(F32), alpha, depth=0.25 + 0.35 * (1.0 - far)))
    return layers


@dataclass(frozen=True)
class CityLights:
    """Windows that flicker: pixel rows/columns in layer coordinates, one window index each."""

    layer: Layer
    ys: np.ndarray
    xs: np.ndarray
    window: np.ndarray
    colors: np.ndarray      # (windows, 3)
    phases: np.ndarray      # (windows,)
    speeds: np.ndarray      # (windows,)


def paint_city(stage: Stage, scene: Scene, rng: np.random.Generator) -> tuple[list[Layer], list[CityLights]]:
    """A skyline in two depths, with lit windows (a few flicker) and neon signs when asked."""
    p, layers, lights = scene.palette, [], []
    bottom = stage.horizon if scene.has("water") else stage.height
    dark = scene.palette.brightness < 0.7
    for index, (depth, scale, haze) in enumerate(((0.3, 0.7, 0.55), (0.6, 1.0, 0.12))):
        height_map = np.full(stage.wide, np.inf, dtype=F32)
        window_cells: list[tuple[int, int, int, int]] = []
        x = int(rng.integers(0, 10))
        while x < stage.wide:
            bw = int(rng.integers(18, 48) * stage.unit * scale) + 2
            tall = rng.uniform(0.08, 0.34) * stage.height * scale * (1.15 if scene.has("neon") else 1.0)
            top = int(stage.horizon - tall - (0 if scene.has("water") else 0.04 * stage.height * index))
            height_map[x:x + bw] = np.minimum(height_map[x:x + bw], top)
            if rng.random() < 0.25:  # an antenna
                mid = x + bw // 2
                height_map[mid:mid + max(1, int(stage.unit))] = top - int(rng.integers(8, 30) * stage.unit * scale)
            window_cells.append((x, bw, top, index))
            x += bw + int(rng.integers(0, 6) * stage.unit)
        top_row = int(np.maximum(0, np.min(height_map) - 1))
        y = np.arange(top_row, bottom, dtype=F32)[:, None]
        alpha = (y >= height_map[None, :]).astype(F32)
        shade = 0.8 + 0.4 * rng.random(stage.wide).astype(F32)
        base = _mix(rgb(p.land) * 1.3, rgb(p.haze), haze)
        color = np.broadcast_to(base, (len(y), stage.wide, 3)) * _block_shade(shade, window_cells)[None, :, None]
        color = np.ascontiguousarray(color, dtype=F32)
        ys, xs, ids, cols = _windows(color, window_cells, top_row, stage, scene, rng, dark, haze)
        layer = Layer.from_alpha(top_row, color, alpha, depth)
        offset = top_row - layer.top
        layers.append(layer)
        n = len(cols)
        lights.append(CityLights(layer, ys + offset, xs, ids, cols, rng.uniform(0, 6.3, n).astype(F32),
                                 rng.uniform(0.3, 2.5, n).astype(F32)))
    return layers, lights


def _block_shade(shade: np.ndarray, cells: list[tuple[int, int, int, int]]) -> np.ndarray:
    out = np.ones_like(shade)
    for x, bw, _, _ in cells:
        out[x:x + bw] = shade[x]
    return out


def _windows(color: np.ndarray, cells: list[tuple[int, int, int, int]], top_row: int, stage: Stage,
             scene: Scene, rng: np.random.Generator, dark: bool, haze: float
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Paint windows into ``color``; return the pixels of the flickering ones."""
    lights = [rgb(scene.palette.light), rgb((0.78, 0.86, 1.0)), rgb(scene.palette.light) * 0.8]
    neon_colors = [rgb((1.0, 0.2, 0.75)), rgb((0.2, 0.9, 1.0)), rgb((0.6, 0.3, 1.0))]
    step_x, step_y = max(int(6 * stage.unit), 3), max(int(8 * stage.unit), 4)
    win_w, win_h = max(step_x // 2, 1), max(step_y // 2, 1)
    ys_all: list[np.ndarray] = []
    xs_all: list[np.ndarray] = []
    ids_all: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for x, bw, top, _ in cells:
        for wy in range(top + step_y, color.shape[0] + top_row - step_y, step_y):
            for wx in range(x + 2, x + bw - win_w - 1, step_x):
                if wx + win_w >= color.shape[1]:
                    break
                lit = rng.random() < (0.3 if dark else 0.0)
                rows = slice(wy - top_row, wy - top_row + win_h)
                cols_slice = slice(wx, wx + win_w)
                if lit:
                    level = rng.uniform(0.55, 1.0) * (1.0 - 0.6 * haze)
                    light = lights[int(rng.integers(0, 3))]
                    color[rows, cols_slice] = light * level
                    if rng.random() < 0.12:  # this one flickers
                        yy, xx = np.mgrid[rows, cols_slice]
                        ys_all.append(yy.ravel())
                        xs_all.append(xx.ravel())
                        ids_all.append(np.full(yy.size, len(cols)))
                        cols.append(light * 0.5)
                elif not dark:
                    color[rows, cols_slice] *= 1.25  # daylight: windows catch the sky
        if scene.has("neon") and dark and rng.random() < 0.45 and bw > 10:
            sign_w, sign_h = max(int(3 * stage.unit), 2), int(rng.integers(20, 60) * stage.unit)
            sx, sy = x + bw // 2, top + int(rng.integers(6, 30) * stage.unit)
            if sy + sign_h - top_row < color.shape[0] and sx + sign_w < color.shape[1]:
                neon = neon_colors[int(rng.integers(0, 3))]
                color[sy - top_row:sy - top_row + sign_h, sx:sx + sign_w] = neon
                yy, xx = np.mgrid[sy - top_row:sy - top_row + sign_h, sx:sx + sign_w]
                ys_all.append(yy.ravel())
                xs_all.append(xx.ravel())
                ids_all.append(np.full(yy.size, len(cols)))
                cols.append(neon * 0.7)
    if not cols:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros((0, 3), F32)
    return (np.concatenate(ys_all), np.concatenate(xs_all), np.concatenate(ids_all),
            np.asarray(cols, dtype=F32))


def paint_forest(stage: Stage, scene: Scene, rng: np.random.Generator) -> list[Layer]:
    """Rows of pine silhouettes with tiered branches; snow on the tiers in a snowy scene."""
    p, layers = scene.palette, []
    bottom = stage.horizon if scene.has("water") else stage.height
    for index, (depth, size, haze) in enumerate(((0.4, 0.55, 0.5), (0.75, 1.0, 0.05))):
        ground = stage.horizon + (0 if scene.has("water") else int(0.08 * stage.height * index))
        alpha = np.zeros((bottom, stage.wide), dtype=F32)
        snow = np.zeros((bottom, stage.wide), dtype=F32)
        if not scene.has("water"):
            alpha[ground:] = 1.0
        spacing = 16 * stage.unit * size
        for cx in np.arange(rng.uniform(0, spacing), stage.wide, spacing):
            cx = cx + rng.uniform(-0.4, 0.4) * spacing
            tree_h = rng.uniform(50, 170) * stage.unit * size
            half = tree_h * rng.uniform(0.16, 0.24)
            top = int(max(0, ground - tree_h))
            x0, x1 = int(max(0, cx - half - 1)), int(min(stage.wide, cx + half + 2))
            if x1 <= x0 or ground <= top:
                continue
            yy = np.arange(top, ground, dtype=F32)[:, None]
            down = (yy - top) / tree_h                       # 0 at the tip, 1 at the foot
            tier = (down * 6.0) % 1.0
            reach = half * down * (0.55 + 0.45 * tier)
            xx = np.arange(x0, x1, dtype=F32)[None, :]
            tree = np.clip(reach - np.abs(xx - cx) + 0.5, 0.0, 1.0)
            alpha[top:ground, x0:x1] = np.maximum(alpha[top:ground, x0:x1], tree)
            if scene.has("snow"):
                snow[top:ground, x0:x1] = np.maximum(snow[top:ground, x0:x1], tree * (tier < 0.25))
        top_row = int(np.argmax(alpha.max(axis=1) > 0))
        alpha, snow = alpha[top_row:], snow[top_row:]
        base = _mix(rgb(p.land) * 0.8, rgb(p.haze), haze)
        color = np.broadcast_to(base, alpha.shape + (3,)) * (0.9 + 0.2 * fractal_noise(
            rng, alpha.shape[0], stage.wide, 8 * stage.unit, 2))[..., None]
        white = rgb((0.9, 0.92, 0.96)) * (0.4 + 0.6 * p.brightness)
        color = _mix(color, white, snow[..., None] * 0.8)
        if not scene.has("water"):  # the forest floor in front of the trees: snow or grass
            floor_rows = slice(ground - top_row, None)
            floor = white * 0.92 if scene.has("snow") else _mix(rgb(p.land), rgb((0.16, 0.3, 0.12)), 0.5)
            fy = np.linspace(0.0, 1.0, color[floor_rows].shape[0], dtype=F32)[:, None, None]
            floor_color = _mix(_mix(floor, rgb(p.haze), 0.35 * haze + 0.15), floor * 0.8, fy)
            color[floor_rows] = floor_color * (0.96 + 0.08 * fractal_noise(
                rng, fy.shape[0], stage.wide, 5 * stage.unit, 2))[..., None]
        layers.append(Layer.from_alpha(top_row, color.astype(F32), alpha, depth))
    return layers


def paint_dunes(stage: Stage, scene: Scene, rng: np.random.Generator) -> list[Layer]:
    """Sand dunes: smooth ridges with a lit and a shadowed face."""
    p, layers = scene.palette, []
    sand = _mix(rgb((0.90, 0.66, 0.40)), rgb(p.sun), 0.25) * (0.35 + 0.65 * p.brightness)
    for index in range(3):
        near = index / 2
        crest = noise_1d(rng, stage.wide, (300 - 80 * index) * stage.unit, 3)
        top_y = stage.horizon - 0.04 * stage.height + index * 0.09 * stage.height - crest * 0.12 * stage.height
        top = int(max(0, top_y.min() - 2))
        y = np.arange(top, stage.height, dtype=F32)[:, None]
        alpha = np.clip(y - top_y[None, :] + 0.5, 0.0, 1.0)
        smooth = np.convolve(top_y, np.ones(25, F32) / 25, mode="same")
        slope = np.tanh(np.gradient(smooth) / stage.unit * 3.0)
        below = np.clip((y - top_y[None, :]) / (0.2 * stage.height), 0, 1)[..., None]
        lit = 1.0 - 0.3 * slope[None, :, None] * (1.0 - below)   # the lit face fades into the trough
        color = sand * lit * (1.0 - 0.25 * below)
        color = _mix(color, rgb(p.haze), 0.45 * (1.0 - near))
        ripples = 0.96 + 0.04 * np.sin(y * 0.9 / stage.unit + fractal_noise(rng, len(y), stage.wide, 40, 2) * 12)
        layers.append(Layer.from_alpha(top, (color * ripples[..., None]).astype(F32), alpha,
                                       depth=0.3 + 0.6 * near))
    return layers


def paint_field(stage: Stage, scene: Scene, rng: np.random.Generator) -> Layer:
    """A meadow from the horizon to the frame's foot, dotted with flowers (bigger when near)."""
    p = scene.palette
    top = stage.horizon
    rows = stage.height - top
    y = np.arange(rows, dtype=F32)[:, None, None] / max(rows, 1)
    grass = _mix(rgb((0.24, 0.42, 0.16)), rgb((0.12, 0.30, 0.10)), y) * (0.3 + 0.7 * p.brightness)
    color = _mix(grass, rgb(p.haze), 0.5 * (1.0 - y) ** 3) * np.ones((1, stage.wide, 1), F32)
    color = color * (0.85 + 0.3 * fractal_noise(rng, rows, stage.wide, 6 * stage.unit, 3))[..., None]
    palette = np.asarray([(0.95, 0.25, 0.3), (1.0, 0.85, 0.2), (0.7, 0.45, 0.95), (1.0, 0.97, 0.95),
                          (1.0, 0.55, 0.75)], F32) * (0.35 + 0.65 * p.brightness)
    count = int(stage.wide * rows * 0.02)
    fy = (rng.random(count) ** 0.6 * rows).astype(np.int64).clip(0, rows - 1)
    fx = rng.integers(0, stage.wide, count)
    tint = palette[rng.integers(0, len(palette), count)]
    size = 1 + (fy / rows * 3 * stage.unit).astype(np.int64)
    for dy in range(int(size.max())):
        for dx in range(int(size.max())):
            keep = (dy < size) & (dx < size)
            color[(fy[keep] + dy).clip(0, rows - 1), (fx[keep] + dx).clip(0, stage.wide - 1)] = tint[keep]
    alpha = np.ones((rows, stage.wide), F32)
    return Layer.from_alpha(top, color.astype(F32), alpha, depth=1.0)


def paint_ground(stage: Stage, scene: Scene, rng: np.random.Generator, sand: bool = False) -> Layer:
    """A plain foreground: a low rolling hill, or the beach's sand in front of the sea."""
    p = scene.palette
    if sand:
        line = stage.height * 0.86 + noise_1d(rng, stage.wide, 200 * stage.unit, 3) * 0.03 * stage.height
        base = _mix(rgb((0.85, 0.72, 0.52)), rgb(p.sun), 0.2) * (0.3 + 0.7 * p.brightness)
    else:
        line = stage.horizon + 0.02 * stage.height + noise_1d(rng, stage.wide, 300 * stage.unit, 3) * 0.06 * stage.height
        base = rgb(p.land) * (1.2 if not scene.has("snow") else 3.0)
    top = int(line.min() - 1)
    y = np.arange(top, stage.height, dtype=F32)[:, None]
    alpha = np.clip(y - line[None, :] + 0.5, 0.0, 1.0)
    shade = 0.9 + 0.15 * fractal_noise(rng, len(y), stage.wide, 10 * stage.unit, 3)
    color = (base * shade[..., None]).astype(F32)
    return Layer.from_alpha(top, color, alpha, depth=1.0)
