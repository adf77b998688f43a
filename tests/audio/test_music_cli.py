"""The plain functions behind ``reelforge music list`` / ``render``."""

from __future__ import annotations

from pathlib import Path

import av
import pytest

from reelforge.audio import STYLES, list_sounds, list_styles, render_sound_to_file, render_to_file
from reelforge.errors import InvalidInput


def test_list_styles_describes_every_style_in_both_languages() -> None:
    listed = list_styles()
    assert [entry["name"] for entry in listed] == list(STYLES)
    lofi = next(entry for entry in listed if entry["name"] == "lofi")
    assert lofi["title"] == "Lo-fi" and lofi["names_zh"].startswith("低保真")
    assert "慵懒" in lofi["moods_zh"] and "怀旧" in lofi["moods_zh"]
    low, high = lofi["tempo_bpm"]
    assert 60 <= low < high <= 100
    # The display strings the CLI prints in columns are plain strings.
    assert lofi["tempo"] == f"{low}-{high}" and "慵懒" in lofi["moods"] and "lazy" in lofi["moods"]
    assert all(isinstance(entry[key], str) for entry in listed for key in ("names_zh", "moods", "tempo"))


def test_render_to_file_takes_style_words_in_either_language(tmp_path: Path) -> None:
    out = render_to_file("低保真", 1.0, tmp_path / "lofi.wav")
    assert out.exists()
    with pytest.raises(InvalidInput) as caught:
        render_to_file("polka", 1.0, tmp_path / "polka.wav")
    assert caught.value.field == "style" and not (tmp_path / "polka.wav").exists()


def test_list_sounds_names_every_effect() -> None:
    assert {entry["name"] for entry in list_sounds()} >= {"whoosh", "ding", "rain"}


def test_render_to_file_writes_a_playable_file_of_the_asked_length(tmp_path: Path) -> None:
    out = render_to_file("electronic", 2.5, tmp_path / "electronic.wav", seed=3)
    with av.open(str(out)) as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(stream))
    assert samples == round(2.5 * 48000)


def test_render_sound_to_file_writes_the_effect(tmp_path: Path) -> None:
    out = render_sound_to_file("ding", tmp_path / "ding.wav")
    assert out.stat().st_size > 44 + 2 * 2 * 48000  # header + over a second of stereo 16-bit
