"""Colour names as people say them, read to the value a draft writes (draft/colors.py)."""

from __future__ import annotations

import pytest

from reelforge.draft.colors import PALETTE, color_value, parse_color


@pytest.mark.parametrize(("said", "value"), [
    # the palette and CSS keep their own values
    ("navy", PALETTE["navy"]), ("dark blue", "#00008b"), ("lightblue", "#add8e6"), ("light-blue", "#add8e6"),
    # names from fashion, paint and design
    ("dusty rose", "#dcae96"), ("terracotta", "#e2725b"), ("burnt orange", "#cc5500"), ("seafoam green", "#93e9be"),
    ("taupe", "#483c32"), ("tiffany blue", "#0abab5"), ("gunmetal grey", "#2a3439"),
    # two colours said together: the colour between them; CSS's own pairs stay CSS's
    ("blue-grey", "#6699cc"), ("grey blue", "#6699cc"), ("blue green", "#0d98ba"), ("yellow green", "#9acd32"),
    # -ish is the colour itself, and a tint before another
    ("pinkish", PALETTE["pink"]), ("reddish", PALETTE["red"]), ("greyish", PALETTE["gray"]),
    ("bluish green", "#27b482"), ("muted green", "#4fae67"),
    # deep is dark, pale is light, where CSS has the name; its own names stay ("deep pink", "pale green")
    ("deep red", "#8b0000"), ("deep blue", "#00008b"), ("pale pink", "#ffb6c1"), ("deep pink", "#ff1493"),
    ("pale green", "#98fb98"),
])
def test_a_colour_said_any_way_has_one_value(said: str, value: str) -> None:
    assert color_value(said) == value


@pytest.mark.parametrize("said", ["polka", "reddish transparent", "a car"])
def test_words_that_are_no_colour_have_no_value(said: str) -> None:
    assert color_value(said) is None


def test_a_name_and_its_value_parse_alike() -> None:
    assert parse_color("dusty rose") == parse_color("#dcae96") == (220, 174, 150, 255)
