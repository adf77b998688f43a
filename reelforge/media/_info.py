"""What a media file is, as the renderer, the jobs and the store see it: kind, size, duration, streams."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

__all__ = ["MediaInfo", "MediaKind", "MediaResolver"]

MediaKind = Literal["video", "image", "audio", "text"]


@dataclass(frozen=True)
class MediaInfo:
    """A local media file and what a probe found in it."""

    path: Path
    kind: MediaKind
    duration_ms: int | None = None     # None for stills and text
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    has_audio: bool = False
    has_video: bool = False
    video_codec: str | None = None
    audio_codec: str | None = None
    name: str | None = None            # a human name (upload name, prompt, style)


class MediaResolver(Protocol):
    """Turns a draft ``src`` (``media:<id>``, a path, a URL) into a local probed file.

    Raises :class:`reelforge.errors.MediaMissing` naming the reference when it cannot.
    """

    def __call__(self, src: str) -> MediaInfo: ...

