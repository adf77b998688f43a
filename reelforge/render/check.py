"""The spec checker: what a file is (probed with PyAV and ffmpeg's ebur128) against what a preset needs.

:func:`probe_spec` reads everything a platform's upload spec talks about: container,
codec, profile, level, pixel format, size, frame rate, the keyframe interval (from the
packets' key flags), the longest run of B-frames (from the decoded pictures' types), the
video bitrate, the audio codec/rate/channels, whether ``moov`` precedes ``mdat`` (the
top-level MP4 boxes) and the loudness. :func:`check_against` (and :func:`check_file`, by preset
name, behind ``reelforge check``) lists every departure in words ("video is 1920x1080, tiktok needs 1080x1920").
"""

from __future__ import annotations

import itertools
import math
import struct
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
from av.video.frame import PictureType

from reelforge.errors import MediaMissing, UnsupportedMedia
from reelforge.render.loudness import Loudness, measure_file
from reelforge.render.presets import Preset, preset_named

__all__ = ["FileSpec", "check_against", "check_file", "probe_spec", "top_level_boxes"]

_CONTAINERS = {"mp4": "mp4", "mov": "mov", "webm": "webm", "gif": "gif"}
_BITRATE_SLACK = 1.10        # an average a tenth over the VBV ceiling is a real departure; less is rounding
_LOUDNESS_TOLERANCE_LU = 1.0


@dataclass(frozen=True)
class FileSpec:
    """What a media file is, in the terms upload specs use."""

    container: str
    duration_ms: int
    video_codec: str | None = None
    profile: str | None = None
    level: int | None = None          # H.264 level x 10 (42 = 4.2)
    pix_fmt: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    max_keyframe_interval: int | None = None  # in frames: the longest run from one keyframe to the next
    max_bframes_run: int = 0
    video_kbps: float | None = None
    audio_codec: str | None = None
    audio_profile: str | None = None
    audio_rate: int | None = None
    audio_channels: int | None = None
    faststart: bool | None = None     # None: not an MP4-family file
    loudness: Loudness | None = None


def top_level_boxes(path: Path) -> list[str]:
    """The types of an MP4/MOV file's top-level boxes, in file order (``ftyp``, ``moov``, ``mdat``...)."""
    boxes: list[str] = []
    with open(path, "rb") as f:
        size_total = path.stat().st_size
        offset = 0
        while offset + 8 <= size_total:
            f.seek(offset)
            size, kind = struct.unpack(">I4s", f.read(8))
            if size == 1:  # 64-bit size follows the type
                size = struct.unpack(">Q", f.read(8))[0]
            elif size == 0:  # the box runs to the end of the file
                size = size_total - offset
            if size < 8:
                break
            boxes.append(kind.decode("latin-1"))
            offset += size
    return boxes


def probe_spec(path: Path) -> FileSpec:
    """Read ``path``'s spec; :class:`MediaMissing` or :class:`UnsupportedMedia` when it can't."""
    path = Path(path)
    if not path.is_file():
        raise MediaMissing(f"file not found: {path}", data={"path": str(path)})
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError) as exc:
        raise UnsupportedMedia(f"not a readable media file: {path.name}", data={"path": str(path)}) from exc
    with container:
        fields = _container_fields(container, path)
        video = container.streams.video[0] if container.streams.video else None
        audio = container.streams.audio[0] if container.streams.audio else None
        if video is not None:
            fields.update(_video_fields(container, video, fields["duration_ms"]))
        if audio is not None:
            ctx = audio.codec_context
            fields.update(audio_codec=ctx.name, audio_profile=ctx.profile, audio_rate=ctx.sample_rate,
                          audio_channels=ctx.layout.nb_channels)
    if audio is not None:
        fields["loudness"] = measure_file(path)
    return FileSpec(**fields)


