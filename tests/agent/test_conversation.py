"""Multi-turn conversations: each plan's edits are applied, history labels and an undo stack are kept as the
turn runner keeps them, and later messages refer back ("make it bigger", "delete it", "go back to before...")."""

from __future__ import annotations

from dataclasses import dataclass, field

from reelforge.agent import (
    AgentContext,
    EditAction,
    MediaRef,
    Outcome,
    RedoAction,
    RevertAction,
    UndoAction,
    Unknown,
    compose_reply,
    find_revert_point,
    understand,
)
from reelforge.draft import TEXT, Draft, apply_edit
from reelforge.errors import ReelforgeError

from ._fixtures import CITY, SONG, context


@dataclass
class Session:
    """A tiny stand-in for the turn runner's version history: versions[i] follows labels[i-1]."""

    versions: list[Draft]
    media: list[MediaRef]
    labels: list[str] = field(default_factory=list)
    redo: list[tuple[Draft, str]] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)

    @property
    def draft(self) -> Draft:
        return self.versions[-1]

    def say(self, message: str) -> list[str]:
        plan = understand(message, AgentContext(self.draft, self.media, list(self.labels)))
        outcomes = []
        for action in plan.actions:
            ok = True
            if isinstance(action, EditAction):
                try:
                    self.versions.append(apply_edit(self.draft, action.edit))
                    self.labels.append(action.description)
                    self.redo.clear()
                except ReelforgeError:
                    ok = False
            elif isinstance(action, UndoAction):
                for _ in range(action.steps):
                    self.redo.append((self.versions.pop(), self.labels.pop()))
            elif isinstance(action, RedoAction):
                draft, label = self.redo.pop()
                self.versions.append(draft)
                self.labels.append(label)
            elif isinstance(action, RevertAction):
                index = find_revert_point(action.topic, self.labels)
                assert index is not None, (action.topic, self.labels)
                del self.versions[index + 1:]
                del self.labels[index:]
            if not isinstance(action, Unknown):
                outcomes.append(Outcome(action, ok=ok))
        self.replies.append(compose_reply(plan, outcomes, plan.language))
        return [type(a).__name__ if not isinstance(a, EditAction) else a.edit.op for a in plan.actions]

    def texts(self) -> list[tuple[str | None, str | object, float | None]]:
        return [(s.meta.text, s.meta.pos, s.meta.size) for t in self.draft.tracks if t.type == TEXT for s in t.segments]


def _session(name: str = "one_clip") -> Session:
    ctx = context(name)
    return Session([ctx.draft], list(ctx.media) or [CITY])  # type: ignore[list-item]


def test_it_follows_the_title_just_added_then_delete_it_removes_it() -> None:
    s = _session()
    assert s.say("add the title 'Peak' for 2 seconds") == ["add_text"]
    assert s.say("make it bigger") == ["update_text"]
    assert s.texts() == [("Peak", "center", 0.09)]
    assert s.say("move the title to the top") == ["update_text"]
    assert s.texts()[0][1] == "top"
    assert s.say("delete it") == ["remove_text"]
    assert s.texts() == []


def test_chinese_references_follow_the_title() -> None:
    s = _session()
    s.say("加上标题「山顶」两秒")
    assert s.say("放大一点") == ["update_text"]
    assert s.say("把它移到底部") == ["update_text"]
    assert s.texts() == [("山顶", "bottom", 0.09)]
    assert s.say("删掉它") == ["remove_text"]
    assert s.texts() == []
    assert all("抱歉" not in r for r in s.replies) and all(any("\u4e00" <= c <= "\u9fff" for c in r) for r in s.replies)


def test_second_title_is_the_one_it_means() -> None:
    s = _session()
    s.say("add the title 'Peak' for 2 seconds")
    s.say("add 'The End' at the end")
    s.say("make it red")
    colors = {t.meta.text: t.meta.color for tr in s.draft.tracks if tr.type == TEXT for t in tr.segments}
    assert colors == {"Peak": "#ffffff", "The End": "#ff3b30"}


def test_music_then_quieter_then_undo_redo() -> None:
    s = _session("media")
    assert s.say("use the song I uploaded as background music") == ["set_music"]
    assert s.say("make it quieter") == ["update_music"]
    music = [seg for t in s.draft.tracks if t.type == 1 for seg in t.segments]
    assert abs((music[0].meta.volume or 0) - 0.21) < 1e-6
    assert s.say("undo") == ["UndoAction"]
    assert [seg.meta.volume for t in s.draft.tracks if t.type == 1 for seg in t.segments] == [0.35]
    assert s.say("redo") == ["RedoAction"]
    assert abs(([seg for t in s.draft.tracks if t.type == 1 for seg in t.segments][0].meta.volume or 0) - 0.21) < 1e-6


def test_go_back_to_before_the_music_restores_the_version_before_it() -> None:
    s = _session("media")
    s.say("make it vertical")
    s.say("use the song I uploaded as background music")
    s.say("add the title 'Summer' for 2 seconds")
    assert s.say("go back to before the music") == ["RevertAction"]
    assert s.draft.canvas.height == 1920
    assert not [t for t in s.draft.tracks if t.type != 0]
    assert s.labels == ["set the canvas 9:16 (vertical)"]


def test_chinese_revert_matches_chinese_labels() -> None:
    s = _session("media")
    s.say("改成竖屏")
    s.say("用我上传的歌做背景音乐")
    s.say("加上标题「夏天」")
    assert s.say("回到加音乐之前") == ["RevertAction"]
    assert [t.type for t in s.draft.tracks] == [0] and s.draft.canvas.width == 1080


def test_generated_clip_is_it_for_the_next_clause() -> None:
    ctx = context("full")
    plan = understand("generate a clip of a lighthouse and then speed it up", ctx)
    assert type(plan.actions[0]).__name__ == "GenerateAction"
    # the generation's placeholder is "it": it takes the next free id, the one the runner's AddClip will give
    speed = plan.actions[1]
    assert isinstance(speed, EditAction) and speed.edit.op == "set_speed"
    assert speed.edit.segment_id == "s3"


def test_delete_it_after_adding_an_uploaded_clip_deletes_that_clip() -> None:
    s = _session("media")
    s.say("add the video I uploaded")
    assert s.say("delete it") == ["delete_segment"]
    assert [seg.src for seg in s.draft.tracks[0].segments] == ["media:gen1"]


def test_unknown_request_changes_nothing_and_says_so_in_each_language() -> None:
    s = _session()
    before = s.draft
    assert s.say("remove the person in the background") == ["Unknown"]
    assert s.say("把视频里的人去掉") == ["Unknown"]
    assert s.draft is before
    assert s.replies[0].startswith("Sorry") and "I can:" in s.replies[0]
    assert s.replies[1].startswith("抱歉") and "我可以" in s.replies[1]
    assert SONG.src not in before.media_refs()
