"""Places with people in them: a street market and a coffee shop seen from inside.

The market is a row of striped stalls under strings of lights, with passers-by; the
coffee shop is a warm wall with a big window onto the scene's sky (and its rain), out
of focus street lights, pendant lamps, and a cup on the table whose steam rises.
"""

from __future__ import annotations

import numpy as np

from reelforge.generate._canvas import F32, Layer, Stage, fractal_noise, rgb, smoothstep
from reelforge.generate._scene import Scene

__all__ = ["Bulbs", "Passersby", "Steam", "Window", "paint_cafe", "paint_stalls"]

_AWNINGS = [((0.80, 0.18, 0.16), (0.95, 0.92, 0.86)), ((0.16, 0.50, 0.30), (0.95, 0.92, 0.86)),
            ((0.20, 0.34, 0.70), (0.96, 0.90, 0.70)), ((0.90, 0.56, 0.12), (0.35, 0.16, 0.10))]


def _glow_sprite(radius: float) -> np.ndarray:
    r = int(np.ceil(radius * 3))
    yy, xx = np.mgrid[-r:r + 1, -r:r + 1].astype(F32)
    return np.exp(-(xx * xx + yy * yy) / (2 * radius * radius)).astype(F32)


class Bulbs:
    """Warm points of light (string lights, bokeh) that breathe; drawn as additive glows."""

    def __init__(self, xs: np.ndarray, ys: np.ndarray, radius: float, color: np.ndarray, strength: float,
                 depth: float, rng: np.random.Generator) -> None:
        self.xs, self.ys, self.color, self.strength, self.depth = xs, ys, color, strength, depth
        self.sprite = _glow_sprite(radius)[..., None] * color
        self.phase = rng.uniform(0, 6.3, len(xs)).astype(F32)
        self.rate = rng.uniform(0.5, 2.0, len(xs)).astype(F32)

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        h, w = out.shape[:2]
        r = self.sprite.shape[0] // 2
        level = self.strength * (0.8 + 0.2 * np.sin(self.phase + self.rate * F32(t)))
        for x, y, k in zip((self.xs - pan * self.depth).astype(np.int64), self.ys.astype(np.int64), level,
                           strict=True):
            y0, y1, x0, x1 = max(y - r, 0), min(y + r + 1, h), max(x - r, 0), min(x + r + 1, w)
            if y1 > y0 and x1 > x0:
                out[y0:y1, x0:x1] += self.sprite[y0 - y + r:y1 - y + r, x0 - x + r:x1 - x + r] * k


