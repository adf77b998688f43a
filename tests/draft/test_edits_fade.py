"""SetFade: picture fades on one clip or the whole video, and the music that follows them."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from reelforge.draft import AUDIO, VIDEO, Draft, Edit, apply_edit, apply_edits
from reelforge.draft.edits import AddClip, DeleteSegment, MoveClip, SetFade, SetMusic, UpdateMusic
from reelforge.draft.model import Segment, Track
from reelforge.draft.validate import validate
from reelforge.errors import DraftInvalid, InvalidInput


@pytest.fixture
def three_clips() -> Draft:
    return apply_edits(Draft.empty(), [AddClip(src=f"media:{name}", duration_ms=4000, name=name)
                                       for name in ("sunset", "city", "beach")])


def _fades(draft: Draft) -> list[tuple[int | None, int | None]]:
    return [(s.meta.fade_in_ms, s.meta.fade_out_ms) for s in draft.tracks[0].segments]


def _music(draft: Draft) -> Segment:
    return next(s for t in draft.tracks if t.type == AUDIO for s in t.segments)


def test_whole_video_fades_in_on_the_first_clip_and_out_on_the_last(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(fade_in_ms=1000, fade_out_ms=2000))
    assert _fades(d) == [(1000, None), (None, None), (None, 2000)]
    assert d.to_wire()["t"][0]["sg"][2]["m"]["fo"] == 2000  # on the wire as the protocol's fo


def test_one_clip_fades_and_zero_removes_only_the_fade_named(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(segment_id="s2", fade_in_ms=500, fade_out_ms=700))
    assert _fades(d) == [(None, None), (500, 700), (None, None)]
    d = apply_edit(d, SetFade(segment_id="s2", fade_out_ms=0))
    assert _fades(d) == [(None, None), (500, None), (None, None)]


def test_fades_longer_than_the_clip_are_shortened_to_fit(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(segment_id="s1", fade_in_ms=9000))
    assert _fades(d)[0] == (4000, None)
    d = apply_edit(d, SetFade(segment_id="s1", fade_out_ms=3000))
    assert _fades(d)[0] == (2000, 2000)  # together they fill the clip, no more


def test_music_ending_with_the_video_fades_out_with_it_unless_its_fade_is_longer(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetMusic(src="media:m", fade_out_ms=1000))
    faded = apply_edit(d, SetFade(fade_out_ms=3000))
    assert _music(faded).meta.fade_out_ms == 3000
    longer = apply_edits(d, [UpdateMusic(fade_out_ms=5000), SetFade(fade_out_ms=3000)])
    assert _music(longer).meta.fade_out_ms == 5000
    kept = apply_edit(d, SetFade(fade_out_ms=3000, fade_music=False))
    assert _music(kept).meta.fade_out_ms == 1000
    removed = apply_edit(faded, SetFade(fade_out_ms=0))
    assert _fades(removed)[2] == (None, None) and _music(removed).meta.fade_out_ms == 3000


def test_music_starting_with_the_video_fades_in_with_it(three_clips: Draft) -> None:
    d = apply_edits(three_clips, [SetMusic(src="media:m"), SetFade(fade_in_ms=1500)])
    assert _music(d).meta.fade_in_ms == 1500 and _music(d).meta.fade_out_ms == 1000


def test_a_middle_clips_fade_leaves_the_music_alone(three_clips: Draft) -> None:
    d = apply_edits(three_clips, [SetMusic(src="media:m"), SetFade(segment_id="s2", fade_in_ms=800, fade_out_ms=800)])
    assert (_music(d).meta.fade_in_ms, _music(d).meta.fade_out_ms) == (0, 1000)


def test_a_clip_on_an_overlay_track_can_fade(three_clips: Draft) -> None:
    three_clips.tracks.append(Track(id="v2", type=VIDEO, segments=[
        Segment(id="o1", src="media:logo", start_ms=1000, duration_ms=2000)]))
    d = apply_edit(three_clips, SetFade(segment_id="o1", fade_in_ms=500))
    assert d.tracks[1].segments[0].meta.fade_in_ms == 500


def test_refusals_name_the_field(three_clips: Draft) -> None:
    with pytest.raises(ValidationError, match="fade_in_ms, fade_out_ms or both"):
        SetFade(segment_id="s1")
    with pytest.raises(ValidationError):
        SetFade(fade_in_ms=-1)
    with pytest.raises(InvalidInput, match="no clip"):
        apply_edit(Draft.empty(), SetFade(fade_in_ms=500))
    text = apply_edit(three_clips, SetMusic(src="media:m"))
    with pytest.raises(InvalidInput, match="not a video clip"):
        apply_edit(text, SetFade(segment_id=_music(text).id, fade_in_ms=500))


def test_set_fade_parses_from_json_by_op() -> None:
    edit = TypeAdapter(Edit).validate_python({"op": "set_fade", "fade_out_ms": 1000})
    assert edit == SetFade(fade_out_ms=1000) and edit.fade_music


def test_the_closing_fade_moves_to_a_clip_appended_after_it(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(fade_in_ms=1000, fade_out_ms=2000))
    d = apply_edit(d, AddClip(src="media:fireworks", duration_ms=3000, name="fireworks"))
    # no fade to black in the middle: the video still ends faded, the opening is untouched
    assert _fades(d) == [(1000, None), (None, None), (None, None), (None, 2000)]
    d = apply_edit(d, AddClip(src="media:dawn", duration_ms=3000, name="dawn", at="start"))
    assert _fades(d) == [(1000, None), (None, None), (None, None), (None, None), (None, 2000)]


def test_end_fades_follow_deletes_and_moves_but_a_clips_own_fade_stays(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(fade_out_ms=2000))
    d = apply_edit(d, DeleteSegment(segment_id="s3"))
    assert _fades(d) == [(None, None), (None, 2000)]
    d = apply_edit(d, MoveClip(segment_id="s2", to_index=0))
    assert [s.id for s in d.tracks[0].segments] == ["s2", "s1"] and _fades(d) == [(None, None), (None, 2000)]
    # a middle clip's own fade is its own: appending does not touch it, nor a fade the new last clip has
    d = apply_edit(three_clips, SetFade(segment_id="s2", fade_out_ms=500))
    d = apply_edit(d, AddClip(src="media:x", duration_ms=1000, name="x"))
    assert _fades(d) == [(None, None), (None, 500), (None, None), (None, None)]


def test_a_moved_closing_fade_fits_a_shorter_clip(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(fade_out_ms=3000))
    d = apply_edit(d, AddClip(src="media:blink", duration_ms=1000, name="blink"))
    assert _fades(d)[-1] == (None, 1000)


def _colours(draft: Draft) -> list[tuple[str | None, str | None]]:
    return [(s.meta.fade_in_color, s.meta.fade_out_color) for s in draft.tracks[0].segments]


def test_a_fade_goes_to_the_colour_named_and_keeps_it_until_removed(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(fade_out_ms=1000, color="white"))
    assert _colours(d) == [(None, None), (None, None), (None, "white")]
    assert d.to_wire()["t"][0]["sg"][2]["m"]["foc"] == "white"  # on the wire: m.foc
    d = apply_edit(d, SetFade(fade_in_ms=500, fade_out_ms=2000))  # a new length keeps the colour; the new fade in
    assert _fades(d)[2] == (None, 2000) and _colours(d) == [(None, None), (None, None), (None, "white")]
    d = apply_edit(d, SetFade(fade_in_ms=500, color="#ff0000"))
    assert _colours(d) == [("#ff0000", None), (None, None), (None, "white")]
    d = apply_edit(d, SetFade(fade_out_ms=0))  # no fade, no colour
    assert _colours(d) == [("#ff0000", None), (None, None), (None, None)]


def test_a_closing_fades_colour_moves_with_it(three_clips: Draft) -> None:
    d = apply_edit(three_clips, SetFade(fade_out_ms=1000, color="white"))
    d = apply_edit(d, AddClip(src="media:fireworks", duration_ms=3000, name="fireworks"))
    assert _colours(d) == [(None, None), (None, None), (None, None), (None, "white")]


def test_a_fade_colour_that_is_no_colour_is_refused_with_its_field(three_clips: Draft) -> None:
    with pytest.raises(InvalidInput) as caught:
        apply_edit(three_clips, SetFade(fade_out_ms=1000, color="sparkly"))
    assert "m.foc" in str(caught.value.field) and "not a colour" in str(caught.value)
    assert _colours(three_clips) == [(None, None)] * 3  # the draft it was asked of is untouched


def test_only_video_fades_to_a_colour() -> None:
    wire = {"v": 1, "m": {"w": 64, "h": 64, "fps": 30},
            "t": [{"id": "a1", "tt": 1, "sg": [{"id": "b1", "src": "media:x", "s": 0, "d": 1000, "m": {"fo": 500, "foc": "red"}}]}]}
    with pytest.raises(DraftInvalid) as caught:
        validate(wire)
    assert caught.value.path == "t[0].sg[0].m.foc" and "only video segments fade to a colour" in str(caught.value)
