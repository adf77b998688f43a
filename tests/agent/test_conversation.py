"""Multi-turn conversations through the real turn runner (SQLite store, blob folder, draft versions): later
messages refer back ("make it bigger", "delete it", "go back to before..."), and undo, redo and revert move the
session's version pointer as the server does."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reelforge.agent import AgentContext, EditAction, GenerateAction, Unknown, understand
from reelforge.draft import AUDIO, TEXT, Draft, apply_edit
from reelforge.draft.edits import AddClip
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.services.uploads import ingest_file
from reelforge.store.repos import DraftRepo, SessionRepo
from tests._server import make_mp4
from tests.services._turn_harness import Chat, Turn, add_clips, open_chat

from ._fixtures import context


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    """A session whose timeline holds one 4-second uploaded clip."""
    for opened in open_chat(tmp_path / "data", two_stage_chat=False):
        add_clips(opened, tmp_path, [4.0])
        yield opened


def _upload(chat: Chat, path: Path) -> str:
    return str(ingest_file(chat.svc, chat.principal, chat.session_id, path.name, path)["src"])


def _song(tmp_path: Path) -> Path:
    path = tmp_path / "summer.m4a"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
                    "-i", "sine=frequency=330:sample_rate=48000:duration=6", "-c:a", "aac", str(path)], check=True)
    return path


def _ops(turn: Turn) -> list[str]:
    """The edit operations the turn applied, in order (each is a functionCall with the edit as its arguments)."""
    return [str(call["args"].get("op")) for call in turn.parts("functionCall") if "op" in call.get("args", {})]


def _texts(draft: Draft) -> list[tuple[Any, Any, Any]]:
    return [(s.meta.text, s.meta.pos, s.meta.size) for t in draft.tracks if t.type == TEXT for s in t.segments]


def _music_volumes(draft: Draft) -> list[float | None]:
    return [s.meta.volume for t in draft.tracks if t.type == AUDIO and t.id != "sfx" for s in t.segments]


def _history(chat: Chat) -> list[str]:
    """The labels of the current version's lineage, oldest first (what "go back to before..." reads)."""
    with chat.svc.db.read() as db:
        session = SessionRepo(db).get(chat.session_id)
        assert session is not None
        drafts = DraftRepo(db)
        labels: list[str] = []
        row = drafts.current(session)
        while row is not None:
            labels.insert(0, row.description)
            row = drafts.version(session.id, row.parent) if row.parent else None
    return labels


def test_it_follows_the_title_just_added_then_delete_it_removes_it(chat: Chat) -> None:
    assert _ops(chat.say("add the title 'Peak' for 2 seconds")) == ["add_text"]
    assert _ops(chat.say("make it bigger")) == ["update_text"]
    assert _texts(chat.draft()) == [("Peak", "center", 0.09)]
    assert _ops(chat.say("move the title to the top")) == ["update_text"]
    assert _texts(chat.draft())[0][1] == "top"
    assert _ops(chat.say("delete it")) == ["remove_text"]
    assert _texts(chat.draft()) == []


def test_chinese_references_follow_the_title(chat: Chat) -> None:
    replies = [chat.say("加上标题「山顶」两秒").reply]
    turn = chat.say("放大一点")
    assert _ops(turn) == ["update_text"]
    replies.append(turn.reply)
    turn = chat.say("把它移到底部")
    assert _ops(turn) == ["update_text"]
    replies.append(turn.reply)
    assert _texts(chat.draft()) == [("山顶", "bottom", 0.09)]
    turn = chat.say("删掉它")
    assert _ops(turn) == ["remove_text"]
    replies.append(turn.reply)
    assert _texts(chat.draft()) == []
    assert all("抱歉" not in r for r in replies) and all(any("\u4e00" <= c <= "\u9fff" for c in r) for r in replies)


def test_second_title_is_the_one_it_means(chat: Chat) -> None:
    chat.say("add the title 'Peak' for 2 seconds")
    chat.say("add 'The End' at the end")
    chat.say("make it red")
    colors = {s.meta.text: s.meta.color for t in chat.draft().tracks if t.type == TEXT for s in t.segments}
    assert colors == {"Peak": "#ffffff", "The End": "#ff3b30"}


