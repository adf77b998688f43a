"""Sound effects: every one renders, is audible and bounded; ambiences loop."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.audio import SOUND_EFFECTS, render_sound
from reelforge.errors import InvalidInput

from .conftest import seam_burst_ratio

RATE = 48000


def test_the_promised_effects_exist_with_chinese_names() -> None:
    promised = {"whoosh": "嗖", "rise": "上升", "impact": "撞击", "pop": "啵", "click": "咔哒", "shutter": "快门",
                "rain": "雨声", "wind": "风声", "applause": "掌声", "ding": "叮"}
    for name, chinese in promised.items():
        assert chinese in SOUND_EFFECTS[name].names_zh


@pytest.mark.parametrize("name", sorted(SOUND_EFFECTS))
def test_every_effect_renders_audible_bounded_and_at_its_length(name: str) -> None:
    samples = render_sound(name)
    assert samples.dtype == np.float32
    assert samples.shape == (round(SOUND_EFFECTS[name].seconds * RATE), 2)
    peak = np.abs(samples).max()
    assert 10 ** (-24 / 20) < peak <= 10 ** (-1 / 20)
    assert np.sqrt(np.mean(samples ** 2)) > 10 ** (-45 / 20)


@pytest.mark.parametrize("name", [name for name, effect in SOUND_EFFECTS.items() if not effect.loopable])
def test_one_shots_start_and_end_in_silence(name: str) -> None:
    samples = render_sound(name)
    assert np.abs(samples[0]).max() < 1e-3 and np.abs(samples[-1]).max() < 1e-3


@pytest.mark.parametrize("name", [name for name, effect in SOUND_EFFECTS.items() if effect.loopable])
def test_ambiences_take_any_length_and_loop_without_a_seam(name: str) -> None:
    samples = render_sound(name, seconds=3.5)
    assert samples.shape == (round(3.5 * RATE), 2)
    typical = np.percentile(np.abs(np.diff(samples, axis=0)), 99, axis=0)
    assert (np.abs(samples[-1] - samples[0]) <= typical).all()
    assert seam_burst_ratio(samples) < 1.5


def test_effects_sound_like_their_kind() -> None:
    def centroid(samples: np.ndarray) -> float:
        power = np.abs(np.fft.rfft(samples.mean(axis=1))) ** 2
        return float((np.fft.rfftfreq(len(samples), 1 / RATE) * power).sum() / power.sum())

    assert centroid(render_sound("impact")) < 600 < 2000 < centroid(render_sound("click"))
    rise = render_sound("rise").mean(axis=1)
    quarter = len(rise) // 4
    assert np.abs(rise[-quarter:]).mean() > 4 * np.abs(rise[:quarter]).mean()  # it builds


def test_same_seed_same_sound_and_another_seed_another() -> None:
    assert np.array_equal(render_sound("rain", seed=1, seconds=1.0), render_sound("rain", seed=1, seconds=1.0))
    assert not np.array_equal(render_sound("rain", seed=1, seconds=1.0), render_sound("rain", seed=2, seconds=1.0))


def test_an_unknown_effect_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        render_sound("kazoo")
    assert caught.value.field == "sound"
