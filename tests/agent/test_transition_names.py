"""What people call transitions, read to the draft's kind (agent/_intents/_transitions.py)."""

from __future__ import annotations

import pytest

from reelforge.agent._intents._transitions import kind_named


@pytest.mark.parametrize(("words", "kind"), [
    ("a cross fade", "fade"), ("crossfade", "fade"), ("叠化", "fade"), ("淡出淡入", "fade"), ("渐隐", "fade"),
    ("叠加", "fade"), ("叠影", "fade"),
    ("a swipe", "slideleft"), ("swipe right", "slideright"), ("推拉", "slideleft"), ("左滑", "slideleft"),
    ("右滑", "slideright"), ("向上滑", "slideup"), ("滑动", "slideleft"),
    ("推镜转场", "zoomin"), ("a cross dissolve", "dissolve"), ("溶解", "dissolve"), ("闪白", "fadewhite"),
])
def test_a_transition_said_any_way_is_one_kind(words: str, kind: str) -> None:
    assert kind_named(words) == kind
