"""Generation costs credits: it happens only on an explicit request or a message that is plainly a scene.

``never_generate.json`` holds edit phrasings, English and Chinese, many of them ones the rules have no tool for
(filters, colour grading) or word in a way no handler was written for. Whatever the rules make of each, in
every fixture context, it is an edit or a question, never a clip to generate.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelforge.agent import GenerateAction, understand

from ._fixtures import context

PHRASINGS: list[str] = json.loads((Path(__file__).parent / "never_generate.json").read_text(encoding="utf-8"))


def test_the_negative_corpus_is_large_and_in_both_languages() -> None:
    chinese = [p for p in PHRASINGS if any("\u4e00" <= ch <= "\u9fff" for ch in p)]
    assert len(PHRASINGS) >= 80 and len(chinese) >= 30


@pytest.mark.parametrize("ctx", ["empty", "one_clip", "full", "media"])
def test_an_edit_phrasing_never_generates_a_clip(ctx: str) -> None:
    # one test a context, every phrasing in it (800 phrasings as a test each spent more time in pytest than in the rules)
    plans = {message: understand(message, context(ctx)).actions for message in PHRASINGS}
    paid = [f"{message!r} -> {actions}" for message, actions in plans.items()
            if any(isinstance(a, GenerateAction) for a in actions)]
    assert not paid, f"{len(paid)} edit phrasing(s) generate in {ctx}:\n" + "\n".join(paid)


@pytest.mark.parametrize("message", [
    "a sunset over a mountain lake, 10 seconds, vertical",
    "a red fox running through fresh snow",
    "夜晚的东京街头，霓虹灯闪烁",
    "generate a clip of a chef chopping vegetables",
    "add a second clip: a dog on a beach, 4 seconds",
    "再加一个小狗奔跑的视频在最后",
    "sunrise over the ocean, 4k, 10 seconds",  # a quality word in the scene's list, no resolution asked of the clip
    "the sun setting over a lake, make it 10 seconds",  # "it" is the new clip: its length
    "一个女生在窗边看书，暖色调，6秒",
])
def test_a_scene_or_an_explicit_request_still_generates(message: str) -> None:
    plan = understand(message, context("one_clip"))
    assert any(isinstance(a, GenerateAction) for a in plan.actions), plan.actions
