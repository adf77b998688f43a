"""Running the bundled ffmpeg: one place that spawns it, reads progress and cleans up.

ffmpeg comes from imageio-ffmpeg (libx264, drawtext, xfade, libvmaf). There is no
ffprobe in that package: probing goes through PyAV (:mod:`reelforge.media`).
"""

from __future__ import annotations

import collections
import functools
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from reelforge.errors import Cancelled, RenderFailed
from reelforge.progress import CancelToken, Progress, no_progress

__all__ = ["FrameWriter", "ffmpeg_exe", "run_ffmpeg"]

_STDERR_LINES = 60


@functools.cache
def ffmpeg_exe() -> str:
    """Path of the bundled ffmpeg binary (resolved on first use, never at import)."""
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def _drain(stream: IO[bytes], tail: collections.deque[str]) -> None:
    # An unread stderr pipe fills up and ffmpeg blocks forever (MoviePy #576):
    # read it concurrently into a bounded buffer.
    for raw in iter(stream.readline, b""):
        tail.append(raw.decode("utf-8", "replace").rstrip())
    stream.close()


def _terminate(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _close_pipes(proc: subprocess.Popen[bytes]) -> None:
    """Close our ends of the pipes once the process is gone and its stderr drained (else they leak until GC)."""
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            try:
                pipe.close()
            except BrokenPipeError:  # stdin with unflushed bytes for an encoder that died
                pass


def run_ffmpeg(
    args: Sequence[str],
    *,
    duration_ms: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    what: str = "ffmpeg",
) -> None:
    """Run ffmpeg with ``args`` (everything after the binary), reporting progress.

    Progress comes from ``-progress pipe:1`` (``out_time_us`` against ``duration_ms``).
    A non-zero exit raises :class:`RenderFailed` carrying the stderr tail.
    """
    argv = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", "-progress", "pipe:1", "-nostats", *args]
    tail: collections.deque[str] = collections.deque(maxlen=_STDERR_LINES)
    proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    drainer = threading.Thread(target=_drain, args=(proc.stderr, tail), daemon=True)
    drainer.start()
    try:
        for raw in iter(proc.stdout.readline, b""):
            if cancel is not None and cancel.cancelled:
                raise Cancelled(f"{what} cancelled")
            key, _, value = raw.decode("ascii", "replace").strip().partition("=")
            if key == "out_time_us" and duration_ms and value.lstrip("-").isdigit():
                progress(min(1.0, max(0.0, int(value) / 1000 / duration_ms)))
            elif key == "progress" and value == "end":
                progress(1.0)
        returncode = proc.wait()
    finally:
        _terminate(proc)
        drainer.join(timeout=5)
        _close_pipes(proc)
    if returncode != 0:
        stderr_tail = "\n".join(tail)
        raise RenderFailed(
            f"{what} exited with status {returncode}: {_last_error(tail)}",
            data={"returncode": returncode, "stderr_tail": stderr_tail},
        )


def _last_error(tail: collections.deque[str]) -> str:
    for line in reversed(tail):
        if line.strip():
            return line.strip()
    return "no output"


class FrameWriter:
    """Pipe raw RGB frames into an ffmpeg encode, one frame at a time (no images on disk)."""

    def __init__(self, proc: subprocess.Popen[bytes], tail: collections.deque[str], frame_bytes: int) -> None:
        self._proc = proc
        self._tail = tail
        self._frame_bytes = frame_bytes
        self.frames_written = 0

    def write(self, frame: object) -> None:
        data = memoryview(frame).cast("B") if not isinstance(frame, (bytes, bytearray)) else frame  # type: ignore[arg-type]
        if len(data) != self._frame_bytes:
            raise ValueError(f"frame has {len(data)} bytes, expected {self._frame_bytes}")
        assert self._proc.stdin is not None
        try:
            self._proc.stdin.write(data)
        except BrokenPipeError as exc:
            raise RenderFailed(f"encoder stopped: {_last_error(self._tail)}",
                               data={"stderr_tail": "\n".join(self._tail)}) from exc
        self.frames_written += 1

    @classmethod
    @contextmanager
    def open(
        cls,
        out: Path,
        *,
        width: int,
        height: int,
        fps: int,
        output_args: Sequence[str] | None = None,
        metadata: dict[str, str] | None = None,
        finish_timeout_s: float = 120.0,
    ) -> Iterator[FrameWriter]:
        """Open an encoder reading ``width``x``height`` RGB24 frames on stdin.

        By default it writes H.264 yuv420p (CRF 18, faststart): the intermediate quality
        a generated clip deserves before the renderer re-encodes it. ``finish_timeout_s``
        bounds the wait for the frames still queued after the last one is written (a slow
        filter such as motion interpolation needs more).
        """
        out.parent.mkdir(parents=True, exist_ok=True)
        argv = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(fps),
                "-i", "pipe:0"]
        argv += list(output_args) if output_args is not None else [
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
            "-movflags", "+faststart"]
        for key, value in (metadata or {}).items():
            argv += ["-metadata", f"{key}={value}"]
        argv.append(str(out))
        tail: collections.deque[str] = collections.deque(maxlen=_STDERR_LINES)
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert proc.stderr is not None and proc.stdin is not None
        drainer = threading.Thread(target=_drain, args=(proc.stderr, tail), daemon=True)
        drainer.start()
        writer = cls(proc, tail, width * height * 3)
        ok = False
        try:
            yield writer
            ok = True
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass
            if ok:
                try:
                    returncode = proc.wait(timeout=finish_timeout_s)
                except subprocess.TimeoutExpired:
                    returncode = -1
            _terminate(proc)
            drainer.join(timeout=5)
            _close_pipes(proc)
            if not ok:
                out.unlink(missing_ok=True)
        if returncode != 0:
            out.unlink(missing_ok=True)
            raise RenderFailed(f"encoder exited with status {returncode}: {_last_error(tail)}",
                               data={"stderr_tail": "\n".join(tail)})
