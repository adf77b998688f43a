"""parse_scene: English and Chinese scene words become the same Scene kinds."""

from __future__ import annotations

import pytest

from reelforge.generate import parse_scene


def _luma(color: tuple[float, float, float]) -> float:
    return 0.3 * color[0] + 0.59 * color[1] + 0.11 * color[2]


def test_sunset_mountain_lake_is_read_in_english() -> None:
    scene = parse_scene("A sunset over a mountain lake with drifting clouds")
    assert scene.time_of_day == "sunset"
    assert scene.elements == ("clouds", "mountain", "water")
    assert scene.water_kind == "lake"


def test_chinese_beach_sunset_matches_the_english_prompt() -> None:
    chinese, english = parse_scene("海边日落"), parse_scene("sunset at the beach")
    assert chinese.time_of_day == english.time_of_day == "sunset"
    assert chinese.elements == english.elements == ("water", "beach")
    assert chinese.water_kind == english.water_kind == "sea"


@pytest.mark.parametrize(("prompt", "time_of_day", "expected"), [
    ("夜晚的未来城市，霓虹闪烁", "night", {"city", "neon"}),
    ("雪中的森林", "day", {"snow", "forest"}),
    ("星空下的篝火", "night", {"stars", "fire"}),
    ("沙漠日出", "sunrise", {"desert"}),
    ("黄昏的河边下着雨", "dusk", {"water", "rain"}),
    ("热闹的集市", "day", {"market"}),
    ("温馨的咖啡馆", "day", {"cafe"}),
    ("极光下的雪山", "night", {"aurora", "snow", "mountain"}),
    ("宇宙中的银河", "night", {"space", "stars"}),
    ("a cozy coffee shop on a rainy evening", "dusk", {"cafe", "rain"}),
    ("futuristic neon city at night", "night", {"city", "neon"}),
    ("a field of wildflowers at golden hour", "golden", {"flowers"}),
    ("campfire in the woods", "day", {"fire", "forest"}),
    ("misty river valley at dawn", "dawn", {"fog", "water", "mountain"}),
])
def test_scene_words_are_found_in_both_languages(prompt: str, time_of_day: str, expected: set[str]) -> None:
    scene = parse_scene(prompt)
    assert scene.time_of_day == time_of_day
    assert set(scene.elements) == expected


def test_fireworks_are_not_a_fire_in_either_language() -> None:
    for prompt in ("fireworks over the harbor", "港口上空的烟火"):
        scene = parse_scene(prompt)
        assert scene.has("fireworks")
        assert not scene.has("fire")


def test_night_things_imply_night_when_no_time_is_given() -> None:
    assert parse_scene("stars over the desert").time_of_day == "night"
    assert parse_scene("a quiet desert").time_of_day == "day"


def test_the_first_time_word_wins() -> None:
    assert parse_scene("sunrise, and by night the city sleeps").time_of_day == "sunrise"


def test_river_and_sea_are_told_apart() -> None:
    assert parse_scene("a river in the forest").water_kind == "river"
    assert parse_scene("waves on the ocean").water_kind == "sea"
    assert parse_scene("山间小溪").water_kind == "river"


def test_moods_are_read_and_change_the_palette() -> None:
    assert parse_scene("a calm, peaceful lake").moods == ("calm",)
    assert parse_scene("宁静而梦幻的湖").moods == ("calm", "dreamy")
    moody, plain = parse_scene("a moody lake"), parse_scene("a lake")
    assert moody.palette.brightness < plain.palette.brightness


def test_night_palette_is_darker_than_day() -> None:
    night, day = parse_scene("a lake at night").palette, parse_scene("a lake at noon").palette
    assert _luma(night.sky_top) < _luma(day.sky_top) / 4
    assert night.brightness < day.brightness


def test_elements_keep_a_canonical_order() -> None:
    assert parse_scene("rain, mountains and a city").elements == parse_scene("a city, mountains and rain").elements
