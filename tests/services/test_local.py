"""The command line's use cases without a server: what ``reelforge generate`` makes of a prompt and its options.

The one end-to-end generation (a real 1080p encode) is tests/test_cli.py's; these check the mapping only."""

from __future__ import annotations

import pytest

from reelforge.draft import canvas_for_aspect
from reelforge.errors import InvalidInput
from reelforge.services.local import generate_options


def test_without_options_or_words_it_is_five_seconds_of_16_9() -> None:
    options = generate_options("a sunset over a mountain lake")
    assert (options.prompt, options.seconds, options.aspect, options.others) == (
        "a sunset over a mountain lake", 5.0, "16:9", [])
    assert canvas_for_aspect(options.aspect) == (1920, 1080)


def test_options_set_the_length_and_shape() -> None:
    options = generate_options("海边日落", 1.0, "9:16")
    assert (options.prompt, options.seconds, options.aspect) == ("海边日落", 1.0, "9:16")
    assert canvas_for_aspect(options.aspect) == (1080, 1920)


def test_the_prompt_says_the_length_and_shape_and_those_words_leave_the_scene() -> None:
    options = generate_options("a red fox running through snow, 2 seconds, vertical, title 'Fox'")
    assert (options.seconds, options.aspect) == (2.0, "9:16")
    assert "2 seconds" not in options.prompt and "vertical" not in options.prompt and "fox" in options.prompt
    assert options.others  # the title is an edit, left to `reelforge chat`


def test_an_option_wins_over_what_the_prompt_says() -> None:
    options = generate_options("a red fox running through snow, 2 seconds, vertical", 1.0, "1:1")
    assert (options.seconds, options.aspect) == (1.0, "1:1")
    assert canvas_for_aspect(options.aspect) == (1080, 1080)


def test_an_unknown_aspect_is_refused_naming_it() -> None:
    with pytest.raises(InvalidInput, match="3:1"):
        canvas_for_aspect(generate_options("a lake", None, "3:1").aspect)


def test_a_multi_prompt_long_shot_keeps_one_part_per_segment_and_its_length() -> None:
    options = generate_options("a 20 second shot: a fox wakes up | it runs through the snow | it reaches the river")
    assert (options.prompt, options.seconds) == ("a fox wakes up | it runs through the snow | it reaches the river",
                                                 20.0)
