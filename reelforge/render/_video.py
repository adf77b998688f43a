"""The picture: each video track as one chain of pieces joined by cuts and xfades.

Cheapness matters (the bench target is within 15 % of a bare ffmpeg encode), so a
piece only gets the filters it needs: no scale when the source already has the
canvas size, a still image is scaled once and then repeated (``loop``) rather than
scaled every frame, gaps are short colour sources inside the one concat (no full-frame
overlay onto a background), and only the overlap frames pass through xfade
(see ``_timeline.py``). A segment's ``m.motion`` adds one per-frame filter to its
fitted piece, still or video (``_motion.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from reelforge.draft.model import Segment, Track
from reelforge.media import MediaInfo
from reelforge.render._builder import Canvas, GraphBuilder, filt
from reelforge.render._fade import fade_over_background, fade_to_transparent
from reelforge.render._motion import motion_filters, motion_part
from reelforge.render._syntax import seconds
from reelforge.render._timeline import Blend, Gap, Part, Placed, Slice, plan_track

__all__ = ["XFADE_TRANSITIONS", "build_video"]

# xfade's transition names (ffmpeg 9); anything else falls back to "fade".
XFADE_TRANSITIONS = frozenset("""
    fade wipeleft wiperight wipeup wipedown slideleft slideright slideup slidedown circlecrop rectcrop
    distance fadeblack fadewhite radial smoothleft smoothright smoothup smoothdown circleopen circleclose
    vertopen vertclose horzopen horzclose dissolve pixelize diagtl diagtr diagbl diagbr hlslice hrslice
    vuslice vdslice hblur fadegrays wipetl wipetr wipebl wipebr squeezeh squeezev zoomin fadefast fadeslow
    hlwind hrwind vuwind vdwind coverleft coverright coverup coverdown revealleft revealright revealup
    revealdown""".split())

_BLUR_SHRINK = 8  # the blurred backdrop is made at 1/8 size: blurring it costs almost nothing


def build_video(b: GraphBuilder, tracks: list[Track], media: Mapping[str, MediaInfo], canvas: Canvas,
                duration_ms: int) -> str:
    """Compose every video track onto the canvas; return the label of the composed stream.

    The first track is one concat of slices, xfade windows and background gaps, exactly
    ``duration_ms`` long; each later track's segments are overlaid on it inside their spans.
    A segment's ``m.fi``/``m.fo`` fade it from/to what lies beneath: the background on the
    first track, the tracks below on later ones (``_fade.py``).
    """
    base = _base_track(b, sorted(tracks[0].segments, key=lambda s: s.start_ms) if tracks else [], media,
                       canvas, _frames(duration_ms, canvas))
    for track in tracks[1:]:
        for seg in sorted(track.segments, key=lambda s: s.start_ms):
            frames = max(1, _frames(seg.duration_ms, canvas))
            piece = _piece(b, seg, media, canvas, frames)
            shifted = b.chain([piece], [*fade_to_transparent(seg, canvas, frames),
                                        f"setpts=PTS+{seconds(seg.start_ms)}/TB"], b.label("ov"))
            base = b.chain([base, shifted], [filt("overlay", eof_action="pass", repeatlast=0)], b.label("v"))
    return base


def _frames(ms: int, canvas: Canvas) -> int:
    return round(ms * canvas.fps / 1000)


def _base_track(b: GraphBuilder, segments: list[Segment], media: Mapping[str, MediaInfo], canvas: Canvas,
                total_frames: int) -> str:
    placed = []
    for seg in segments:
        start = _frames(seg.start_ms, canvas)
        tr = seg.meta.transition
        name = None if tr is None else (tr.type if tr.type in XFADE_TRANSITIONS else "fade")
        placed.append(Placed(start=start, frames=max(1, _frames(seg.end_ms, canvas) - start), transition=name,
                             transition_frames=0 if tr is None else _frames(tr.duration_ms, canvas)))
    parts = plan_track(placed, total_frames)
    # fades go on the whole piece, before it is sliced: frame 0 is the segment's own first frame
    pieces = [fade_over_background(b, _piece(b, seg, media, canvas, p.frames), seg, canvas, p.frames)
              for seg, p in zip(segments, placed, strict=True)]
    slices = _slice_pieces(b, pieces, placed, parts)
    labels: list[str] = []
    for part in parts:
        if isinstance(part, Gap):
            labels.append(_background(b, canvas, part.frames))
        elif isinstance(part, Blend):
            labels.append(_blend(b, canvas, part, slices[part.out], slices[part.into]))
        else:
            labels.append(slices[part])
    if len(labels) == 1:
        return labels[0]
    return b.chain(labels, [f"concat=n={len(labels)}:v=1:a=0"], b.label("v"))


def _blend(b: GraphBuilder, canvas: Canvas, part: Blend, out: str, into: str) -> str:
    """The ``part.into.frames`` frames where ``out`` gives way to ``into``.

    xfade takes only unsubsampled formats: ffmpeg converts both sides to yuv444p and back, three
    extra 1080p frame pools alive at the transition (about 20 MB of a render's peak). A plain
    cross-fade, the default transition, stays in 4:2:0: ``out`` fades to black, ``into`` fades
    up from black, and ``mix`` adds them and takes the black away once. Frame i shows
    ``out * (1 - i/n) + into * i/n``, xfade's own ramp, to within one level of rounding.
    """
    frames = part.into.frames
    if part.transition != "fade":
        # xfade works in yuv444p: only these few frames are converted, and back to 4:2:0 at once.
        return b.chain([out, into], [filt("xfade", transition=part.transition,
                                          duration=f"{frames / canvas.fps:.6g}", offset=0),
                                     "format=yuv420p"], b.label("x"))
    # fade's black is video black (Y 16, U and V 128) in 4:2:0, the same as this plate's
    black = b.chain([], [filt("color", c="black", s=f"{canvas.width}x{canvas.height}", r=canvas.fps),
                         "format=yuv420p", filt("trim", end_frame=frames)], b.label("k"))
    leaving = b.chain([out], [filt("fade", t="out", s=0, n=frames)], b.label("fo"))
    coming = b.chain([into], [filt("fade", t="in", s=0, n=frames)], b.label("fi"))
    return b.chain([leaving, coming, black], [filt("mix", inputs=3, weights="1 1 -1", scale=1)], b.label("x"))


def _slice_pieces(b: GraphBuilder, pieces: list[str], placed: list[Placed], parts: list[Part]) -> dict[Slice, str]:
    """A label for every slice the plan uses (split once per piece; a whole piece needs no trim)."""
    wanted: dict[int, list[Slice]] = {}
    for part in parts:
        for piece_slice in ((part.out, part.into) if isinstance(part, Blend) else (part,)):
            if isinstance(piece_slice, Slice):
                wanted.setdefault(piece_slice.piece, []).append(piece_slice)
    labels: dict[Slice, str] = {}
    for index, piece in enumerate(pieces):
        if index not in wanted:  # entirely cut away by the next segment: its output must still be consumed
            b.sink(piece)
    for index, piece_slices in wanted.items():
        sources = [pieces[index]]
        if len(piece_slices) > 1:
            sources = [b.label("sp") for _ in piece_slices]
            b.chain([pieces[index]], [f"split={len(piece_slices)}"], "][".join(sources))
        for source, piece_slice in zip(sources, piece_slices, strict=True):
            if (piece_slice.start, piece_slice.end) == (0, placed[index].frames):
                labels[piece_slice] = source
                continue
            trim = filt("trim", start_frame=piece_slice.start or None, end_frame=piece_slice.end)
            labels[piece_slice] = b.chain([source], [trim, "setpts=PTS-STARTPTS"], b.label("t"))
    return labels


def _background(b: GraphBuilder, canvas: Canvas, frames: int) -> str:
    return b.chain([], [filt("color", c=canvas.bg, s=f"{canvas.width}x{canvas.height}", r=canvas.fps),
                        "format=yuv420p", filt("trim", end_frame=frames)], b.label("g"))


def _piece(b: GraphBuilder, seg: Segment, media: Mapping[str, MediaInfo], canvas: Canvas, frames: int) -> str:
    """One segment as exactly ``frames`` frames at the canvas size and rate, from t=0."""
    info = media.get(seg.src) if seg.src else None
    if info is None or not info.has_video:  # nothing to show: background for its span
        return _background(b, canvas, frames)
    fit = seg.meta.fit or "cover"
    if info.kind == "image":
        index = b.add_input(info.path)
        # Fit the still once, then repeat that one frame: no per-frame scaling.
        post = ["setsar=1", "format=yuv420p", filt("loop", loop=frames - 1, size=1, start=0), f"settb=1/{canvas.fps}",
                "setpts=N", f"fps={canvas.fps}", filt("trim", end_frame=frames),
                *_motion(seg, canvas, frames)]  # per frame, after the loop
        return _fitted(b, f"{index}:v", [], fit, info, canvas, post)
    speed = seg.speed
    index = b.add_input(info.path, seek_ms=seg.source_in_ms, duration_ms=seg.source_span_ms)
    pre = ["setpts=PTS-STARTPTS" if speed == 1 else f"setpts=(PTS-STARTPTS)/{speed:g}", f"fps={canvas.fps}"]
    post = ["setsar=1", "format=yuv420p"]
    if info.duration_ms is not None:
        available_ms = (info.duration_ms - seg.source_in_ms) / speed
        if available_ms < seg.duration_ms:  # a source too short holds its last frame
            post.append(filt("tpad", stop_mode="clone", stop_duration=seconds(seg.duration_ms - available_ms)))
    post += [filt("trim", end_frame=frames), *_motion(seg, canvas, frames)]
    return _fitted(b, f"{index}:v", pre, fit, info, canvas, post)


def _fitted(b: GraphBuilder, source: str, pre: list[str], fit: str, info: MediaInfo, canvas: Canvas,
            post: list[str]) -> str:
    """``source`` through ``pre``, fitted to the canvas as ``fit`` asks, then through ``post``."""
    w, h = canvas.width, canvas.height
    if (info.width, info.height) == (w, h):
        return b.chain([source], [*pre, *post], b.label("s"))  # already canvas-sized: no scaling at all
    if fit == "contain":
        fit_filters = [filt("scale", w=w, h=h, force_original_aspect_ratio="decrease", force_divisible_by=2),
                       filt("pad", w=w, h=h, x=-1, y=-1, color=canvas.bg)]
    elif fit == "blur":
        head = b.chain([source], pre, b.label("pre")) if pre else source
        return b.chain([_blur(b, head, canvas)], post, b.label("s"))
    else:
        fit_filters = _cover(w, h)
    return b.chain([source], [*pre, *fit_filters, *post], b.label("s"))


def _cover(w: int, h: int) -> list[str]:
    return [filt("scale", w=w, h=h, force_original_aspect_ratio="increase"), filt("crop", w=w, h=h)]


def _blur(b: GraphBuilder, source: str, canvas: Canvas) -> str:
    """The contained picture over a blurred, darkened cover copy of itself."""
    w, h = canvas.width, canvas.height
    small_w, small_h = max(2, w // _BLUR_SHRINK // 2 * 2), max(2, h // _BLUR_SHRINK // 2 * 2)
    back, front = b.label("bb"), b.label("bf")
    b.chain([source], ["split=2"], f"{back}][{front}")
    blurred = b.chain([back], [*_cover(small_w, small_h), filt("boxblur", luma_radius="min(w,h)/16", luma_power=2,
                                                           chroma_radius="min(cw,ch)/16"),
                               filt("lutyuv", y="val*0.6"), filt("scale", w=w, h=h)], b.label("bg"))
    fitted = b.chain([front], [filt("scale", w=w, h=h, force_original_aspect_ratio="decrease",
                                    force_divisible_by=2)], b.label("fg"))
    return b.chain([blurred, fitted], [filt("overlay", x="(W-w)/2", y="(H-h)/2")], b.label("bl"))


def _motion(seg: Segment, canvas: Canvas, frames: int) -> list[str]:
    return motion_filters(seg.meta.motion, canvas.width, canvas.height, frames,
                          motion_part(seg.meta.__pydantic_extra__, canvas.fps))
