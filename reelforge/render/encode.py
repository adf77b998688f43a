"""Render options and the encoder settings they choose, kept in one table.

Every encoder flag the renderer passes lives in :data:`QUALITY_TABLE` and
:class:`EncodeSettings`; a later tuning pass (VMAF, platform presets) edits data here,
not strings scattered through the graph builder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from reelforge.draft.output import OUTPUT_FORMATS, QUALITIES, OutputFormat, Quality

__all__ = [
    "AUDIO_ONLY_FORMATS",
    "OUTPUT_FORMATS",
    "QUALITIES",
    "QUALITY_TABLE",
    "EncodeSettings",
    "LoudnessTarget",
    "OutputFormat",
    "Quality",
    "RenderOptions",
    "encode_settings",
]

AUDIO_ONLY_FORMATS: frozenset[OutputFormat] = frozenset({"mp3", "wav"})
AUDIO_RATE = 48_000
GIF_MAX_FPS = 15
GIF_MAX_WIDTH = 720


@dataclass(frozen=True)
class LoudnessTarget:
    """Where the mixed sound should land: integrated loudness (LUFS) under a true-peak ceiling (dBTP)."""

    integrated_lufs: float = -14.0
    true_peak_db: float = -1.0
    range_lu: float = 11.0


@dataclass(frozen=True)
class RenderOptions:
    """What the caller asks of a render: container, quality and preview shortcuts.

    An export preset (:func:`reelforge.render.presets.options_for_preset`) fills the last
    fields: its canvas replaces the draft's, its encoder settings replace the quality
    table's row, and the mix is normalised to its loudness target.
    """

    format: OutputFormat = "mp4"
    quality: Quality = "high"
    max_height: int | None = None  # e.g. 360 for fast previews: the canvas scaled down, aspect kept
    fast: bool = False             # ultrafast presets for previews
    size: tuple[int, int] | None = None     # (width, height) replacing the draft's canvas
    max_short_side: int | None = None       # the canvas scaled down until its short side fits
    max_fps: int | None = None              # the draft's frame rate, capped
    settings: EncodeSettings | None = None  # instead of QUALITY_TABLE's row
    loudness: LoudnessTarget | None = None  # two-pass loudness normalisation of the mix
    preset: str | None = None               # the preset's name, for messages and records
    # A text's ``font`` may name a font file on this machine (the command line). A server turns this off,
    # so a draft cannot point the renderer at the server's own files; titles then use the default face.
    font_files: bool = True


@dataclass(frozen=True)
class EncodeSettings:
    """Encoder choices for one output: codecs, rate control and muxer flags."""

    muxer: str                         # ffmpeg's -f name
    video_codec: str | None            # None: no video stream (audio-only formats)
    audio_codec: str | None            # None: no audio stream (gif)
    crf: int | None = None
    preset: str | None = None          # x264 preset
    maxrate_kbps: int | None = None    # caps the bitrate CRF may spend (bufsize = 2x)
    audio_bitrate_kbps: int | None = None
    audio_vbr_quality: int | None = None  # libmp3lame -q:a
    deadline: str | None = None        # libvpx -deadline (good | realtime)
    cpu_used: int | None = None        # libvpx -cpu-used (higher is faster)
    pix_fmt: str | None = "yuv420p"
    extra: tuple[str, ...] = ()        # codec-specific flags, in ffmpeg's own spelling
    profile: str | None = None         # -profile:v (the table rows carry theirs in ``extra``)
    level: str | None = None           # -level:v, e.g. "4.2"
    gop_seconds: float | None = None   # a fixed, closed GOP of this length (frames = fps * seconds)
    bframes: int | None = None         # at most this many consecutive B-frames
    bufsize_kbps: int | None = None    # VBV buffer; None: 2x maxrate
    audio_channels: int = 2
    rc_lookahead: int | None = None    # x264 frames of rate-control lookahead (mbtree); None: the preset's

    @property
    def has_video(self) -> bool:
        return self.video_codec is not None

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None

    def output_args(self, fps: int | None = None) -> list[str]:
        """The ffmpeg output options (codecs, rate control, muxer), before the file name.

        ``fps`` is the output frame rate, needed only to count a fixed GOP in frames.
        """
        args: list[str] = []
        if self.video_codec:
            args += ["-c:v", self.video_codec]
            if self.preset:
                args += ["-preset", self.preset]
            if self.crf is not None:
                args += ["-crf", str(self.crf)]
            if self.maxrate_kbps:
                bufsize = self.bufsize_kbps or 2 * self.maxrate_kbps
                args += ["-maxrate", f"{self.maxrate_kbps}k", "-bufsize", f"{bufsize}k"]
            if self.deadline:
                args += ["-deadline", self.deadline, "-cpu-used", str(self.cpu_used or 0)]
            args += self._structure_args(fps)
            if self.video_codec == "libx264":
                # x264 keeps a set of frame buffers (picture, half-pel and lookahead planes: ~13 MB at
                # 1080p) per frame thread and per queued lookahead frame. Its defaults (1.5 threads a
                # core, a threaded lookahead with its own queue) hold ~270 MB for 1080p; a thread a core
                # and the lookahead in the encoding threads make the same stream for ~60 MB less at the
                # same CPU time (bench/render.py peak 473 -> 384 MB, with _builder's decoder threads).
                params = "sync-lookahead=0"
                if self.rc_lookahead is not None:
                    params += f":rc-lookahead={self.rc_lookahead}"
                args += ["-threads", str(os.cpu_count() or 1), "-x264-params", params]
            if self.pix_fmt:
                args += ["-pix_fmt", self.pix_fmt]
        if self.audio_codec:
            args += ["-c:a", self.audio_codec, "-ar", str(AUDIO_RATE), "-ac", str(self.audio_channels)]
            if self.audio_bitrate_kbps:
                args += ["-b:a", f"{self.audio_bitrate_kbps}k"]
            if self.audio_vbr_quality is not None:
                args += ["-q:a", str(self.audio_vbr_quality)]
        return [*args, *self.extra, "-f", self.muxer]

    def _structure_args(self, fps: int | None) -> list[str]:
        """Profile, level, GOP and B-frames: what platforms' upload specs pin down."""
        args: list[str] = []
        if self.profile:
            args += ["-profile:v", self.profile]
        if self.level:
            args += ["-level:v", self.level]
        if self.gop_seconds and fps:
            gop = str(max(1, round(fps * self.gop_seconds)))
            # A keyframe exactly every ``gop`` frames: no scene-cut keyframes, closed GOPs.
            args += ["-g", gop, "-keyint_min", gop]
            if self.video_codec == "libx264":
                args += ["-sc_threshold", "0", "-flags", "+cgop"]
        if self.bframes is not None:
            args += ["-bf", str(self.bframes)]
        return args


