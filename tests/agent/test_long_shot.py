"""A multi-prompt long shot is understood as one generation whose prompt keeps one part per segment."""

from __future__ import annotations

import pytest

from reelforge.agent import AgentContext, GenerateAction, understand
from reelforge.agent._intents.long_shot import segments_of
from reelforge.draft import Draft


def _plan(message: str) -> list[object]:
    return list(understand(message, AgentContext(draft=Draft.empty(), media=[])).actions)


@pytest.mark.parametrize(("message", "prompt", "seconds", "aspect"), [
    ("a 20 second shot: a fox wakes up | it runs through the snow | it reaches the river",
     "a fox wakes up | it runs through the snow | it reaches the river", 20.0, None),
    ("Generate a long shot: A Fox wakes up | it runs through the snow",
     "A Fox wakes up | it runs through the snow", 10.0, None),
    ("一个20秒的长镜头：狐狸醒来 | 它跑过雪地 | 它来到河边", "狐狸醒来 | 它跑过雪地 | 它来到河边", 20.0, None),
    ("a city at dawn | the same city at night, vertical, 8 seconds", "a city at dawn | the same city at night", 8.0, "9:16"),
])
def test_each_part_is_a_segment_and_the_header_gives_the_length(
        message: str, prompt: str, seconds: float, aspect: str | None) -> None:
    (action,) = _plan(message)
    assert action == GenerateAction(prompt=prompt, seconds=seconds, aspect=aspect)  # type: ignore[arg-type]


def test_a_single_part_is_not_a_long_shot() -> None:
    assert segments_of("a 10 second shot: | a fox") == ["a fox"]
    assert not any(isinstance(a, GenerateAction) and "|" in a.prompt for a in _plan("a fox | "))
