"""``render``: resolve a draft's media, build its graph, run ffmpeg once, publish the file.

ffmpeg streams from the sources to the output, so memory stays flat whatever the
draft's length; Python only writes the script and the title files. A draft with many
clips renders its main track in windows first (``_chunks``), because each source ffmpeg
opens costs memory of its own. The output appears
at ``out`` only when ffmpeg succeeded (it writes a partial file that is renamed);
on failure or cancel nothing is left behind.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from reelforge.draft.model import VIDEO, Draft
from reelforge.errors import MediaMissing, RenderFailed
from reelforge.ffmpeg import run_ffmpeg
from reelforge.media import MediaInfo, MediaResolver, probe_media
from reelforge.progress import CancelToken, Progress, no_progress, scaled
from reelforge.render._chunks import INTERMEDIATE, chunk_windows, flatten_main_track, needs_chunks
from reelforge.render.encode import EncodeSettings, RenderOptions, encode_settings
from reelforge.render.graph import build_graph, output_canvas, partial_path, work_dir
from reelforge.render.loudness import Loudness, measure_mix

__all__ = ["RenderResult", "path_resolver", "render"]


@dataclass(frozen=True)
class RenderResult:
    path: Path
    format: str
    duration_ms: int
    width: int | None
    height: int | None
    size_bytes: int


def render(
    draft: Draft,
    resolve: MediaResolver,
    out: Path,
    options: RenderOptions = RenderOptions(),
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RenderResult:
    """Render ``draft`` to ``out`` in one ffmpeg run; ``resolve`` turns each ``src`` into a probed file.

    Raises :class:`MediaMissing` (from ``resolve``), :class:`RenderFailed` (ffmpeg's exit, with the
    stderr tail) or :class:`Cancelled`.
    """
    out = Path(out)
    if cancel is not None:
        cancel.check()
    media: dict[str, MediaInfo] = {}
    for src in draft.media_refs():
        if src not in media:
            media[src] = resolve(src)
    if draft.end_ms <= 0:
        raise RenderFailed("nothing to render: the draft is empty", data={"duration_ms": 0})
    if needs_chunks(draft, options):
        made = _render_in_chunks(draft, media, out, options, progress, cancel)
    elif options.format == "gif":
        made = _render_gif(draft, media, out, options, progress, cancel)
    else:
        made = _render_once(draft, media, out, options, progress, cancel)
    return _as_delivered(made)


def _as_delivered(made: RenderResult) -> RenderResult:
    """The result as the file is (probed), not as the graph meant it: what a reply tells the user."""
    info = probe_media(made.path)
    return replace(made, width=info.width, height=info.height,
                   duration_ms=info.duration_ms if info.duration_ms else made.duration_ms)


def _render_once(draft: Draft, media: dict[str, MediaInfo], out: Path, options: RenderOptions,
                 progress: Progress, cancel: CancelToken | None) -> RenderResult:
    """The whole draft as one graph, in one ffmpeg run."""
    folder = work_dir(out)
    try:
        measured: Loudness | None = None
        if options.loudness is not None and encode_settings(options).has_audio:
            # Pass one of two: measure the mix alone, so pass two can apply one static gain.
            measured = measure_mix(draft, media, folder)
            if cancel is not None:
                cancel.check()
        graph = build_graph(draft, media, out, options, loudness=measured)
        assert graph.partial is not None
        folder.mkdir(parents=True, exist_ok=True)
        for path, content in graph.files.items():
            path.write_text(content, encoding="utf-8")
        run_ffmpeg(graph.argv, duration_ms=graph.duration_ms, progress=progress, cancel=cancel,
                   what=f"render of {out.name}")
        graph.partial.replace(out)
    finally:
        partial_path(out).unlink(missing_ok=True)
        shutil.rmtree(folder, ignore_errors=True)
    return RenderResult(path=out, format=options.format, duration_ms=graph.duration_ms, width=graph.width,
                        height=graph.height, size_bytes=out.stat().st_size)


def _render_in_chunks(draft: Draft, media: dict[str, MediaInfo], out: Path, options: RenderOptions,
                      progress: Progress, cancel: CancelToken | None) -> RenderResult:
    """Many clips: render the main track in windows first (see ``_chunks``), then the whole draft."""
    canvas = output_canvas(draft, options)
    count = len(chunk_windows(next(t for t in draft.tracks if t.type == VIDEO and t.segments).segments))
    intermediate = RenderOptions(format="mov", settings=INTERMEDIATE)

    def render_window(part: Draft, path: Path, index: int) -> MediaInfo:
        window_progress = scaled(progress, 0.5 * index / count, 0.5 * (index + 1) / count)
        _render_once(part, media, path, intermediate, window_progress, cancel)
        return probe_media(path)

    folder = work_dir(out) / "chunks"
    try:
        flat, resolve = flatten_main_track(draft, media, folder, (canvas.width, canvas.height, canvas.fps),
                                           render_window)
        return render(flat, resolve, out, options, scaled(progress, 0.5, 1.0), cancel)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# The picture at the GIF's size and rate, losslessly, before its palette is worked out.
_GIF_INTERMEDIATE = EncodeSettings(muxer="matroska", video_codec="ffv1", audio_codec=None)
_GIF_PALETTE = "[0:v]palettegen=stats_mode=diff[palette];[1:v][palette]paletteuse=dither=bayer:bayer_scale=4"


def _render_gif(draft: Draft, media: dict[str, MediaInfo], out: Path, options: RenderOptions,
                progress: Progress, cancel: CancelToken | None) -> RenderResult:
    """A GIF in two steps, so memory stays flat however long it is.

    A palette is known only once every frame has been seen; in one graph the frames would wait in
    memory for it, about 1.3 GB for a 60 s GIF (``build_graph`` refuses a GIF for that reason). Here the picture is
    composed once, at the GIF's size and rate, to a lossless file; then one ffmpeg reads that file
    twice, once for the palette and once to apply it, and its scheduler holds back the second
    reading until the palette is ready (about 120 MB for the same GIF, in about the same time).
    """
    canvas = output_canvas(draft, options)
    composed_options = replace(options, format="mov", size=(canvas.width, canvas.height), max_fps=canvas.fps,
                               max_short_side=None, max_height=None, settings=_GIF_INTERMEDIATE, loudness=None)
    folder = work_dir(out) / "gif"
    folder.mkdir(parents=True, exist_ok=True)
    composed = folder / "composed.mkv"
    partial = partial_path(out)
    try:
        _render_once(draft, media, composed, composed_options, scaled(progress, 0.0, 0.8), cancel)
        argv = ["-i", str(composed), "-i", str(composed), "-filter_complex", _GIF_PALETTE,
                *encode_settings(options).output_args(fps=canvas.fps), str(partial)]
        run_ffmpeg(argv, duration_ms=draft.end_ms, progress=scaled(progress, 0.8, 1.0), cancel=cancel,
                   what=f"palette of {out.name}")
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(work_dir(out), ignore_errors=True)
    return RenderResult(path=out, format="gif", duration_ms=draft.end_ms, width=canvas.width, height=canvas.height,
                        size_bytes=out.stat().st_size)


def path_resolver(base_dir: Path) -> MediaResolver:
    """A resolver for the command line: ``src`` is a path (relative to ``base_dir``) or a ``file://`` URL."""
    base = Path(base_dir)

    def resolve(src: str) -> MediaInfo:
        if src.startswith("file://"):
            path = Path(unquote(urlparse(src).path))
        elif "://" in src or src.startswith("media:"):
            raise MediaMissing(f"cannot open {src!r} from the command line: give a local path",
                               data={"src": src})
        else:
            path = Path(src).expanduser()
            if not path.is_absolute():
                path = base / path
        if not path.is_file():
            raise MediaMissing(f"media file not found: {src} ({path})", data={"src": src, "path": str(path)})
        return probe_media(path)

    return resolve
