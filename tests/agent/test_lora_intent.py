"""Named LoRAs in chat: "use the anime LoRA" rides on the generation it belongs to."""

from __future__ import annotations

import pytest

from reelforge.agent import GenerateAction, understand

from ._fixtures import context


@pytest.mark.parametrize(("message", "prompt", "loras"), [
    ("generate a clip of a fox in the snow, use the anime LoRA", "fox in the snow", ("anime",)),
    ("make a 5 second video of a city at night with my noir lora at 0.6", "city at night", ("noir:0.6",)),
    ("generate a cat on a roof using the pixel-art LoRA and the noir lora", "cat on a roof",
     ("pixel-art", "noir")),
    ("generate a cat on a roof. use the pixel-art LoRA", "cat on a roof", ("pixel-art",)),
    ("生成一段城市夜景视频，用 anime LoRA", "城市夜景", ("anime",)),
])
def test_a_named_lora_goes_with_the_generation_and_leaves_the_prompt(
        message: str, prompt: str, loras: tuple[str, ...]) -> None:
    [action] = understand(message, context("empty")).actions
    assert isinstance(action, GenerateAction)
    assert action.loras == loras
    assert action.prompt == prompt


def test_a_generation_without_a_lora_names_none() -> None:
    [action] = understand("generate a clip of waves at sunset", context("empty")).actions
    assert isinstance(action, GenerateAction) and action.loras == ()


def test_a_lora_alone_asks_which_clip_it_is_for() -> None:
    from reelforge.agent import Unknown

    [action] = understand("use the anime LoRA", context("one_clip")).actions
    assert isinstance(action, Unknown) and "anime LoRA" in (action.question or "")