def paint_stalls(stage: Stage, scene: Scene, rng: np.random.Generator) -> tuple[Layer, Bulbs]:
    """A row of market stalls (striped awnings, lit counters, produce) and their string lights."""
    u, h, p = stage.unit, stage.height, scene.palette
    base = int(h * 0.9)
    color = np.zeros((h, stage.wide, 3), F32)
    alpha = np.zeros((h, stage.wide), F32)
    night = 1.0 - p.brightness
    bulbs_x: list[float] = []
    bulbs_y: list[float] = []
    x = int(rng.integers(0, 20))
    while x < stage.wide:
        sw, top = int(rng.uniform(70, 120) * u), int(base - rng.uniform(110, 150) * u)
        stripe_a, stripe_b = (rgb(c) * (0.35 + 0.65 * p.brightness) for c in _AWNINGS[int(rng.integers(0, 4))])
        awning_h = int(28 * u)
        cols = np.arange(x, min(x + sw, stage.wide))
        stripes = ((cols - x) // max(int(10 * u), 2)) % 2 == 0
        scallop = (np.abs(np.sin((cols - x) / max(10 * u, 2) * np.pi)) * 6 * u).astype(np.int64)
        for j, c in enumerate(cols):
            color[top:top + awning_h + scallop[j], c] = stripe_a if stripes[j] else stripe_b
            alpha[top:top + awning_h + scallop[j], c] = 1.0
        inside = rgb(p.light) * (0.25 + 0.5 * night) + rgb(p.land) * 0.5
        counter_top = base - int(40 * u)
        color[top + awning_h:counter_top, x:x + sw] = inside * np.linspace(1.0, 0.6, counter_top - top - awning_h,
                                                                            dtype=F32)[:, None, None]
        color[counter_top:base, x:x + sw] = rgb((0.30, 0.20, 0.12)) * (0.4 + 0.6 * p.brightness)
        alpha[top + awning_h:base, x:x + sw] = 1.0
        produce = rng.integers(0, 5, (max(int(6 * u), 2), max(sw // max(int(4 * u), 1), 1)))
        tints = np.asarray([(0.9, 0.2, 0.15), (1.0, 0.6, 0.1), (0.95, 0.85, 0.2), (0.4, 0.7, 0.2),
                            (0.6, 0.2, 0.5)], F32) * (0.4 + 0.6 * max(p.brightness, night * 0.8))
        block = np.repeat(np.repeat(tints[produce], max(int(4 * u), 1), axis=0), max(int(4 * u), 1), axis=1)
        bh, bw = min(block.shape[0], base - counter_top), min(block.shape[1], sw, stage.wide - x)
        color[counter_top:counter_top + bh, x:x + bw] = block[:bh, :bw]
        for bx in np.linspace(x + 6 * u, x + sw - 6 * u, 5):   # a string of bulbs along the awning
            bulbs_x.append(float(bx))
            bulbs_y.append(float(top - 4 * u - np.sin((bx - x) / sw * np.pi) * 6 * u))
        x += sw + int(rng.uniform(4, 14) * u)
    color[base:] = rgb((0.22, 0.2, 0.2)) * (0.4 + 0.6 * p.brightness)
    alpha[base:] = 1.0
    top = int(np.argmax(alpha.max(axis=1) > 0))
    layer = Layer.from_alpha(top, color[top:], alpha[top:], depth=0.8)
    bulbs = Bulbs(np.asarray(bulbs_x, F32), np.asarray(bulbs_y, F32), 2.5 * u, rgb(p.light),
                  0.25 + 0.9 * night, 0.8, rng)
    return layer, bulbs


class Passersby:
    """Silhouettes walking across the front at their own pace, both ways."""

    def __init__(self, stage: Stage, scene: Scene, rng: np.random.Generator, count: int = 9) -> None:
        u = stage.unit
        self.w, self.base = stage.width, int(stage.height * 0.97)
        self.x0 = rng.uniform(0, stage.width, count).astype(F32)
        self.speed = (rng.uniform(18, 40, count) * u * rng.choice([-1.0, 1.0], count)).astype(F32)
        self.sprites = [self._person(float(rng.uniform(95, 130) * u), float(u)) for _ in range(count)]
        self.color = rgb(scene.palette.land) * 0.7

    @staticmethod
    def _person(tall: float, u: float) -> np.ndarray:
        head = tall * 0.13
        width = int(tall * 0.32)
        yy, xx = np.mgrid[0:int(tall), 0:width].astype(F32)
        cx = width / 2
        skull = ((xx - cx) ** 2 + (yy - head) ** 2) < head ** 2
        body = (np.abs(xx - cx) < tall * 0.14 * (1 - 0.25 * (yy / tall))) & (yy > head * 1.8)
        return (skull | body).astype(F32)

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        h, w = out.shape[:2]
        for x0, speed, sprite in zip(self.x0, self.speed, self.sprites, strict=True):
            sh, sw = sprite.shape
            x = int((x0 + speed * t - pan) % (w + sw) - sw)
            y = self.base - sh + int(2 * abs(np.sin(t * 6 + x0)))   # a slight bob of the gait
            c0, c1 = max(x, 0), min(x + sw, w)
            if c1 <= c0:
                continue
            mask = sprite[max(-y, 0):, c0 - x:c1 - x][: h - max(y, 0)]
            region = out[max(y, 0):max(y, 0) + mask.shape[0], c0:c1]
            region += (self.color - region) * mask[..., None]


class Window:
    """Confines a full-frame effect (rain) to the cafe window."""

    def __init__(self, effect: object, box: tuple[int, int, int, int]) -> None:
        self.effect, self.box = effect, box

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        y0, y1, x0, x1 = self.box
        self.effect.draw(out[y0:y1, x0:x1], t, 0.0)  # type: ignore[attr-defined]


def paint_cafe(stage: Stage, scene: Scene, sky: np.ndarray, rng: np.random.Generator
               ) -> tuple[np.ndarray, tuple[int, int, int, int], Bulbs, Bulbs]:
    """The interior backdrop (the sky shows through the window), its box, street bokeh and lamps."""
    u, h, w, p = stage.unit, stage.height, stage.width, scene.palette
    y0, y1, x0, x1 = int(h * 0.12), int(h * 0.68), int(w * 0.18), int(w * 0.82)
    wall_y = np.linspace(1.0, 0.55, h, dtype=F32)[:, None, None]
    wall = rgb((0.42, 0.27, 0.17)) * wall_y * (0.9 + 0.15 * fractal_noise(rng, h, w, 30 * u, 3)[..., None])
    room = wall * np.ones((1, w, 1), F32)
    room[y0:y1, x0:x1] = sky[y0:y1, x0:x1] * 0.9
    frame_w = max(int(5 * u), 2)
    room[y0 - frame_w:y0, x0 - frame_w:x1 + frame_w] = rgb((0.2, 0.12, 0.07))
    room[y1:y1 + frame_w, x0 - frame_w:x1 + frame_w] = rgb((0.2, 0.12, 0.07))
    room[y0:y1, x0 - frame_w:x0] = room[y0:y1, x1:x1 + frame_w] = rgb((0.2, 0.12, 0.07))
    room[y0:y1, (x0 + x1) // 2 - frame_w // 2:(x0 + x1) // 2 + frame_w // 2 + 1] = rgb((0.2, 0.12, 0.07))
    table = int(h * 0.8)
    room[table:] = rgb((0.24, 0.14, 0.08)) * np.linspace(1.0, 0.7, h - table, dtype=F32)[:, None, None]
    cx, cup_w, cup_h = int(w * 0.62), int(46 * u), int(40 * u)
    room[table - cup_h:table, cx - cup_w // 2:cx + cup_w // 2] = rgb((0.9, 0.88, 0.84))
    yy, xx = np.ogrid[table - cup_h:table - cup_h // 4, cx + cup_w // 2 - 2:cx + cup_w // 2 + int(14 * u)]
    ring = np.abs(np.hypot((xx - (cx + cup_w // 2)) * 1.2, yy - (table - cup_h * 0.6)) - 9 * u) < 2.5 * u
    room[table - cup_h:table - cup_h // 4, cx + cup_w // 2 - 2:cx + cup_w // 2 + int(14 * u)][ring] = rgb((0.9, 0.88, 0.84))
    street = Bulbs(rng.uniform(x0, x1, 24).astype(F32), rng.uniform(y0 + (y1 - y0) * 0.5, y1, 24).astype(F32),
                   9 * u, rgb(p.light) * 0.8, 0.15 + 0.5 * (1 - p.brightness), 0.0, rng)
    lamps_x = np.asarray([w * 0.1, w * 0.5, w * 0.9], F32)
    for lx in lamps_x:
        room[0:int(h * 0.06), int(lx)] = rgb((0.1, 0.08, 0.06))
        cone_y, cone_x = np.ogrid[int(h * 0.06):int(h * 0.1), int(lx - 22 * u):int(lx + 22 * u)]
        shade = np.abs(cone_x - lx) < (cone_y - h * 0.06 + 4 * u) * 4.0
        room[int(h * 0.06):int(h * 0.1), int(lx - 22 * u):int(lx + 22 * u)][shade] = rgb((0.15, 0.1, 0.06))
    lamps = Bulbs(lamps_x, np.full(3, h * 0.11, F32), 18 * u, rgb((1.0, 0.72, 0.4)), 0.9, 0.0, rng)
    return room.astype(F32), (y0, y1, x0, x1), street, lamps


class Steam:
    """Wisps rising from the cup: upward-scrolling noise under a narrowing plume."""

    def __init__(self, stage: Stage, rng: np.random.Generator) -> None:
        u = stage.unit
        self.cx, self.bottom = int(stage.width * 0.62), int(stage.height * 0.8 - 40 * u)
        self.rows, self.half = int(110 * u), int(26 * u)
        self.noise = fractal_noise(rng, self.rows * 2, 2 * self.half, 10 * u, 3)
        y = np.linspace(1.0, 0.0, self.rows, dtype=F32)[:, None]        # 1 at the cup
        x = np.linspace(-1.0, 1.0, 2 * self.half, dtype=F32)[None, :]
        self.plume = (np.exp(-(x / (0.3 + 0.5 * (1 - y))) ** 2) * smoothstep(0.0, 0.5, y) * y).astype(F32)
        self.unit = u

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        shift = int(t * 30 * self.unit) % self.rows
        wisps = smoothstep(0.45, 0.75, self.noise[shift:shift + self.rows]) * self.plume * 0.5
        y0, x0 = self.bottom - self.rows, self.cx - self.half
        if y0 < 0 or x0 < 0:
            return
        region = out[y0:self.bottom, x0:x0 + 2 * self.half]
        region += (0.92 - region) * wisps[: region.shape[0], : region.shape[1], None]
