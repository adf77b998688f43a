"""The style table is complete and every recipe is playable in every key it may pick."""

from __future__ import annotations

import pytest

from reelforge.audio import STYLES
from reelforge.audio._instruments import DRUMS, GLIDING, INSTRUMENTS
from reelforge.audio._theory import Key, parse_chord


@pytest.mark.parametrize("name", sorted(STYLES))
def test_each_style_is_described_in_english_and_chinese(name: str) -> None:
    style = STYLES[name]
    assert style.title and style.names_zh and style.moods_en and style.moods_zh
    assert style.scenes_en and style.scenes_zh and style.description
    low, high = style.tempo_bpm
    assert 50 <= low < high <= 140


@pytest.mark.parametrize("name", sorted(STYLES))
def test_each_recipe_uses_known_voices_and_chords(name: str) -> None:
    recipe = STYLES[name].recipe
    for part in recipe.parts:
        if part.role == "drums":
            assert all(drum in DRUMS and len(row) == 16 for drum, row in part.hits)
        else:
            assert part.instrument in INSTRUMENTS
            assert all(0 <= step < 16 and length > 0 for step, length in part.rhythm)
    for tonic in recipe.tonics:
        for progression in recipe.progressions:
            for symbol in progression:
                parse_chord(symbol, Key(tonic, recipe.mode))


def test_styles_differ_where_the_brief_says() -> None:
    assert STYLES["lofi"].recipe.swing > 0.55 and STYLES["electronic"].recipe.swing == 0.5
    assert ("ii7", "V7", "Imaj7", "vi7") in STYLES["lofi"].recipe.progressions
    assert ("I", "V", "vi", "IV") in STYLES["upbeat"].recipe.progressions
    assert STYLES["acoustic"].recipe.parts[0].instrument == "pluck"
    assert STYLES["jazz"].recipe.swing >= 0.64 and STYLES["rock"].recipe.swing == 0.5
    assert 100 <= STYLES["jazz"].tempo_bpm[0] and STYLES["jazz"].tempo_bpm[1] <= 140
    assert 110 <= STYLES["rock"].tempo_bpm[0] and STYLES["rock"].tempo_bpm[1] <= 140
    assert 85 <= STYLES["hiphop"].tempo_bpm[0] and STYLES["hiphop"].tempo_bpm[1] <= 100


@pytest.mark.parametrize("name", sorted(STYLES))
def test_bass_degrees_are_known_and_slides_only_on_a_voice_that_glides(name: str) -> None:
    for part in STYLES[name].recipe.parts:
        assert set(part.degrees) <= set("r3578a^/")
        if "^" in part.degrees:
            assert part.instrument in GLIDING
        assert all(set(row) <= set(".xort") for _, row in part.hits)
