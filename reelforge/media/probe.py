"""Probing media files with PyAV (the bundled ffmpeg has no ffprobe).

``probe_media`` says whether a file is a video, a still image, audio or a prompt text
file, and reads its size, duration, frame rate and codecs. Foreign errors become
reelforge errors here. Probing is not rendering: the renderer, the job resolver and
uploads all call it.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av

from reelforge.errors import MediaMissing, UnsupportedMedia
from reelforge.media._info import MediaInfo, MediaKind

__all__ = ["probe_media"]

# Demuxers and codecs that hold a single still picture.
_IMAGE_FORMATS = frozenset({"image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe"})
_IMAGE_CODECS = frozenset({"png", "mjpeg", "webp", "bmp", "tiff"})
_TEXT_SUFFIXES = frozenset({".txt"})


def probe_media(path: Path) -> MediaInfo:
    """Probe ``path``: kind, duration (None for stills), size, fps, streams and codecs.

    Raises :class:`MediaMissing` when the file is not there and :class:`UnsupportedMedia`
    when it holds no picture or sound that ffmpeg can read.
    """
    path = Path(path)
    if not path.is_file():
        raise MediaMissing(f"media file not found: {path}", data={"path": str(path)})
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return _probe_text(path)
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError) as exc:
        raise UnsupportedMedia(f"not a readable media file: {path.name}", data={"path": str(path)}) from exc
    with container:
        video = container.streams.video[0] if container.streams.video else None
        audio = container.streams.audio[0] if container.streams.audio else None
        if video is None and audio is None:
            raise UnsupportedMedia(f"no video or audio stream in {path.name}", data={"path": str(path)})
        is_still = video is not None and audio is None and _is_still(container.format.name, video)
        kind: MediaKind = "image" if is_still else ("video" if video is not None else "audio")
        fps = video.average_rate or video.guessed_rate if video is not None else None
        return MediaInfo(
            path=path,
            kind=kind,
            duration_ms=None if is_still else _duration_ms(container, video or audio),
            width=video.codec_context.width if video is not None else None,
            height=video.codec_context.height if video is not None else None,
            fps=float(fps) if fps and not is_still else None,
            has_audio=audio is not None,
            has_video=video is not None,
            video_codec=video.codec_context.name if video is not None else None,
            audio_codec=audio.codec_context.name if audio is not None else None,
            name=path.name,
        )


def _is_still(format_name: str, video: av.video.stream.VideoStream) -> bool:
    if video.codec_context.name not in _IMAGE_CODECS:
        return False
    # An MJPEG/PNG stream inside a real container (mov, avi) with many frames is a video.
    return bool(set(format_name.split(",")) & _IMAGE_FORMATS) or (video.frames or 0) <= 1


def _duration_ms(container: av.container.InputContainer, stream: av.stream.Stream | None) -> int | None:
    if stream is not None and stream.duration is not None and stream.time_base is not None:
        return round(float(stream.duration * Fraction(stream.time_base)) * 1000)
    if container.duration is not None:
        return round(container.duration / 1000)  # container.duration is in microseconds
    return None


def _probe_text(path: Path) -> MediaInfo:
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UnsupportedMedia(f"text file is not UTF-8: {path.name}", data={"path": str(path)}) from exc
    return MediaInfo(path=path, kind="text", name=path.name)
