"""Composing a :class:`Scene` into frames: what to paint, in which order, and the camera.

The order is back to front: sky, stars, aurora, fireworks, clouds, the things behind
the water (ridges, skyline, trees, dunes) sorted by depth, fog, the water's reflection
of all that, the foreground, fire, then rain or snow on top. The camera pans slowly
(ease in, ease out); nearer layers move more, which is what reads as depth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from reelforge.generate._canvas import F32, CameraSpan, Layer, Stage, frame_count
from reelforge.generate._motion import Aurora, Drift, Flicker, Twinkle, Water
from reelforge.generate._painters import (
    paint_city,
    paint_dunes,
    paint_field,
    paint_forest,
    paint_ground,
    paint_ridges,
    paint_sky,
)
from reelforge.generate._particles import Fire, Fireworks, Rain, Snow, Surf
from reelforge.generate._scene import Scene
from reelforge.generate._venues import Passersby, Steam, Window, paint_cafe, paint_stalls

__all__ = ["Animation", "Pan"]

_LAND = ("mountain", "city", "forest", "desert", "flowers", "market")


class Drawable(Protocol):
    def draw(self, out: np.ndarray, t: float, pan: float) -> None: ...


class _Static:
    """A painted layer placed with its parallax."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer

    def draw(self, out: np.ndarray, t: float, pan: float) -> None:
        self.layer.composite(out, pan * self.layer.depth)


def _horizon(scene: Scene, height: int) -> int:
    if scene.has("space") and not any(scene.has(e) for e in (*_LAND, "water")):
        return height
    if scene.has("water"):
        return int(height * (0.6 if scene.has("beach") else 0.58))
    if scene.has("city"):
        return int(height * 0.78)
    return int(height * (0.64 if scene.has("flowers") or scene.has("desert") else 0.7))


def _lift_sun(scene: Scene) -> Scene:
    """Raise a low sun or moon above tall land, so mountains or towers do not hide it."""
    height = scene.palette.sun_height
    lift = 0.44 if scene.has("mountain") else 0.34 if scene.has("city") or scene.has("forest") else 0.0
    if height is None or height >= lift:
        return scene
    return replace(scene, palette=replace(scene.palette, sun_height=lift))


@dataclass(frozen=True)
class Pan:
    """The camera's one slow move over a shot: ``total`` columns at depth 1, one way or the other."""

    total: float
    forward: bool


