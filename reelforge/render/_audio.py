"""The sound: every audio segment and every clip's own sound, placed, mixed to one stereo track.

Each contribution is a chain (resample to 48 kHz stereo, tempo, volume, fades, cut,
``adelay`` to its start); narration (the voice track) ducks every other audio track
through a sidechain compressor keyed by it, and music marked ``duck`` is keyed by the
clips' sound as well; everything is summed (``amix normalize=0``: levels stay as
the draft sets them) and padded/cut to exactly the draft's duration. A draft with no
sound gets silence, so mp4/mov always carry an audio track.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reelforge.draft.model import Segment, Track
from reelforge.media import MediaInfo
from reelforge.render._builder import GraphBuilder, filt
from reelforge.render._syntax import seconds
from reelforge.render.encode import AUDIO_RATE

__all__ = ["build_audio"]

# A looped stretch up to this long is held in memory and repeated (48 kHz stereo float: 23 MB).
_LOOP_IN_MEMORY_MS = 60_000
_FORMAT = filt("aformat", sample_fmts="fltp", sample_rates=AUDIO_RATE, channel_layouts="stereo")


def build_audio(b: GraphBuilder, video_tracks: list[Track], audio_tracks: list[Track],
                media: Mapping[str, MediaInfo], duration_ms: int, finish: Sequence[str] = ()) -> str:
    """Add the audio mix to ``b`` and return the label of the one stereo stream.

    ``finish`` filters (loudness normalisation) follow the mix; silence never gets them.
    """
    clips: list[str] = []
    for track in video_tracks:
        segments = sorted(track.segments, key=lambda s: s.start_ms)
        for i, seg in enumerate(segments):
            info = media.get(seg.src) if seg.src else None
            volume = 1.0 if seg.meta.volume is None else seg.meta.volume
            if info is None or not info.has_audio or volume <= 0 or info.kind == "image":
                continue
            following = segments[i + 1] if i + 1 < len(segments) else None
            clips.append(_clip_sound(b, seg, info, volume, following))
    voices: list[str] = []
    marked: list[str] = []  # music marked ``duck``: lower under the clips' own sound
    unmarked: list[str] = []
    for track in audio_tracks:
        for seg in track.segments:
            info = media.get(seg.src) if seg.src else None
            volume = 1.0 if seg.meta.volume is None else seg.meta.volume
            if info is None or not info.has_audio or volume <= 0:
                continue
            sound = _music(b, seg, info, volume)
            (voices if track.is_voice else marked if seg.meta.duck else unmarked).append(sound)

    if voices:
        # Narration ducks everything else on the audio tracks; marked music ducks under the clips too.
        key = [*voices, *(clips if marked else [])]
        parts = [*_duck(b, key, [*marked, *unmarked]), *(c for c in clips if c not in key)]
    elif marked and clips:
        parts = [*_duck(b, clips, marked), *unmarked]
    else:
        parts = [*clips, *marked, *unmarked]

    total = seconds(duration_ms)
    if not parts:
        return b.chain([], [filt("anullsrc", r=AUDIO_RATE, cl="stereo"), filt("atrim", duration=total)], "aout")
    mixed = _mix(b, parts)
    fitted = [filt("apad", whole_dur=total), filt("atrim", duration=total), _FORMAT]
    if finish:  # and cut again: the normaliser must not change the track's length by a sample
        fitted += [*finish, filt("atrim", end_sample=round(duration_ms * AUDIO_RATE / 1000)), _FORMAT]
    return b.chain([mixed], fitted, "aout")


def _duck(b: GraphBuilder, key: list[str], music: list[str]) -> list[str]:
    """``key`` (voice) as it is, and ``music`` through a sidechain compressor keyed by it.

    ratio 6 above a low threshold takes speech-level music down by about 10 dB while anyone
    speaks; the 20 ms attack catches the first syllable, the 400 ms release brings the music
    back between sentences without pumping on every word.
    """
    if not music:
        return key
    voice = _mix(b, key)
    voice_out, key_label = b.label("vo"), b.label("key")
    b.chain([voice], ["asplit=2"], f"{voice_out}][{key_label}")
    key_label = b.chain([key_label], ["apad"], b.label("key"))  # the key outlives the voice: music keeps playing
    ducked = b.chain([_mix(b, music), key_label], [filt("sidechaincompress", threshold=0.03, ratio=6,
                                                        attack=20, release=400)], b.label("duck"))
    return [voice_out, ducked]


def _mix(b: GraphBuilder, labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return b.chain(labels, [filt("amix", inputs=len(labels), normalize=0, duration="longest",
                                 dropout_transition=0)], b.label("mix"))


def _clip_sound(b: GraphBuilder, seg: Segment, info: MediaInfo, volume: float, following: Segment | None) -> str:
    """A video segment's own sound, following its speed, crossfaded under transitions."""
    index = _input_for(b, seg, info)
    fade_in = seg.meta.fade_in_ms or 0
    if seg.meta.transition is not None:
        fade_in = max(fade_in, seg.meta.transition.duration_ms)
    fade_out = seg.meta.fade_out_ms or 0
    if following is not None and following.meta.transition is not None and following.start_ms < seg.end_ms:
        fade_out = max(fade_out, seg.end_ms - following.start_ms)
    return _place(b, f"{index}:a", seg, volume, fade_in, fade_out, _tempo(seg.speed))


