"""Loudness: two-pass normalisation lands social exports on -14 LUFS under -1 dBTP; silence stays silent."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reelforge.audio import render_music, write_audio
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.media import probe_media
from reelforge.render import path_resolver, render
from reelforge.render.encode import LoudnessTarget
from reelforge.render.loudness import (
    Loudness,
    measure_file,
    measure_mix,
    normalise_filters,
)
from reelforge.render.presets import options_for_preset
from tests.render.helpers import audio_track, draft, video_track


def _sound(out: Path, source: str) -> Path:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", source, "-ac", "2", str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def sounds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("sounds")
    return {
        # Far too loud (peaks clip) and far too quiet (-40 dB), both with real crest factors.
        "loud": _sound(d / "loud.wav", "anoisesrc=d=3:c=pink:a=0.9:r=48000,volume=8dB"),
        "quiet": _sound(d / "quiet.wav", "sine=f=220:r=48000:d=3,volume=-34dB"),
        # The library's BGM: -16 LUFS with peaks near -1 dBFS, so +2 dB of gain needs the peak limiter.
        "music": write_audio(render_music("lofi", seconds=3, seed=2), d / "music.wav"),
    }


def _music_draft(red: Path, music: Path, duration_ms: int = 2000):  # type: ignore[no-untyped-def]
    return draft(320, 180, [video_track({"id": "s1", "src": str(red), "s": 0, "d": duration_ms}),
                            audio_track({"id": "m1", "src": str(music), "s": 0, "d": duration_ms})])


@pytest.mark.parametrize(("source", "preset"), [("loud", "tiktok"), ("quiet", "reels"), ("music", "shorts"),
                                                      ("loud", "web")])
def test_exports_land_within_1_lu_of_the_target_under_the_peak_ceiling(
        source: str, preset: str, sounds: dict[str, Path], media: dict[str, Path], tmp_path: Path) -> None:
    options = options_for_preset(preset)
    assert options.loudness is not None
    duration_ms = 3000 if preset == "reels" else 2000
    out = tmp_path / f"{source}.mp4"
    before = measure_file(sounds[source])
    render(_music_draft(media["red"], sounds[source], duration_ms), path_resolver(tmp_path), out, options)
    after = measure_file(out)
    assert before is not None and after is not None
    assert abs(before.integrated_lufs - options.loudness.integrated_lufs) > 1.5  # the source really was off
    assert abs(after.integrated_lufs - options.loudness.integrated_lufs) <= 1.0
    assert after.true_peak_db <= options.loudness.true_peak_db
    assert probe_media(out).duration_ms == pytest.approx(duration_ms, abs=50)


def test_measure_mix_reads_the_mix_not_the_source(sounds: dict[str, Path], media: dict[str, Path],
                                                  tmp_path: Path) -> None:
    d = draft(320, 180, [video_track({"id": "s1", "src": str(media["red"]), "s": 0, "d": 2000}),
                         audio_track({"id": "m1", "src": str(sounds["quiet"]), "s": 0, "d": 2000,
                                      "meta": {"volume": 2.0}})])
    infos = {str(p): probe_media(p) for p in (media["red"], sounds["quiet"])}
    source = measure_file(sounds["quiet"])
    mixed = measure_mix(d, infos, tmp_path / "work")
    assert source is not None
    assert mixed.integrated_lufs - source.integrated_lufs == pytest.approx(6.0, abs=0.5)  # volume 2 = +6 dB


def test_a_silent_mix_is_measured_silent_and_never_amplified(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(320, 180, [video_track({"id": "s1", "src": str(media["red"]), "s": 0, "d": 1000})])
    measured = measure_mix(d, {str(media["red"]): probe_media(media["red"])}, tmp_path / "work")
    assert measured.silent
    assert normalise_filters(LoudnessTarget(), measured) == []


def test_normalisation_is_one_static_gain_with_headroom_for_the_encoder() -> None:
    filters = normalise_filters(LoudnessTarget(-14, -1), Loudness(-30.5, -12.0, 4.0, -40.6))
    assert filters[0].startswith("loudnorm=I=-14:TP=-1.5:")
    assert "measured_I=-30.50" in filters[0] and "linear=true" in filters[0]
    assert filters[1] == "aresample=48000"


def test_a_file_without_sound_has_no_loudness(media: dict[str, Path]) -> None:
    assert measure_file(media["red"]) is None
