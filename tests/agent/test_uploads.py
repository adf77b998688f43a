"""An upload described so that none fits is asked about (``agent/_uploads.py``), unless its file's name cannot say."""

from __future__ import annotations

from reelforge.agent import EditAction, MediaRef, Unknown, understand

from ._fixtures import context


def test_a_description_no_upload_fits_asks_which_listing_the_uploads() -> None:
    plan = understand("add my video of the waterfall", context("media"))
    assert len(plan.actions) == 1 and isinstance(plan.actions[0], Unknown)
    assert "hike.mp4" in plan.actions[0].question and "beach.jpg" in plan.actions[0].question


def test_a_camera_named_upload_may_show_anything_so_it_is_used() -> None:
    ctx = context("one_clip")
    ctx.media.append(MediaRef("media:v9", "video", "VID_20240101.mp4", 6000))
    plan = understand("add my video of the waterfall", ctx)
    assert len(plan.actions) == 1 and isinstance(plan.actions[0], EditAction)
    assert getattr(plan.actions[0].edit, "src", None) == "media:v9"


def test_a_second_upload_of_a_kind_there_is_one_of_is_asked_about_whatever_its_name() -> None:
    ctx = context("one_clip")
    ctx.media.append(MediaRef("media:p9", "image", "IMG_2041.jpg"))
    assert isinstance(understand("put my second photo at the end", ctx).actions[0], Unknown)
