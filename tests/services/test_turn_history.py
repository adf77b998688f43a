"""History as data, through the real turn runner: each version stores the edits that made it, and revert, "it"
and the one main title read them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.draft import TEXT, VIDEO, read_change
from reelforge.store.repos import DraftRepo, SessionRepo
from tests.services._turn_harness import Chat, add_clips, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data")


def _titles(chat: Chat) -> list[str]:
    return [s.meta.text or "" for t in chat.draft().tracks if t.type == TEXT for s in t.segments]


def _changes(chat: Chat) -> list[object]:
    with chat.svc.db.read() as db:
        session = SessionRepo(db).get(chat.session_id)
        assert session is not None
        drafts = DraftRepo(db)
        return [read_change(drafts.version(session.id, n).changes)  # type: ignore[union-attr]
                for n in range(1, session.draft_version + 1)]


def test_each_version_records_its_edits_and_revert_reads_them(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0, 1.0])
    chat.say("fade out at the end")
    chat.say("add a crossfade between the clips")
    changes = _changes(chat)
    assert changes[0] is None  # set up outside a turn: no record, the label is all there is
    assert [e.op for e in changes[1].edits] == ["set_fade"]  # type: ignore[union-attr]
    assert [e.op for e in changes[2].edits] == ["set_transition"]  # type: ignore[union-attr]
    chat.say("go back to before the transition")
    clips = chat.draft().tracks_of(VIDEO)[0].segments
    assert clips[1].meta.transition is None  # the transition is gone ...
    assert clips[-1].meta.fade_out_ms == 1000  # ... and the picture fade made before it stays


def test_it_means_the_clip_the_last_version_touched(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0, 1.0])
    chat.say("speed up the second clip")
    chat.say("slow it down")
    speeds = [s.meta.speed for s in chat.draft().tracks_of(VIDEO)[0].segments]
    assert speeds == [None, 0.5]


def test_a_title_the_user_adds_replaces_the_automatic_one(chat: Chat) -> None:
    chat.say("generate a 2 second clip of a city at night")
    changes = _changes(chat)
    assert [(c.auto, [e.op for e in c.edits]) for c in changes] == [  # type: ignore[attr-defined]
        (False, ["add_clip"]), (True, ["set_music"]), (True, ["add_text"])]
    chat.say("add the title 'My Trip'")
    assert _titles(chat) == ["My Trip"]
    chat.say("add a caption 'the end' at the end for 1 second")  # the user's own title stays the main one
    assert sorted(_titles(chat)) == ["My Trip", "the end"]
    chat.say("remove all the titles")
    assert _titles(chat) == []


def test_a_change_taken_back_in_a_message_is_made_again_on_the_draft_before_it(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [3.0, 3.0])
    chat.say("trim the video to 4 seconds")
    chat.say("actually 5")  # a trim gives back nothing it cut: undone, and trimmed again from the 6 s before it
    assert chat.draft().video_end_ms == 5000
    chat.say("undo that and cut the last 2 seconds instead")  # the cut planned on the draft the undo restores
    assert chat.draft().video_end_ms == 4000
