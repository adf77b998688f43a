from __future__ import annotations

from reelforge.draft import Draft, summary
from reelforge.draft.summary import format_seconds


def test_summary_matches_the_reference_line() -> None:
    draft = Draft.from_wire({"t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "media:a", "d": 10000, "m": {"name": "city timelapse"}}]},
        {"id": "a1", "tt": 1, "sg": [{"id": "b1", "src": "media:b", "d": 10000, "m": {"vol": 0.35, "name": "Lo-fi"}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "d": 3000, "m": {"text": "Urban Dreams"}}]}]})
    assert summary(draft) == ('Timeline (3 tracks): 1. Video: city timelapse (0-10s) '
                              '2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)')


def test_summary_names_media_through_the_given_names() -> None:
    draft = Draft.from_wire({"t": [{"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "media:abc", "d": 2500}]}]})
    assert summary(draft, {"media:abc": "beach.mp4"}) == "Timeline (1 track): 1. Video: beach.mp4 (0-2.5s)"
    assert summary(draft) == "Timeline (1 track): 1. Video: abc (0-2.5s)"


def test_empty_timeline() -> None:
    assert summary(Draft.empty()) == "Timeline (0 tracks): empty"


def test_seconds_format_drops_trailing_zeros() -> None:
    assert [format_seconds(ms) for ms in (0, 10000, 2500, 1250)] == ["0", "10", "2.5", "1.2"]
