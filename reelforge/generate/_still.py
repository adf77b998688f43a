"""Image-to-video for the preview: a slow Ken-Burns move over a still, with weather on top.

The still is decoded with PyAV and cover-fitted once to a working image larger than
the canvas; each frame crops it (integer pixels of the larger image, so sub-pixel on
the canvas) and swscale resizes the crop. Rain, snow or fire named in the prompt are
drawn over it with the same particles as text-to-video.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reelforge.errors import MediaMissing, UnsupportedMedia
from reelforge.generate._canvas import F32, CameraSpan, Stage, frame_count
from reelforge.generate._particles import Rain, Snow
from reelforge.generate._scene import Scene

__all__ = ["Push", "StillAnimation", "load_still"]

_WORK_SCALE = 1.5     # working image / canvas: crops are sub-pixel exact on the canvas
_HEADROOM = 1.08      # the widest crop leaves this much room to pan
_ZOOM = 0.10          # how much the camera pushes in over the clip


def load_still(path: Path, width: int, height: int) -> np.ndarray:
    """Decode ``path`` and cover-fit it to ``width`` x ``height`` (centre crop), as RGB uint8."""
    import av  # lazily: the GPU benchmark imports the generation package on a machine without PyAV

    if not path.is_file():
        raise MediaMissing(f"image: file not found ({path})", data={"path": str(path)})
    try:
        with av.open(str(path)) as container:
            frame = next(container.decode(video=0))
    except (av.FFmpegError, StopIteration, IndexError) as exc:
        raise UnsupportedMedia(f"image: cannot decode {path.name}", data={"path": str(path)}) from exc
    scale = max(width / frame.width, height / frame.height)
    fit_w, fit_h = max(round(frame.width * scale), width), max(round(frame.height * scale), height)
    pixels = frame.reformat(width=fit_w, height=fit_h, format="rgb24", interpolation="LANCZOS").to_ndarray()
    y0, x0 = (fit_h - height) // 2, (fit_w - width) // 2
    return np.ascontiguousarray(pixels[y0:y0 + height, x0:x0 + width])


@dataclass(frozen=True)
class Push:
    """The camera's one move over a still: in or out, drifting toward ``drift`` (x, y in -1..1)."""

    drift: tuple[float, float]
    zoom_in: bool


class StillAnimation:
    """Frames of a still under a slow push-in and drift; ``frame(i)`` is deterministic.

    ``span``: the clip is a segment of a longer shot, whose one move it continues (see ``CameraSpan``)."""

    def __init__(self, image: Path, scene: Scene, width: int, height: int, fps: int, seconds: float,
                 rng: np.random.Generator, span: CameraSpan | None = None) -> None:
        self.scene, self.width, self.height, self.fps = scene, width, height, fps
        self.frame_count = frame_count(seconds, fps)
        work_w, work_h = round(width * _WORK_SCALE * _HEADROOM), round(height * _WORK_SCALE * _HEADROOM)
        self.work = load_still(image, work_w, work_h)
        self.still = load_still(image, width, height)      # what the frames should resemble
        self.span = span or CameraSpan()
        drift = rng.uniform(-1.0, 1.0, 2)
        chosen = Push((float(drift[0]), float(drift[1])), bool(rng.random() < 0.7))
        self.push: Push = self.span.move if isinstance(self.span.move, Push) else chosen
        stage = Stage(width=width, height=height, horizon=int(height * 0.7), margin=0, unit=height / 540)
        self.weather = [kind(stage, scene, rng) for name, kind in (("rain", Rain), ("snow", Snow))
                        if scene.has(name)]

    def _crop(self, index: int) -> np.ndarray:
        u = self.span.fraction(index, self.frame_count, closed=True)
        eased = u * u * (3.0 - 2.0 * u)
        zoom = _HEADROOM * (1.0 + _ZOOM * (eased if self.push.zoom_in else 1.0 - eased))
        work_h, work_w = self.work.shape[:2]
        crop_w, crop_h = round(work_w / zoom), round(work_h / zoom)
        room_x, room_y = (work_w - crop_w) / 2, (work_h - crop_h) / 2
        x0 = round(room_x * (1.0 + 0.8 * self.push.drift[0] * (eased - 0.5)))
        y0 = round(room_y * (1.0 + 0.8 * self.push.drift[1] * (eased - 0.5)))
        return self.work[y0:y0 + crop_h, x0:x0 + crop_w]

    def frame(self, index: int) -> np.ndarray:
        """Frame ``index`` as uint8 RGB, shape (height, width, 3)."""
        import av

        crop = av.VideoFrame.from_ndarray(np.ascontiguousarray(self._crop(index)), format="rgb24")
        pixels = crop.reformat(width=self.width, height=self.height, interpolation="BICUBIC").to_ndarray()
        if not self.weather:
            return pixels
        out = pixels.astype(F32) * F32(1 / 255)
        for effect in self.weather:
            effect.draw(out, index / self.fps, 0.0)
        np.clip(out * 255.0 + 0.5, 0.0, 255.0, out=out)
        return out.astype(np.uint8)
