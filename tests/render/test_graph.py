"""build_graph: golden text for small drafts, and the graph's shape for each option.

Golden files live in tests/render/golden/; regenerate them with
``REELFORGE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_graph.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reelforge.errors import InvalidInput
from reelforge.fonts import default_font
from reelforge.media import MediaInfo
from reelforge.render import RenderOptions, build_graph
from reelforge.render.graph import output_canvas

from .helpers import audio_track, draft, text_track, video_track

GOLDEN = Path(__file__).parent / "golden"
OUT = Path("/renders/out.mp4")

MEDIA = {
    "a.mp4": MediaInfo(path=Path("/media/a.mp4"), kind="video", duration_ms=3000, width=320, height=180,
                       fps=30, has_audio=True, has_video=True),
    "b.mp4": MediaInfo(path=Path("/media/b.mp4"), kind="video", duration_ms=3000, width=640, height=480,
                       fps=25, has_video=True),
    "still.png": MediaInfo(path=Path("/media/still.png"), kind="image", width=200, height=300, has_video=True),
    "music.wav": MediaInfo(path=Path("/media/music.wav"), kind="audio", duration_ms=1000, has_audio=True),
}

CLIPS_TRANSITION_MUSIC_TITLE = draft(320, 180, [
    video_track({"id": "s1", "src": "a.mp4", "s": 0, "d": 2000, "in": 500},
                {"id": "s2", "src": "b.mp4", "s": 1500, "d": 2000,
                 "m": {"fit": "contain", "tr": {"type": "dissolve", "d": 500}}}),
    audio_track({"id": "m1", "src": "music.wav", "s": 0, "d": 3500,
                 "m": {"vol": 0.35, "loop": True, "fo": 1000, "duck": True}}),
    text_track({"id": "t1", "s": 0, "d": 1500, "m": {"text": "Urban Dreams", "pos": "bottom", "fi": 300}}),
], bg="#102030")

STILL_GAP_SPEED = draft(320, 180, [
    video_track({"id": "p1", "src": "still.png", "s": 500, "d": 1000, "m": {"fit": "blur"}},
                {"id": "c1", "src": "a.mp4", "s": 2000, "d": 1000, "m": {"speed": 2.0, "vol": 0.5}}),
    text_track({"id": "t1", "s": 0, "d": 1000, "m": {"text": "Hello", "pos": {"x": 0.25, "y": 0.2},
                                                      "color": "#ff000080", "bgcolor": "black"}}),
])


def _golden_text(name: str, fmt: str = "mp4") -> str:
    graph = build_graph(CLIPS_TRANSITION_MUSIC_TITLE if name.startswith("clips") else STILL_GAP_SPEED,
                        MEDIA, OUT, RenderOptions(format=fmt))  # type: ignore[arg-type]
    text = "\n".join(graph.argv) + "\n---\n" + graph.filter_script
    # x264 runs a thread a core (encode.py): the count is this machine's
    text = text.replace(f"\n-threads\n{os.cpu_count() or 1}\n-x264-params", "\n-threads\n<CORES>\n-x264-params")
    return text.replace(str(default_font()), "<FONT>")


@pytest.mark.parametrize("name", ["clips_transition_music_title.mp4", "still_gap_speed.mp4"])
def test_graph_text_matches_golden(name: str) -> None:
    text = _golden_text(name, fmt=name.rsplit(".", 1)[1])
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("REELFORGE_REGEN_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_one_input_serves_a_clips_picture_and_its_sound() -> None:
    graph = build_graph(CLIPS_TRANSITION_MUSIC_TITLE, MEDIA, OUT, RenderOptions())
    assert graph.inputs == ["/media/a.mp4", "/media/b.mp4", "/media/music.wav"]
    assert "[0:v]" in graph.filter_script and "[0:a]" in graph.filter_script


def test_canvas_sized_source_is_not_scaled_and_xfade_sees_only_the_overlap() -> None:
    script = build_graph(CLIPS_TRANSITION_MUSIC_TITLE, MEDIA, OUT, RenderOptions()).filter_script
    first_clip = next(line for line in script.splitlines() if line.startswith("[0:v]"))
    assert "scale" not in first_clip
    xfade = next(line for line in script.splitlines() if "xfade" in line)
    assert "xfade=transition=dissolve:duration=0.5:offset=0,format=yuv420p" in xfade
    # its inputs are 15-frame windows trimmed out of the two pieces, not the whole clips
    assert xfade.startswith("[t") and script.count("trim=start_frame=") == 2


def test_max_height_scales_the_canvas_keeping_aspect_with_even_sizes() -> None:
    big = draft(1080, 1920, [video_track({"id": "s", "src": "a.mp4", "s": 0, "d": 1000})])
    graph = build_graph(big, MEDIA, OUT, RenderOptions(max_height=361))
    assert (graph.width, graph.height) == (204, 360)  # 1080*361/1920 = 203.06 -> even 204; 361 -> 360
    assert "scale=w=204:h=360" in graph.filter_script


def test_a_gif_canvas_caps_fps_and_width_and_one_graph_for_a_gif_is_refused_by_field() -> None:
    wide = draft(1920, 1080, [video_track({"id": "s", "src": "a.mp4", "s": 0, "d": 1000})], fps=30)
    canvas = output_canvas(wide, RenderOptions(format="gif"))
    assert (canvas.width, canvas.height, canvas.fps) == (720, 404, 15)  # 405 rounds to an even 404
    # render() makes a GIF in two runs (tests/render/test_renderer.py); one graph would hold every frame
    with pytest.raises(InvalidInput) as caught:
        build_graph(wide, MEDIA, OUT.with_suffix(".gif"), RenderOptions(format="gif"))
    assert caught.value.field == "format" and "two steps" in caught.value.message


@pytest.mark.parametrize("fmt", ["mp3", "wav"])
def test_audio_only_formats_drop_the_picture(fmt: str) -> None:
    graph = build_graph(CLIPS_TRANSITION_MUSIC_TITLE, MEDIA, OUT, RenderOptions(format=fmt))  # type: ignore[arg-type]
    assert "[vout]" not in graph.filter_script and "drawtext" not in graph.filter_script
    assert (graph.width, graph.height) == (None, None)
    assert graph.argv[graph.argv.index("-map") + 1] == "[aout]"


def test_draft_without_sound_gets_a_silent_track_of_its_length() -> None:
    silent = draft(320, 180, [video_track({"id": "s", "src": "b.mp4", "s": 0, "d": 1200})])
    script = build_graph(silent, MEDIA, OUT, RenderOptions()).filter_script
    assert "anullsrc=r=48000:cl=stereo,atrim=duration=1.2[aout]" in script


def test_muted_clip_contributes_no_sound() -> None:
    muted = draft(320, 180, [video_track({"id": "s", "src": "a.mp4", "s": 0, "d": 1000, "m": {"vol": 0}})])
    assert "[0:a]" not in build_graph(muted, MEDIA, OUT, RenderOptions()).filter_script


def test_unknown_transition_falls_back_to_fade_and_never_reaches_the_graph() -> None:
    evil = draft(320, 180, [video_track(
        {"id": "s1", "src": "a.mp4", "s": 0, "d": 1000},
        {"id": "s2", "src": "a.mp4", "s": 500, "d": 1000, "m": {"tr": {"type": "fade[x];movie=/etc/passwd", "d": 500}}})])
    script = build_graph(evil, MEDIA, OUT, RenderOptions()).filter_script
    assert "passwd" not in script and "mix=inputs=3" in script and "xfade" not in script


def test_a_crossfade_blends_in_4_2_0_and_other_transitions_go_through_xfade() -> None:
    def script(kind: str) -> str:
        d = draft(320, 180, [video_track(
            {"id": "s1", "src": "a.mp4", "s": 0, "d": 1000},
            {"id": "s2", "src": "a.mp4", "s": 500, "d": 1000, "m": {"tr": {"type": kind, "d": 500}}})])
        return build_graph(d, MEDIA, OUT, RenderOptions()).filter_script

    fade = script("fade")
    # xfade would convert both sides to yuv444p and back: the plain crossfade never meets it
    assert "xfade" not in fade and "yuv444p" not in fade
    assert "fade=t=out:s=0:n=15" in fade and "fade=t=in:s=0:n=15" in fade
    assert "mix=inputs=3:weights=\\'1 1 -1\\':scale=1" in fade
    assert "xfade=transition=wipeleft:duration=0.5:offset=0,format=yuv420p" in script("wipeleft")


def test_titles_reach_drawtext_only_through_text_files() -> None:
    nasty = "50% off: it's [x];y, \\n %{pts} 'quoted'"
    d = draft(320, 180, [text_track({"id": "t", "s": 0, "d": 1000, "m": {"text": nasty, "font": "x:y'z"}})])
    graph = build_graph(d, MEDIA, OUT, RenderOptions())
    assert nasty not in graph.filter_script and "%{pts}" not in graph.filter_script
    assert "expansion=none" in graph.filter_script
    texts = [content for path, content in graph.files.items() if path.name.startswith("text-")]
    assert texts == [nasty]
    assert graph.files[OUT.parent / f".{OUT.name}.reelforge" / "graph.txt"] == graph.filter_script