def test_music_then_quieter_then_undo_redo(chat: Chat, tmp_path: Path) -> None:
    _upload(chat, _song(tmp_path))
    assert _ops(chat.say("use the song I uploaded as background music")) == ["set_music"]
    assert _ops(chat.say("make it quieter")) == ["update_music"]
    assert _music_volumes(chat.draft()) == [pytest.approx(0.21)]
    version = chat.version()
    chat.say("undo")
    assert _music_volumes(chat.draft()) == [pytest.approx(0.35)]
    assert chat.version() == version - 1
    chat.say("redo")
    assert _music_volumes(chat.draft()) == [pytest.approx(0.21)]
    assert chat.version() == version


def test_go_back_to_before_the_music_restores_the_version_before_it(chat: Chat, tmp_path: Path) -> None:
    _upload(chat, _song(tmp_path))
    chat.say("make it vertical")
    chat.say("use the song I uploaded as background music")
    chat.say("add the title 'Summer' for 2 seconds")
    chat.say("go back to before the music")
    draft = chat.draft()
    assert draft.canvas.height == 1920
    assert [t.type for t in draft.tracks if t.segments] == [0]
    assert _history(chat) == ["added the uploaded clips", "set the canvas 9:16 (vertical)"]


def test_chinese_revert_matches_chinese_labels(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", language="zh", two_stage_chat=False):
        add_clips(chat, tmp_path, [4.0])
        _upload(chat, _song(tmp_path))
        chat.say("改成竖屏")
        chat.say("用我上传的歌做背景音乐")
        chat.say("加上标题「夏天」")
        chat.say("回到加音乐之前")
        draft = chat.draft()
        assert [t.type for t in draft.tracks if t.segments] == [0] and draft.canvas.width == 1080


def test_delete_it_after_adding_an_uploaded_clip_deletes_that_clip(chat: Chat, tmp_path: Path) -> None:
    first = chat.draft().tracks[0].segments[0].src
    _upload(chat, make_mp4(tmp_path / f"hike{uuid.uuid4().hex[:6]}.mp4", seconds=2.0))
    assert _ops(chat.say("add the video I uploaded")) == ["add_clip"]
    assert len(chat.draft().tracks[0].segments) == 2
    assert _ops(chat.say("delete it")) == ["delete_segment"]
    assert [s.src for s in chat.draft().tracks[0].segments] == [first]


def test_unknown_request_changes_nothing_and_says_so_in_each_language(chat: Chat) -> None:
    version = chat.version()
    english = chat.say("remove the person in the background")
    chinese = chat.say("把视频里的人去掉")
    assert chat.version() == version
    assert _ops(english) == [] and _ops(chinese) == []
    assert english.reply.startswith("Sorry") and "I can:" in english.reply
    assert chinese.reply.startswith("抱歉") and "我可以" in chinese.reply


def test_generated_clip_is_it_for_the_next_clause() -> None:
    ctx = context("full")
    plan = understand("generate a clip of a lighthouse and then speed it up", ctx)
    generate = plan.actions[0]
    assert isinstance(generate, GenerateAction) and generate.prompt == "lighthouse"  # "and then" is no scene word
    # the generation's placeholder is "it": it takes the next free id, the one the runner's AddClip will give
    speed = plan.actions[1]
    assert isinstance(speed, EditAction) and speed.edit.op == "set_speed"
    assert speed.edit.segment_id == "s3"


@pytest.mark.parametrize(("message", "said"), [("make it 10 seconds shorter", "only 4 s long"),
                                                ("cut 6 seconds off the first clip", "only 4 s long"),
                                                ("把视频缩短10秒", "只有 4 秒"), ("短20秒", "只有 4 秒")])
def test_cutting_more_than_the_video_holds_is_answered_and_leaves_it_whole(chat: Chat, message: str, said: str) -> None:
    version, before = chat.version(), chat.draft()
    turn = chat.say(message)
    assert _ops(turn) == [] and chat.version() == version and chat.draft() == before
    assert said in turn.reply


@pytest.mark.parametrize("message", ["generate a slow motion shot of a hummingbird", "生成一段慢动作的海浪视频"])
def test_a_scene_in_slow_motion_is_a_generation_and_keeps_it_in_the_prompt(message: str) -> None:
    [action] = understand(message, context("full")).actions
    assert isinstance(action, GenerateAction) and ("slow motion" in action.prompt or "慢动作" in action.prompt)


@pytest.mark.parametrize("message", ["make the video slow motion", "把视频改成慢动作"])
def test_slow_motion_said_of_the_video_is_a_speed_change(chat: Chat, message: str) -> None:
    turn = chat.say(message)
    assert _ops(turn) == ["set_speed"] and {s.speed for s in chat.draft().tracks[0].segments} == {0.5}


@pytest.mark.parametrize(("message", "field"), [("make the title fade in over 2 seconds", "fade_in_ms"),
                                                ("标题用2秒淡出", "fade_out_ms")])
def test_a_title_fade_said_with_a_length_sets_the_fade_not_the_title_length(chat: Chat, message: str,
                                                                            field: str) -> None:
    chat.say("add the title 'Peak' for 3 seconds")
    turn = chat.say(message)
    [title] = [s for t in chat.draft().tracks if t.type == TEXT for s in t.segments]
    assert _ops(turn) == ["update_text"] and getattr(title.meta, field) == 2000 and title.duration_ms == 3000


@pytest.mark.parametrize(("message", "said"), [("make it longer", "How much longer"), ("把视频变长一点", "要长多少"),
                                                ("make it 5 seconds longer", "trimming cannot add 5 s")])
def test_make_it_longer_asks_how_and_changes_nothing(chat: Chat, message: str, said: str) -> None:
    version = chat.version()
    turn = chat.say(message)
    assert _ops(turn) == [] and chat.version() == version and said in turn.reply


@pytest.mark.parametrize("message", ["replace the first clip with a video of waves", "用一段海浪的视频替换第一个片段"])
def test_replacing_a_clip_with_a_new_one_is_a_replacing_generation_in_both_languages(message: str) -> None:
    [action] = understand(message, context("full")).actions
    assert isinstance(action, GenerateAction) and action.placement == "replace" and action.ref_segment_id == "s1"
    assert action.prompt in ("waves", "海浪")


@pytest.mark.parametrize(("message", "said"), [("Trim the video to a minute", "already 4 s long"),
                                                ("make the video 30 seconds long", "already 4 s long"),
                                                ("把视频剪到一分钟", "只有 4 秒")])
def test_a_trim_to_more_than_the_video_holds_is_answered_and_changes_nothing(chat: Chat, message: str,
                                                                            said: str) -> None:
    version, before = chat.version(), chat.draft()
    turn = chat.say(message)
    assert _ops(turn) == [] and chat.version() == version and chat.draft() == before
    assert said in turn.reply and ("add a clip" in turn.reply or "再加一个片段" in turn.reply)


@pytest.mark.parametrize("message", ["replace the first clip with the video I uploaded", "用我上传的视频替换第一个片段",
                                     "把第一个片段换成我上传的视频"])
def test_replacing_a_clip_with_the_uploaded_video_puts_the_upload_in_its_place(chat: Chat, tmp_path: Path,
                                                                             message: str) -> None:
    src = _upload(chat, make_mp4(tmp_path / f"hike{uuid.uuid4().hex[:6]}.mp4", seconds=2.0))
    turn = chat.say(message)
    assert _ops(turn) == ["add_clip"] and [s.src for s in chat.draft().tracks[0].segments] == [src]


@pytest.mark.parametrize(("message", "said"), [("replace the first clip with my upload", "hike.mp4 or beach.jpg"),
                                                ("用我上传的文件替换第一个片段", "hike.mp4 还是 beach.jpg")])
def test_replacing_a_clip_with_an_upload_asks_which_when_several_could_be_meant(message: str, said: str) -> None:
    [action] = understand(message, context("media")).actions
    assert isinstance(action, Unknown) and said in action.question


@pytest.mark.parametrize(("message", "said"), [("slow motion", "nothing to slow down yet"), ("慢动作", "还没有可以放慢的内容")])
def test_slow_motion_on_an_empty_project_offers_a_slow_motion_scene_and_generates_nothing(tmp_path: Path, message: str,
                                                                                          said: str) -> None:
    for chat in open_chat(tmp_path / "data", two_stage_chat=False):
        version = chat.version()
        turn = chat.say(message)
        assert turn.parts("functionCall") == [] and chat.version() == version
        assert said in turn.reply and ("slow-motion scene" in turn.reply or "生成一段慢动作" in turn.reply)


@pytest.mark.parametrize(("message", "op", "segment"), [("让狗的那段快一点", "set_speed", "s2"),
                                                         ("把城市那段的声音关掉", "set_clip_audio", "s1"),
                                                         ("把狗的片段删掉", "delete_segment", "s2"),
                                                         ("make the clip with the dog go faster", "set_speed", "s2")])
def test_a_clip_named_by_what_it_shows_in_either_language(message: str, op: str, segment: str) -> None:
    draft = Draft.empty()
    for src, seconds, name in (("media:a", 10, "夜晚的城市街道 city at night"), ("media:b", 5, "海滩上奔跑的狗 a dog running")):
        draft = apply_edit(draft, AddClip(src=src, duration_ms=seconds * 1000, name=name))
    [action] = understand(message, AgentContext(draft=draft, media=[], history=[])).actions
    assert isinstance(action, EditAction) and action.edit.op == op and action.edit.model_dump().get("segment_id") == segment


@pytest.mark.parametrize("message", ["I don't like the crossfade, take it out", "我不喜欢这个转场，去掉吧"])
def test_a_complaint_names_what_the_request_after_it_removes(chat: Chat, message: str) -> None:
    turn = chat.say(message)
    assert _ops(turn) == ["set_transition"] and turn.parts("functionCall")[0]["args"]["type"] == "none"


def test_traditional_chinese_is_answered_in_traditional_and_keeps_what_was_typed(tmp_path: Path) -> None:
    """A Taiwan user's conversation: the title goes on the draft as typed, the reply and the version's label are in
    Traditional characters (Taiwan's words: 新增, 影片), a message written the same in both scripts keeps the
    conversation's script, "go back to before the title" reads the Traditional label, and English stays English."""
    for chat in open_chat(tmp_path / "data", language="zh", two_stage_chat=False):
        add_clips(chat, tmp_path, [4.0])
        turn = chat.say("片頭加個標題「夏天的風」")
        assert _ops(turn) == ["add_text"]
        assert _texts(chat.draft())[0][0] == "夏天的風"
        assert "新增標題「夏天的風」" in turn.reply and "添加" not in turn.reply
        assert _history(chat)[-1] == "在開頭添加標題「夏天的風」"
        turn = chat.say("影片改成直式")
        assert _ops(turn) == ["set_canvas"] and chat.draft().canvas.height == 1920
        assert "畫布" in turn.reply and "画布" not in turn.reply
        turn = chat.say("加字幕")  # the same characters in both scripts: the conversation's script
        assert "字幕" in turn.reply and "没" not in turn.reply and "视频" not in turn.reply
        chat.say("回到加標題之前")
        assert _texts(chat.draft()) == []
        assert chat.draft().canvas.height == 1080
        turn = chat.say("make it square")
        assert _ops(turn) == ["set_canvas"] and turn.reply.startswith("Done")


def test_cantonese_is_answered_in_hong_kong_characters(tmp_path: Path) -> None:
    """Written Cantonese: each request of a message read, the reply in Hong Kong's characters."""
    for chat in open_chat(tmp_path / "data", language="zh", two_stage_chat=False):
        add_clips(chat, tmp_path, [4.0, 4.0])
        turn = chat.say("唔該幫我加個標題「維港」，將啲字整大啲，刪咗第二段")
        assert _ops(turn) == ["add_text", "update_text", "delete_segment"]
        assert _texts(chat.draft())[0][0] == "維港"
        assert "刪除第2個片段" in turn.reply and "删除" not in turn.reply
        turn = chat.say("而家條片幾長？")  # "how long is the video now?": the timeline
        assert "(0-4s)" in turn.reply
