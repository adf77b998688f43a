"""Clips named as a group or by what their scene brings to mind (``agent/_refs.py``), on a draft of three clips (the
fixtures hold two at most, where "the middle clip" and "the last two clips" say nothing the whole video does not)."""

from __future__ import annotations

import pytest

from reelforge.agent import AgentContext, EditAction, understand
from reelforge.draft import Draft, apply_edit
from reelforge.draft.edits import AddClip

NAMES = ("a futuristic city at night", "a dog on the beach", "a mountain lake at sunrise")  # s1, s2, s3


def _three_clips() -> AgentContext:
    draft = Draft.empty()
    for k, name in enumerate(NAMES, 1):
        draft = apply_edit(draft, AddClip(src=f"media:gen{k}", duration_ms=4000, name=name))
    return AgentContext(draft=draft, media=[], history=[])


@pytest.mark.parametrize(("message", "clips"), [
    ("mute the middle clip", ["s2"]),
    ("中间那段静音", ["s2"]),
    ("mute the last two clips", ["s2", "s3"]),
    ("mute the first 2 shots", ["s1", "s2"]),
    ("最后两段静音", ["s2", "s3"]),
    ("前两段静音", ["s1", "s2"]),
    ("mute every clip but the first", ["s2", "s3"]),
    ("mute all except the dog clip", ["s1", "s3"]),
    ("除了第一段都静音", ["s2", "s3"]),
    ("除了狗那段其他都静音", ["s1", "s3"]),
    ("mute the neon one", ["s1"]),
    ("mute the one with the waves", ["s2"]),
    ("mute the hiking one", ["s3"]),
])
def test_clips_named_as_a_group_or_by_their_scene_are_those_clips(message: str, clips: list[str]) -> None:
    plan = understand(message, _three_clips())
    muted = [a.edit.segment_id for a in plan.actions if isinstance(a, EditAction) and a.edit.op == "set_clip_audio"]
    assert muted == clips, plan.actions
