"""Captions as subtitle files beside the video: SRT and WebVTT, the same captions the video burns in."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pysubs2

from reelforge.captions._ass import caption_list
from reelforge.draft.model import Draft
from reelforge.errors import InvalidInput

__all__ = ["SUBTITLE_FORMATS", "SubtitleFormat", "subtitle_text", "write_subtitles"]

SubtitleFormat = Literal["srt", "vtt"]
SUBTITLE_FORMATS: dict[str, str] = {"srt": "SubRip (.srt)", "vtt": "WebVTT (.vtt)"}


def subtitle_text(draft: Draft, fmt: str, font: Path) -> str:
    """The draft's narration as ``srt`` or ``vtt`` text, broken into the lines the video shows."""
    if fmt not in SUBTITLE_FORMATS:
        raise InvalidInput(f"format: {fmt!r} is not a subtitle format (choose srt or vtt)", field="format")
    captions = caption_list(draft, draft.canvas.width, draft.canvas.height, font)
    if not captions:
        raise InvalidInput("there are no captions: the draft has no narration with cues", field="captions")
    doc = pysubs2.SSAFile()
    for caption in captions:
        event = pysubs2.SSAEvent(start=caption.start_ms, end=caption.end_ms)
        event.plaintext = caption.text
        doc.events.append(event)
    return doc.to_string(fmt)


def write_subtitles(draft: Draft, out: Path, font: Path, fmt: str | None = None) -> Path:
    """Write the draft's captions to ``out`` (format from ``fmt`` or the file's suffix)."""
    text = subtitle_text(draft, (fmt or out.suffix.lstrip(".")).lower(), font)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(out)
    return out
