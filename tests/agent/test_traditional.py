"""Traditional Chinese (Taiwan, Hong Kong) read by the simplified rules: the reading, the user's words as typed, and
the reply, questions and labels in the user's script (``reelforge.agent._traditional``)."""

from __future__ import annotations

import pytest

from reelforge.agent import EditAction, GenerateAction, Outcome, Unknown, VoiceAction, compose_reply, understand
from reelforge.agent._traditional import in_script, label_in_script, read_chinese, script_of, simplified
from reelforge.agent.describe import describe_edit
from reelforge.draft.edits import AddText, DeleteSegment, SetCanvas, SetTransition, UpdateMusic

from ._fixtures import context


@pytest.mark.parametrize(("message", "script"), [
    ("幫我把背景音樂調小一點", "tw"), ("影片改成直式", "tw"), ("字幕加上ㄅ", "tw"),
    ("唔該幫我 fade out 個 music", "hk"), ("刪咗第二段", "hk"),
    ("把音乐调小一点", "hans"), ("加字幕", "hans"), ("make the title red", "hans"),
    ("加标题「夏天的風」", "hans"),  # simplified around a Traditional title: the user writes simplified
])
def test_the_script_is_told_by_the_characters_only_one_script_has(message: str, script: str) -> None:
    assert script_of(message) == script


def test_a_message_written_the_same_in_both_scripts_keeps_the_conversation_s() -> None:
    assert script_of("加字幕", ["在開頭添加標題「夏天」"]) == "tw"
    assert script_of("加字幕", ["删除第2個片段咗"]) == "hk"
    assert script_of("加字幕", ["在开头添加标题「夏天」"]) == "hans"


def test_the_reading_is_simplified_with_the_regional_words_as_the_shared_ones() -> None:
    assert read_chinese("影片改成直式，匯出成mp4檔").text == "视频改成竖屏，导出成mp4文件"
    assert read_chinese("唔該將啲字整大啲，刪咗第二段").text == "请把字调大一点，删掉第二段"
    assert read_chinese("城市嗰段開頭兩秒剪咗佢").text == "城市那段开头两秒剪掉"
    assert read_chinese("make it vertical").text == "make it vertical"


def test_quoted_words_are_never_read_as_other_words() -> None:
    reading = read_chinese("加個標題「多謝收看」")
    assert reading.text == "加个标题「多谢收看」"  # not 谢谢: the characters only
    assert reading.typed("多谢收看") == "多謝收看"


def test_the_user_s_words_are_put_back_as_typed_even_across_a_regional_word() -> None:
    reading = read_chinese("旁白：歡迎嚟到我嘅影片頻道")
    assert reading.typed("欢迎来到我的视频频道") == "歡迎嚟到我嘅影片頻道"
    assert reading.typed("添加配音") == "添加配音"  # the rules' own words stay theirs
    assert read_chinese("生成一段九份老街的影片").typed("9份老街") == "九份老街"


@pytest.mark.parametrize(("message", "want"), [
    ("片頭加個標題夏天的風", AddText), ("生成一段高雄駁二的街景影片，直式，十秒", GenerateAction),
    ("旁白：歡迎來到台南，這裡的小吃很有名", VoiceAction),
])
def test_what_goes_into_the_draft_keeps_the_characters_typed(message: str, want: type) -> None:
    plan = understand(message, context("full"))
    action = plan.actions[0]
    words = action.edit.text if isinstance(action, EditAction) else getattr(action, "prompt", None) or action.text
    assert isinstance(action.edit if isinstance(action, EditAction) else action, want)
    assert words in message and simplified(words) != words


def test_a_traditional_message_gets_a_traditional_reply_and_question() -> None:
    plan = understand("片頭加個標題「夏天」，再加個濾鏡", context("full"))
    reply = compose_reply(plan, [Outcome(a) for a in plan.actions if not isinstance(a, Unknown)])
    assert plan.script == "tw"
    assert reply.startswith("已在開頭新增標題「夏天」。") and "濾鏡" in reply and "视频" not in reply
    question = next(a for a in plan.actions if isinstance(a, Unknown)).question
    assert question in reply and simplified(question) != question


@pytest.mark.parametrize("message", ["make the title red and add a crossfade", "把标题改成红色，再加个转场"])
def test_english_and_simplified_replies_are_unchanged(message: str) -> None:
    plan = understand(message, context("full"))
    reply = compose_reply(plan, [Outcome(a) for a in plan.actions])
    assert plan.script == "hans" and simplified(reply) == reply


def test_replies_take_taiwan_s_words_and_hong_kong_s_characters_but_keep_the_user_s() -> None:
    assert in_script("已导出视频", "tw") == "已匯出影片"
    assert in_script("已导出视频", "hk") == "已導出視頻"
    assert in_script("已添加旁白「视频很好看」", "tw", ["视频很好看"]) == "已新增旁白「视频很好看」"


@pytest.mark.parametrize("edit", [AddText(text="夏天"), SetCanvas(aspect="9:16"), UpdateMusic(volume=0.2),
                                  SetTransition(type="fade", duration_ms=500), DeleteSegment(segment_id="s2")])
@pytest.mark.parametrize("script", ["tw", "hk"])
def test_a_label_saved_in_traditional_reads_back_as_it_was_written(edit: object, script: str) -> None:
    label = describe_edit(edit, "zh")  # type: ignore[arg-type]
    assert simplified(label_in_script(label, script)) == label  # type: ignore[arg-type]
    assert label_in_script(label, "hans") == label  # type: ignore[arg-type]
