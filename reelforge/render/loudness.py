"""Loudness: measure the draft's mix, then normalise it to a target in the real render (two passes).

Pass one renders only the sound graph into ffmpeg's ``null`` muxer through
``loudnorm=print_format=json`` (fast: no picture is decoded or encoded) and reads the
integrated loudness, range, true peak and gate threshold it measured. Pass two puts
``loudnorm`` with those measurements and ``linear=true`` at the end of the mix: one static
gain for the whole programme, so nothing pumps; loudnorm only falls back to its dynamic
true-peak limiter when that gain would push peaks over the ceiling.

The ceiling handed to loudnorm sits :data:`ENCODER_HEADROOM_DB` under the target's: lossy
encoders (AAC, Opus) overshoot the peaks of what they are given by a few tenths of a dB.

:func:`measure_file` reads a finished file with ``ebur128=peak=true`` (what the spec checker
uses, a different meter from the one that normalised it).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reelforge.draft.model import AUDIO, VIDEO, Draft
from reelforge.errors import RenderFailed
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.media import MediaInfo
from reelforge.render._audio import build_audio
from reelforge.render._builder import GraphBuilder, filt
from reelforge.render.encode import AUDIO_RATE, LoudnessTarget

__all__ = ["ENCODER_HEADROOM_DB", "SILENCE_LUFS", "Loudness", "measure_file", "measure_mix", "normalise_filters"]

ENCODER_HEADROOM_DB = 0.5
SILENCE_LUFS = -70.0  # EBU R 128's absolute gate: anything quieter is silence, never amplified
_TIMEOUT_S = 600


@dataclass(frozen=True)
class Loudness:
    """A measurement: integrated loudness (LUFS), true peak (dBTP), range (LU), gate threshold (LUFS)."""

    integrated_lufs: float
    true_peak_db: float
    range_lu: float = 0.0
    threshold_lufs: float = SILENCE_LUFS

    @property
    def silent(self) -> bool:
        return not math.isfinite(self.integrated_lufs) or self.integrated_lufs <= SILENCE_LUFS


def normalise_filters(target: LoudnessTarget, measured: Loudness | None) -> list[str]:
    """The filters that bring a mix measured as ``measured`` to ``target`` (none for silence)."""
    if measured is None or measured.silent:
        return []
    return [
        filt("loudnorm", I=f"{target.integrated_lufs:g}", TP=f"{target.true_peak_db - ENCODER_HEADROOM_DB:g}",
             LRA=f"{max(target.range_lu, measured.range_lu):g}",  # a wider range than the target's is kept
             measured_I=f"{measured.integrated_lufs:.2f}", measured_TP=f"{measured.true_peak_db:.2f}",
             measured_LRA=f"{measured.range_lu:.2f}", measured_thresh=f"{measured.threshold_lufs:.2f}",
             linear="true", print_format="none"),
        # loudnorm upsamples to 192 kHz to find true peaks; the file wants the mix's own rate.
        filt("aresample", AUDIO_RATE),
    ]


def measure_mix(draft: Draft, media: Mapping[str, MediaInfo], work_dir: Path) -> Loudness:
    """Pass one: the loudness of the draft's mixed sound, rendered to nowhere."""
    b = GraphBuilder(work_dir=work_dir)
    mix = build_audio(b, draft.tracks_of(VIDEO), draft.tracks_of(AUDIO), media, draft.end_ms)
    b.chain([mix], [filt("loudnorm", print_format="json")], "measured")
    script = b.add_file("loudness.txt", b.script())
    work_dir.mkdir(parents=True, exist_ok=True)
    script.write_text(b.files[script], encoding="utf-8")
    stderr = _run([*b.input_args, "-/filter_complex", str(script), "-map", "[measured]", "-f", "null", "-"],
                  what="loudness measurement")
    return _parse_loudnorm(stderr)


def measure_file(path: Path) -> Loudness | None:
    """The loudness of ``path``'s first audio stream (EBU R 128 via ``ebur128``); None without audio."""
    stderr = _run(["-i", str(path), "-map", "0:a:0?", "-af", "ebur128=peak=true", "-f", "null", "-"],
                  what=f"loudness measurement of {Path(path).name}")
    if "Summary:" not in stderr:
        return None  # no audio stream: ebur128 never ran
    summary = stderr.rpartition("Summary:")[2]
    return Loudness(integrated_lufs=_number(summary, r"I:\s+(-?[\d.]+|-inf)\s+LUFS"),
                    true_peak_db=_number(summary, r"Peak:\s+(-?[\d.]+|-inf)\s+dBFS"),
                    range_lu=_number(summary, r"LRA:\s+(-?[\d.]+)\s+LU"))


def _run(args: list[str], *, what: str) -> str:
    argv = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", *args]
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise RenderFailed(f"{what} took longer than {_TIMEOUT_S} s") from exc
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = stderr.strip().splitlines()[-1:] or ["no output"]
        raise RenderFailed(f"{what} exited with status {proc.returncode}: {tail[0]}",
                           data={"returncode": proc.returncode, "stderr_tail": stderr[-4000:]})
    return stderr


def _parse_loudnorm(stderr: str) -> Loudness:
    start, end = stderr.rfind("{"), stderr.rfind("}")
    try:
        data = json.loads(stderr[start:end + 1])
        return Loudness(integrated_lufs=float(data["input_i"]), true_peak_db=float(data["input_tp"]),
                        range_lu=float(data["input_lra"]), threshold_lufs=float(data["input_thresh"]))
    except (ValueError, KeyError) as exc:
        raise RenderFailed("the loudness measurement printed no result",
                           data={"stderr_tail": stderr[-2000:]}) from exc


def _number(text: str, pattern: str) -> float:
    match = re.search(pattern, text)
    return float(match.group(1)) if match else -math.inf
