"""Benchmark: a 60-second script to a narrated, captioned 1080p MP4, against the same footage unnarrated.

``script_video`` runs the whole path (espeak-ng narration per scene, a preview clip per scene, library
music, the render with the voice ducking the music and libass captions) on a script of about 150 words.
In the same run the reference renders the same total length of preview footage with ``reelforge
generate``'s path (one clip, no voice, no captions, no music): the ratio is what narration, captions
and the per-scene structure cost. The realtime factor is video seconds / wall seconds.

Run: .venv/bin/python bench/script.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import av
from _timing import busy_note, cores, ffmpeg_missing, timed

from reelforge.errors import ReelforgeError
from reelforge.services.local import generate_video
from reelforge.services.script_video import script_video
from reelforge.settings import Settings

SCRIPT = """The harbour wakes long before the sun. Fishing boats slide home through the grey mist, their engines low.
On the quay, the first crates of silver fish are stacked in neat rows. Gulls circle overhead, loud and hopeful.
A baker opens his shutters and the smell of warm bread drifts across the square. Old men take their usual
seats outside the cafe. The first coffee of the day steams in small white cups. Children run past with their
school bags bouncing. By seven the market is full of voices, colours and bargains. A fisherman counts his
coins and smiles at the sky. The tide turns slowly, and the boats rock at their moorings. Another ordinary day
begins in a town that has done this for three hundred years. Nobody here is in a hurry. The sea will be there
tomorrow, and so will they."""


def _seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        return float(container.duration or 0) / 1e6


def main() -> int:
    missing = ffmpeg_missing("script")
    if missing:
        print(missing)
        return 2
    core_count = cores()
    print(f"script to 1080p video ({len(SCRIPT.split())} words), preview generator + espeak-ng, {core_count} cores")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        out = Path(tmp) / "story.mp4"
        try:
            with timed() as scripted:
                result = script_video(settings, SCRIPT, out, quality="high")
        except ReelforgeError as exc:
            print(f"script: cannot run: {exc}")
            return 2
        script_s, script_cpu = scripted.wall_s, scripted.cpu_s
        video_s = _seconds(result.path)
        print(f"  script    {script_s:7.2f} s  cpu {script_cpu:6.2f} s  {video_s:5.1f} s of video, "
              f"{result.width}x{result.height}, {result.size_bytes / 1e6:5.1f} MB")

        reference = Path(tmp) / "plain.mp4"
        with timed() as plain:
            generate_video(settings, "a harbour at dawn with fishing boats", reference, seconds=round(video_s, 1))
        plain_s, plain_cpu = plain.wall_s, plain.cpu_s
        print(f"  footage   {plain_s:7.2f} s  cpu {plain_cpu:6.2f} s  {_seconds(reference):5.1f} s of video "
              "(one preview clip rendered alone: no voice, captions or music)")
    realtime_x = video_s / script_s
    note = busy_note(core_count)
    if note:
        print(note)
    print(f"  narration, captions and scenes cost {script_s / plain_s:.2f}x the footage alone "
          f"(cpu {script_cpu / plain_cpu:.2f}x); realtime {realtime_x:.2f}x")
    print(f"script: realtime_x={realtime_x:.2f} footage_ratio={script_s / plain_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
