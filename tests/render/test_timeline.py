"""plan_track: the base video track as slices, gaps and xfade windows, counted in frames."""

from __future__ import annotations

from reelforge.render._timeline import Blend, Gap, Placed, Slice, part_frames, plan_track


def test_back_to_back_clips_are_two_whole_slices() -> None:
    assert plan_track([Placed(0, 30), Placed(30, 30)], 60) == [Slice(0, 0, 30), Slice(1, 0, 30)]


def test_transition_blends_only_the_overlap_frames() -> None:
    parts = plan_track([Placed(0, 60), Placed(45, 60, "fade", 15)], 105)
    assert parts == [Slice(0, 0, 45), Blend("fade", Slice(0, 45, 60), Slice(1, 0, 15)), Slice(1, 15, 60)]
    assert sum(part_frames(p) for p in parts) == 105


def test_transition_longer_than_the_overlap_is_clipped_to_it() -> None:
    parts = plan_track([Placed(0, 60), Placed(50, 60, "wipeleft", 30)], 110)
    assert parts[1] == Blend("wipeleft", Slice(0, 50, 60), Slice(1, 0, 10))


def test_overlap_without_transition_cuts_the_previous_clip() -> None:
    assert plan_track([Placed(0, 60), Placed(40, 20)], 60) == [Slice(0, 0, 40), Slice(1, 0, 20)]


def test_gaps_before_between_and_after_clips_are_background() -> None:
    parts = plan_track([Placed(10, 20), Placed(40, 20)], 90)
    assert parts == [Gap(10), Slice(0, 0, 20), Gap(10), Slice(1, 0, 20), Gap(30)]


def test_empty_track_is_all_background() -> None:
    assert plan_track([], 45) == [Gap(45)]


def test_chain_of_transitions_keeps_the_timeline_length() -> None:
    segments = [Placed(0, 30), Placed(20, 30, "fade", 10), Placed(40, 30, "dissolve", 10)]
    parts = plan_track(segments, 70)
    assert sum(part_frames(p) for p in parts) == 70
    assert [type(p).__name__ for p in parts] == ["Slice", "Blend", "Slice", "Blend", "Slice"]
