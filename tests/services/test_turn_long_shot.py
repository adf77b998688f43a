"""A multi-prompt long shot by chat, through the turn runner, the job and the preview generator."""

from __future__ import annotations

from pathlib import Path

from reelforge.draft import VIDEO
from tests._server import TINY
from tests.generate.test_color_match import BOUND
from tests.services._turn_harness import open_chat


def test_a_long_shot_by_chat_is_one_clip_with_one_segment_per_prompt(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", canvas=TINY, two_stage_chat=False):  # no assertion reads the size
        turn = chat.say("a 3 second shot: a fox wakes up in a forest at dawn | it runs through the snow at night "
                        "| it reaches the river at sunset")
        (clip,) = chat.draft().tracks_of(VIDEO)[0].segments
        assert clip.duration_ms == 3000
        provenance = chat.media(clip.src).provenance
        assert provenance["segments"] == ["a fox wakes up in a forest at dawn", "it runs through the snow at night",
                                          "it reaches the river at sunset"]
        joins = provenance["color_match"]["joins"]
        assert len(joins) == 2 and all(j["after"] < BOUND < j["before"] for j in joins)
        assert [c["name"] for c in turn.parts("functionCall")] == ["generate_video"]
