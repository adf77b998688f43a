"""``build_graph``: a whole draft as one ffmpeg command and one filter-graph script (pure).

The picture (``_video``), the titles (``_text``) and the sound (``_audio``) are built
onto one :class:`GraphBuilder`; the result names every input, the script text, the
title files to write beside it and the argv for :func:`reelforge.ffmpeg.run_ffmpeg`.
Nothing here touches the disk, so tests compare the text for small drafts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reelforge.draft.model import AUDIO, TEXT, VIDEO, Draft
from reelforge.errors import InvalidInput
from reelforge.media import MediaInfo
from reelforge.render._audio import build_audio
from reelforge.render._builder import Canvas, GraphBuilder, filt
from reelforge.render._captions import build_captions
from reelforge.render._syntax import ffmpeg_color
from reelforge.render._text import build_text
from reelforge.render._video import build_video
from reelforge.render.encode import (
    GIF_MAX_FPS,
    GIF_MAX_WIDTH,
    RenderOptions,
    encode_settings,
)
from reelforge.render.loudness import Loudness, normalise_filters

__all__ = ["Graph", "build_graph", "output_canvas", "partial_path", "work_dir"]


@dataclass(frozen=True)
class Graph:
    """One render as data: run ``argv`` (after writing ``files``) and ffmpeg writes ``partial``."""

    argv: list[str]            # everything after the ffmpeg binary, as run_ffmpeg takes it
    filter_script: str         # the text of the -/filter_complex file
    inputs: list[str]          # the input files, in -i order
    duration_ms: int
    width: int | None = None   # of the output picture; None for audio-only formats
    height: int | None = None
    files: Mapping[Path, str] = field(default_factory=dict)  # the script and title files to write first
    partial: Path | None = None  # where ffmpeg writes; renamed onto ``out`` on success


def work_dir(out: Path) -> Path:
    """The folder next to ``out`` holding the script and title files of its render."""
    return out.parent / f".{out.name}.reelforge"


def partial_path(out: Path) -> Path:
    """The temporary file ffmpeg writes before it is renamed onto ``out``."""
    return out.parent / f".{out.name}.partial"


def output_canvas(draft: Draft, options: RenderOptions) -> Canvas:
    """The canvas the graph composes on: the draft's (or a preset's), scaled down for previews and gifs.

    A preset's ``size`` replaces the draft's canvas outright: every clip is fitted into the
    new frame by its own ``fit`` (cover by default) and titles keep their relative size and place.
    """
    c = draft.canvas
    size = options.size or (c.width, c.height)
    width, height, fps = float(size[0]), float(size[1]), c.fps
    if options.max_short_side and min(width, height) > options.max_short_side:
        scale = options.max_short_side / min(width, height)
        width, height = width * scale, height * scale
    if options.max_fps:
        fps = min(fps, options.max_fps)
    if options.max_height and height > options.max_height:
        width, height = width * options.max_height / height, options.max_height
    if options.format == "gif":
        fps = min(fps, GIF_MAX_FPS)
        if width > GIF_MAX_WIDTH:
            width, height = GIF_MAX_WIDTH, height * GIF_MAX_WIDTH / width
    return Canvas(width=_even(width), height=_even(height), fps=fps, bg=ffmpeg_color(c.bg, default="black"))


def _even(value: float) -> int:
    return max(2, int(round(value / 2)) * 2)


def build_graph(draft: Draft, media: Mapping[str, MediaInfo], out: Path, options: RenderOptions,
                loudness: Loudness | None = None) -> Graph:
    """The ffmpeg command rendering ``draft`` to ``out``; ``media`` maps each ``src`` to its probe.

    ``loudness`` is the mix's measured loudness (pass one); with ``options.loudness`` the mix is
    normalised to that target from it. A GIF is not one graph: its palette needs every frame first, which
    one graph would hold in memory, so ``render`` composes it with this function (as a lossless file at
    the GIF's size and rate) and then palettes that file; asked for a GIF here, it says so.
    """
    if options.format == "gif":
        raise InvalidInput("format: a GIF is rendered in two steps by render() (the picture, then its palette), "
                           "not as one graph", field="format")
    settings = encode_settings(options)
    duration_ms = draft.end_ms
    canvas = output_canvas(draft, options)
    b = GraphBuilder(work_dir=work_dir(out))
    maps: list[str] = []

    # 1. The picture: video tracks, then titles and captions on top.
    if settings.has_video:
        composed = build_video(b, draft.tracks_of(VIDEO), media, canvas, duration_ms)
        titles = [*build_text(b, draft.tracks_of(TEXT), canvas, options.font_files),
                  *build_captions(b, draft, canvas)]
        b.chain([composed], [*titles, filt("trim", end_frame=round(duration_ms * canvas.fps / 1000))], "vout")
        maps += ["-map", "[vout]"]

    # 2. The sound: clip audio and audio tracks, mixed to one stereo track of the draft's length.
    if settings.has_audio:
        finish = normalise_filters(options.loudness, loudness) if options.loudness else []
        build_audio(b, draft.tracks_of(VIDEO), draft.tracks_of(AUDIO), media, duration_ms, finish=finish)
        maps += ["-map", "[aout]"]

    # 3. The command: inputs, the script file, maps, encoder settings, the partial output.
    script = b.script()
    script_path = b.add_file("graph.txt", script)
    partial = partial_path(out)
    argv = [*b.input_args, "-/filter_complex", str(script_path), *maps, *settings.output_args(fps=canvas.fps),
            str(partial)]
    return Graph(
        argv=argv,
        filter_script=script,
        inputs=list(b.inputs),
        duration_ms=duration_ms,
        width=canvas.width if settings.has_video else None,
        height=canvas.height if settings.has_video else None,
        files=dict(b.files),
        partial=partial,
    )
