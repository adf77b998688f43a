"""Peak memory of rendering a draft of many 1080p clips: reelforge's windowed render vs one graph.

ffmpeg opens every input of a graph at start-up (about 50 MB per 1080p decoder), so one graph over
many clips grows with their count; reelforge renders the main track in windows of at most
``MAX_SOURCES_PER_RUN`` sources (reelforge/render/_chunks.py). Both runs are made here, in one
process, on the same 40 distinct files. Closing line: ``render memory: clips=N chunked_mb=N one_graph_mb=N``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from reelforge.draft import Draft, apply_edits
from reelforge.draft.edits import AddClip
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.render import RenderOptions, path_resolver
from reelforge.render import renderer as renderer_module

CLIPS = 40


def peak_children_rss(action: object) -> tuple[float, float]:
    """Run ``action()``; return (seconds, peak RSS of this process's children in MiB)."""
    peak, done = 0, threading.Event()

    def watch() -> None:
        nonlocal peak
        me = psutil.Process()
        while not done.is_set():
            total = 0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    start = time.perf_counter()
    action()  # type: ignore[operator]
    elapsed = time.perf_counter() - start
    done.set()
    watcher.join()
    return elapsed, peak / 2**20


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="render-memory-"))
    try:
        base = folder / "base.mp4"
        subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=30:d=1",
                        "-f", "lavfi", "-i", "sine=d=1", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt",
                        "yuv420p", "-c:a", "aac", "-shortest", str(base)], check=True)
        for index in range(CLIPS):
            shutil.copyfile(base, folder / f"c{index}.mp4")
        draft = apply_edits(Draft.empty(1920, 1080), [AddClip(src=f"c{i}.mp4", duration_ms=1000)
                                                       for i in range(CLIPS)])
        resolve = path_resolver(folder)

        def chunked() -> None:
            renderer_module.render(draft, resolve, folder / "chunked.mp4", RenderOptions())

        def one_graph() -> None:
            media = {src: resolve(src) for src in set(draft.media_refs())}
            renderer_module._render_once(draft, media, folder / "one.mp4", RenderOptions(), lambda _: None, None)

        chunked_s, chunked_mb = peak_children_rss(chunked)
        one_s, one_mb = peak_children_rss(one_graph)
        print(f"{CLIPS} clips of 1080p, 1 s each, one 40 s 1080p30 mp4")
        print(f"reelforge (windows) {chunked_s:7.2f} s   peak ffmpeg rss {chunked_mb:7.0f} MiB")
        print(f"one filter graph    {one_s:7.2f} s   peak ffmpeg rss {one_mb:7.0f} MiB")
        print(f"render memory: clips={CLIPS} chunked_mb={chunked_mb:.0f} one_graph_mb={one_mb:.0f}")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
