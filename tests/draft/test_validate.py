from __future__ import annotations

import copy
from typing import Any

import pytest

from reelforge.draft import validate
from reelforge.errors import DraftInvalid


def _fault(wire: dict[str, Any], **kwargs: Any) -> str:
    with pytest.raises(DraftInvalid) as info:
        validate(wire, **kwargs)
    return str(info.value)


def test_reference_draft_is_valid(reference_wire: dict[str, Any]) -> None:
    assert validate(reference_wire).duration_ms == 29000


@pytest.mark.parametrize(("path", "value", "expected"), [
    (("t", 1, "sg", 0, "d"), -5, "t[1].sg[0].d: must be > 0 (got -5)"),
    (("t", 1, "sg", 0, "d"), 0, "t[1].sg[0].d: must be > 0 (got 0)"),
    (("t", 0, "sg", 0, "s"), -1, "t[0].sg[0].s: must be >= 0 (got -1)"),
    (("t", 0, "sg", 0, "in"), -100, "t[0].sg[0].in: must be >= 0 (got -100)"),
    (("m", "w"), 3840, "m.w: must be between 16 and 1920 (got 3840)"),
    (("m", "h"), 2160, "m.h: must be between 16 and 1920 (got 2160)"),
    (("m", "w"), 1081, "m.w: must be even"),
    (("m", "fps"), 240, "m.fps: must be between 1 and 60"),
    (("m", "bg"), "cloudy", "m.bg: not a colour"),  # "sky" is a colour since the ninth session (sky blue)
    (("t", 0, "sg", 0, "m", "speed"), 10, "t[0].sg[0].m.speed: must be between 0.25 and 4"),
    (("t", 1, "sg", 0, "m", "vol"), 3, "t[1].sg[0].m.vol: must be between 0 and 2"),
    (("t", 2, "sg", 0, "m", "size"), 0.9, "t[2].sg[0].m.size"),
    (("t", 2, "sg", 0, "m", "color"), "#12345", "t[2].sg[0].m.color: not a colour"),
    (("t", 2, "sg", 0, "m", "text"), "   ", "t[2].sg[0].m.text: a text segment needs non-empty text"),
    (("t", 0, "sg", 1, "m", "tr", "type"), "spin", "t[0].sg[1].m.tr.type: unknown transition 'spin'"),
    (("t", 1, "sg", 0, "m", "fo"), 40000, "t[1].sg[0].m.fo"),
    (("t", 0, "sg", 1, "m", "fo"), -1, "t[0].sg[1].m.fo: must be between 0 and the segment's d 10000 (got -1)"),
    (("t", 0, "sg", 0, "m", "fi"), 10001, "t[0].sg[0].m.fi: must be between 0 and the segment's d 10000 (got 10001)"),
])
def test_faults_are_reported_with_their_json_path(reference_wire: dict[str, Any], path: tuple[Any, ...],
                                                  value: Any, expected: str) -> None:
    wire = copy.deepcopy(reference_wire)
    node = wire
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert _fault(wire).startswith(expected)


def test_a_clips_fades_together_may_fill_it_but_not_exceed_it(reference_wire: dict[str, Any]) -> None:
    clip = reference_wire["t"][0]["sg"][1]
    clip["m"].update(fi=5000, fo=5000)
    assert validate(reference_wire).tracks[0].segments[1].meta.fade_out_ms == 5000
    clip["m"]["fo"] = 5001
    assert _fault(reference_wire) == ("t[0].sg[1].m.fo: fade in and fade out together are longer than the "
                                      "segment's d 10000 (got 5000 + 5001)")


def test_unknown_track_type_is_refused(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][1]["tt"] = 3
    assert _fault(wire).startswith("t[1].tt:")


def test_wrong_types_are_refused_with_the_path(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][0]["sg"][0]["d"] = "ten"
    assert _fault(wire).startswith("t[0].sg[0].d:")
    wire = copy.deepcopy(reference_wire)
    del wire["t"][0]["sg"][0]["d"]
    assert _fault(wire) == "t[0].sg[0].d: is required"


def test_overlap_without_transition_is_refused(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    del wire["t"][0]["sg"][1]["m"]["tr"]
    assert _fault(wire) == "t[0].sg[1].s: overlaps t[0].sg[0] by 500 ms without a transition (m.tr)"


def test_transition_must_match_the_overlap(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][0]["sg"][1]["m"]["tr"]["d"] = 800
    assert _fault(wire).startswith("t[0].sg[1].m.tr.d: must equal the overlap")


def test_overlapping_sounds_on_one_audio_track_are_refused(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][1]["sg"].append({"id": "b2", "src": "media:m", "s": 1000, "d": 2000})
    assert _fault(wire).startswith("t[1].sg[1].s: overlaps t[1].sg[0]")


def test_stacked_texts_are_allowed(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][2]["sg"].append({"id": "t2", "s": 1000, "d": 2000, "m": {"text": "subtitle"}})
    validate(wire)


def test_segments_out_of_order_are_refused(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][2]["sg"].insert(0, {"id": "t0", "s": 5000, "d": 1000, "m": {"text": "later"}})
    assert _fault(wire).startswith("t[2].sg[1].s: segments must be in time order")


def test_duplicate_ids_are_refused(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["t"][2]["sg"][0]["id"] = "s1"
    assert _fault(wire) == "t[2].sg[0].id: duplicate id 's1' (also at t[0].sg[0].id)"


def test_missing_src_and_unknown_media_are_refused(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    del wire["t"][1]["sg"][0]["src"]
    assert _fault(wire) == "t[1].sg[0].src: is required for video and audio segments"
    known = {"media:a", "media:m"}
    assert _fault(reference_wire, known_media=known.__contains__) == "t[0].sg[1].src: unknown media 'media:b'"


def test_bad_json_text_is_refused() -> None:
    with pytest.raises(DraftInvalid) as info:
        validate("{not json")
    assert "not valid JSON" in str(info.value)
