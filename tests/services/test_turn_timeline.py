"""Export to another editor by chat: "export for Premiere" delivers an FCP XML behind a link; "导出给剪映" says
honestly that CapCut has no open format and offers what exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import opentimelineio as otio
import pytest

from reelforge.agent import AgentContext, ExportAction, understand
from reelforge.draft import Draft
from reelforge.errors import NotFound
from reelforge.services.exports import download_target
from tests.services._turn_harness import Chat, add_clips, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False)


def test_export_for_premiere_delivers_an_fcp_xml_of_the_timeline(chat: Chat, tmp_path: Path) -> None:
    draft = add_clips(chat, tmp_path, [1.0, 1.0], transition_ms=200)
    turn = chat.say("export for Premiere")
    (response,) = turn.parts("functionResponse")
    result = response["response"]
    assert response["name"] == "export_timeline" and result["delivered"] and result["format"] == "fcp_xml"
    assert result["url"] in turn.reply and "FCP 7 XML" in turn.reply and "2 clips" in turn.reply
    kind, object_id = chat.svc.links.open(result["url"].rsplit("/", 1)[-1])
    path, mime, name = download_target(chat.svc, kind, object_id)
    assert mime == "application/xml" and name.endswith(".xml")
    timeline = otio.adapters.read_from_string(path.read_text(encoding="utf-8"), "fcp_xml")
    clips = list(timeline.find_clips())
    assert [Path(c.media_reference.target_url).stem for c in clips] == [
        s.src.removeprefix("media:") for s in draft.tracks[0].segments if s.src]
    with pytest.raises(NotFound, match="file not found"):  # someone else's id in the same kind of link
        download_target(chat.svc, kind, object_id, owner_id="usr_someone_else")
    assert chat.draft() == draft  # an export changes nothing


def test_export_for_final_cut_says_what_became_markers(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0, 1.0], transition_ms=200)
    turn = chat.say("export it for Final Cut")
    result = turn.parts("functionResponse")[0]["response"]
    assert result["format"] == "fcpx_xml" and "FCPXML" in turn.reply and "markers" in turn.reply


def test_export_for_capcut_says_there_is_no_open_format_and_offers_fcp_xml(chat: Chat, tmp_path: Path) -> None:
    zh = chat.new_session("zh")
    add_clips(zh, tmp_path, [1.0])
    turn = zh.say("导出给剪映")
    result = turn.parts("functionResponse")[0]["response"]
    assert result["delivered"] is False and "url" not in result
    assert "没有公开的工程文件格式" in turn.reply and "FCP XML" in turn.reply and "mp4" in turn.reply
    english = chat.say("export for CapCut")
    assert "no open project format" in english.reply and "export for Premiere" in english.reply


def test_export_for_premiere_with_an_empty_timeline_says_so(chat: Chat) -> None:
    turn = chat.say("export for Premiere")
    assert "couldn't export the timeline" in turn.reply and "add a clip first" in turn.reply


def test_export_for_tiktok_is_still_a_video_export() -> None:
    (action,) = understand("export for TikTok", AgentContext(draft=Draft.empty())).actions
    assert isinstance(action, ExportAction) and action.preset == "tiktok"
