"""Export presets: files that YouTube, Shorts, TikTok, Reels and the web accept as they are.

A :class:`Preset` fixes everything a platform's upload spec pins down: container, codec,
profile and level, pixel format, canvas, frame-rate cap, a fixed closed GOP, B-frames,
a bitrate ceiling, the audio codec/rate/channels, ``+faststart`` and a loudness target.
The quality mode (high/medium/low) still picks the CRF from :data:`QUALITY_TABLE`; the
preset caps what that CRF may spend. Where each number comes from: ``docs/presets.md``.

Canvas rule: a preset with a fixed size replaces the draft's canvas; every clip is fitted
into the new frame by its own ``fit`` (``cover`` by default, so a 16:9 clip fills a 9:16
frame by cropping its sides; ``contain``/``blur`` keep the whole picture). Titles keep their
relative size and position. Presets without a size keep the draft's aspect.

:func:`reelforge.render.check.check_file` checks a file against the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from reelforge.draft import ASPECT_SIZES, Aspect
from reelforge.draft.output import PresetName
from reelforge.errors import InvalidInput
from reelforge.render.encode import (
    QUALITY_TABLE,
    EncodeSettings,
    LoudnessTarget,
    OutputFormat,
    Quality,
    RenderOptions,
)

__all__ = ["PRESETS", "Preset", "PresetName", "options_for_preset", "preset_named"]

SOCIAL_LOUDNESS = LoudnessTarget(integrated_lufs=-14.0, true_peak_db=-1.0)
WEB_LOUDNESS = LoudnessTarget(integrated_lufs=-16.0, true_peak_db=-1.0)


@dataclass(frozen=True)
class Preset:
    """One export target and every number its platform's spec fixes."""

    name: PresetName
    title: str                              # as people write it: "TikTok"
    format: OutputFormat
    video_codec: Literal["h264", "vp9", "gif"]
    width: int | None = None                # a fixed canvas; None keeps the draft's aspect
    height: int | None = None
    max_short_side: int | None = None       # without a fixed canvas: scaled down to fit this
    max_fps: int = 60
    min_fps: int | None = 23                # TikTok and Instagram refuse less than 23 fps
    profile: str | None = "high"
    level: str | None = "4.2"               # High@4.2: 1080p up to 60 fps
    gop_seconds: float | None = 0.5         # closed GOP of half the frame rate (YouTube's advice)
    bframes: int | None = 2
    maxrate_kbps: int | None = None         # the ceiling the quality mode's CRF may spend up to
    audio_codec: Literal["aac", "opus"] | None = "aac"
    audio_bitrate_kbps: int = 192
    loudness: LoudnessTarget | None = SOCIAL_LOUDNESS
    min_duration_ms: int | None = None
    max_duration_ms: int | None = None
    x264_preset: str = "veryfast"
    crf_offset: int = 0                     # added to the quality mode's CRF (archive: lower)
    quality: Quality = "high"               # the mode used when the caller names none

    @property
    def aspect(self) -> Aspect | None:
        """The canvas aspect as the draft model spells it ("9:16"), None when the draft's is kept."""
        return next((aspect for aspect, size in ASPECT_SIZES.items() if size == (self.width, self.height)), None)


def _social(name: PresetName, title: str, width: int, height: int, **changes: object) -> Preset:
    return replace(Preset(name=name, title=title, format="mp4", video_codec="h264", width=width, height=height,
                          maxrate_kbps=12_000, audio_bitrate_kbps=192), **changes)  # type: ignore[arg-type]


