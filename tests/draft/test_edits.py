from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from reelforge.draft import TEXT, Draft, Edit, apply_edit, apply_edits, summary
from reelforge.draft.edits import (
    AddClip,
    AddSound,
    AddText,
    DeleteSegment,
    MoveClip,
    RemoveMusic,
    RemoveText,
    SetCanvas,
    SetClipAudio,
    SetMusic,
    SetSpeed,
    SetTransition,
    SwapClips,
    Trim,
    TrimSegment,
    UpdateMusic,
    UpdateText,
)
from reelforge.errors import DraftInvalid, InvalidInput


@pytest.fixture
def two_clips() -> Draft:
    return apply_edits(Draft.empty(), [
        AddClip(src="media:a", duration_ms=5000, name="sunset"),
        AddClip(src="media:b", duration_ms=4000, name="city"),
    ])


def _names(draft: Draft) -> list[str | None]:
    return [s.meta.name for s in draft.tracks[0].segments]


def _starts(draft: Draft) -> list[int]:
    return [s.start_ms for s in draft.tracks[0].segments]


def test_apply_edit_is_pure(two_clips: Draft) -> None:
    before = two_clips.to_wire()
    after = apply_edit(two_clips, AddText(text="Hi"))
    assert two_clips.to_wire() == before
    assert after.to_wire() != before


def test_edits_parse_from_json_by_op() -> None:
    adapter: TypeAdapter[Edit] = TypeAdapter(Edit)
    edit = adapter.validate_python({"op": "add_text", "text": "Peak", "duration_ms": 2000})
    assert isinstance(edit, AddText) and edit.duration_ms == 2000
    with pytest.raises(ValidationError):
        adapter.validate_python({"op": "explode"})


def test_append_insert_and_replace_clips(two_clips: Draft) -> None:
    assert _names(two_clips) == ["sunset", "city"] and _starts(two_clips) == [0, 5000]
    d = apply_edit(two_clips, AddClip(src="media:c", duration_ms=2000, name="beach", at="start"))
    assert _names(d) == ["beach", "sunset", "city"] and _starts(d) == [0, 2000, 7000]
    d = apply_edit(two_clips, AddClip(src="media:c", duration_ms=2000, name="beach", at="after", ref="s1"))
    assert _names(d) == ["sunset", "beach", "city"]
    d = apply_edit(two_clips, AddClip(src="media:c", duration_ms=2000, name="beach", at="before", ref="s2"))
    assert _names(d) == ["sunset", "beach", "city"]
    d = apply_edit(two_clips, AddClip(src="media:c", duration_ms=2000, name="beach", at="replace", ref="s1"))
    assert _names(d) == ["beach", "city"] and d.end_ms == 6000
    with pytest.raises(InvalidInput, match="no clip 'zz'"):
        apply_edit(two_clips, AddClip(src="media:c", duration_ms=2000, at="after", ref="zz"))


def test_delete_move_and_swap_ripple(two_clips: Draft) -> None:
    d = apply_edit(two_clips, DeleteSegment(segment_id="s1"))
    assert _names(d) == ["city"] and _starts(d) == [0]
    d = apply_edit(two_clips, MoveClip(segment_id="s2", to_index=0))
    assert _names(d) == ["city", "sunset"] and _starts(d) == [0, 4000]
    d = apply_edit(two_clips, SwapClips(first_id="s1", second_id="s2"))
    assert _names(d) == ["city", "sunset"]
    with pytest.raises(InvalidInput):
        apply_edit(two_clips, DeleteSegment(segment_id="nope"))


def test_trim_whole_video_and_cut_head(two_clips: Draft) -> None:
    d = apply_edit(two_clips, Trim(end_ms=6000))
    assert d.end_ms == 6000 and [s.duration_ms for s in d.tracks[0].segments] == [5000, 1000]
    d = apply_edit(two_clips, Trim(start_ms=2000))
    first = d.tracks[0].segments[0]
    assert d.end_ms == 7000 and first.in_ms == 2000 and first.duration_ms == 3000
    d = apply_edit(two_clips, Trim(end_ms=4000))
    assert _names(d) == ["sunset"]
    with pytest.raises(InvalidInput):
        apply_edit(two_clips, Trim(start_ms=9000))


