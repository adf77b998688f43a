"""The weight-free preview generator: a prompt becomes a procedural animated scene, on the CPU.

It reads the prompt's scene words (:func:`parse_scene`), paints layered static art
once, animates only what moves, and pipes raw frames into an H.264 encode. It is
honest about what it is: the file's metadata, the clip's ``backend``/``model`` and its
provenance all say "preview, procedural, no AI model".

No watermark is burned in: the clip goes onto a timeline and into the user's export,
where a stamp would spoil the edit they are previewing, while the metadata, the
provenance and the studio's labels already say what made it.

A multi-prompt long shot (``a fox wakes up | it runs through the snow``) is drawn one scene per
segment, and each segment's first frames are colour-matched to the frame before it
(``_color_match``), so a new scene glides into its own palette instead of jumping.

Large canvases are drawn at half size and upscaled by ffmpeg (lanczos) in the same
encode: the scenes are soft gradients and silhouettes, so this costs little to the eye
and a quarter of the numpy work and pipe traffic.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import numpy as np

from reelforge.errors import InvalidInput
from reelforge.ffmpeg import FrameWriter
from reelforge.generate._animator import Animation
from reelforge.generate._canvas import CameraSpan, frame_count
from reelforge.generate._color_match import (
    ColorMatchConfig,
    ColorTransfer,
    JoinRecord,
    ease_weight,
    join_difference,
    long_shot_record,
)
from reelforge.generate._scene import Scene, parse_scene
from reelforge.generate._still import StillAnimation
from reelforge.generate.base import Clip, GenerateRequest, split_duration, validate_segments
from reelforge.progress import CancelToken, Progress
from reelforge.settings import Settings

__all__ = ["MODEL", "PreviewGenerator", "VERSION", "clip_rng", "render_size"]

MODEL = "reelforge-preview-1"
VERSION = "1.0"
_MAX_SECONDS = 600.0
_HALF_SIZE_ABOVE = 1280 * 720      # pixels; bigger canvases are drawn at half size


def clip_rng(prompt: str, seed: int) -> np.random.Generator:
    """The clip's random generator: the seed mixed with a stable hash of the prompt
    (never Python's ``hash()``, which changes with every process)."""
    digest = hashlib.blake2b(" ".join(prompt.split()).encode("utf-8"), digest_size=8).digest()
    return np.random.default_rng([seed % 2**64, int.from_bytes(digest, "big")])


def render_size(width: int, height: int) -> tuple[int, int]:
    """The size frames are drawn at before ffmpeg scales them to the canvas."""
    if width * height > _HALF_SIZE_ABOVE:
        return width // 4 * 2, height // 4 * 2
    return width, height


def _validate(request: GenerateRequest) -> None:
    if not request.prompt.strip() and request.image is None:
        raise InvalidInput("prompt: must not be empty", field="prompt")
    if not 0 < request.seconds <= _MAX_SECONDS:
        raise InvalidInput(f"seconds: must be in (0, {_MAX_SECONDS:g}] (got {request.seconds})", field="seconds")
    for name, value in (("width", request.width), ("height", request.height)):
        if value < 16 or value > 4096 or value % 2:
            raise InvalidInput(f"{name}: must be an even number of pixels in 16..4096 (got {value})", field=name)
    if not 1 <= request.fps <= 120:
        raise InvalidInput(f"fps: must be in 1..120 (got {request.fps})", field="fps")
    validate_segments(request)
    if request.last_image is not None:
        raise InvalidInput("last_image: the preview generator cannot end on a given frame; configure a model "
                           "that can (Wan 2.1 image-to-video, SkyReels-V2)", field="last_image")


def _output_args(width: int, height: int, scaled: bool) -> list[str]:
    # Convert RGB to BT.709 Y'CbCr explicitly and tag it: left alone, swscale uses the
    # BT.601 matrix and HD players decode with BT.709, shifting every colour slightly.
    scale = f"scale={width}:{height}:flags=lanczos:" if scaled else "scale="
    return ["-vf", f"{scale}out_color_matrix=bt709:out_range=tv,format=yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
            "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
            "-movflags", "+faststart"]


def _metadata(prompt: str) -> dict[str, str]:
    text = " ".join(prompt.split())
    return {"title": f"reelforge preview: {text[:120]}",
            "comment": f"reelforge preview generator (procedural, no AI model): {text}"}


def _scene_record(scene: Scene) -> dict[str, object]:
    return {"time_of_day": scene.time_of_day, "elements": list(scene.elements),
            "water": scene.water_kind, "moods": list(scene.moods)}


def _segment_requests(request: GenerateRequest) -> list[GenerateRequest]:
    """One request per segment, each a whole number of frames, adding up to the request's frames."""
    segments = request.segments
    if len(segments) == 1:
        return [request]
    bounds, elapsed = [0], 0
    for share in split_duration(request.duration_ms, len(segments)):
        elapsed += share
        bounds.append(round(elapsed * request.fps / 1000))
    return [replace(request, prompt=text, seconds=(end - start) / request.fps, seed=request.seed + index)
            for index, (text, start, end) in enumerate(zip(segments, bounds, bounds[1:], strict=False))]


class PreviewGenerator:
    """A :class:`~reelforge.generate.base.Generator` that needs no weights and no GPU."""

    name = "preview"

    def __init__(self, color_match: ColorMatchConfig | None = None) -> None:
        self.color_match = color_match or ColorMatchConfig()

    @classmethod
    def from_settings(cls, settings: Settings) -> PreviewGenerator:
        return cls(ColorMatchConfig(settings.color_match, settings.color_match_ease_s))

    def unload(self) -> None:
        """Nothing to give back: the preview holds no model between clips."""

    def animation(self, request: GenerateRequest, span: CameraSpan | None = None) -> Animation | StillAnimation:
        """The clip's frames, before encoding: ``frame(i)`` draws frame ``i`` (uint8 RGB); ``span``: the
        clip is a segment of a longer shot, whose camera move it continues."""
        _validate(request)
        scene = parse_scene(request.prompt)
        rng = clip_rng(request.prompt, request.seed)
        if request.image is not None:
            # The still carries the detail: draw it at the canvas size, not half.
            return StillAnimation(request.image, scene, request.width, request.height, request.fps,
                                  request.seconds, rng, span)
        width, height = render_size(request.width, request.height)
        return Animation(scene, width, height, request.fps, request.seconds, rng, span)

    def segment_animations(self, request: GenerateRequest) -> list[Animation | StillAnimation]:
        """One animation per segment of the request, sharing one camera move: the first segment chooses
        it (direction, size) for the whole shot and the others go on with it, so a pan or push-in
        carries on across each join instead of starting again."""
        parts = _segment_requests(request)
        frames = [frame_count(part.seconds, part.fps) for part in parts]
        animations: list[Animation | StillAnimation] = []
        for index, part in enumerate(parts):
            move = None if not animations else animations[0].pan if isinstance(animations[0], Animation) \
                else animations[0].push
            span = CameraSpan(first_frame=sum(frames[:index]), shot_frames=sum(frames), move=move)
            animations.append(self.animation(part, span))
        return animations

    def generate(self, request: GenerateRequest, out: Path, progress: Progress,
                 cancel: CancelToken | None = None) -> Clip:
        """Draw and encode the clip to ``out`` (H.264 MP4); a cancelled run leaves no file."""
        _validate(request)
        animations = self.segment_animations(request)
        first = animations[0]
        scaled = (first.width, first.height) != (request.width, request.height)
        total = sum(animation.frame_count for animation in animations)
        ease = self.color_match.ease_frames(request.fps)
        joins: list[JoinRecord] = []
        written = 0
        previous: np.ndarray | None = None
        progress(0.0)
        with FrameWriter.open(out, width=first.width, height=first.height, fps=request.fps,
                              output_args=_output_args(request.width, request.height, scaled),
                              metadata=_metadata(request.prompt)) as writer:
            for animation in animations:
                transfer: ColorTransfer | None = None
                for index in range(animation.frame_count):
                    if cancel is not None:
                        cancel.check()
                    frame = animation.frame(index)
                    if index == 0 and previous is not None:
                        # A new scene starts in the last frame's colours and eases into its own (hold 0).
                        before = join_difference(previous, frame)
                        if self.color_match.enabled:
                            transfer = ColorTransfer.between(frame, previous)
                    if transfer is not None and index < ease:
                        frame = transfer.apply(frame, ease_weight(index, ease, hold=0.0))
                    if index == 0 and previous is not None:
                        joins.append(JoinRecord(before, join_difference(previous, frame)))
                    writer.write(frame)
                    written += 1
                    progress(0.99 * written / total)
                previous = frame
        progress(1.0)
        return Clip(
            path=out, duration_ms=round(total * 1000 / request.fps),
            width=request.width, height=request.height, fps=request.fps,
            backend="preview", model=MODEL, seed=request.seed,
            provenance={"generator": "reelforge preview (procedural, no AI model)", "version": VERSION,
                        "scene": _scene_record(parse_scene(request.prompt)), "seed": request.seed,
                        "frames": total, "drawn_size": [first.width, first.height],
                        "image": str(request.image) if request.image is not None else None,
                        **long_shot_record(request.segments, joins, self.color_match)},
        )