def _container_fields(container: av.container.InputContainer, path: Path) -> dict[str, Any]:
    names = set(container.format.name.split(","))
    if "gif" in names:
        kind = "gif"
    elif "webm" in names or "matroska" in names:
        kind = "webm"
    elif "mp4" in names or "mov" in names:
        kind = "mov" if path.suffix.lower() == ".mov" else "mp4"
    else:
        kind = container.format.name
    faststart = None
    if kind in ("mp4", "mov"):
        boxes = top_level_boxes(path)
        faststart = "moov" in boxes and "mdat" in boxes and boxes.index("moov") < boxes.index("mdat")
    duration_ms = round(container.duration / 1000) if container.duration else 0
    return {"container": kind, "duration_ms": duration_ms, "faststart": faststart}


def _video_fields(container: av.container.InputContainer, video: av.video.stream.VideoStream,
                  duration_ms: int) -> dict[str, Any]:
    ctx = video.codec_context
    rate = video.average_rate or video.guessed_rate
    # Keyframe spacing from the packets' flags (no decoding); B-frame runs from the pictures' types.
    keyframes, total, packet_bytes = [], 0, 0
    for packet in container.demux(video):
        if packet.size == 0:
            continue
        if packet.is_keyframe:
            keyframes.append(total)
        total += 1
        packet_bytes += packet.size
    keyframes.append(total)
    intervals = [b - a for a, b in itertools.pairwise(keyframes)]
    container.seek(0)
    run = longest = 0
    for frame in container.decode(video):
        run = run + 1 if frame.pict_type == PictureType.B else 0
        longest = max(longest, run)
    seconds = duration_ms / 1000
    return {"video_codec": ctx.name, "profile": ctx.profile, "level": ctx.level if ctx.level > 0 else None,
            "pix_fmt": ctx.pix_fmt, "width": ctx.width, "height": ctx.height,
            "fps": float(Fraction(rate)) if rate else None,
            "max_keyframe_interval": max(intervals) if intervals and len(keyframes) > 1 else None,
            "max_bframes_run": longest, "video_kbps": packet_bytes * 8 / seconds / 1000 if seconds > 0 else None}


def check_file(path: Path | str, preset: str) -> list[str]:
    """Every way the file at ``path`` departs from the preset named ``preset``, in words; empty when it meets it.

    Raises :class:`InvalidInput` for an unknown preset and :class:`MediaMissing` for a missing file.
    """
    return check_against(Path(path), preset_named(preset))


def check_against(path: Path, preset: Preset) -> list[str]:
    """Every departure of the file at ``path`` from ``preset``, in words."""
    spec = probe_spec(path)
    return [*_container_problems(spec, preset), *_video_problems(spec, preset), *_audio_problems(spec, preset)]


def _container_problems(spec: FileSpec, preset: Preset) -> list[str]:
    name, problems = preset.name, []
    if spec.container != _CONTAINERS[preset.format]:
        problems.append(f"container is {spec.container}, {name} needs {preset.format}")
    if preset.format in ("mp4", "mov") and spec.faststart is False:
        problems.append(f"the moov box comes after the media data (no faststart), {name} needs it first")
    if preset.min_duration_ms is not None and spec.duration_ms < preset.min_duration_ms:
        problems.append(f"duration is {spec.duration_ms / 1000:g} s, {name} needs at least "
                        f"{preset.min_duration_ms / 1000:g} s")
    if preset.max_duration_ms is not None and spec.duration_ms > preset.max_duration_ms:
        problems.append(f"duration is {spec.duration_ms / 1000:g} s, {name} allows at most "
                        f"{preset.max_duration_ms / 1000:g} s")
    return problems


