"""Drafts with many clips render in chunks, so ffmpeg's memory stays flat.

ffmpeg opens every input of a graph at start-up, and each open 1080p decoder holds
its reference frames and queues (about 50 MB): a single graph over a hundred clips
would need gigabytes. When the main video track has more sources than
:data:`MAX_SOURCES_PER_RUN`, its clips are cut into windows at clean points (a cut, or
the end of a transition's overlap), each window is rendered with its clip sound to a
lossless intermediate, and the draft is rendered again with the windows as its clips.
That draft may itself be chunked, so any number of clips renders in bounded memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reelforge.draft._layout import trim_timeline
from reelforge.draft.model import VIDEO, Draft, Segment, SegmentMeta, Track
from reelforge.media import MediaInfo, MediaResolver
from reelforge.render._motion import MOTION_PART
from reelforge.render.encode import EncodeSettings, RenderOptions, encode_settings

__all__ = ["INTERMEDIATE", "MAX_SOURCES_PER_RUN", "chunk_windows", "needs_chunks", "window_draft"]

MAX_SOURCES_PER_RUN = 8

# Lossless H.264 (fast to write, exact to read back) and PCM sound in Matroska: a chunk
# loses nothing before the final encode.
INTERMEDIATE = EncodeSettings(muxer="matroska", video_codec="libx264", audio_codec="pcm_s16le",
                              preset="ultrafast", extra=("-qp", "0"))


def _main(draft: Draft) -> Track | None:
    return next((t for t in draft.tracks if t.type == VIDEO and t.segments), None)


def needs_chunks(draft: Draft, options: RenderOptions, limit: int = MAX_SOURCES_PER_RUN) -> bool:
    """True when the main track has more sources than one run should open and a clean cut exists."""
    main = _main(draft)
    if main is None or not encode_settings(options).has_video:
        return False
    return len({seg.src for seg in main.segments}) > limit and len(chunk_windows(main.segments, limit)) > 1


def chunk_windows(segments: list[Segment], limit: int = MAX_SOURCES_PER_RUN) -> list[tuple[int, int]]:
    """Timeline windows ``[start, end)`` covering ``segments``, each with at most ``limit`` sources
    where a clean cut allows; a window never ends inside a transition's overlap."""
    overlaps = [(seg.start_ms, prev.end_ms) for prev, seg in zip(segments, segments[1:])
                if seg.meta.transition is not None and seg.start_ms < prev.end_ms]
    # nor inside a fade: a window can drop a fade that lies wholly outside it, not continue one
    overlaps += [(seg.start_ms, seg.start_ms + seg.meta.fade_in_ms) for seg in segments if seg.meta.fade_in_ms]
    overlaps += [(seg.end_ms - seg.meta.fade_out_ms, seg.end_ms) for seg in segments if seg.meta.fade_out_ms]

    def clean(at: int) -> bool:
        return all(not lo < at < hi for lo, hi in overlaps)

    windows: list[tuple[int, int]] = []
    start, sources = 0, set[str | None]()
    for index, seg in enumerate(segments):
        if seg.src not in sources and len(sources) >= limit and index > 0:
            prev = segments[index - 1]
            cut = prev.end_ms if seg.meta.transition is not None else seg.start_ms
            if start < cut and clean(cut):
                windows.append((start, cut))
                start, sources = cut, set()
        sources.add(seg.src)
    end = max(seg.end_ms for seg in segments)
    if start < end:
        windows.append((start, end))
    return windows


def window_draft(draft: Draft, window: tuple[int, int], width: int, height: int, fps: int) -> Draft:
    """The main track alone, cut to ``window`` and moved to 0, on the output's canvas.

    A clip cut by the window's edge loses the fade at that edge: the cut is never inside a
    fade (``chunk_windows``), so that fade plays in the neighbouring window. A moving clip
    (``m.motion``) that the edge cuts carries where its move is (``_motion.MOTION_PART``), so
    the move runs on across the cut instead of starting over.
    """
    main = _main(draft)
    assert main is not None
    head_cut = {seg.id for seg in main.segments if seg.start_ms < window[0]}
    tail_cut = {seg.id for seg in main.segments if seg.end_ms > window[1]}
    spans = {seg.id: (seg.start_ms, seg.duration_ms) for seg in main.segments}
    part = Draft(canvas=draft.canvas.model_copy(update={"width": width, "height": height, "fps": fps}),
                 tracks=[main.model_copy(deep=True)])
    trim_timeline(part, *window)
    for seg in part.tracks[0].segments:
        if seg.id in head_cut:
            seg.meta.fade_in_ms = None
        if seg.id in tail_cut:
            seg.meta.fade_out_ms = None
        if seg.meta.motion and (seg.id in head_cut or seg.id in tail_cut):
            start, length = spans[seg.id]
            extra = seg.meta.__pydantic_extra__
            if extra is not None:
                extra[MOTION_PART] = [window[0] + seg.start_ms - start, length]
    return part


def flatten_main_track(
    draft: Draft,
    media: dict[str, MediaInfo],
    folder: Path,
    canvas_size: tuple[int, int, int],
    render_window: Callable[[Draft, Path, int], MediaInfo],
) -> tuple[Draft, MediaResolver]:
    """Render each window with ``render_window(part, out, index)`` and return the draft with
    the windows as its main track's clips, and a resolver that knows them."""
    main = _main(draft)
    assert main is not None
    width, height, fps = canvas_size
    chunks: dict[str, MediaInfo] = {}
    segments = []
    folder.mkdir(parents=True, exist_ok=True)
    for index, window in enumerate(chunk_windows(main.segments)):
        src = f"chunk:{index}"
        chunks[src] = render_window(window_draft(draft, window, width, height, fps), folder / f"chunk{index}.mkv",
                                    index)
        segments.append(Segment(id=f"chunk{index}", src=src, start_ms=window[0], duration_ms=window[1] - window[0],
                                in_ms=0, meta=SegmentMeta(fit="cover")))
    flat = draft.model_copy(deep=True)
    for position, track in enumerate(flat.tracks):
        if track.id == main.id:
            flat.tracks[position] = track.model_copy(update={"segments": segments})
    known = {**media, **chunks}

    def resolve(src: str) -> MediaInfo:
        return known[src]

    return flat, resolve
