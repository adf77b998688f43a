"""render(): real ffmpeg runs on generated media, outputs probed and decoded with PyAV."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from reelforge.errors import Cancelled, MediaMissing, RenderFailed, UnsupportedMedia
from reelforge.media import MediaInfo
from reelforge.progress import CancelToken
from reelforge.render import RenderOptions, path_resolver, render
from reelforge.render.encode import RC_LOOKAHEAD

from .helpers import audio_samples, audio_track, draft, frames_at, rms, stream_info, text_track, tone_level, video_track

BG = "#204060"
BG_RGB = np.array([0x20, 0x40, 0x60])


def _resolver(media: dict[str, Path]):  # noqa: ANN202 - a MediaResolver
    return path_resolver(next(iter(media.values())).parent)


def _near(pixels: np.ndarray, rgb: np.ndarray, tolerance: float = 12) -> bool:
    return bool(np.abs(pixels.reshape(-1, 3).mean(axis=0) - rgb).max() < tolerance)


def test_mp4_has_h264_and_aac_of_the_drafts_duration(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(320, 180, [
        video_track({"id": "s1", "src": "clip_a.mp4", "s": 0, "d": 1500},
                    {"id": "s2", "src": "clip_b.mp4", "s": 1000, "d": 1000, "m": {"tr": {"type": "fade", "d": 500}}}),
        audio_track({"id": "m", "src": "tone.wav", "s": 0, "d": 2000, "m": {"vol": 0.35, "loop": True}}),
        text_track({"id": "t", "s": 0, "d": 1000, "m": {"text": "Hello"}}),
    ])
    seen: list[float] = []
    result = render(d, _resolver(media), tmp_path / "out.mp4", progress=seen.append)
    info = stream_info(result.path)
    assert (info["vcodec"], info["width"], info["height"], info["pix_fmt"]) == ("h264", 320, 180, "yuv420p")
    assert (info["acodec"], info["rate"], info["channels"]) == ("aac", 48000, 2)
    assert info["vduration_s"] == pytest.approx(2.0, abs=1 / 30)
    assert info["aduration_s"] == pytest.approx(2.0, abs=1 / 30)
    assert (result.width, result.height, result.duration_ms, result.format) == (320, 180, 2000, "mp4")
    assert result.size_bytes == result.path.stat().st_size > 0
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.mp4"]  # no partial file, no work folder


def test_portrait_1080x1920_mp4_is_high_profile(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(1080, 1920, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 1000}),
                           text_track({"id": "t", "s": 0, "d": 1000, "m": {"text": "竖屏 Portrait", "pos": "top"}})])
    result = render(d, _resolver(media), tmp_path / "tall.mp4")
    info = stream_info(result.path)
    assert (info["width"], info["height"], info["profile"]) == (1080, 1920, "High")
    assert info["vduration_s"] == pytest.approx(1.0, abs=1 / 30)
    assert "acodec" in info
    [frame] = frames_at(result.path, [0.5])
    assert frame.shape == (1920, 1080, 3)


@pytest.mark.parametrize(("fmt", "vcodec", "acodec"), [
    ("mov", "h264", "aac"), ("webm", "vp9", "opus"), ("gif", "gif", None), ("mp3", None, "mp3float"),
    ("wav", None, "pcm_s16le")])
def test_each_format_is_playable(media: dict[str, Path], tmp_path: Path, fmt: str, vcodec: str | None,
                                 acodec: str | None) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 1000})])
    result = render(d, _resolver(media), tmp_path / f"out.{fmt}", RenderOptions(format=fmt, quality="low"))  # type: ignore[arg-type]
    info = stream_info(result.path)
    assert info.get("vcodec") == vcodec and info.get("acodec") == acodec
    if vcodec:
        [frame] = frames_at(result.path, [0.5])
        assert frame.shape[:2] == (90, 160) and frame.std() > 5  # a decoded picture, not a blank
    if acodec:
        samples, rate = audio_samples(result.path)
        assert rate == 48000 and samples.shape[1] == pytest.approx(48000, rel=0.06)
        assert rms(samples, rate, 0.2, 0.8) > 0.05  # clip_a's 440 Hz tone is there


def test_draft_without_sound_has_a_silent_aac_track(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "clip_b.mp4", "s": 0, "d": 1000})])
    result = render(d, _resolver(media), tmp_path / "quiet.mp4")
    samples, rate = audio_samples(result.path)
    assert stream_info(result.path)["acodec"] == "aac"
    assert samples.shape[1] >= 0.95 * rate and float(np.abs(samples).max()) < 1e-3


def test_title_is_drawn_inside_its_span_only(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(320, 180, [text_track({"id": "t", "s": 500, "d": 500,
                                     "m": {"text": "TITLE", "size": 0.2, "color": "#ffffff"}})], bg=BG)
    # a background-only draft: one video track-less render of 1.5 s
    d = d.model_copy(update={"tracks": [*d.tracks, *draft(320, 180, [video_track(
        {"id": "gap", "src": None, "s": 1400, "d": 100})]).tracks]})
    result = render(d, _resolver(media), tmp_path / "title.mp4")
    before, inside, after = frames_at(result.path, [0.25, 0.75, 1.25])
    region = (slice(60, 120), slice(60, 260))
    assert _near(before[region], BG_RGB) and _near(after[region], BG_RGB)
    assert (inside[region] > 200).all(axis=2).sum() > 500  # white glyph pixels


def test_chinese_title_is_drawn_with_real_glyphs(media: dict[str, Path], tmp_path: Path) -> None:
    # Missing glyphs render as identical boxes; real glyphs of different words differ.
    d = draft(320, 180, [
        video_track({"id": "gap", "src": None, "s": 0, "d": 1000}),
        text_track({"id": "t1", "s": 0, "d": 500, "m": {"text": "你好世界", "size": 0.2}},
                   {"id": "t2", "s": 500, "d": 500, "m": {"text": "山水风景", "size": 0.2}})], bg="#000000")
    result = render(d, _resolver(media), tmp_path / "cjk.mp4")
    first, second = (f.astype(np.int16) for f in frames_at(result.path, [0.25, 0.75]))
    ink_first, ink_second = (first > 128).all(axis=2), (second > 128).all(axis=2)
    assert ink_first.sum() > 300 and ink_second.sum() > 300
    assert (ink_first ^ ink_second).sum() > 0.3 * ink_first.sum()


NASTY = ["it's \"quoted\"", "a:b:c", "back\\slash\\", "%{pts} %{localtime}", "comma, semi; [brackets]",
         "line one\nline two", "emoji 🎬🔥", "'; drawtext=text=pwned", "\\n%%"]


def test_nasty_titles_render_literally_without_touching_the_graph(media: dict[str, Path], tmp_path: Path) -> None:
    odd_dir = tmp_path / "we'ird: [dir], x;y"
    odd_dir.mkdir()
    segments = [{"id": f"t{i}", "s": i * 100, "d": 100, "m": {"text": text}} for i, text in enumerate(NASTY)]
    d = draft(160, 90, [text_track(*segments)], bg=BG)
    result = render(d, _resolver(media), odd_dir / "nasty.mp4")
    assert stream_info(result.path)["vduration_s"] == pytest.approx(0.9, abs=1 / 30)
    frames = frames_at(result.path, [0.05 + i * 0.1 for i in range(len(NASTY))])
    inked = [int((np.abs(frame.astype(int) - BG_RGB).max(axis=2) > 40).sum()) for frame in frames]
    assert min(inked) > 50, inked  # every title drew something
    # "%{pts} ..." is drawn literally: with expansion the digits would change from frame to frame
    first, third = frames_at(result.path, [0.3, 0.3 + 2 / 30])
    assert np.abs(first.astype(int) - third.astype(int)).max() < 40


def test_fit_modes_cover_contain_and_blur(media: dict[str, Path], tmp_path: Path) -> None:
    # clip_b is 4:3 on a 16:9 canvas: contain leaves 40 px bars of background on both sides.
    segs = [{"id": fit, "src": "clip_b.mp4", "s": i * 500, "d": 500, "m": {"fit": fit}}
            for i, fit in enumerate(["cover", "contain", "blur"])]
    result = render(draft(320, 180, [video_track(*segs)], bg=BG), _resolver(media), tmp_path / "fit.mp4")
    cover, contain, blur = frames_at(result.path, [0.25, 0.75, 1.25])
    left_bar, right_bar, middle = (slice(None), slice(0, 36)), (slice(None), slice(284, 320)), (slice(None),
                                                                                               slice(60, 260))
    assert _near(contain[left_bar], BG_RGB, 6) and _near(contain[right_bar], BG_RGB, 6)
    assert not _near(contain[middle], BG_RGB)
    assert not _near(cover[left_bar], BG_RGB) and not _near(cover[right_bar], BG_RGB)
    assert not _near(blur[left_bar], BG_RGB) and not _near(blur[right_bar], BG_RGB)
    # the blurred bars are a soft, darkened copy: less detail than the sharp picture beside them
    assert blur[left_bar].astype(float).std() < blur[middle].astype(float).std()
    assert np.abs(blur[middle].astype(int) - contain[middle].astype(int)).mean() < 12


def test_transition_mid_overlap_frame_is_a_mix(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "r", "src": "red.mp4", "s": 0, "d": 2000},
                                    {"id": "b", "src": "blue.mp4", "s": 1000, "d": 2000,
                                     "m": {"tr": {"type": "fade", "d": 1000}}})])
    result = render(d, _resolver(media), tmp_path / "fade.mp4")
    red, mix, blue = (f.reshape(-1, 3).mean(axis=0) for f in frames_at(result.path, [0.5, 1.5, 2.5]))
    assert red[0] > 200 and red[2] < 40 and blue[2] > 200 and blue[0] < 40
    assert 70 < mix[0] < 190 and 70 < mix[2] < 190
    assert stream_info(result.path)["vduration_s"] == pytest.approx(3.0, abs=1 / 30)


def test_music_loops_at_its_volume_and_ducks_under_clip_sound(media: dict[str, Path], tmp_path: Path) -> None:
    # clip_a has a 440 Hz tone for 1 s; the 1 kHz music loops (1 s file) over 3 s at 50 %, ducked.
    d = draft(160, 90, [
        video_track({"id": "c", "src": "clip_a.mp4", "s": 0, "d": 1000},
                    {"id": "q", "src": "clip_b.mp4", "s": 1000, "d": 2000}),
        audio_track({"id": "m", "src": "tone.wav", "s": 0, "d": 3000, "m": {"vol": 0.5, "loop": True, "duck": True}}),
        audio_track({"id": "r", "src": "tone.wav", "s": 0, "d": 3000, "m": {"vol": 0.5, "loop": True}}, track_id="a2"),
    ])
    result = render(d, _resolver(media), tmp_path / "mix.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(result.path)
    assert samples.shape[1] == pytest.approx(3 * rate, abs=rate // 30)
    reference = render(draft(160, 90, [audio_track({"id": "m", "src": "tone.wav", "s": 0, "d": 1000})]),
                       _resolver(media), tmp_path / "ref.wav", RenderOptions(format="wav"))
    ref_samples, _ = audio_samples(reference.path)
    full = tone_level(ref_samples, rate, 0.2, 0.8, 1000)
    # after the clip: two music tracks at 0.5 each, both looped into the third second
    assert tone_level(samples, rate, 2.2, 2.8, 1000) == pytest.approx(full, rel=0.15)
    # under the clip's sound the ducked copy is pressed down: the 1 kHz level drops clearly
    assert tone_level(samples, rate, 0.3, 0.9, 1000) < 0.85 * tone_level(samples, rate, 2.2, 2.8, 1000)
    assert tone_level(samples, rate, 0.3, 0.9, 440) > 0.1 * full


@pytest.mark.parametrize("held_in_memory", [True, False], ids=["aloop", "concat"])
def test_looped_music_repeats_from_its_in_point(media: dict[str, Path], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch, held_in_memory: bool) -> None:
    # two_tones.wav: 440 Hz, then 1 kHz. Looped from 1 s, only the 1 kHz second may repeat.
    if not held_in_memory:
        monkeypatch.setattr("reelforge.render._audio._LOOP_IN_MEMORY_MS", 500)  # a 1 s stretch is "long"
    d = draft(160, 90, [audio_track({"id": "m", "src": "two_tones.wav", "s": 0, "d": 3500, "in": 1000,
                                     "m": {"loop": True}})])
    result = render(d, _resolver(media), tmp_path / "loop.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(result.path)
    assert samples.shape[1] == pytest.approx(3.5 * rate, abs=rate // 30)
    first = tone_level(samples, rate, 0.2, 0.8, 1000)
    assert first > 0.05
    for start in (1.2, 2.2, 3.0):  # every later pass: the same 1 kHz level, no 440 Hz from the file's start
        assert tone_level(samples, rate, start, start + 0.4, 1000) == pytest.approx(first, rel=0.1)
        assert tone_level(samples, rate, start, start + 0.4, 440) < 0.02 * first


def test_speed_plays_the_source_faster(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 1000, "m": {"speed": 2.0}})])
    result = render(d, _resolver(media), tmp_path / "fast.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(result.path)
    assert tone_level(samples, rate, 0.2, 0.8, 440) > 0.02  # atempo keeps the pitch
    assert samples.shape[1] == pytest.approx(rate, abs=rate // 30)


def test_missing_source_raises_media_missing_naming_it(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "nope.mp4", "s": 0, "d": 1000})])
    with pytest.raises(MediaMissing, match="nope.mp4"):
        render(d, _resolver(media), tmp_path / "x.mp4")
    assert not list(tmp_path.iterdir())


def test_unreadable_source_raises_unsupported_media(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "garbage.mp4", "s": 0, "d": 1000})])
    with pytest.raises(UnsupportedMedia):
        render(d, _resolver(media), tmp_path / "x.mp4")


def test_ffmpeg_failure_raises_render_failed_with_stderr_and_leaves_nothing(media: dict[str, Path],
                                                                             tmp_path: Path) -> None:
    def lying_resolver(src: str) -> MediaInfo:  # a file that changed after it was probed
        return MediaInfo(path=media["garbage"], kind="video", duration_ms=1000, width=160, height=90,
                         has_video=True)

    d = draft(160, 90, [video_track({"id": "s", "src": "clip.mp4", "s": 0, "d": 1000})])
    with pytest.raises(RenderFailed) as caught:
        render(d, lying_resolver, tmp_path / "x.mp4")
    assert caught.value.data and "garbage.mp4" in caught.value.data["stderr_tail"]
    assert not list(tmp_path.iterdir())


def test_cancel_stops_the_render_and_leaves_nothing(media: dict[str, Path], tmp_path: Path) -> None:
    token = CancelToken()
    d = draft(1280, 720, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 30000, "m": {"speed": 0.1}})])
    started = time.monotonic()
    with pytest.raises(Cancelled):
        render(d, _resolver(media), tmp_path / "long.mp4", progress=lambda f: token.cancel(), cancel=token)
    assert time.monotonic() - started < 10
    assert not list(tmp_path.iterdir())


def test_cancelled_before_start_runs_nothing(media: dict[str, Path], tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    d = draft(160, 90, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 1000})])
    with pytest.raises(Cancelled):
        render(d, _resolver(media), tmp_path / "x.mp4", cancel=token)


def test_path_resolver_accepts_file_urls_and_refuses_server_refs(media: dict[str, Path]) -> None:
    resolve = _resolver(media)
    assert resolve(media["clip_a"].as_uri()).path == media["clip_a"]
    with pytest.raises(MediaMissing, match="media:abc"):
        resolve("media:abc")


def test_later_video_track_covers_the_earlier_one_inside_its_span(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "r", "src": "red.mp4", "s": 0, "d": 2000}),
                        video_track({"id": "b", "src": "blue.mp4", "s": 500, "d": 500}, track_id="v2")])
    result = render(d, _resolver(media), tmp_path / "layers.mp4")
    before, inside, after = (f.reshape(-1, 3).mean(axis=0) for f in frames_at(result.path, [0.25, 0.75, 1.5]))
    assert before[0] > 200 and after[0] > 200 and inside[2] > 200 and inside[0] < 40
    assert stream_info(result.path)["vduration_s"] == pytest.approx(2.0, abs=1 / 30)


def test_image_is_shown_still_for_its_span_after_a_gap(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "p", "src": "still.png", "s": 500, "d": 1000, "m": {"fit": "contain"}})],
              bg=BG)
    result = render(d, _resolver(media), tmp_path / "still.mp4")
    gap, early, late, end = frames_at(result.path, [0.25, 0.7, 1.3, 1.49])
    assert _near(gap, BG_RGB, 6)
    assert not _near(early[:, 60:100], BG_RGB) and np.abs(early.astype(int) - late.astype(int)).mean() < 3
    assert stream_info(result.path)["vduration_s"] == pytest.approx(1.5, abs=1 / 30)


def test_emoji_the_font_cannot_draw_are_left_out_not_drawn_as_boxes(media: dict[str, Path], tmp_path: Path) -> None:
    def title(text: str, name: str) -> np.ndarray:
        d = draft(320, 180, [text_track({"id": "t", "s": 0, "d": 500, "m": {"text": text, "size": 0.2}})], bg=BG)
        result = render(d, _resolver(media), tmp_path / f"{name}.mp4")
        [frame] = frames_at(result.path, [0.2])
        return frame.astype(np.int16)

    plain, with_emoji, only_emoji = title("HI", "plain"), title("HI 🌅🌅", "emoji"), title("🌅👩‍💻", "only")
    assert np.abs(plain - with_emoji).mean() < 0.5      # the same picture: no boxes beside the word
    assert _near(only_emoji, BG_RGB, tolerance=3) and np.abs(only_emoji - BG_RGB).max() < 24  # nothing drawn


def test_a_gif_is_composed_first_then_paletted_from_that_file(media: dict[str, Path], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # one graph would hold every frame until the palette is known (1.3 GB for a 60 s GIF); two runs do not
    import reelforge.render.renderer as renderer_module

    runs: list[list[str]] = []
    real = renderer_module.run_ffmpeg

    def counting(args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(list(args))
        return real(args, **kwargs)

    monkeypatch.setattr(renderer_module, "run_ffmpeg", counting)
    d = draft(1920, 1080, [video_track({"id": "s", "src": "clip_b.mp4", "s": 0, "d": 2000}),
                           text_track({"id": "t", "s": 0, "d": 2000, "m": {"text": "Hi"}})], fps=30)
    result = render(d, _resolver(media), tmp_path / "out.gif", RenderOptions(format="gif"))
    assert len(runs) == 2 and "palettegen" in " ".join(runs[1]) and "palettegen" not in " ".join(runs[0])
    info = stream_info(result.path)
    assert (info["vcodec"], info["width"], info["height"]) == ("gif", 720, 404)  # the GIF size cap, even sides
    assert (result.width, result.height) == (720, 404)
    assert info["vduration_s"] == pytest.approx(2.0, abs=0.1)
    [frame] = frames_at(result.path, [1.0])
    assert frame.std() > 20  # testsrc2's colours survive the palette
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gif"]  # no intermediate left behind


def test_the_rendered_h264_stream_was_encoded_with_the_pinned_lookahead(media: dict[str, Path], tmp_path: Path) -> None:
    # x264 writes its settings into the stream (a user-data SEI): what the encoder really used, not the argv
    d = draft(320, 180, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 1000})])
    written = render(d, _resolver(media), tmp_path / "out.mp4").path.read_bytes()
    assert f" rc_lookahead={RC_LOOKAHEAD} ".encode() in written and b" mbtree=1 " in written
    fast = render(d, _resolver(media), tmp_path / "fast.mp4", RenderOptions(fast=True)).path.read_bytes()
    assert b" rc_lookahead=0 " in fast   # ultrafast: no lookahead, no mbtree
