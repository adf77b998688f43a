from __future__ import annotations

import copy
from typing import Any

from reelforge.draft import AUDIO, TEXT, VIDEO, Draft


def test_reference_draft_reads_with_readable_names(reference: Draft) -> None:
    assert reference.canvas.width == 1080 and reference.canvas.height == 1920
    video, audio, text = reference.tracks
    assert (video.type, audio.type, text.type) == (VIDEO, AUDIO, TEXT)
    assert video.segments[1].start_ms == 9500
    assert video.segments[1].meta.transition is not None
    assert video.segments[1].meta.transition.duration_ms == 500
    assert audio.segments[0].meta.volume == 0.35
    assert text.segments[0].meta.text == "Urban Dreams"


def test_round_trip_keeps_every_key_but_derives_d(reference_wire: dict[str, Any]) -> None:
    wire = reference_wire
    out = Draft.from_wire(wire).to_wire()
    expected = copy.deepcopy(wire)
    expected["d"] = 29000  # the end of the last segment: the BGM
    assert out == expected


def test_unknown_keys_survive_a_round_trip(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["x_client"] = {"keep": True}
    wire["t"][0]["locked"] = True
    wire["t"][0]["sg"][0]["m"]["lut"] = "teal-orange"
    wire["t"][0]["sg"][1]["m"]["tr"]["easing"] = "ease-in"
    wire["m"]["color_space"] = "bt709"
    out = Draft.from_wire(wire).to_wire()
    assert out["x_client"] == {"keep": True}
    assert out["t"][0]["locked"] is True
    assert out["t"][0]["sg"][0]["m"]["lut"] == "teal-orange"
    assert out["t"][0]["sg"][1]["m"]["tr"]["easing"] == "ease-in"
    assert out["m"]["color_space"] == "bt709"


def test_d_is_derived_from_the_last_segment_not_trusted(reference_wire: dict[str, Any]) -> None:
    wire = copy.deepcopy(reference_wire)
    wire["d"] = 5
    assert Draft.from_wire(wire).to_wire()["d"] == 29000


def test_json_text_round_trip_keeps_chinese(reference: Draft) -> None:
    reference.tracks[2].segments[0].meta.text = "城市之梦"
    text = reference.to_json()
    assert "城市之梦" in text
    assert Draft.from_wire(text).tracks[2].segments[0].meta.text == "城市之梦"


def test_find_segment_by_src_finds_the_last_clip_of_a_source(reference: Draft) -> None:
    found = reference.find_segment_by_src("media:b")
    assert found is not None and found.id == "s2"
    assert reference.find_segment_by_src("media:zz") is None