def _video_problems(spec: FileSpec, preset: Preset) -> list[str]:
    name = preset.name
    if spec.video_codec is None:
        return [f"the file has no video, {name} needs {preset.video_codec}"]
    problems = []
    if spec.video_codec != preset.video_codec:
        problems.append(f"video codec is {spec.video_codec}, {name} needs {preset.video_codec}")
    if preset.profile and (spec.profile or "").lower() != preset.profile:
        problems.append(f"H.264 profile is {spec.profile}, {name} needs {preset.profile.title()}")
    if preset.level and spec.level is not None and spec.level > round(float(preset.level) * 10):
        problems.append(f"H.264 level is {spec.level / 10:g}, {name} allows at most {preset.level}")
    if preset.video_codec != "gif" and spec.pix_fmt != "yuv420p":
        problems.append(f"pixel format is {spec.pix_fmt}, {name} needs yuv420p")
    problems += _size_problems(spec, preset)
    if spec.fps is not None:
        if spec.fps > _fps_ceiling(preset):
            problems.append(f"frame rate is {spec.fps:g} fps, {name} allows at most {preset.max_fps}")
        if preset.min_fps is not None and spec.fps < preset.min_fps - 0.01:
            problems.append(f"frame rate is {spec.fps:g} fps, {name} needs at least {preset.min_fps}")
    if preset.gop_seconds and spec.fps and spec.max_keyframe_interval is not None:
        allowed = max(1, round(spec.fps * preset.gop_seconds))
        if spec.max_keyframe_interval > allowed:
            problems.append(f"keyframes are up to {spec.max_keyframe_interval} frames apart, {name} needs one "
                            f"every {allowed} ({preset.gop_seconds:g} s)")
    if preset.bframes is not None and spec.max_bframes_run > preset.bframes:
        problems.append(f"{spec.max_bframes_run} B-frames in a row, {name} allows at most {preset.bframes}")
    if preset.maxrate_kbps and spec.video_kbps and spec.video_kbps > preset.maxrate_kbps * _BITRATE_SLACK:
        problems.append(f"video bitrate is {spec.video_kbps:.0f} kbps, {name} allows at most "
                        f"{preset.maxrate_kbps} kbps")
    return problems


def _fps_ceiling(preset: Preset) -> float:
    # A GIF's frame delays are whole hundredths of a second: 15 fps is written as 6-7 cs delays.
    if preset.video_codec == "gif":
        return 100 / math.floor(100 / preset.max_fps) + 0.01
    return preset.max_fps + 0.01


def _size_problems(spec: FileSpec, preset: Preset) -> list[str]:
    w, h, name = spec.width or 0, spec.height or 0, preset.name
    if preset.width and preset.height and (w, h) != (preset.width, preset.height):
        return [f"video is {w}x{h}, {name} needs {preset.width}x{preset.height}"]
    if preset.max_short_side and min(w, h) > preset.max_short_side:
        return [f"video is {w}x{h}, {name} allows at most {preset.max_short_side} on the short side"]
    if preset.video_codec == "gif" and w > 720:
        return [f"gif is {w} px wide, {name} allows at most 720"]
    return []


def _audio_problems(spec: FileSpec, preset: Preset) -> list[str]:
    name, codec = preset.name, preset.audio_codec
    if codec is None:
        return [f"the file has {spec.audio_codec} audio, {name} has none"] if spec.audio_codec else []
    if spec.audio_codec is None:
        return [f"the file has no audio track, {name} needs {codec} (a silent one at least)"]
    problems = []
    if spec.audio_codec != codec:
        problems.append(f"audio codec is {spec.audio_codec}, {name} needs {codec}")
    elif codec == "aac" and spec.audio_profile not in (None, "LC"):
        problems.append(f"AAC profile is {spec.audio_profile}, {name} needs AAC-LC")
    if spec.audio_rate != 48_000:
        problems.append(f"audio is {(spec.audio_rate or 0) / 1000:g} kHz, {name} needs 48 kHz")
    if spec.audio_channels != 2:
        problems.append(f"audio has {spec.audio_channels} channel(s), {name} needs stereo")
    target, measured = preset.loudness, spec.loudness
    if target is not None and measured is not None and not measured.silent:
        if abs(measured.integrated_lufs - target.integrated_lufs) > _LOUDNESS_TOLERANCE_LU:
            problems.append(f"loudness is {measured.integrated_lufs:.1f} LUFS, {name} needs "
                            f"{target.integrated_lufs:g} ± {_LOUDNESS_TOLERANCE_LU:g} LUFS")
        if measured.true_peak_db > target.true_peak_db:
            problems.append(f"true peak is {measured.true_peak_db:.1f} dBTP, {name} allows at most "
                            f"{target.true_peak_db:g} dBTP")
    return problems
