"""render_music: length, seamless loops, levels, loudness, determinism, and audible differences."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from reelforge.audio import STYLES, plan_music, render_music
from reelforge.errors import InvalidInput

from .conftest import SAMPLE_RATE, SECONDS, onset_tempo, seam_burst_ratio, spectral_centroid

ALL_STYLES = sorted(STYLES)


def test_there_are_at_least_the_eight_promised_styles() -> None:
    assert {"lofi", "ambient", "upbeat", "cinematic", "piano", "electronic", "acoustic", "chill"} <= set(STYLES)


@pytest.mark.parametrize("name", ALL_STYLES)
def test_every_style_renders_stereo_float32_at_the_exact_length(renders: dict[str, np.ndarray], name: str) -> None:
    samples = renders[name]
    assert samples.dtype == np.float32
    assert samples.shape == (round(SECONDS * SAMPLE_RATE), 2)
    assert np.isfinite(samples).all()


@pytest.mark.parametrize(("seconds", "sample_rate"), [(0.4, 48000), (3.3, 48000), (7.77, 44100), (20.0, 22050)])
def test_odd_lengths_and_rates_give_exactly_the_asked_sample_count(seconds: float, sample_rate: int) -> None:
    samples = render_music("acoustic", seconds, seed=2, sample_rate=sample_rate)
    assert samples.shape == (round(seconds * sample_rate), 2)


@pytest.mark.parametrize("name", ALL_STYLES)
def test_the_loop_point_has_no_jump(renders: dict[str, np.ndarray], name: str) -> None:
    samples = renders[name]
    typical = np.percentile(np.abs(np.diff(samples, axis=0)), 99, axis=0)
    assert (np.abs(samples[-1] - samples[0]) <= typical).all()


@pytest.mark.parametrize("name", ALL_STYLES)
def test_the_loop_point_has_no_broadband_burst(renders: dict[str, np.ndarray], name: str) -> None:
    assert seam_burst_ratio(renders[name]) < 1.5


@pytest.mark.parametrize("name", ["piano", "ambient"])
@pytest.mark.parametrize("fraction", [0.37, 0.61, 0.83])
def test_the_seam_check_catches_a_track_cut_at_an_arbitrary_point(renders: dict[str, np.ndarray], name: str,
                                                                   fraction: float) -> None:
    # The detector must be able to fail: a track cut mid-bar and looped clicks at its seam.
    cut = renders[name][: int(fraction * len(renders[name]))]
    assert seam_burst_ratio(cut) > 1.5


@pytest.mark.parametrize("name", ALL_STYLES)
def test_peaks_stay_under_minus_one_dbfs(renders: dict[str, np.ndarray], name: str) -> None:
    peak_db = 20 * np.log10(np.abs(renders[name]).max())
    assert peak_db <= -1.0


@pytest.mark.parametrize("name", ALL_STYLES)
def test_integrated_loudness_is_minus_sixteen_lufs_by_pyloudnorm(renders: dict[str, np.ndarray], name: str) -> None:
    loudness = pyloudnorm.Meter(SAMPLE_RATE).integrated_loudness(renders[name].astype(np.float64))
    assert abs(loudness - (-16.0)) <= 0.5


def test_same_style_and_seed_give_identical_samples(renders: dict[str, np.ndarray]) -> None:
    assert np.array_equal(render_music("lofi", SECONDS, seed=0), renders["lofi"])


def test_a_different_seed_changes_the_music() -> None:
    first, second = plan_music("upbeat", SECONDS, seed=1), plan_music("upbeat", SECONDS, seed=2)
    assert (first.key, first.progression, first.notes) != (second.key, second.progression, second.notes)
    assert not np.array_equal(render_music("upbeat", 4.0, seed=1), render_music("upbeat", 4.0, seed=2))


# (hip hop's syncopated kick, on 1, the "a" of 2 and the "and" of 3, reads as a dotted pulse to this estimator;
# its backbeat is checked on the beat grid in test_genres.py instead)
@pytest.mark.parametrize("name", ["lofi", "upbeat", "electronic", "acoustic", "chill", "jazz", "rock"])
def test_the_heard_tempo_matches_the_composed_tempo(renders: dict[str, np.ndarray], name: str) -> None:
    composed = plan_music(name, SECONDS, seed=0).tempo_bpm
    heard = onset_tempo(renders[name])
    assert any(abs(heard - composed * factor) / (composed * factor) < 0.04 for factor in (0.5, 1.0, 2.0))


def test_electronic_is_faster_and_brighter_than_lofi(renders: dict[str, np.ndarray]) -> None:
    assert onset_tempo(renders["electronic"]) > 1.2 * onset_tempo(renders["lofi"])
    assert spectral_centroid(renders["electronic"]) > 1.3 * spectral_centroid(renders["lofi"])


def test_without_loop_the_track_fades_to_silence_at_the_end() -> None:
    samples = render_music("piano", 6.0, seed=0, loop=False)
    assert samples.shape == (6 * SAMPLE_RATE, 2)
    assert np.abs(samples[-100:]).max() < 1e-3
    assert np.abs(samples[: SAMPLE_RATE]).max() > 0.05  # the start is not faded


def test_an_unknown_style_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        render_music("polka", 5.0)
    assert caught.value.field == "style" and "polka" in caught.value.message


@pytest.mark.parametrize("seconds", [0.0, -3.0, 601.0])
def test_a_length_out_of_range_is_refused(seconds: float) -> None:
    with pytest.raises(InvalidInput) as caught:
        render_music("lofi", seconds)
    assert caught.value.field == "seconds"
