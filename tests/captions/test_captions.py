"""Captions from narration: layout, styles and subtitle files, parsed back with other libraries."""

from __future__ import annotations

import io
from pathlib import Path

import pysubs2
import pytest
import srt
import webvtt

from reelforge.captions import ass_script, caption_list, safe_area, subtitle_text, text_width, wrap_words
from reelforge.draft import Draft, apply_edit, validate
from reelforge.draft.edits import AddVoice, RemoveVoice, SetCaptions
from reelforge.draft.model import Cue, Word
from reelforge.errors import DraftInvalid, InvalidInput
from reelforge.fonts import default_font
from reelforge.settings import Settings
from reelforge.speech import narrate

FONT = default_font("SC")


def _draft(tmp_path: Path, text: str, width: int = 1080, height: int = 1920, start_ms: int = 0) -> Draft:
    n = narrate(text, tmp_path / "n.wav", Settings())
    d = Draft.empty(width, height)
    d = apply_edit(d, AddVoice(src="n.wav", text=n.text, voice=n.voice, duration_ms=n.duration_ms,
                               start_ms=start_ms, cues=n.cues))
    return apply_edit(d, SetCaptions(style="clean"))


def test_srt_and_webvtt_parse_with_other_libraries_and_agree(tmp_path: Path) -> None:
    d = _draft(tmp_path, "Good morning. The market opens at seven, and the coffee is already hot.", start_ms=1500)
    parsed_srt = list(srt.parse(subtitle_text(d, "srt", FONT)))
    parsed_vtt = webvtt.from_buffer(io.StringIO(subtitle_text(d, "vtt", FONT)), format="vtt")
    assert len(parsed_srt) == len(parsed_vtt.captions) >= 2
    assert parsed_srt[0].start.total_seconds() == pytest.approx(1.5, abs=0.002)
    for a, b in zip(parsed_srt, parsed_vtt.captions):
        assert a.content.replace("\n", " ") == b.text.replace("\n", " ")
        assert a.start.total_seconds() == pytest.approx(_vtt_seconds(b.start), abs=0.001)
        assert a.end.total_seconds() == pytest.approx(_vtt_seconds(b.end), abs=0.001)
    said = " ".join(c.content.replace("\n", " ") for c in parsed_srt)
    assert said == "Good morning. The market opens at seven, and the coffee is already hot."


def _vtt_seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def test_captions_follow_the_narration_on_the_timeline(tmp_path: Path) -> None:
    d = _draft(tmp_path, "One. Two.", start_ms=4000)
    [first, second] = caption_list(d, 1080, 1920, FONT)
    cues = d.voice_segments()[0].meta.cues or []
    assert first.start_ms == 4000 + cues[0].start_ms and second.end_ms == 4000 + cues[1].end_ms


def test_no_narration_means_no_subtitles() -> None:
    d = apply_edit(Draft.empty(), SetCaptions(style="clean"))
    with pytest.raises(InvalidInput) as caught:
        subtitle_text(d, "srt", FONT)
    assert caught.value.field == "captions"
    with pytest.raises(InvalidInput):
        subtitle_text(d, "ass", FONT)


def test_chinese_lines_break_between_characters_and_fit_the_width() -> None:
    words = list("清晨的城市还很安静，街上的面包店开门了。")
    words[8] += words.pop(9)  # the comma stays with the character before it
    lines = wrap_words(words, 6.0, FONT)
    assert len(lines) >= 3
    for line in lines:
        assert text_width("".join(words[i] for i in line), FONT) <= 6.0
    assert all(not words[line[0]].startswith(("，", "。")) for line in lines)


def test_latin_lines_never_break_inside_a_word() -> None:
    words = "Extraordinary things happen every single morning".split()
    lines = wrap_words(words, 8.0, FONT)
    assert [i for line in lines for i in line] == list(range(len(words)))


def test_safe_areas_keep_vertical_captions_off_the_platform_buttons() -> None:
    vertical, wide = safe_area(1080, 1920), safe_area(1920, 1080)
    assert vertical.right > vertical.left and vertical.bottom >= 0.2
    assert wide.bottom < vertical.bottom


def test_user_text_cannot_inject_ass_tags(tmp_path: Path) -> None:
    d = Draft.empty(1080, 1920)
    cue = Cue(start_ms=0, duration_ms=1000, text=r"{\pos(0,0)}Hi \N there",
              words=[Word(start_ms=0, duration_ms=500, text=r"{\pos(0,0)}Hi"), Word(start_ms=500, duration_ms=500,
                                                                                 text=r"\N there")])
    d = apply_edit(d, AddVoice(src="n.wav", text="x", voice="en_female", duration_ms=1000, cues=[cue]))
    d = apply_edit(d, SetCaptions(style="highlight"))
    script = ass_script(d, 1080, 1920, FONT)
    doc = pysubs2.SSAFile.from_string(script)
    assert doc.events and all("\\pos" not in event.text for event in doc.events)
    assert "｛＼pos(0,0)｝Hi" in script and "＼N there" in script


def test_caption_settings_are_validated() -> None:
    d = apply_edit(Draft.empty(), SetCaptions(style="highlight", color="yellow"))
    assert d.canvas.captions is not None and d.canvas.captions.color == "yellow"
    with pytest.raises(InvalidInput):
        apply_edit(d, SetCaptions(color="not-a-colour"))
    wire = d.to_wire()
    wire["m"]["captions"]["size"] = 0.9
    with pytest.raises(DraftInvalid) as caught:
        validate(wire)
    assert caught.value.path == "m.captions.size"


def test_bigger_captions_scale_the_style_size_and_off_removes_them() -> None:
    d = apply_edit(Draft.empty(), SetCaptions(style="clean"))
    d = apply_edit(d, SetCaptions(size_scale=1.5))
    assert d.canvas.captions is not None and d.canvas.captions.size == pytest.approx(0.045 * 1.5)
    assert apply_edit(d, SetCaptions(enabled=False)).canvas.captions is None


def test_remove_voice_takes_the_voice_track_away(tmp_path: Path) -> None:
    d = _draft(tmp_path, "Hello there.")
    assert d.voice_segments()
    assert not apply_edit(d, RemoveVoice()).voice_segments()
    with pytest.raises(InvalidInput):
        apply_edit(apply_edit(d, RemoveVoice()), RemoveVoice())


def test_cues_out_of_order_are_refused_with_their_path() -> None:
    wire = {"v": 1, "m": {"w": 320, "h": 180}, "t": [{"id": "voice", "tt": 1, "sg": [
        {"id": "n1", "src": "n.wav", "s": 0, "d": 2000, "m": {"voice": "en_female", "text": "x", "cues": [
            {"s": 500, "d": 500, "text": "b"}, {"s": 0, "d": 400, "text": "a"}]}}]}]}
    with pytest.raises(DraftInvalid) as caught:
        validate(wire)
    assert caught.value.path == "t[0].sg[0].m.cues[1].s"


def test_the_summary_names_the_voice_track_and_music_stays_bgm() -> None:
    from reelforge.draft import summary
    from reelforge.draft.edits import SetMusic

    d = apply_edit(Draft.empty(), AddVoice(src="n.wav", text="Hello there.", voice="en_female", duration_ms=1200))
    d = apply_edit(d, SetMusic(src="m.wav", name="Lo-fi", volume=0.35))
    assert summary(d) == 'Timeline (2 tracks): 1. Voice: "Hello there." (0-1.2s) 2. BGM: Lo-fi (0-1.2s, 35%)'
    assert [t.is_music for t in d.tracks] == [False, True]
