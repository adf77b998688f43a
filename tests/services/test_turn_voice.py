"""Voice-over, captions and scripts by chat over the real services: espeak-ng speaks, the narration is
stored as media, captions and subtitles follow it, a script becomes a 1080p video."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import pytest
import srt

from reelforge.draft import VIDEO, read_change
from reelforge.store.repos import DraftRepo, RenderRepo, SessionRepo
from tests.services._turn_harness import Chat, add_clips, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False)


def _voices(chat: Chat) -> list[object]:
    return chat.draft().voice_segments()


def test_a_voice_over_is_spoken_stored_and_edited_by_chat(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [3.0, 3.0])
    turn = chat.say("add a voice-over saying Welcome to the coast. The water is warm today.")
    [narration] = chat.draft().voice_segments()
    assert narration.meta.voice == "en_female" and narration.start_ms == 0
    assert [c.text for c in narration.meta.cues or []] == ["Welcome to the coast.", "The water is warm today."]
    media = chat.media(narration.src)
    assert media.kind == "audio" and media.owner_id == chat.principal.user_id and media.provenance["speech"]
    with av.open(str(chat.media_path(narration.src))) as container:
        assert abs(container.duration / 1e6 - narration.duration_ms / 1000) < 0.05
    assert "voice-over" in turn.reply

    chat.say("add subtitles")
    assert chat.draft().canvas.captions is not None
    chat.say("make the captions bigger")
    assert (chat.draft().canvas.captions.size or 0) > 0.045  # type: ignore[union-attr]

    before = narration.duration_ms
    chat.say("use a male voice")
    [male] = chat.draft().voice_segments()
    assert male.meta.voice == "en_male" and male.meta.text == narration.meta.text
    chat.say("speak slower")
    [slow] = chat.draft().voice_segments()
    assert slow.meta.rate == 0.8 and slow.duration_ms > 1.15 * before and slow.meta.voice == "en_male"

    turn = chat.say("export the subtitles")
    (response,) = [p["response"] for p in turn.parts("functionResponse") if p["name"] == "export_subtitles"]
    assert response["url"] in turn.reply
    path = chat.media_path(f"media:{response['media_id']}")
    cues = list(srt.parse(path.read_text(encoding="utf-8")))
    assert " ".join(c.content.replace("\n", " ") for c in cues) == "Welcome to the coast. The water is warm today."

    chat.say("remove the voice")
    assert chat.draft().voice_segments() == []


def test_chinese_voice_phrases(chat: Chat, tmp_path: Path) -> None:
    zh = chat.new_session("zh")
    add_clips(zh, tmp_path, [3.0])
    turn = zh.say("加配音：欢迎来到海边。今天的海水很暖和。")
    [narration] = zh.draft().voice_segments()
    assert narration.meta.voice == "zh_female" and "配音" in turn.reply
    zh.say("加字幕")
    zh.say("字幕换成黄色")
    zh.say("字幕放大")
    captions = zh.draft().canvas.captions
    assert captions is not None and captions.color == "#ffcc00" and (captions.size or 0) > 0.045
    zh.say("换成男声")
    assert zh.draft().voice_segments()[0].meta.voice == "zh_male"
    zh.say("去掉配音")
    assert zh.draft().voice_segments() == []


def test_a_line_said_at_the_end_ends_with_the_video(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [3.0, 3.0])
    chat.say("have a man say 'see you tomorrow' at the end")
    [line] = chat.draft().voice_segments()
    assert line.meta.voice == "en_male" and 0 < line.start_ms and line.start_ms + line.duration_ms == 6000


def test_changing_a_voice_that_is_not_there_says_so(chat: Chat) -> None:
    turn = chat.say("use a male voice")
    assert "no voice-over" in turn.reply


def test_a_voice_over_without_words_asks_for_them(chat: Chat) -> None:
    turn = chat.say("add a voice-over")
    assert "What should the voice say" in turn.reply and chat.draft().voice_segments() == []


def test_a_script_by_chat_becomes_a_narrated_captioned_1080p_video(chat: Chat) -> None:
    script = "The harbour wakes up. Boats come home. Gulls fly over the market. Coffee steams. The town is awake."
    turn = chat.say(f"make a video from this script: {script}")
    draft = chat.draft()
    [main] = draft.tracks_of(0)  # type: ignore[arg-type]
    voices = draft.voice_segments()
    assert len(main.segments) == 5 and len(voices) == 5
    for clip, voice in zip(main.segments, voices):
        assert clip.start_ms <= voice.start_ms and voice.end_ms <= clip.end_ms
    assert draft.canvas.captions is not None and draft.canvas.captions.style == "highlight"
    assert any(t.is_music for t in draft.tracks)
    assert "5 scenes" in turn.reply
    turn = chat.say("export it")
    result = [p["response"] for p in turn.parts("functionResponse") if p["name"] == "export"][0]
    assert result["ok"] is True
    with chat.svc.db.read() as db:
        record = RenderRepo(db).by_client_id(chat.principal.user_id, result["render_id"])
    assert record is not None and record.output_key
    with av.open(str(chat.svc.blobs.local_path(record.output_key))) as container:
        video = container.streams.video[0]
        assert (video.width, video.height) == (1920, 1080) and container.streams.audio
        assert abs(container.duration / 1e6 - draft.end_ms / 1000) < 0.1


def test_an_uploaded_script_file_becomes_the_video(chat: Chat, tmp_path: Path) -> None:
    from reelforge.services.uploads import ingest_file

    script = tmp_path / "story.txt"
    script.write_text("清晨的海港很安静。渔船慢慢回来了。", encoding="utf-8")
    zh = chat.new_session("zh")
    ingest_file(zh.svc, zh.principal, zh.session_id, "story.txt", script)
    turn = zh.say("用我上传的文案做一个竖屏视频")
    draft = zh.draft()
    assert (draft.canvas.width, draft.canvas.height) == (1080, 1920)
    assert [v.meta.text for v in draft.voice_segments()] == ["清晨的海港很安静。", "渔船慢慢回来了。"]
    assert all(v.meta.voice == "zh_female" for v in draft.voice_segments())
    assert "2 个场景" in turn.reply


def test_a_script_without_a_file_asks_for_one(chat: Chat) -> None:
    turn = chat.say("make a video from my script")
    assert "Upload the script as a .txt file" in turn.reply


def test_a_script_over_my_photos_uses_them_in_order_with_slow_zooms(chat: Chat, tmp_path: Path) -> None:
    import subprocess

    from reelforge.ffmpeg import ffmpeg_exe
    from reelforge.services.uploads import ingest_file

    for name, colour in (("a.png", "red"), ("b.png", "blue")):
        path = tmp_path / name
        subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c={colour}:s=320x240",
                        "-frames:v", "1", str(path)], check=True)
        ingest_file(chat.svc, chat.principal, chat.session_id, name, path)
    turn = chat.say("make a vertical video from this script with my photos: The harbour wakes. Boats come home. "
                    "Gulls fly.")
    draft = chat.draft()
    clips = draft.tracks_of(0)[0].segments  # type: ignore[arg-type]
    names = [chat.media(c.src).name for c in clips]
    assert names == ["a.png", "b.png", "a.png"] and [c.meta.motion for c in clips] == ["zoom_in", "zoom_out", "zoom_in"]
    assert (draft.canvas.width, draft.canvas.height) == (1080, 1920)
    voices = draft.voice_segments()
    assert len(voices) == 3 and all(c.start_ms <= v.start_ms and v.end_ms <= c.end_ms for c, v in zip(clips, voices))
    assert "3 scenes" in turn.reply and not [m for m in chat.state()["generated_media"] if m["kind"] == "video"]


def test_a_script_over_my_photos_without_photos_says_so(chat: Chat) -> None:
    turn = chat.say("make a video from this script with my photos: One. Two.")
    assert "upload some first" in turn.reply


def test_voice_and_caption_versions_record_their_edits_and_revert_reads_them(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [2.0, 2.0])
    chat.say("fade out at the end")
    chat.say("add a voice-over saying Hello from the hills.")
    chat.say("add subtitles")
    with chat.svc.db.read() as db:
        session = SessionRepo(db).get(chat.session_id)
        assert session is not None
        drafts = DraftRepo(db)
        changes = [read_change(drafts.version(session.id, n).changes)  # type: ignore[union-attr]
                   for n in range(2, session.draft_version + 1)]
    assert [[e.op for e in c.edits] for c in changes if c is not None] == [
        ["set_fade"], ["add_voice"], ["set_captions"]]
    chat.say("go back to before the voice-over")
    draft = chat.draft()
    assert draft.voice_segments() == [] and draft.canvas.captions is None  # the narration and what came after
    assert draft.tracks_of(VIDEO)[0].segments[-1].meta.fade_out_ms == 1000  # the fade made before it stays


def test_a_caption_restyle_with_no_narration_says_nothing_is_captioned_yet(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [2.0])
    turn = chat.say("make the captions yellow")
    assert chat.draft().canvas.captions is not None and chat.draft().canvas.captions.color is not None
    assert "no voice-over yet" in turn.reply
    zh = chat.say("字幕放大一点")
    assert "还没有配音" in zh.reply
