"""Planning a long shot: segments into model shots, the frames that repeat at a join planned in and
dropped, the kept frames adding up to the asked length."""

from __future__ import annotations

import pytest

from reelforge.errors import InvalidInput
from reelforge.generate._long_shot import plan_long_shot


def _asked(duration_ms: int, fps: int) -> int:
    return round(duration_ms * fps / 1000)


@pytest.mark.parametrize("duration_ms", [500, 1000, 1063, 2500, 5000, 20_000])
@pytest.mark.parametrize(("temporal", "max_frames", "fixed"), [(4, 9, False), (4, 81, False), (8, 257, False),
                                                               (2, 7, False), (4, 49, True)])
def test_continued_shots_are_planned_one_frame_longer_and_keep_the_asked_length(
        duration_ms: int, temporal: int, max_frames: int, fixed: bool) -> None:
    plan = plan_long_shot(("a fox wakes up", "it runs"), duration_ms, 7, fps=16, temporal=temporal,
                          max_frames=max_frames, fixed_frames=fixed, repeats=1)
    assert plan.kept_frames == _asked(duration_ms, 16)
    assert [shot.repeats for shot in plan.shots] == [0] + [1] * (len(plan.shots) - 1)
    for shot in plan.shots:
        assert (shot.frames - 1) % temporal == 0 and shot.frames <= max_frames
        assert 0 < shot.keep <= shot.frames - shot.repeats   # what is kept is made after the repeated frame
    assert [shot.seed for shot in plan.shots] == list(range(7, 7 + len(plan.shots)))


def test_a_continued_shot_makes_the_frame_it_drops() -> None:
    # 2 s at 16 fps in 9-frame shots: 9, then 8 new frames after each repeated one, the last 7 of 9 kept
    plan = plan_long_shot(("a red car",), 2000, 0, fps=16, temporal=4, max_frames=9, fixed_frames=False, repeats=1)
    assert [(shot.frames, shot.repeats, shot.keep) for shot in plan.shots] == [(9, 0, 9), (9, 1, 8), (9, 1, 8),
                                                                               (9, 1, 7)]
    cut = plan_long_shot(("a red car",), 2000, 0, fps=16, temporal=4, max_frames=9, fixed_frames=False)
    assert [(shot.frames, shot.repeats, shot.keep) for shot in cut.shots] == [(9, 0, 9), (9, 0, 9), (9, 0, 9),
                                                                              (5, 0, 5)]


def test_each_segment_starts_on_its_own_frame_and_is_continued_from_the_one_before() -> None:
    plan = plan_long_shot(("a", "b", "c"), 3000, 0, fps=24, temporal=8, max_frames=41, fixed_frames=False,
                          repeats=1)
    per_segment = [sum(shot.keep for shot in plan.shots if shot.segment == index) for index in range(3)]
    assert per_segment == [24, 24, 24]
    opening = [shot for shot in plan.shots if shot.opens_segment]
    assert [shot.prompt for shot in opening] == ["a", "b", "c"]
    assert [shot.repeats for shot in opening] == [0, 1, 1]   # a new prompt starts from the last frame too


def test_a_shot_too_short_to_add_a_frame_after_the_repeat_is_refused_by_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        plan_long_shot(("a",), 2000, 0, fps=16, temporal=4, max_frames=3, fixed_frames=False, repeats=1)
    assert caught.value.field == "max_shot_frames"
    single = plan_long_shot(("a",), 2000, 0, fps=16, temporal=4, max_frames=3, fixed_frames=False)
    assert single.kept_frames == 32   # cuts of one frame each: nothing repeats, nothing refused


def test_a_shot_ending_on_a_given_frame_keeps_its_tail_and_the_shot_before_gives_up_the_spare_frames() -> None:
    # 2 s at 16 fps: the last 9-frame shot would keep 7 of its 8 new frames and trim the end frame away
    plan = plan_long_shot(("a red car",), 2000, 0, fps=16, temporal=4, max_frames=9, fixed_frames=False, repeats=1,
                          keep_last_frame=True)
    assert [(shot.frames, shot.repeats, shot.keep) for shot in plan.shots] == [(9, 0, 9), (9, 1, 8), (9, 1, 7),
                                                                               (9, 1, 8)]
    assert plan.kept_frames == 32
    # a new prompt's shot does not take frames from the segment before it: its head gives them up instead
    split = plan_long_shot(("a", "b"), 1000, 0, fps=16, temporal=4, max_frames=9, fixed_frames=False, repeats=1,
                           keep_last_frame=True)
    assert [(shot.segment, shot.frames, shot.keep) for shot in split.shots] == [(0, 9, 8), (1, 9, 8)]
    ragged = plan_long_shot(("a", "b"), 875, 0, fps=16, temporal=4, max_frames=9, fixed_frames=False, repeats=1,
                            keep_last_frame=True)
    assert [(shot.segment, shot.frames, shot.keep) for shot in ragged.shots] == [(0, 9, 7), (1, 9, 7)]
