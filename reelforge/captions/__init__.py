"""Captions from narration: laid out inside each platform's safe area, burned in through libass
(``ass_script``), exported as SRT and WebVTT (``write_subtitles``)."""

from reelforge.captions._ass import CAPTION_FONT_FAMILY, ass_script, caption_list
from reelforge.captions._layout import SAFE_AREAS, Caption, SafeArea, safe_area, text_width, wrap_words
from reelforge.captions.export import SUBTITLE_FORMATS, SubtitleFormat, subtitle_text, write_subtitles

__all__ = [
    "CAPTION_FONT_FAMILY",
    "SAFE_AREAS",
    "SUBTITLE_FORMATS",
    "Caption",
    "SafeArea",
    "SubtitleFormat",
    "ass_script",
    "caption_list",
    "safe_area",
    "subtitle_text",
    "text_width",
    "wrap_words",
    "write_subtitles",
]
