"""Export presets: every preset's export passes the spec checker; wrong files fail it for the right reasons."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from reelforge.errors import InvalidInput, MediaMissing
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.render import RenderOptions, path_resolver, render
from reelforge.render.check import check_file, probe_spec, top_level_boxes
from reelforge.render.presets import PRESETS, options_for_preset
from tests.render.helpers import draft, video_track


def _export(media: dict[str, Path], tmp_path: Path, preset: str, *, duration_ms: int = 1000,
            clip: str = "clip_a", canvas: tuple[int, int] = (1280, 720)) -> Path:
    d = draft(*canvas, [video_track({"id": "s1", "src": str(media[clip]), "s": 0, "d": duration_ms})])
    out = tmp_path / f"{preset}.{PRESETS[preset].format}"
    render(d, path_resolver(tmp_path), out, options_for_preset(preset))
    return out


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_export_meets_its_own_spec(name: str, media: dict[str, Path], tmp_path: Path) -> None:
    # Reels refuses anything under 3 s; the others take 1 s drafts (their size is fixed, so keep them short).
    out = _export(media, tmp_path, name, duration_ms=3000 if name == "reels" else 1000)
    assert check_file(out, name) == []


def test_a_preset_canvas_replaces_the_drafts_and_keeps_the_draft_fps(media: dict[str, Path],
                                                                     tmp_path: Path) -> None:
    out = _export(media, tmp_path, "tiktok", canvas=(1920, 1080))
    spec = probe_spec(out)
    assert (spec.width, spec.height, spec.fps) == (1080, 1920, 30.0)
    assert spec.max_keyframe_interval == 15  # a closed GOP of half the frame rate
    assert top_level_boxes(out).index("moov") < top_level_boxes(out).index("mdat")


def test_web_keeps_the_drafts_aspect_with_720_on_the_short_side(media: dict[str, Path], tmp_path: Path) -> None:
    out = _export(media, tmp_path, "web", canvas=(1080, 1920))
    assert (probe_spec(out).width, probe_spec(out).height) == (720, 1280)


def test_a_silent_draft_gets_a_silent_track_and_still_passes(media: dict[str, Path], tmp_path: Path) -> None:
    out = _export(media, tmp_path, "square", clip="red")  # red.mp4 has no sound
    spec = probe_spec(out)
    assert spec.audio_codec == "aac" and spec.loudness is not None and spec.loudness.silent
    assert check_file(out, "square") == []


def _ffmpeg(out: Path, *args: str) -> Path:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", *args, str(out)], check=True)
    return out


def test_a_wrong_file_fails_with_every_reason_named(tmp_path: Path) -> None:
    wrong = _ffmpeg(tmp_path / "wrong.mp4", "-f", "lavfi", "-i", "testsrc2=s=1280x720:r=30:d=1",
                    "-f", "lavfi", "-i", "sine=f=440:r=44100:d=1", "-c:v", "libx264", "-preset", "ultrafast",
                    "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-g", "250", "-c:a", "aac", "-ac", "1",
                    "-shortest")
    problems = check_file(wrong, "tiktok")
    text = "\n".join(problems)
    assert "video is 1280x720, tiktok needs 1080x1920" in text
    assert "H.264 profile is Constrained Baseline, tiktok needs High" in text
    assert "no faststart" in text
    assert "audio is 44.1 kHz, tiktok needs 48 kHz" in text
    assert "audio has 1 channel(s), tiktok needs stereo" in text
    assert "keyframes are up to 30 frames apart, tiktok needs one every 15" in text
    assert any(p.startswith("loudness is -2") for p in problems)  # ffmpeg's sine: 1/8 full scale, ~ -21 LUFS
    assert len(problems) == 7  # and nothing else: codec, fps, pixel format and B-frames are fine


def test_a_file_without_sound_or_too_loud_fails(tmp_path: Path) -> None:
    mute = _ffmpeg(tmp_path / "mute.mp4", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=1", "-c:v", "libx264",
                   "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart")
    assert any("no audio track" in p for p in check_file(mute, "youtube"))
    loud = _ffmpeg(tmp_path / "loud.m4a", "-f", "lavfi", "-i", "anoisesrc=d=2:c=pink:a=0.9:r=48000,volume=8dB",
                   "-ac", "2", "-c:a", "aac")
    problems = check_file(loud, "youtube")
    assert any(p.startswith("loudness is") and "youtube needs -14 ± 1 LUFS" in p for p in problems)
    assert any(p.startswith("true peak is") for p in problems)


def test_unknown_preset_and_missing_file_are_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as info:
        options_for_preset("myspace")
    assert info.value.field == "preset" and "tiktok" in info.value.message
    with pytest.raises(MediaMissing):
        check_file(tmp_path / "nope.mp4", "tiktok")


def test_quality_mode_picks_the_crf_inside_the_presets_ceiling() -> None:
    high = options_for_preset("youtube", RenderOptions(quality="high")).settings
    low = options_for_preset("youtube", RenderOptions(quality="low")).settings
    archive = options_for_preset("archive").settings
    assert high is not None and low is not None and archive is not None
    assert high.crf is not None and low.crf is not None and archive.crf is not None
    assert archive.crf < high.crf < low.crf
    assert high.maxrate_kbps == low.maxrate_kbps == 12_000
    args = high.output_args(fps=60)
    assert args[args.index("-g") + 1] == "30" and args[args.index("-bf") + 1] == "2"
    assert args[args.index("-level:v") + 1] == "4.2" and "+faststart" in args


def test_the_draft_frame_rate_is_capped_at_the_presets() -> None:
    from reelforge.render.graph import output_canvas

    fast = draft(1920, 1080, [], fps=120)
    assert output_canvas(fast, options_for_preset("youtube")).fps == 60
    assert output_canvas(fast, options_for_preset("gif")).fps == 15
    assert output_canvas(draft(1920, 1080, [], fps=25), options_for_preset("reels")).fps == 25
    assert replace(options_for_preset("tiktok"), size=None).format == "mp4"
