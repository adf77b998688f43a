"""What a draft can be exported as: the output formats (with the MIME type of each file), the quality modes
and the names of the platform presets.

These are vocabularies the agent (words -> an export), the renderer (an export -> ffmpeg flags) and the
services (a request -> a job) all speak, so they live here, below all three. The presets' records (every
number a platform's spec fixes) are :data:`reelforge.render.presets.PRESETS`, keyed by :data:`PresetName`.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["OUTPUT_FORMATS", "QUALITIES", "OutputFormat", "PresetName", "Quality"]

OutputFormat = Literal["mp4", "mov", "webm", "gif", "mp3", "wav"]
# every output format and the MIME type its file is served with
OUTPUT_FORMATS: dict[OutputFormat, str] = {"mp4": "video/mp4", "mov": "video/quicktime", "webm": "video/webm",
                                           "gif": "image/gif", "mp3": "audio/mpeg", "wav": "audio/wav"}
assert set(OUTPUT_FORMATS) == set(get_args(OutputFormat))

Quality = Literal["high", "medium", "low"]
QUALITIES: tuple[Quality, ...] = get_args(Quality)

PresetName = Literal["youtube", "shorts", "tiktok", "reels", "square", "web", "archive", "webm", "gif"]