# x264 rate-control lookahead, pinned at veryfast's own 10 frames (bench/lookahead.py, 1080p30, at equal
# bitrate against 10): 20 frames gain +0.16 dB SSIM / +0.27 dB PSNR (about 5 % fewer bits) for 1.05-1.09x CPU
# and 1.26x peak memory (+66 MiB), 40 gain +0.27 / +0.43 dB for 1.12-1.24x CPU and 1.77x memory; 0 (no mbtree)
# loses 0.42 / 0.80 dB to save 48 MiB. A 1080p render is held under 400 MB (tests/render/test_memory.py
# reads ~360; 429 with 20 frames), which 20 frames break: the gain is not worth that memory.
RC_LOOKAHEAD = 10


def _h264(muxer: str, crf: int, maxrate: int, abr: int) -> EncodeSettings:
    return EncodeSettings(muxer=muxer, video_codec="libx264", audio_codec="aac", crf=crf, preset="veryfast",
                          maxrate_kbps=maxrate, audio_bitrate_kbps=abr, rc_lookahead=RC_LOOKAHEAD,
                          extra=("-profile:v", "high", "-movflags", "+faststart"))


def _vp9(crf: int, maxrate: int, abr: int) -> EncodeSettings:
    # Constrained quality: -crf with -b:v as the ceiling. -row-mt and cpu-used 5 keep VP9 usable on 2 cores.
    return EncodeSettings(muxer="webm", video_codec="libvpx-vp9", audio_codec="libopus", crf=crf,
                          audio_bitrate_kbps=abr, deadline="good", cpu_used=5,
                          extra=("-b:v", f"{maxrate}k", "-row-mt", "1"))


_GIF = EncodeSettings(muxer="gif", video_codec="gif", audio_codec=None, pix_fmt=None)

# H.264 CRFs from VMAF measurements (docs/presets.md, bench/quality.py): the highest CRF (lowest
# bitrate) at which preview scenes and testsrc2 footage reach VMAF >= 95 / 90 / 80 against a lossless render.
QUALITY_TABLE: dict[tuple[str, str], EncodeSettings] = {
    ("mp4", "high"): _h264("mp4", 19, 12_000, 192),
    ("mp4", "medium"): _h264("mp4", 25, 6_000, 160),
    ("mp4", "low"): _h264("mp4", 30, 3_000, 128),
    ("mov", "high"): _h264("mov", 19, 12_000, 192),
    ("mov", "medium"): _h264("mov", 25, 6_000, 160),
    ("mov", "low"): _h264("mov", 30, 3_000, 128),
    # VP9 CRFs measured the same way (bench/quality.py --format webm): the highest CRF at which the preview
    # draft reaches VMAF >= 95 / 90 with ~0.5 to spare. Low meets 80 up to CRF 63 (the scale's end); 60 keeps
    # its 5th percentile near 73 (63: 65) for 15% more bits.
    ("webm", "high"): _vp9(29, 10_000, 160),
    ("webm", "medium"): _vp9(46, 5_000, 128),
    ("webm", "low"): _vp9(60, 2_500, 96),
    ("gif", "high"): _GIF,
    ("gif", "medium"): _GIF,
    ("gif", "low"): _GIF,
    ("mp3", "high"): EncodeSettings(muxer="mp3", video_codec=None, audio_codec="libmp3lame", audio_vbr_quality=2),
    ("mp3", "medium"): EncodeSettings(muxer="mp3", video_codec=None, audio_codec="libmp3lame", audio_vbr_quality=4),
    ("mp3", "low"): EncodeSettings(muxer="mp3", video_codec=None, audio_codec="libmp3lame", audio_vbr_quality=6),
    ("wav", "high"): EncodeSettings(muxer="wav", video_codec=None, audio_codec="pcm_s16le"),
    ("wav", "medium"): EncodeSettings(muxer="wav", video_codec=None, audio_codec="pcm_s16le"),
    ("wav", "low"): EncodeSettings(muxer="wav", video_codec=None, audio_codec="pcm_s16le"),
}


def encode_settings(options: RenderOptions) -> EncodeSettings:
    """The settings for ``options``: a preset's or the table's row, made faster when ``options.fast``."""
    settings = options.settings or QUALITY_TABLE[(options.format, options.quality)]
    if options.fast and settings.video_codec == "libx264":
        return replace(settings, preset="ultrafast", rc_lookahead=None)  # ultrafast has no mbtree to feed
    if options.fast and settings.video_codec == "libvpx-vp9":
        return replace(settings, deadline="realtime", cpu_used=8)
    return settings