class Animation:
    """All frames of one preview clip; ``frame(i)`` draws frame ``i`` alone, deterministically.

    ``span``: the clip is a segment of a longer shot, whose one pan it continues (see ``CameraSpan``)."""

    def __init__(self, scene: Scene, width: int, height: int, fps: int, seconds: float,
                 rng: np.random.Generator, span: CameraSpan | None = None) -> None:
        scene = _lift_sun(scene)
        self.scene, self.width, self.height, self.fps = scene, width, height, fps
        self.frame_count = frame_count(seconds, fps)
        self.seconds = self.frame_count / fps
        self.span = span or CameraSpan()
        speed = 0.5 if "calm" in scene.moods else 1.6 if "dramatic" in scene.moods else 1.0
        shot_seconds = (self.span.shot_frames or self.frame_count) / fps
        chosen = Pan(min(0.012 * width * speed * shot_seconds, 0.2 * width), bool(rng.random() < 0.5))
        self.pan: Pan = self.span.move if isinstance(self.span.move, Pan) else chosen
        stage = Stage(width=width, height=height, horizon=_horizon(scene, height),
                      margin=math.ceil(self.pan.total) + 3, unit=height / 540)
        self.sky, sun = paint_sky(stage, scene, rng)
        self.back: list[Drawable] = []
        self.water: Water | None = None
        if scene.has("cafe"):  # indoors: the scene is what the window shows
            self.front: list[Drawable] = self._cafe(stage, scene, rng)
            self.finish = self._finish(width, height, rng)
            return
        if scene.time_of_day in ("night", "dusk") or scene.has("stars"):
            self.back.append(Twinkle(stage, scene, rng))
        if scene.has("aurora"):
            self.back.append(Aurora(stage, rng))
        if scene.has("fireworks"):
            self.back.append(Fireworks(stage, self.seconds, rng))
        if scene.has("clouds") or scene.has("rain") or scene.has("snow") or (
                scene.time_of_day in ("sunset", "sunrise", "dawn", "golden") and not scene.has("space")):
            self.back.append(Drift.clouds(stage, scene, rng))
        self.back.extend(self._land(stage, scene, rng))
        if scene.has("fog") or "mysterious" in scene.moods:
            self.back.append(Drift.fog(stage, scene, rng))
        self.water = Water(stage, scene, sun, rng) if scene.has("water") else None
        self.front = self._front(stage, scene, rng)
        self.finish = self._finish(width, height, rng)

    def _cafe(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> list[Drawable]:
        self.sky, box, street, lamps = paint_cafe(stage, scene, self.sky, rng)
        self.back.append(street)
        front: list[Drawable] = []
        if scene.has("rain") or scene.has("snow"):
            y0, y1, x0, x1 = box
            pane = Stage(width=x1 - x0, height=y1 - y0, horizon=y1 - y0, margin=0, unit=stage.unit)
            weather = Rain(pane, scene, rng) if scene.has("rain") else Snow(pane, scene, rng)
            front.append(Window(weather, box))
        return [*front, lamps, Steam(stage, rng)]

    def _land(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> list[Drawable]:
        items: list[tuple[float, list[Drawable]]] = []
        if scene.has("mountain"):
            items += [(layer.depth, [_Static(layer)]) for layer in paint_ridges(stage, scene, rng)]
        if scene.has("desert"):
            items += [(layer.depth, [_Static(layer)]) for layer in paint_dunes(stage, scene, rng)]
        if scene.has("city"):
            layers, lights = paint_city(stage, scene, rng)
            items += [(layer.depth, [_Static(layer), Flicker(light, stage.width)])
                      for layer, light in zip(layers, lights, strict=True)]
        if scene.has("forest"):
            items += [(layer.depth, [_Static(layer)]) for layer in paint_forest(stage, scene, rng)]
        if scene.has("market"):
            stalls, bulbs = paint_stalls(stage, scene, rng)
            items.append((stalls.depth, [_Static(stalls), bulbs, Passersby(stage, scene, rng)]))
        items.sort(key=lambda item: item[0])   # stable: far first, painter's order on ties
        return [drawable for _, group in items for drawable in group]

    def _front(self, stage: Stage, scene: Scene, rng: np.random.Generator) -> list[Drawable]:
        front: list[Drawable] = []
        if scene.has("water") and (scene.has("beach") or scene.has("fire")):
            sand = paint_ground(stage, scene, rng, sand=True)
            front.append(_Static(sand))
            if scene.water_kind == "sea":
                front.append(Surf(stage, scene, rng, sand.top))
        elif scene.has("flowers"):
            front.append(_Static(paint_field(stage, scene, rng)))
        elif not scene.has("water") and _horizon(scene, stage.height) < stage.height and not any(
                scene.has(e) for e in _LAND):
            front.append(_Static(paint_ground(stage, scene, rng)))
        if scene.has("fire"):
            front.append(Fire(stage, scene, rng))
        if scene.has("rain"):
            front.append(Rain(stage, scene, rng))
        if scene.has("snow"):
            front.append(Snow(stage, scene, rng))
        return front

    @staticmethod
    def _finish(width: int, height: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """A gentle vignette and a static dither (it hides banding in 8-bit gradients), x255."""
        y = np.linspace(-1.0, 1.0, height, dtype=F32)[:, None]
        x = np.linspace(-1.0, 1.0, width, dtype=F32)[None, :]
        vignette = 1.0 - 0.22 * np.clip(x * x * 0.6 + y * y * 0.8, 0.0, 1.0) ** 1.5
        dither = rng.random((height, width, 1), dtype=F32) - 0.5
        # Three full channels: broadcasting a trailing axis of 1 is ten times slower in numpy.
        return (np.repeat((vignette * 255.0)[..., None], 3, axis=2).astype(F32),
                np.repeat(dither, 3, axis=2) + 0.5)

    def camera(self, t: float) -> float:
        """The pan offset (columns at depth 1) at ``t`` seconds of this clip: a slow move, eased in and out
        over the whole shot."""
        u = self.span.fraction(t * self.fps, self.frame_count, closed=False)
        eased = u * u * (3.0 - 2.0 * u)
        return self.pan.total * (eased if self.pan.forward else 1.0 - eased)

    def render(self, index: int) -> np.ndarray:
        """Frame ``index`` as float32 RGB in 0..1 (before vignette and quantisation)."""
        t = index / self.fps
        pan = self.camera(t)
        out = self.sky.copy()
        for item in self.back:
            item.draw(out, t, pan)
        if self.water is not None:
            self.water.draw(out, t, pan)
        for item in self.front:
            item.draw(out, t, pan)
        return out

    def frame(self, index: int) -> np.ndarray:
        """Frame ``index`` as uint8 RGB, shape (height, width, 3)."""
        out = self.render(index)
        vignette, dither = self.finish
        out *= vignette
        out += dither          # dither in -0.5..0.5, plus 0.5 so truncation rounds
        np.clip(out, 0.0, 255.0, out=out)
        return out.astype(np.uint8)