def _music(b: GraphBuilder, seg: Segment, info: MediaInfo, volume: float) -> str:
    """An audio-track segment: looped to fill its span when asked, with its fades."""
    source = _looped(b, seg, info) if seg.meta.loop else f"{_input_for(b, seg, info)}:a"
    return _place(b, source, seg, volume, seg.meta.fade_in_ms or 0, seg.meta.fade_out_ms or 0,
                  _tempo(seg.speed))


def _looped(b: GraphBuilder, seg: Segment, info: MediaInfo) -> str:
    """The source repeated to cover the segment: each pass plays from the in-point to the file's end.

    From the file's start, ``-stream_loop -1`` repeats the file and ``-t`` cuts the span. It
    cannot repeat from an in-point (each pass restarts at the file's start), so a trimmed loop
    is built in the graph: a short stretch is held once and repeated (``aloop``, at most
    ``_LOOP_IN_MEMORY_MS`` of samples); a long one is read again, one input per pass, joined
    by ``concat`` (streamed, no more than a few passes).
    """
    start, span = seg.source_in_ms, seg.source_span_ms
    stretch = (info.duration_ms or 0) - start
    if start == 0 or stretch <= 0:
        return f"{b.add_input(info.path, duration_ms=span, loop=True)}:a"
    passes = -(-span // stretch)
    if passes == 1:
        return f"{_input_for(b, seg, info)}:a"
    if stretch <= _LOOP_IN_MEMORY_MS:
        index = b.add_input(info.path, seek_ms=start, duration_ms=stretch)
        # ``size`` a little over the stretch: aloop repeats what it got when the input ends first.
        size = round((stretch + 1000) * AUDIO_RATE / 1000)
        return b.chain([f"{index}:a"], [_FORMAT, "asetpts=PTS-STARTPTS", filt("aloop", loop=-1, size=size),
                                        filt("atrim", duration=seconds(span))], b.label("loop"))
    heads = []
    for k in range(passes):
        index = b.add_input(info.path, seek_ms=start, duration_ms=min(stretch, span - k * stretch), shared=False)
        heads.append(b.chain([f"{index}:a"], [_FORMAT, "asetpts=PTS-STARTPTS"], b.label("pass")))
    return b.chain(heads, [filt("concat", n=passes, v=0, a=1)], b.label("loop"))


def _input_for(b: GraphBuilder, seg: Segment, info: MediaInfo) -> int:
    return b.add_input(info.path, seek_ms=seg.source_in_ms, duration_ms=seg.source_span_ms)


def _place(b: GraphBuilder, source: str, seg: Segment, volume: float, fade_in_ms: int, fade_out_ms: int,
           tempo: list[str]) -> str:
    d = seg.duration_ms
    filters = [_FORMAT, "asetpts=PTS-STARTPTS", *tempo]
    if volume != 1:
        filters.append(filt("volume", volume=f"{volume:g}"))
    filters.append(filt("atrim", duration=seconds(d)))
    if fade_in_ms > 0:
        filters.append(filt("afade", t="in", st=0, d=seconds(min(fade_in_ms, d))))
    if fade_out_ms > 0:
        fade_out_ms = min(fade_out_ms, d)
        filters.append(filt("afade", t="out", st=seconds(d - fade_out_ms), d=seconds(fade_out_ms)))
    if seg.start_ms > 0:
        filters.append(filt("adelay", delays=f"{seg.start_ms}", all=1))
    return b.chain([source], filters, b.label("a"))


def _tempo(speed: float) -> list[str]:
    """atempo filters multiplying to ``speed`` (each atempo takes 0.5..100)."""
    if speed == 1:
        return []
    steps: list[str] = []
    while speed < 0.5:
        steps.append("atempo=0.5")
        speed /= 0.5
    steps.append(f"atempo={speed:g}")
    return steps
