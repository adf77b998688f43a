"""m.motion: the draft key, its validation, and the SetMotion edit."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from pydantic import TypeAdapter, ValidationError

from reelforge.draft import Draft, Edit, apply_edit, apply_edits, validate
from reelforge.draft.edits import AddClip, AddText, SetMotion, SetMusic
from reelforge.draft.validate import MOTIONS
from reelforge.errors import DraftInvalid, InvalidInput


@pytest.fixture
def three_clips() -> Draft:
    return apply_edits(Draft.empty(), [AddClip(src=f"media:{name}", duration_ms=4000, name=name)
                                       for name in ("sunset", "city", "beach")])


def _motions(draft: Draft) -> list[str | None]:
    return [s.meta.motion for s in draft.tracks[0].segments]


def test_motion_round_trips_under_its_short_key(reference_wire: dict[str, Any]) -> None:
    reference_wire["t"][0]["sg"][0]["m"]["motion"] = "pan_left"
    draft = validate(reference_wire)
    assert draft.tracks[0].segments[0].meta.motion == "pan_left"
    assert draft.to_wire()["t"][0]["sg"][0]["m"]["motion"] == "pan_left"
    assert "motion" not in draft.to_wire()["t"][0]["sg"][1]["m"]   # absent stays absent


def test_an_unknown_motion_is_refused_with_its_path(reference_wire: dict[str, Any]) -> None:
    reference_wire["t"][0]["sg"][1]["m"]["motion"] = "spin"
    with pytest.raises(DraftInvalid) as info:
        validate(reference_wire)
    assert str(info.value).startswith("t[0].sg[1].m.motion: unknown motion 'spin'")


@pytest.mark.parametrize("track", [1, 2])
def test_motion_on_music_or_a_title_is_refused(reference_wire: dict[str, Any], track: int) -> None:
    reference_wire["t"][track]["sg"][0]["m"]["motion"] = "zoom_in"
    with pytest.raises(DraftInvalid) as info:
        validate(reference_wire)
    assert str(info.value).startswith(f"t[{track}].sg[0].m.motion: only video segments move")


def test_set_motion_moves_one_clip_and_none_removes_it(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetMotion(segment_id="s2", motion="zoom_out"))
    assert _motions(d) == [None, "zoom_out", None]
    assert _motions(three_clips) == [None, None, None]           # the edit is pure
    assert _motions(apply_edit(d, SetMotion(segment_id="s2", motion="none"))) == [None, None, None]


def test_set_motion_without_a_clip_moves_every_main_track_clip(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetMotion())
    assert _motions(d) == ["zoom_in"] * 3
    assert _motions(apply_edit(d, SetMotion(motion="none"))) == [None] * 3
    assert [s.duration_ms for s in d.tracks[0].segments] == [4000] * 3  # motion never changes timing


def test_set_motion_refuses_what_is_not_a_video_clip(three_clips: Draft) -> None:
    d = apply_edits(three_clips, [AddText(text="Hi"), SetMusic(src="media:m")])
    for segment_id in ("t1", "b1"):
        with pytest.raises(InvalidInput) as info:
            apply_edit(d, SetMotion(segment_id=segment_id))
        assert segment_id in str(info.value) and info.value.field == "segment_id"
    with pytest.raises(InvalidInput):
        apply_edit(Draft.empty(), SetMotion())


def test_set_motion_parses_from_json_by_op_and_refuses_unknown_moves() -> None:
    edit = TypeAdapter(Edit).validate_python({"op": "set_motion", "segment_id": "s1", "motion": "pan_up"})
    assert edit == SetMotion(segment_id="s1", motion="pan_up")
    with pytest.raises(ValidationError):
        TypeAdapter(Edit).validate_python({"op": "set_motion", "motion": "spin"})


def test_the_op_offers_exactly_the_draft_motions_and_none() -> None:
    assert set(get_args(SetMotion.model_fields["motion"].annotation)) == {*MOTIONS, "none"}
