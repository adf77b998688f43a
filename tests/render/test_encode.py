"""Encoder settings: one table for every format and quality, previews made faster."""

from __future__ import annotations

import itertools

from reelforge.render import QUALITY_TABLE, RenderOptions, encode_settings
from reelforge.render.encode import RC_LOOKAHEAD
from reelforge.render.presets import options_for_preset


def test_every_format_and_quality_has_settings() -> None:
    formats, qualities = ("mp4", "mov", "webm", "gif", "mp3", "wav"), ("high", "medium", "low")
    assert set(QUALITY_TABLE) == set(itertools.product(formats, qualities))


def test_higher_quality_means_lower_crf_and_more_bitrate() -> None:
    for fmt in ("mp4", "mov", "webm"):
        rows = [QUALITY_TABLE[(fmt, q)] for q in ("high", "medium", "low")]
        crfs = [r.crf for r in rows]
        assert crfs == sorted(crfs) and len(set(crfs)) == 3  # type: ignore[type-var]


def test_mp4_is_h264_high_profile_with_aac_and_faststart() -> None:
    args = encode_settings(RenderOptions()).output_args()
    joined = " ".join(args)
    for expected in ("-c:v libx264", "-crf 19", "-pix_fmt yuv420p", "-profile:v high", "-c:a aac",
                     "-ar 48000", "-ac 2", "-movflags +faststart", "-maxrate"):
        assert expected in joined
    assert args[-2:] == ["-f", "mp4"]


def test_audio_only_formats_have_no_video_and_gif_no_audio() -> None:
    assert not encode_settings(RenderOptions(format="mp3")).has_video
    assert not encode_settings(RenderOptions(format="wav")).has_video
    assert not encode_settings(RenderOptions(format="gif")).has_audio


def test_fast_previews_use_the_fastest_encoder_speed() -> None:
    assert encode_settings(RenderOptions(fast=True)).preset == "ultrafast"
    webm = encode_settings(RenderOptions(format="webm", fast=True))
    assert (webm.deadline, webm.cpu_used) == ("realtime", 8)
    assert "-row-mt" in webm.output_args()


def test_x264_rows_pin_the_measured_lookahead_and_fast_previews_and_the_archive_keep_their_presets() -> None:
    args = encode_settings(RenderOptions()).output_args()
    assert args[args.index("-x264-params") + 1] == f"sync-lookahead=0:rc-lookahead={RC_LOOKAHEAD}"
    fast = encode_settings(RenderOptions(fast=True)).output_args()
    assert fast[fast.index("-x264-params") + 1] == "sync-lookahead=0"   # ultrafast looks nowhere ahead
    archive = encode_settings(options_for_preset("archive"))
    assert (archive.preset, archive.rc_lookahead) == ("medium", None)