PRESETS: dict[str, Preset] = {p.name: p for p in (
    # YouTube: 1080p SDR 8 Mbps at 24-30 fps, 12 Mbps at 48-60 fps; AAC-LC 48 kHz stereo 384 kbps.
    _social("youtube", "YouTube", 1920, 1080, audio_bitrate_kbps=384, max_duration_ms=12 * 3600 * 1000),
    _social("shorts", "YouTube Shorts", 1080, 1920, audio_bitrate_kbps=384, max_duration_ms=3 * 60 * 1000),
    _social("tiktok", "TikTok", 1080, 1920, max_duration_ms=10 * 60 * 1000),
    # Instagram's Reels spec: H.264 closed GOP 4:2:0, 23-60 fps, <= 25 Mbps, AAC 48 kHz <= 128 kbps, 3 s-15 min.
    _social("reels", "Instagram Reels", 1080, 1920, audio_bitrate_kbps=128, min_duration_ms=3000,
            max_duration_ms=15 * 60 * 1000),
    _social("square", "Square feed post", 1080, 1080, audio_bitrate_kbps=128, max_duration_ms=60 * 60 * 1000),
    Preset(name="web", title="Web page", format="mp4", video_codec="h264", max_short_side=720, max_fps=30,
           level="4.0", gop_seconds=2.0, maxrate_kbps=3_000, audio_bitrate_kbps=128, loudness=WEB_LOUDNESS),
    Preset(name="archive", title="Archive master", format="mp4", video_codec="h264", level=None, gop_seconds=None,
           bframes=None, min_fps=None, maxrate_kbps=60_000, audio_bitrate_kbps=320, loudness=None,
           x264_preset="medium", crf_offset=-6),
    Preset(name="webm", title="WebM for the web", format="webm", video_codec="vp9", max_short_side=1080,
           profile=None, level=None, gop_seconds=2.0, bframes=None, maxrate_kbps=None, audio_codec="opus",
           audio_bitrate_kbps=128, loudness=WEB_LOUDNESS),
    Preset(name="gif", title="Animated GIF", format="gif", video_codec="gif", max_fps=15, min_fps=None,
           profile=None, level=None, gop_seconds=None, bframes=None, audio_codec=None, loudness=None),
)}
assert list(PRESETS) == list(get_args(PresetName))


def preset_named(name: str) -> Preset:
    """The preset called ``name`` (any case); :class:`InvalidInput` naming ``preset`` otherwise."""
    preset = PRESETS.get(name.strip().lower()) if isinstance(name, str) else None
    if preset is None:
        raise InvalidInput(f"preset: must be one of {', '.join(PRESETS)} (got {name!r})", field="preset")
    return preset


def options_for_preset(name: str, options: RenderOptions | None = None) -> RenderOptions:
    """``options`` turned into the preset's render: its format, canvas, encoder and loudness.

    The quality mode of ``options`` picks the CRF; ``fast`` and ``max_height`` still apply.
    """
    preset = preset_named(name)
    options = options or RenderOptions()
    return replace(options, format=preset.format, preset=preset.name,
                   size=(preset.width, preset.height) if preset.width and preset.height else None,
                   max_short_side=preset.max_short_side, max_fps=preset.max_fps,
                   settings=_encode_settings(preset, options), loudness=preset.loudness)


def _encode_settings(preset: Preset, options: RenderOptions) -> EncodeSettings:
    row = QUALITY_TABLE[(preset.format, options.quality)]
    if preset.video_codec == "gif":
        return row
    crf = None if row.crf is None else max(0, row.crf + preset.crf_offset)
    maxrate = preset.maxrate_kbps or row.maxrate_kbps
    if preset.video_codec == "vp9":
        return replace(row, crf=crf, audio_bitrate_kbps=preset.audio_bitrate_kbps,
                       gop_seconds=preset.gop_seconds)
    # The table's mp4 rows carry "-profile:v high" in ``extra``; the preset states its own. The rows' lookahead
    # is measured for their x264 preset (veryfast); another (the archive's medium) keeps its own.
    lookahead = row.rc_lookahead if preset.x264_preset == row.preset else None
    return replace(row, crf=crf, preset=preset.x264_preset, maxrate_kbps=maxrate, rc_lookahead=lookahead,
                   audio_bitrate_kbps=preset.audio_bitrate_kbps, profile=preset.profile, level=preset.level,
                   gop_seconds=preset.gop_seconds, bframes=preset.bframes, extra=("-movflags", "+faststart"))

