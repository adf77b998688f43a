"""Export by chat: the same render service as the seed protocol, progress streamed, a URL in the reply."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import pytest

from reelforge.agent import ExportAction
from reelforge.render.check import check_file
from reelforge.services.turn_export import export_target
from reelforge.store.repos import RenderRepo
from tests.services._turn_harness import Chat, add_clips, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False)


def test_export_for_tiktok_renders_a_vertical_h264_file_and_replies_with_its_url(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    before = chat.draft()
    turn = chat.say("export for TikTok")
    (response,) = turn.parts("functionResponse")
    result = response["response"]
    assert response["name"] == "export" and result["ok"] is True and result["status"] == "completed"
    assert result["url"] in turn.reply and result["url"].startswith(chat.svc.public_url)
    progress = [e["actions"]["stateDelta"]["progress"]["fraction"] for e in turn.events
                if "progress" in e["actions"]["stateDelta"]]
    assert progress[0] == 0.0 and progress == sorted(progress)
    with chat.svc.db.read() as db:
        record = RenderRepo(db).by_client_id(chat.principal.user_id, result["render_id"])
    assert record is not None and record.output_key and record.session_id == chat.session_id
    path = chat.svc.blobs.local_path(record.output_key)
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 1080, 1920)
    assert check_file(path, "tiktok") == []  # the preset's encoder and loudness were applied
    assert chat.draft() == before  # the preset shapes the exported copy, not the project


def test_export_in_chinese_keeps_the_canvas_and_answers_in_chinese(chat: Chat, tmp_path: Path) -> None:
    zh = chat.new_session("zh")
    add_clips(zh, tmp_path, [1.0])
    turn = zh.say("导出")
    result = turn.parts("functionResponse")[0]["response"]
    assert result["ok"] is True and (result["width"], result["height"]) == (1920, 1080)
    assert "导出完成" in turn.reply and result["url"] in turn.reply


def test_export_with_nothing_on_the_timeline_says_so(chat: Chat) -> None:
    turn = chat.say("export for TikTok")
    assert "The export failed" in turn.reply and "generate or add a clip first" in turn.reply
    assert turn.parts("functionCall") == []


def test_a_plan_that_may_not_export_gets_the_reason_in_the_reply(tmp_path: Path) -> None:
    for chat in open_chat(tmp_path / "data", two_stage_chat=False, anonymous_export=False):
        add_clips(chat, tmp_path, [1.0])
        turn = chat.say("export")
        assert "free plan export blocked" in turn.reply


def test_presets_pick_the_canvas_and_the_words_pick_format_and_quality() -> None:
    assert export_target(ExportAction(preset="tiktok")).aspect == "9:16"
    assert export_target(ExportAction(preset="youtube")).aspect == "16:9"
    assert export_target(ExportAction(preset="square")).aspect == "1:1"
    gif = export_target(ExportAction(preset="gif"))
    assert (gif.format, gif.aspect) == ("gif", None)  # a preset without a canvas keeps the draft's
    plain = export_target(ExportAction(format="webm", quality="low"))
    assert (plain.format, plain.quality, plain.aspect) == ("webm", "low", None)


def _delivered(chat: Chat, result: dict[str, object]) -> tuple[int, int, float]:
    with chat.svc.db.read() as db:
        record = RenderRepo(db).by_client_id(chat.principal.user_id, str(result["render_id"]))
    assert record is not None and record.output_key
    path = chat.svc.blobs.local_path(record.output_key)
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return stream.codec_context.width, stream.codec_context.height, float(container.duration or 0) / av.time_base


@pytest.mark.parametrize("message", ["export in 720p", "export as a gif"])
def test_the_export_reply_states_the_file_delivered_not_the_canvas(chat: Chat, tmp_path: Path, message: str) -> None:
    add_clips(chat, tmp_path, [1.0])
    turn = chat.say(message)
    result = turn.parts("functionResponse")[0]["response"]
    assert result["ok"] is True
    width, height, _ = _delivered(chat, result)
    assert (width, height) != (1920, 1080)  # the canvas: the web preset and the GIF are smaller
    assert (result["width"], result["height"]) == (width, height)
    assert f"{width}x{height}" in turn.reply and "1920x1080" not in turn.reply
    assert "1 s" in turn.reply  # and its length
