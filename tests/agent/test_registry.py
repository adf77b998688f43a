"""The operation registry: every edit op declared once, and what history records read through it."""

from __future__ import annotations

import typing

from reelforge.agent import VersionRecord, find_revert_point
from reelforge.agent._state import automatic_segments, focus_from_history
from reelforge.agent.registry import EDIT_TOOLS, focus_of, topics_of
from reelforge.draft import Change, Draft, Edit, apply_edit
from reelforge.draft.edits import AddClip, AddText, SetFade, SetSpeed, SetTransition, UpdateText


def test_every_op_of_the_draft_vocabulary_is_declared_once() -> None:
    union = typing.get_args(Edit)[0]
    ops = {cls.model_fields["op"].default for cls in typing.get_args(union)}
    assert set(EDIT_TOOLS) == ops
    assert all(tool.summary for tool in EDIT_TOOLS.values())


def test_revert_reads_recorded_edits_not_label_words() -> None:
    # the label of a picture fade says "fade"; only the recorded op tells it from a crossfade transition
    labels = ["added the clip", "faded the video out over 1s at the end", "added a fade transition (0.5s)"]
    versions = [VersionRecord(labels[0], Change((AddClip(src="a", duration_ms=1000),))),
                VersionRecord(labels[1], Change((SetFade(fade_out_ms=1000),))),
                VersionRecord(labels[2], Change((SetTransition(type="fade"),)))]
    assert find_revert_point("transition", labels, versions) == 2
    assert find_revert_point("fade", labels, versions) == 1
    assert find_revert_point("transition", labels) == 2  # labels alone: the words still tell them apart now
    assert topics_of(versions[1].change) == {"fade"}  # type: ignore[arg-type]


def test_it_follows_the_segment_the_last_version_made_or_touched() -> None:
    draft = apply_edit(apply_edit(Draft.empty(), AddClip(src="a", duration_ms=1000)), AddClip(src="b", duration_ms=1000))
    touched = Change((SetSpeed(segment_id="s2", speed=2.0),))
    assert focus_of(touched) == ("clip", "s2")
    focus = focus_from_history(["sped up a clip"], draft, [VersionRecord("sped up a clip", touched)])
    assert focus is not None and (focus.kind, focus.segment_id) == ("clip", "s2")
    assert focus_of(Change((SetTransition(),))) is None


def test_automatic_segments_stop_being_automatic_once_the_user_changes_them() -> None:
    draft = apply_edit(apply_edit(Draft.empty(), AddClip(src="a", duration_ms=3000)), AddText(text="Auto"))
    made = VersionRecord("title", Change((AddText(text="Auto"),), made=("t1",), auto=True))
    assert automatic_segments([made], draft) == {"t1"}
    changed = VersionRecord("changed", Change((UpdateText(segment_id="t1", text="Mine"),)))
    assert automatic_segments([made, changed], draft) == set()
