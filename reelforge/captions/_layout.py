"""Where captions go and how they break: the timeline's cues, each platform's safe area, CJK-aware lines.

A caption is at most two lines inside the safe area of the frame's shape (vertical video keeps
clear of TikTok/Reels/Shorts' buttons on the right and their description at the bottom). Lines
break between words in Latin text and between characters in CJK text, never before closing
punctuation (it stays with the character before it) and never after opening punctuation; a
sentence too long for two lines becomes several captions, split at word times.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from reelforge.draft.model import Cue, Draft, Segment, Word

__all__ = ["SAFE_AREAS", "Caption", "SafeArea", "balanced_wrap", "join_words", "safe_area", "text_width", "timeline_captions", "wrap_words"]


@dataclass(frozen=True)
class SafeArea:
    """Fractions of the frame kept clear of captions on each side."""

    left: float
    right: float
    top: float
    bottom: float


SAFE_AREAS: dict[str, SafeArea] = {
    # 9:16 on TikTok, Reels and Shorts: the like/comment/share column on the right, the caption and
    # sound line at the bottom (TikTok's own guide keeps about 20 % of the height clear there).
    "vertical": SafeArea(left=0.06, right=0.14, top=0.10, bottom=0.22),
    # 1:1 and 4:5 in feeds: a plain margin, a little more at the bottom for the feed's overlay.
    "square": SafeArea(left=0.06, right=0.06, top=0.08, bottom=0.12),
    # 16:9: the broadcast title-safe area (90 %) and a lower third.
    "landscape": SafeArea(left=0.05, right=0.05, top=0.05, bottom=0.10),
}


def safe_area(width: int, height: int) -> SafeArea:
    """The safe area for a frame's shape: vertical (taller than 3:2 upright), square-ish, or landscape."""
    if height >= 1.5 * width:
        return SAFE_AREAS["vertical"]
    if height >= 0.9 * width:
        return SAFE_AREAS["square"]
    return SAFE_AREAS["landscape"]


@dataclass(frozen=True)
class Caption:
    """One caption on the timeline: its lines (each a list of words) and its time."""

    start_ms: int
    end_ms: int
    lines: list[list[Word]]    # words with timeline times

    @property
    def text(self) -> str:
        return "\n".join(join_words([w.text for w in line]) for line in self.lines)


_CJK = re.compile("[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\uac00-\ud7af]")
_OPENING = "“‘「『（《〈【(["


def join_words(words: list[str], shown: list[str] | None = None) -> str:
    """Words back into text: a space between Latin words, none next to a CJK character.

    ``shown`` (one per word) is what to write in their place, spaced as ``words`` are (a word with
    its highlight tags)."""
    text = ""
    for k, word in enumerate(words):
        if k and not (_CJK.match(words[k - 1][-1]) or _CJK.match(word[0])):
            text += " "
        text += shown[k] if shown is not None else word
    return text


@functools.cache
def _advances(font: Path) -> tuple[dict[int, float], float]:
    """Each character's advance in ems, and the default for characters the font lacks."""
    from fontTools.ttLib import TTFont

    with TTFont(str(font), lazy=True, fontNumber=2 if font.suffix.lower() in (".ttc", ".otc") else 0) as face:
        units = face["head"].unitsPerEm
        metrics = face["hmtx"].metrics
        cmap = face.getBestCmap() or {}
        advances = {code: metrics[glyph][0] / units for code, glyph in cmap.items() if glyph in metrics}
    return advances, 1.0


def text_width(text: str, font: Path) -> float:
    """The width of ``text`` in ems of ``font`` (no kerning: a slight overestimate, the safe side)."""
    advances, missing = _advances(font)
    return sum(advances.get(ord(c), missing) for c in text)


def wrap_words(words: list[str], max_ems: float, font: Path) -> list[list[int]]:
    """Word indices per line, each line at most ``max_ems`` wide (a word wider than a line gets one alone)."""
    lines: list[list[int]] = []
    for index in range(len(words)):
        if lines:
            candidate = join_words([words[i] for i in [*lines[-1], index]])
            after_opening = words[lines[-1][-1]][-1] in _OPENING
            if text_width(candidate, font) <= max_ems or after_opening:
                lines[-1].append(index)
                continue
        lines.append([index])
    return lines


def balanced_wrap(words: list[str], max_ems: float, font: Path) -> list[list[int]]:
    """As :func:`wrap_words`, in as few lines, but as even as they can be (no one-word last line)."""
    lines = wrap_words(words, max_ems, font)
    if len(lines) < 2:
        return lines
    budget = text_width(join_words(words), font) / len(lines)
    while budget < max_ems:
        even = wrap_words(words, budget, font)
        if len(even) <= len(lines):
            return even
        budget += 0.25
    return lines


def timeline_captions(draft: Draft, max_ems: float, font: Path, max_lines: int = 2) -> list[Caption]:
    """Every narration's (and transcribed clip's) cues as captions on the timeline, wrapped to ``max_ems`` and
    ``max_lines``."""
    captions: list[Caption] = []
    for seg in draft.captioned_segments():
        for cue in seg.meta.cues or []:
            words = [w for w in (_on_timeline(seg, w) for w in cue.words or [cue_word(cue)]) if w is not None]
            if not words:
                continue
            texts = [w.text for w in words]
            greedy = wrap_words(texts, max_ems, font)
            for first in range(0, len(greedy), max_lines):
                chunk = [i for line in greedy[first:first + max_lines] for i in line]
                lines = [[words[chunk[0] + i] for i in line]
                         for line in balanced_wrap(texts[chunk[0]:chunk[-1] + 1], max_ems, font)]
                start = lines[0][0].start_ms
                last = first + max_lines >= len(greedy)
                end = min(_cue_end(seg, cue.end_ms), seg.end_ms) if last else words[chunk[-1] + 1].start_ms
                if end > start:
                    captions.append(Caption(start, end, lines))
    return captions


def cue_word(cue: Cue) -> Word:
    """A cue without word times as one word spanning it."""
    return Word(start_ms=cue.start_ms, duration_ms=cue.duration_ms, text=cue.text)


def _cue_end(seg: Segment, source_ms: int) -> int:
    return seg.start_ms + round((source_ms - seg.source_in_ms) / seg.speed)


def _on_timeline(seg: Segment, word: Word) -> Word | None:
    """A word moved from its narration's source clock to the timeline; None when the segment cuts it off."""
    start = _cue_end(seg, word.start_ms)
    end = min(_cue_end(seg, word.end_ms), seg.end_ms)
    if start < seg.start_ms or start >= seg.end_ms:
        return None
    return Word(start_ms=start, duration_ms=max(0, end - start), text=word.text)
