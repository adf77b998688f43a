"""Cutting inside a clip (``cut_segment``), splitting one (``split_clip``) and where the music stops
(``update_music``'s ``end_ms``)."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from reelforge.draft import Draft, Edit, Transition, apply_edit, apply_edits
from reelforge.draft.edits import (
    AddClip,
    AddText,
    CutSegment,
    DeleteSegment,
    SetFade,
    SetMusic,
    SetSpeed,
    SplitClip,
    UpdateMusic,
)
from reelforge.errors import InvalidInput


@pytest.fixture
def faded() -> Draft:
    """city 10 s (fading in) then dog 5 s (crossfading in, fading out), looping music, a title."""
    return apply_edits(Draft.empty(), [
        AddClip(src="media:city", duration_ms=10000, in_ms=1000),
        AddClip(src="media:dog", duration_ms=5000, transition=Transition(duration_ms=500)),
        SetFade(fade_in_ms=1000, fade_out_ms=1000, fade_music=False),
        SetMusic(src="media:song"),
        AddText(text="Hi", duration_ms=2000),
    ])


def _clips(draft: Draft) -> list[tuple[str, str | None, int, int, int | None]]:
    return [(s.id, s.src, s.start_ms, s.duration_ms, s.in_ms) for s in draft.tracks[0].segments]


def test_a_cut_leaves_two_parts_of_the_source_and_closes_the_gap(faded: Draft) -> None:
    d = apply_edit(faded, CutSegment(segment_id="s1", start_ms=2000, end_ms=4000))
    assert _clips(d) == [("s1", "media:city", 0, 2000, 1000), ("s3", "media:city", 2000, 6000, 5000),
                         ("s2", "media:dog", 7500, 5000, 0)]
    head, tail, dog = d.tracks[0].segments
    assert head.meta.fade_in_ms == 1000 and not head.meta.fade_out_ms
    assert not tail.meta.fade_in_ms and tail.meta.transition is None  # a hard cut: nothing made there
    assert dog.meta.transition is not None and dog.meta.fade_out_ms == 1000
    music = d.tracks[1].segments[0]
    assert music.end_ms == d.video_end_ms == 12500  # looping music follows the shorter video


def test_a_cut_follows_the_clips_speed(faded: Draft) -> None:
    d = apply_edits(faded, [SetSpeed(segment_id="s1", speed=2), CutSegment(segment_id="s1", start_ms=1000,
                                                                             end_ms=2000)])
    head, tail = d.tracks[0].segments[:2]
    assert (head.duration_ms, tail.duration_ms, tail.in_ms) == (1000, 3000, 1000 + 4000)


def test_a_cut_at_an_end_is_one_clip_that_keeps_its_way_in_and_out(faded: Draft) -> None:
    d = apply_edit(faded, CutSegment(segment_id="s2", start_ms=0, end_ms=2000))
    dog = d.tracks[0].segments[1]
    assert (dog.id, dog.duration_ms, dog.in_ms) == ("s2", 3000, 2000)
    assert dog.meta.transition is not None and dog.meta.fade_out_ms == 1000
    d = apply_edit(faded, CutSegment(segment_id="s2", start_ms=3000, end_ms=5000))
    assert [s.id for s in d.tracks[0].segments] == ["s1", "s2"] and d.tracks[0].segments[1].meta.fade_out_ms == 1000


@pytest.mark.parametrize(("edit", "field", "words"), [
    (CutSegment(segment_id="s1", start_ms=0, end_ms=10000), "end_ms", "the whole clip"),
    (CutSegment(segment_id="s1", start_ms=8000, end_ms=12000), "end_ms", "only 10000 ms"),
    (CutSegment(segment_id="t1", start_ms=0, end_ms=1000), "segment_id", "not a video clip"),
    (CutSegment(segment_id="zz", start_ms=0, end_ms=1000), "segment_id", "no segment 'zz'"),
    (SplitClip(segment_id="s1", at_ms=10000), "at_ms", "splits inside 1-9999 ms"),
    (SplitClip(segment_id="b1", at_ms=1000), "segment_id", "not a video clip"),
    (UpdateMusic(end_ms=20000), "end_ms", "the video ends at 14500 ms"),
])
def test_cuts_and_splits_refuse_what_is_not_inside_a_clip(faded: Draft, edit: Edit, field: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as caught:
        apply_edit(faded, edit)
    assert caught.value.field == field


def test_a_stretch_must_end_after_it_starts() -> None:
    adapter: TypeAdapter[Edit] = TypeAdapter(Edit)
    with pytest.raises(ValidationError, match="end_ms must be after start_ms"):
        adapter.validate_python({"op": "cut_segment", "segment_id": "s1", "start_ms": 3000, "end_ms": 2000})
    assert isinstance(adapter.validate_python({"op": "split_clip", "segment_id": "s1", "at_ms": 3000}), SplitClip)


def test_split_then_delete_the_second_part(faded: Draft) -> None:
    d = apply_edit(faded, SplitClip(segment_id="s1", at_ms=3000))
    assert _clips(d)[:2] == [("s1", "media:city", 0, 3000, 1000), ("s3", "media:city", 3000, 7000, 4000)]
    assert d.video_end_ms == faded.video_end_ms  # nothing moves
    d = apply_edit(d, DeleteSegment(segment_id="s3"))
    assert _clips(d) == [("s1", "media:city", 0, 3000, 1000), ("s2", "media:dog", 2500, 5000, 0)]
    assert d.tracks[0].segments[0].meta.fade_in_ms == 1000


def test_the_music_stops_where_it_is_told_and_stays_there(faded: Draft) -> None:
    d = apply_edit(faded, UpdateMusic(end_ms=8000, fade_out_ms=2000))
    music = d.tracks[1].segments[0]
    assert (music.start_ms, music.end_ms, music.meta.fade_out_ms) == (0, 8000, 2000)  # the fade ends at 8 s
    longer = apply_edit(d, AddClip(src="media:sea", duration_ms=3000))
    assert longer.tracks[1].segments[0].end_ms == 8000  # a music stopped early does not follow the video
    back = apply_edit(d, UpdateMusic(end_ms=0))
    assert back.tracks[1].segments[0].end_ms == back.video_end_ms == 14500
    late = apply_edit(faded, UpdateMusic(start_ms=4000))
    with pytest.raises(InvalidInput, match="comes in at 4000 ms") as caught:
        apply_edit(late, UpdateMusic(end_ms=3000))
    assert caught.value.field == "end_ms"