def test_trim_segment_advances_its_in_point(two_clips: Draft) -> None:
    d = apply_edit(two_clips, TrimSegment(segment_id="s1", cut_start_ms=1000, cut_end_ms=500))
    seg = d.tracks[0].segments[0]
    assert (seg.in_ms, seg.duration_ms) == (1000, 3500) and _starts(d) == [0, 3500]
    with pytest.raises(InvalidInput, match="leaves nothing"):
        apply_edit(two_clips, TrimSegment(segment_id="s1", cut_start_ms=5000))


@pytest.mark.parametrize(("aspect", "size"), [("16:9", (1920, 1080)), ("9:16", (1080, 1920)),
                                               ("1:1", (1080, 1080)), ("4:5", (1080, 1350))])
def test_aspects_are_1080_on_the_short_side(two_clips: Draft, aspect: str, size: tuple[int, int]) -> None:
    d = apply_edit(two_clips, SetCanvas(aspect=aspect, bg="#112233"))  # type: ignore[arg-type]
    assert (d.canvas.width, d.canvas.height) == size and d.canvas.bg == "#112233"


def test_canvas_over_1920_is_refused_with_the_path(two_clips: Draft) -> None:
    with pytest.raises(DraftInvalid, match=r"^m\.w"):
        apply_edit(two_clips, SetCanvas(width=4096))


def test_text_first_seconds_range_and_end(two_clips: Draft) -> None:
    d = apply_edit(two_clips, AddText(text="Peak", duration_ms=2000, pos="top", color="#ffcc00"))
    seg = d.tracks[-1].segments[0]
    assert d.tracks[-1].type == TEXT
    assert (seg.start_ms, seg.duration_ms, seg.meta.pos, seg.meta.color) == (0, 2000, "top", "#ffcc00")
    d = apply_edit(d, AddText(text="Bye", at_end=True, duration_ms=3000))
    assert [(s.start_ms, s.end_ms) for s in d.tracks[-1].segments] == [(0, 2000), (6000, 9000)]
    d = apply_edit(d, AddText(text="Mid", start_ms=2000, duration_ms=3000, fade_in_ms=300, fade_out_ms=300))
    assert [s.meta.text for s in d.tracks[-1].segments] == ["Peak", "Mid", "Bye"]
    # a text past the video's end is clipped to it; one that starts after it is refused
    d2 = apply_edit(two_clips, AddText(text="Long", start_ms=8000, duration_ms=5000))
    assert d2.tracks[-1].segments[0].end_ms == 9000
    with pytest.raises(InvalidInput):
        apply_edit(two_clips, AddText(text="Late", start_ms=9500))


def test_end_title_stays_at_the_end_when_the_video_grows(two_clips: Draft) -> None:
    d = apply_edit(two_clips, AddText(text="Bye", at_end=True, duration_ms=2000))
    d = apply_edit(d, AddClip(src="media:c", duration_ms=3000))
    assert (d.tracks[-1].segments[0].start_ms, d.tracks[-1].segments[0].end_ms) == (10000, 12000)
    d = apply_edit(d, Trim(end_ms=5000))
    assert d.tracks[-1].segments[0].end_ms == 5000


def test_change_and_remove_text(two_clips: Draft) -> None:
    d = apply_edits(two_clips, [AddText(text="Peak", size=0.05), AddText(text="Sub", start_ms=3000)])
    d = apply_edit(d, UpdateText(text="Summit", scale=2, color="red"))
    first = d.tracks[-1].segments[0]
    assert (first.meta.text, first.meta.size, first.meta.color) == ("Summit", 0.1, "red")
    d = apply_edit(d, RemoveText())
    assert [s.meta.text for s in d.tracks[-1].segments] == ["Sub"]
    d = apply_edit(d, RemoveText(all=True))
    assert not d.tracks_of(TEXT)
    with pytest.raises(InvalidInput, match="no text"):
        apply_edit(d, UpdateText(text="x"))


def test_music_covers_and_follows_the_video(two_clips: Draft) -> None:
    d = apply_edit(two_clips, SetMusic(src="media:m", name="Lo-fi", volume=0.35, fade_out_ms=2000))
    music = d.tracks[1].segments[0]
    assert (music.start_ms, music.duration_ms, music.meta.loop, music.meta.volume) == (0, 9000, True, 0.35)
    assert summary(d).endswith("2. BGM: Lo-fi (0-9s, 35%)")
    d = apply_edit(d, AddClip(src="media:c", duration_ms=3000))
    assert d.tracks[1].segments[0].duration_ms == 12000
    d = apply_edit(d, SetMusic(src="media:n", name="Piano"))
    assert len(d.tracks_of(1)) == 1 and d.tracks[1].segments[0].meta.name == "Piano"
    d = apply_edit(d, UpdateMusic(volume_scale=0.5, fade_in_ms=1000, duck=True))
    m = d.tracks[1].segments[0].meta
    assert (m.volume, m.fade_in_ms, m.duck) == (0.175, 1000, True)
    d = apply_edit(d, RemoveMusic())
    assert not d.tracks_of(1)
    with pytest.raises(InvalidInput, match="no background music"):
        apply_edit(d, UpdateMusic(volume=1))


