"""Narration in a real render: the voice over ducked music, and captions burned in by libass inside the
safe area, measured from the decoded output."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
import srt

from reelforge.captions import safe_area, subtitle_text
from reelforge.draft import Draft, apply_edit
from reelforge.draft.edits import AddVoice, SetCaptions
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.fonts import default_font
from reelforge.render import RenderOptions, path_resolver, render
from reelforge.render.check import check_file
from reelforge.render.presets import options_for_preset
from reelforge.settings import Settings
from reelforge.speech import narrate
from tests.speech._energy import loud_regions

from .helpers import audio_samples, frames_at, tone_level


def _hum(path: Path, seconds: float) -> Path:
    """Steady 'music': a 90 Hz tone, below the voice's pitch, so its level can be read under the voice."""
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"sine=f=90:r=48000:d={seconds}", "-af", "volume=0.5", str(path)], check=True)
    return path


def _narrated(tmp_path: Path, text: str, width: int, height: int, start_ms: int = 0, captions: str | None = None,
              music: bool = False) -> Draft:
    n = narrate(text, tmp_path / "voice.wav", Settings())
    d = Draft.empty(width, height)
    base = Draft.from_wire({"v": 1, "m": {"w": width, "h": height, "fps": 30, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "black.mp4", "s": 0, "d": start_ms + n.duration_ms + 500}]},
        *([{"id": "a1", "tt": 1, "sg": [{"id": "b1", "src": "hum.wav", "s": 0, "d": start_ms + n.duration_ms + 500,
                                          "m": {"vol": 0.5}}]}] if music else []),
    ]})
    d = apply_edit(base, AddVoice(src="voice.wav", text=n.text, voice=n.voice, duration_ms=n.duration_ms,
                                  start_ms=start_ms, cues=n.cues))
    if captions:
        d = apply_edit(d, SetCaptions(style=captions))  # type: ignore[arg-type]
    seconds = (start_ms + n.duration_ms + 500) / 1000
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"color=c=black:s={width}x{height}:r=30:d={seconds}", "-c:v", "libx264", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", str(tmp_path / "black.mp4")], check=True)
    if music:
        _hum(tmp_path / "hum.wav", seconds)
    return d


def test_music_under_the_voice_is_ducked_at_least_6_db(tmp_path: Path) -> None:
    d = _narrated(tmp_path, "The harbour wakes up slowly. Boats come home with the morning light.", 64, 64,
                  start_ms=2000, music=True)
    result = render(d, path_resolver(tmp_path), tmp_path / "mix.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(result.path)
    voice = d.voice_segments()[0]
    before = tone_level(samples, rate, 0.5, 1.8, 90)
    under = tone_level(samples, rate, voice.start_ms / 1000 + 0.5, voice.end_ms / 1000 - 0.3, 90)
    assert 20 * np.log10(before / under) >= 6.0
    plain = render(d.model_copy(update={"tracks": [t for t in d.tracks if not t.is_voice]}), path_resolver(tmp_path),
                   tmp_path / "plain.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(plain.path)
    assert before == pytest.approx(tone_level(samples, rate, 0.5, 1.8, 90), rel=0.05)  # untouched before the voice


def test_caption_times_in_the_srt_match_the_rendered_speech_within_100_ms(tmp_path: Path) -> None:
    d = _narrated(tmp_path, "First we climb the hill. Then we watch the valley fill with fog.", 64, 64,
                  start_ms=1000, captions="clean")
    result = render(d, path_resolver(tmp_path), tmp_path / "voice.wav.out.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(result.path)
    regions = loud_regions(samples[0], rate, min_gap_ms=300)
    cues = list(srt.parse(subtitle_text(d, "srt", default_font())))
    assert len(regions) == 2 and len(cues) >= 2
    assert abs(cues[0].start.total_seconds() * 1000 - regions[0][0]) <= 100
    assert abs(cues[-1].end.total_seconds() * 1000 - regions[-1][1]) <= 100


def _text_box(frame: np.ndarray) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of the bright pixels (white caption on black), or None."""
    ys, xs = np.nonzero(frame.max(axis=2) > 128)
    if len(xs) == 0:
        return None
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


@pytest.mark.parametrize("style", ["clean", "highlight"])
def test_long_chinese_captions_wrap_inside_the_vertical_safe_area(tmp_path: Path, style: str) -> None:
    text = "清晨的城市还很安静，街上的面包店一家接一家地开门了，咖啡和面包的香味飘满了整条老街。"
    d = _narrated(tmp_path, text, 360, 640, start_ms=300, captions=style)
    result = render(d, path_resolver(tmp_path), tmp_path / "zh.mp4", RenderOptions(quality="low"))
    voice = d.voice_segments()[0]
    [silent, speaking] = frames_at(result.path, [0.1, (voice.start_ms + 600) / 1000])
    assert _text_box(silent) is None  # no caption before the voice
    box = _text_box(speaking)
    assert box is not None
    area = safe_area(360, 640)
    left, top, right, bottom = box
    assert left >= 360 * area.left - 2 and right <= 360 * (1 - area.right) + 2
    assert bottom <= 640 * (1 - area.bottom) + 2
    assert bottom - top > 2 * 0.03 * 640  # two lines: the sentence wrapped


def test_a_highlighted_word_is_drawn_in_the_highlight_colour(tmp_path: Path) -> None:
    d = _narrated(tmp_path, "Look at this amazing view.", 360, 640, start_ms=300, captions="highlight")
    result = render(d, path_resolver(tmp_path), tmp_path / "hl.mp4", RenderOptions(quality="low"))
    [frame] = frames_at(result.path, [0.45])
    r, g, b = (frame[..., k].astype(int) for k in range(3))
    yellow = (r > 180) & (g > 150) & (b < 90)
    white = (r > 200) & (g > 200) & (b > 200)
    assert yellow.sum() > 30 and white.sum() > 30  # the spoken word yellow, the rest white


def test_a_narrated_mix_meets_the_presets_loudness_target(tmp_path: Path) -> None:
    d = _narrated(tmp_path, "The harbour wakes up slowly. Boats come home with the morning light.", 64, 64,
                  start_ms=500, music=True)
    result = render(d, path_resolver(tmp_path), tmp_path / "social.mp4",
                    options_for_preset("tiktok", RenderOptions(quality="low")))
    assert not [p for p in check_file(result.path, "tiktok") if p.startswith("loudness")]
