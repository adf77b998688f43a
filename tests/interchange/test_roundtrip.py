"""Round trips of a draft through each timeline format, each file read back by its adapter's own reader."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

import opentimelineio as otio
import pytest

from reelforge.draft import AUDIO, TEXT, VIDEO, Draft, apply_edits
from reelforge.draft.edits import CutSegment, SplitClip, UpdateMusic
from reelforge.errors import InvalidInput
from reelforge.interchange import (
    TIMELINE_FORMATS,
    MediaLink,
    TimelineFormat,
    export_timeline,
    import_timeline,
    timeline_format,
)

FRAME_MS = 1000 / 30
ROOT = "file:///data/media/"


def _wire() -> dict[str, Any]:
    """Two clips with a cross dissolve after a gap, music at 35 %, a title with awkward characters."""
    return {"v": 1, "m": {"w": 1280, "h": 720, "fps": 30, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [
            {"id": "s1", "src": "a.mp4", "s": 1000, "d": 4010, "in": 520, "m": {"fit": "cover"}},
            {"id": "s2", "src": "b.mp4", "s": 4510, "d": 3000, "in": 1000, "m": {"tr": {"type": "fade", "d": 500}}}]},
        {"id": "a1", "tt": 1, "sg": [{"id": "b1", "src": "m.wav", "s": 0, "d": 7510, "m": {"vol": 0.35}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 500, "d": 2000,
                                      "m": {"text": 'Hello: "world" 100% \\ 你好', "pos": "center"}}]}]}


def _locate(src: str) -> MediaLink:
    return MediaLink(ROOT + src, 20_000)


def _resolve(url: str, saved: str) -> str:
    assert url.startswith(ROOT), url
    return url.removeprefix(ROOT)


def _close(got: int | None, want: int | None) -> bool:
    return abs((got or 0) - (want or 0)) <= FRAME_MS


@pytest.mark.parametrize("fmt", list(TIMELINE_FORMATS))
def test_a_draft_comes_back_from_each_format_within_a_frame(fmt: TimelineFormat) -> None:
    draft = Draft.from_wire(_wire())
    exported = export_timeline(draft, fmt, _locate)

    # the adapter's own reader reads the file we wrote
    read = otio.adapters.read_from_string(exported.text, TIMELINE_FORMATS[fmt].adapter,
                                          **({"rate": 30} if fmt == "edl" else {}))
    assert len(list(read.find_clips())) >= 2
    back = import_timeline(exported.text, fmt, _resolve).draft

    main = back.tracks_of(VIDEO)[0].segments
    assert [s.src for s in main] == ["a.mp4", "b.mp4"]
    for got, want in zip(main, draft.tracks_of(VIDEO)[0].segments, strict=True):
        assert _close(got.start_ms, want.start_ms), (got, want)
        assert _close(got.duration_ms, want.duration_ms), (got, want)
        assert _close(got.in_ms, want.in_ms), (got, want)
    transition = main[1].meta.transition
    assert transition is not None and transition.type == "fade" and _close(transition.duration_ms, 500)
    music = back.tracks_of(AUDIO)[0].segments
    assert [m.src for m in music] == ["m.wav"] and music[0].meta.volume == pytest.approx(0.35)
    assert _close(music[0].duration_ms, 7510)
    title = back.tracks_of(TEXT)[0].segments[0]
    assert title.meta.text == 'Hello: "world" 100% \\ 你好'
    assert _close(title.start_ms, 500) and _close(title.duration_ms, 2000)
    if fmt in ("otio", "fcp_xml", "edl"):
        assert (back.canvas.width, back.canvas.height, back.canvas.fps) == (1280, 720, 30)


def test_fcp_xml_uses_the_formats_own_dissolve_level_and_text_elements() -> None:
    text = export_timeline(Draft.from_wire(_wire()), "fcp_xml", _locate).text
    root = ElementTree.fromstring(text.encode())  # well-formed; the adapter ships no DTD to validate against
    assert root.tag == "xmeml"
    assert root.find(".//transitionitem/effect/effectid").text == "Cross Dissolve"  # type: ignore[union-attr]
    level = root.find(".//clipitem/filter/effect[effectid='audiolevels']/parameter/value")
    assert level is not None and float(level.text or "") == pytest.approx(0.35)
    text_param = root.find(".//generatoritem/effect[effectid='Text']/parameter/value")
    assert text_param is not None and "你好" in (text_param.text or "")


def test_fcpxml_and_edl_say_what_travelled_as_markers_or_notes() -> None:
    draft = Draft.from_wire(_wire())
    fcpx = export_timeline(draft, "fcpx_xml", _locate)
    assert any("markers" in note for note in fcpx.notes) and 'value="Title: Hello' in fcpx.text
    edl = export_timeline(draft, "edl", _locate)
    assert any("comment lines" in note for note in edl.notes) and "* REELFORGE " in edl.text
    assert export_timeline(draft, "fcp_xml", _locate).notes == []


def test_a_timeline_an_editor_made_imports_with_its_own_markers_noted() -> None:
    fcpx = export_timeline(Draft.from_wire(_wire()), "fcpx_xml", _locate).text
    fcpx = fcpx.replace('value="Cross dissolve', 'value="Fix the colour here" data-x="').replace(
        'data-x=" 0.50 s"', "")
    imported = import_timeline(fcpx, "fcpx_xml", _resolve)
    assert any("Fix the colour here" in note for note in imported.notes)
    assert imported.draft.tracks_of(VIDEO)[0].segments[1].meta.transition is None


@pytest.mark.parametrize("fmt", list(TIMELINE_FORMATS))
def test_a_file_that_is_not_the_format_is_a_clear_error(fmt: TimelineFormat) -> None:
    with pytest.raises(InvalidInput) as caught:
        import_timeline("<not a timeline", fmt, _resolve)
    assert caught.value.field == "timeline"


def test_format_names_people_use_map_to_the_vocabulary() -> None:
    assert timeline_format("Premiere") == "fcp_xml"
    assert timeline_format("FCPXML") == "fcpx_xml"
    assert timeline_format(None, "cut.edl") == "edl"
    assert timeline_format(None, "project.otio") == "otio"
    with pytest.raises(InvalidInput, match="capcut"):
        timeline_format("capcut")


def test_titles_read_from_markers_are_noted_in_the_import() -> None:
    fcpx = export_timeline(Draft.from_wire(_wire()), "fcpx_xml", _locate).text
    notes = import_timeline(fcpx, "fcpx_xml", _resolve).notes
    assert notes == ['titles came back from "Title: ..." markers (the format has no text clips): their text and '
                     'timing, in the default style']
    assert import_timeline(export_timeline(Draft.from_wire(_wire()), "fcp_xml", _locate).text, "fcp_xml",
                           _resolve).notes == []


@pytest.mark.parametrize("fmt", ["otio", "fcp_xml", "edl"])
def test_a_clip_cut_inside_and_music_stopped_early_come_back_as_plain_clips(fmt: TimelineFormat) -> None:
    """cut_segment leaves two clips of one source (the second's in-point past the cut) and update_music's end is the
    music's length: another editor sees ordinary clips, and they come back as they went."""
    draft = apply_edits(Draft.from_wire(_wire()), [CutSegment(segment_id="s1", start_ms=1000, end_ms=2000),
                                                   SplitClip(segment_id="s2", at_ms=1500), UpdateMusic(end_ms=5000)])
    clips = draft.tracks_of(VIDEO)[0].segments
    assert [(s.src, s.in_ms) for s in clips] == [("a.mp4", 520), ("a.mp4", 2520), ("b.mp4", 1000), ("b.mp4", 2500)]
    back = import_timeline(export_timeline(draft, fmt, _locate).text, fmt, _resolve).draft
    main = back.tracks_of(VIDEO)[0].segments
    assert [s.src for s in main] == ["a.mp4", "a.mp4", "b.mp4", "b.mp4"]
    for got, want in zip(main, clips, strict=True):
        assert _close(got.start_ms, want.start_ms) and _close(got.duration_ms, want.duration_ms), (got, want)
        assert _close(got.in_ms, want.in_ms), (got, want)
    assert main[2].meta.transition is not None and main[3].meta.transition is None  # none made at the split
    music = back.tracks_of(AUDIO)[0].segments
    assert _close(music[0].start_ms + music[0].duration_ms, 5000)