def test_music_comes_in_later_keeping_its_end_and_plays_from_further_into_the_song(two_clips: Draft) -> None:
    d = apply_edit(two_clips, SetMusic(src="media:m", fade_out_ms=2000))
    d = apply_edit(d, UpdateMusic(start_ms=3000, source_in_ms=20000))
    music = d.tracks[1].segments[0]
    assert (music.start_ms, music.end_ms, music.in_ms, music.meta.fade_out_ms) == (3000, 9000, 20000, 2000)
    d = apply_edit(d, AddClip(src="media:c", duration_ms=3000))  # a looping bed still follows the video
    assert (d.tracks[1].segments[0].start_ms, d.tracks[1].segments[0].end_ms) == (3000, 12000)
    d = apply_edit(d, UpdateMusic(start_ms=0, source_in_ms=0))
    assert (d.tracks[1].segments[0].start_ms, d.tracks[1].segments[0].in_ms) == (0, None)
    with pytest.raises(InvalidInput, match="cannot come in at 12000 ms") as refused:
        apply_edit(d, UpdateMusic(start_ms=12000))
    assert refused.value.field == "start_ms"


def test_music_without_loop_ends_with_its_source(two_clips: Draft) -> None:
    d = apply_edit(two_clips, SetMusic(src="media:m", loop=False, source_duration_ms=4000))
    assert d.tracks[1].segments[0].duration_ms == 4000


def test_clip_volume_mute_and_speed(two_clips: Draft) -> None:
    d = apply_edit(two_clips, SetClipAudio(segment_id="s2", volume=0))
    assert d.tracks[0].segments[1].meta.volume == 0
    d = apply_edit(two_clips, SetSpeed(speed=2))
    assert [s.duration_ms for s in d.tracks[0].segments] == [2500, 2000] and _starts(d) == [0, 2500]
    d = apply_edit(d, SetSpeed(segment_id="s1", speed=0.5))
    assert d.tracks[0].segments[0].duration_ms == 10000  # the same 5 s of source, slowed down


def test_transitions_overlap_and_can_be_removed(two_clips: Draft) -> None:
    d = apply_edit(two_clips, SetTransition(type="dissolve", duration_ms=1000))
    assert _starts(d) == [0, 4000] and d.end_ms == 8000
    assert d.tracks[0].segments[1].meta.transition is not None
    d = apply_edit(d, SetTransition(type="none"))
    assert _starts(d) == [0, 5000] and d.tracks[0].segments[1].meta.transition is None
    with pytest.raises(InvalidInput, match="unknown transition"):
        apply_edit(two_clips, SetTransition(type="spin"))
    with pytest.raises(InvalidInput, match="first clip"):
        apply_edit(two_clips, SetTransition(segment_id="s1"))


def test_sound_effects_go_on_their_own_track(two_clips: Draft) -> None:
    d = apply_edits(two_clips, [SetMusic(src="media:m"), AddSound(src="media:w", start_ms=4500, duration_ms=800),
                                AddSound(src="media:w", start_ms=5000, duration_ms=800)])
    sfx = next(t for t in d.tracks if t.id == "sfx")
    assert [(s.start_ms, s.end_ms) for s in sfx.segments] == [(4500, 5000), (5000, 5800)]


def test_a_second_title_at_the_same_time_does_not_overprint_the_first(two_clips: Draft) -> None:
    d = apply_edits(two_clips, [AddText(text="Sunset"), AddText(text="Golden Hour"), AddText(text="Third"),
                                AddText(text="Later", start_ms=5000)])
    positions = {s.meta.text: s.meta.pos for s in d.tracks[-1].segments}
    assert positions == {"Sunset": "center", "Golden Hour": "bottom", "Third": "top", "Later": "center"}
    d = apply_edit(d, AddText(text="Asked", pos="center"))
    asked = next(s for s in d.tracks[-1].segments if s.meta.text == "Asked")
    assert asked.meta.pos == "center"  # what the user says wins
