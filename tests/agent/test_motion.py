"""Camera motion in chat: the motion intent on a slideshow, what it leaves to transitions and generation, labels."""

from __future__ import annotations

import pytest

from reelforge.agent import AgentContext, EditAction, MediaRef, Unknown, describe_edit, understand
from reelforge.agent.llm import build_tools
from reelforge.draft import VIDEO, Draft, apply_edits
from reelforge.draft.edits import AddClip, SetMotion, SetTransition

from ._fixtures import apply_plan, context

PHOTOS = [MediaRef(f"media:p{n}", "image", f"beach{n}.jpg") for n in (1, 2, 3)]
HIKE = MediaRef("media:hike1", "video", "hike.mp4", 8000)


def _slideshow(with_video: bool = False) -> AgentContext:
    """Three photos (s1, s2, s3) on the main track, then the hike video (s4) when ``with_video``."""
    media = [*PHOTOS, HIKE] if with_video else PHOTOS
    draft = apply_edits(Draft.empty(), [AddClip(src=m.src, duration_ms=3000, name=m.name) for m in media])
    return AgentContext(draft=draft, media=[*media])


def _edits(message: str, ctx: AgentContext) -> list[object]:
    return [a.edit if isinstance(a, EditAction) else a for a in understand(message, ctx).actions]


@pytest.mark.parametrize(("message", "motion"), [
    ("slowly zoom in on the photos", "zoom_in"),
    ("pan left across the photo", "pan_left"),
    ("pan right", "pan_right"),
    ("zoom out", "zoom_out"),
    ("照片缓慢放大", "zoom_in"),
    ("给照片加推镜头效果", "zoom_in"),
    ("照片向上平移", "pan_up"),
])
def test_motion_phrases_move_every_photo_of_a_slideshow(message: str, motion: str) -> None:
    assert _edits(message, _slideshow()) == [SetMotion(motion=motion)]  # type: ignore[arg-type]


@pytest.mark.parametrize("message", ["slowly zoom in on the photos", "给照片加推镜头效果"])
def test_with_a_video_on_the_timeline_only_the_photos_move(message: str) -> None:
    assert _edits(message, _slideshow(with_video=True)) == [SetMotion(segment_id=s) for s in ("s1", "s2", "s3")]


@pytest.mark.parametrize("message", ["add a Ken Burns effect", "make the photos move", "让照片动起来"])
def test_a_move_left_unsaid_goes_in_and_out_by_turns(message: str) -> None:
    by_turns = ["zoom_in", "zoom_out", "zoom_in"]
    assert _edits(message, _slideshow(with_video=True)) == [
        SetMotion(segment_id=s, motion=m) for s, m in zip(("s1", "s2", "s3"), by_turns, strict=True)]  # type: ignore[arg-type]
    assert [e.motion for e in _edits(message, _slideshow())] == [*by_turns, "zoom_out"][:len(_edits(message, _slideshow()))]


@pytest.mark.parametrize(("message", "segment_id", "motion"), [
    ("zoom out on the second clip", "s2", "zoom_out"),
    ("第二张照片向左平移", "s2", "pan_left"),
    ("pan the last photo to the right", "s3", "pan_right"),
    ("给第一个片段加拉镜头", "s1", "zoom_out"),
    ("zoom in on the hike clip", "s4", "zoom_in"),     # a video clip moves too, when it is named
    ("no motion on the second clip", "s2", "none"),
])
def test_a_named_clip_or_photo_gets_the_motion(message: str, segment_id: str, motion: str) -> None:
    assert _edits(message, _slideshow(with_video=True)) == [SetMotion(segment_id=segment_id, motion=motion)]  # type: ignore[arg-type]


@pytest.mark.parametrize("message", ["no zoom", "remove the motion", "去掉缩放效果", "去掉运镜", "stop the zoom"])
def test_removing_the_motion_clears_every_clip(message: str) -> None:
    assert _edits(message, _slideshow(with_video=True)) == [SetMotion(motion="none")]


def test_the_removal_leaves_every_clip_still_in_the_planned_draft() -> None:
    plan = understand("slowly zoom in on the photos, then remove the motion", _slideshow())
    assert [a.edit for a in plan.actions if isinstance(a, EditAction)] == [SetMotion(), SetMotion(motion="none")]
    plan = understand("add a Ken Burns effect, then remove the motion", _slideshow())
    edits = [a.edit for a in plan.actions if isinstance(a, EditAction)]
    assert edits[-1] == SetMotion(motion="none") and {e.motion for e in edits[:-1]} == {"zoom_in", "zoom_out"}  # type: ignore[union-attr]
    assert all(s.meta.motion is None for s in apply_plan(_slideshow().draft, plan).tracks_of(VIDEO)[0].segments)


@pytest.mark.parametrize(("message", "transition"), [
    ("add a zoom transition between the clips", "zoomin"), ("缩放转场", "zoomin"), ("添加缩放转场", "zoomin")])
def test_a_zoom_transition_is_still_a_transition(message: str, transition: str) -> None:
    assert _edits(message, _slideshow()) == [SetTransition(type=transition)]


@pytest.mark.parametrize("message", [
    "generate a clip of a camera zooming into a city",
    "a slow zoom into a neon city at night",
    "生成一段镜头缓缓推进的城市夜景",
])
def test_generation_prompts_about_zooms_stay_generations(message: str) -> None:
    [action] = understand(message, _slideshow()).actions
    assert type(action).__name__ == "GenerateAction"


def test_make_the_photo_move_without_a_photo_on_the_timeline_animates_the_upload() -> None:
    # the uploaded photo is not on the timeline: image-to-video, as before
    [action] = understand("make my uploaded photo move", context("media")).actions
    assert type(action).__name__ == "GenerateAction" and action.image_src == "media:photo1"  # type: ignore[union-attr]


def test_photos_asked_for_on_a_timeline_of_videos_is_explained_not_guessed() -> None:
    [action] = understand("slowly zoom in on the photos", context("full")).actions
    assert isinstance(action, Unknown) and "0 photo" in action.understood


def test_slow_motion_is_a_speed_not_a_camera_move() -> None:
    [action] = _edits("slow motion on the second clip", _slideshow())
    assert type(action).__name__ == "SetSpeed"


def test_labels_name_the_clip_by_its_place() -> None:
    draft = _slideshow().draft
    assert isinstance(draft, Draft)
    assert describe_edit(SetMotion(segment_id="s2"), "en", draft) == "added a slow zoom in to clip 2"
    assert describe_edit(SetMotion(segment_id="s2"), "zh", draft) == "第2个片段缓慢推进"
    assert describe_edit(SetMotion(motion="pan_left"), "en") == "added a slow pan left to every clip"
    assert describe_edit(SetMotion(segment_id="s1", motion="none"), "zh", draft) == "去掉第1个片段的镜头运动"


def test_the_llm_is_offered_set_motion_with_its_choices() -> None:
    [tool] = [t["function"] for t in build_tools() if t["function"]["name"] == "set_motion"]
    assert "pan_left" in str(tool["parameters"]) and "segment_id" in str(tool["parameters"])
