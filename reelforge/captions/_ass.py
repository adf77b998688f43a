"""Captions as an ASS script for libass (ffmpeg's ``ass`` filter): positions in the frame's own pixels.

``clean`` is a lower third: regular white text on a soft dark box, one caption at a time.
``highlight`` is the bold short-video look: heavy white text with a black outline, the word
being spoken in the highlight colour (one event per word, so the colour jumps word to word).
User text cannot carry ASS override tags: braces and backslashes become their full-width forms.
"""

from __future__ import annotations

from pathlib import Path

import pysubs2

from reelforge.captions._layout import Caption, join_words, safe_area, timeline_captions
from reelforge.draft.colors import parse_color
from reelforge.draft.model import CAPTION_SIZES, Captions, Draft

__all__ = ["CAPTION_FONT_FAMILY", "ass_script", "caption_list"]

CAPTION_FONT_FAMILY = "Noto Sans CJK SC"  # the bundled default face (reelforge.fonts); libass finds it in fontsdir
_DEFAULT_HIGHLIGHT = "#ffd400"
_LINE_SPACING = 1.25  # a line's height in font sizes, for the wrap's budget


def _color(value: str | None, default: str) -> pysubs2.Color:
    r, g, b, a = parse_color(value or default) or parse_color(default) or (255, 255, 255, 255)
    return pysubs2.Color(r, g, b, 255 - a)  # ASS alpha counts transparency


def _size_px(captions: Captions, height: int) -> int:
    return max(8, round((captions.size or CAPTION_SIZES[captions.style]) * height))


def caption_list(draft: Draft, width: int, height: int, font: Path) -> list[Caption]:
    """The draft's captions wrapped for a ``width`` x ``height`` frame (its safe area, the style's size)."""
    captions = draft.canvas.captions or Captions()
    area = safe_area(width, height)
    size = _size_px(captions, height)
    usable = width * (1 - area.left - area.right)
    if captions.style == "clean":
        usable -= 2 * size * 0.4  # the box's padding
    return timeline_captions(draft, usable / size, font)


def _escape(text: str) -> str:
    return text.replace("\\", "＼").replace("{", "｛").replace("}", "｝").replace("\n", " ")


def ass_script(draft: Draft, width: int, height: int, font: Path) -> str:
    """The ASS text of the draft's captions for a ``width`` x ``height`` frame ('' when there are none)."""
    captions = draft.canvas.captions
    if captions is None:
        return ""
    cues = caption_list(draft, width, height, font)
    if not cues:
        return ""
    area = safe_area(width, height)
    size = _size_px(captions, height)
    doc = pysubs2.SSAFile()
    doc.info.update({"PlayResX": str(width), "PlayResY": str(height), "WrapStyle": "2",  # 2: only our breaks
                     "ScaledBorderAndShadow": "yes"})
    left, right, bottom = round(width * area.left), round(width * area.right), round(height * area.bottom)
    if captions.style == "clean":
        doc.styles["Default"] = pysubs2.SSAStyle(
            fontname=CAPTION_FONT_FAMILY, fontsize=size, primarycolor=_color(captions.color, "#ffffff"),
            backcolor=_color(None, "#00000099"), outlinecolor=_color(None, "#00000099"), borderstyle=3,
            outline=round(size * 0.3), shadow=0, marginl=left, marginr=right, marginv=bottom)
    else:
        doc.styles["Default"] = pysubs2.SSAStyle(
            fontname=CAPTION_FONT_FAMILY, fontsize=size, bold=True, primarycolor=_color(captions.color, "#ffffff"),
            outlinecolor=_color(None, "#000000"), backcolor=_color(None, "#00000080"), borderstyle=1,
            outline=max(2, round(size * 0.08)), shadow=max(1, round(size * 0.04)), marginl=left, marginr=right,
            marginv=bottom)
    highlight = _color(captions.highlight, _DEFAULT_HIGHLIGHT)
    tag = f"{{\\1c&H{highlight.b:02X}{highlight.g:02X}{highlight.r:02X}&}}"
    for cue in cues:
        if captions.style == "clean":
            text = "\\N".join(_escape(join_words([w.text for w in line])) for line in cue.lines)
            doc.events.append(pysubs2.SSAEvent(start=cue.start_ms, end=cue.end_ms, text=text))
            continue
        words = [w for line in cue.lines for w in line]
        for k, word in enumerate(words):  # one event per word: the spoken one in the highlight colour
            start = cue.start_ms if k == 0 else word.start_ms
            end = words[k + 1].start_ms if k + 1 < len(words) else cue.end_ms
            if end <= start:
                continue
            lines = []
            for line in cue.lines:
                shown = [f"{tag}{_escape(w.text)}{{\\r}}" if w is word else _escape(w.text) for w in line]
                lines.append(join_words([w.text for w in line], shown))
            doc.events.append(pysubs2.SSAEvent(start=start, end=end, text="\\N".join(lines)))
    return doc.to_string("ass")
