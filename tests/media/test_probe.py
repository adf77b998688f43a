"""probe_media: kinds, sizes and durations read with PyAV; missing and unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

import reelforge.media
from reelforge.errors import MediaMissing, UnsupportedMedia
from reelforge.media import probe_media


def test_video_with_sound_is_probed(media: dict[str, Path]) -> None:
    info = probe_media(media["clip_a"])
    assert (info.kind, info.width, info.height, info.has_video, info.has_audio) == ("video", 320, 180, True, True)
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert info.fps == pytest.approx(30)
    assert info.duration_ms == pytest.approx(3000, abs=40)


def test_silent_video_has_no_audio(media: dict[str, Path]) -> None:
    info = probe_media(media["clip_b"])
    assert (info.kind, info.width, info.height, info.has_audio) == ("video", 640, 480, False)
    assert info.fps == pytest.approx(25)


def test_png_is_a_still_image_without_duration(media: dict[str, Path]) -> None:
    info = probe_media(media["still"])
    assert (info.kind, info.width, info.height, info.duration_ms, info.fps) == ("image", 200, 300, None, None)


def test_wav_is_audio(media: dict[str, Path]) -> None:
    info = probe_media(media["tone"])
    assert (info.kind, info.has_video, info.has_audio, info.audio_codec) == ("audio", False, True, "pcm_s16le")
    assert info.duration_ms == pytest.approx(1000, abs=5)


def test_utf8_text_file_is_a_prompt_file(tmp_path: Path) -> None:
    path = tmp_path / "prompts.txt"
    path.write_text("a city at night\n雨の街\n", encoding="utf-8")
    assert probe_media(path).kind == "text"


def test_media_package_exports_exactly_its_documented_names() -> None:
    assert sorted(reelforge.media.__all__) == ["MediaInfo", "MediaKind", "MediaResolver", "probe_media"]


def test_missing_file_raises_media_missing_naming_it(tmp_path: Path) -> None:
    with pytest.raises(MediaMissing, match="nowhere.mp4"):
        probe_media(tmp_path / "nowhere.mp4")


def test_unreadable_file_raises_unsupported_media(media: dict[str, Path]) -> None:
    with pytest.raises(UnsupportedMedia, match="garbage.mp4"):
        probe_media(media["garbage"])
