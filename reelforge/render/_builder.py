"""The mutable scratchpad a graph is assembled on: inputs, labelled chains, files to write.

Builders in ``_video.py``, ``_audio.py`` and ``_text.py`` add to it; ``graph.py`` turns it
into an immutable :class:`~reelforge.render.graph.Graph`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from reelforge.render._syntax import option_value, seconds

__all__ = ["Canvas", "GraphBuilder", "filt"]


def filt(name: str, *positional: object, **options: object) -> str:
    """One filter as text: ``filt("scale", w=640, h=360)`` -> ``scale=w=640:h=360``.

    Every value is escaped for both parsing levels (see ``_syntax.option_value``);
    options whose value is None are left out.
    """
    parts = [option_value(str(value)) for value in positional]
    parts += [f"{key}={option_value(str(value))}" for key, value in options.items() if value is not None]
    return f"{name}={':'.join(parts)}" if parts else name


@dataclass(frozen=True)
class Canvas:
    """The output picture the graph composes onto (already scaled for previews/gif)."""

    width: int
    height: int
    fps: int
    bg: str  # ffmpeg colour text


@dataclass
class GraphBuilder:
    work_dir: Path
    input_args: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    chains: list[str] = field(default_factory=list)
    files: dict[Path, str] = field(default_factory=dict)
    _counter: itertools.count[int] = field(default_factory=itertools.count)
    _known: dict[tuple[str, int, int | None, bool], int] = field(default_factory=dict)

    def add_input(self, path: Path, *, seek_ms: int = 0, duration_ms: int | None = None,
                  loop: bool = False, shared: bool = True) -> int:
        """Add ``-i path`` (with input-side seek/length/loop) and return its input index.

        The same file with the same seek and length is opened once: a clip's picture and its
        sound come from one input, and ffmpeg decodes it once for both. ``shared=False``
        opens it again (a loop's passes are read one after another, not side by side).
        """
        key = (str(path), seek_ms, duration_ms, loop)
        if shared and key in self._known:
            return self._known[key]
        args: list[str] = []
        if loop:
            args += ["-stream_loop", "-1"]
        if seek_ms:
            # -ss before -i seeks on the input: ffmpeg skips to the nearest keyframe, then
            # decodes only the short stretch up to the exact point.
            args += ["-ss", seconds(seek_ms)]
        if duration_ms is not None:
            args += ["-t", seconds(duration_ms)]
        # One decoding thread per input: frame threads each hold a picture and its references, and
        # a draft decodes several sources side by side; the encoder, not decoding, bounds the speed.
        args += ["-threads", "1"]
        self.input_args += [*args, "-i", str(path)]
        self.inputs.append(str(path))
        index = len(self.inputs) - 1
        self._known.setdefault(key, index)
        return index

    def label(self, prefix: str) -> str:
        return f"{prefix}{next(self._counter)}"

    def chain(self, sources: list[str], filters: list[str], output: str) -> str:
        """Add ``[src...]f1,f2[output]`` and return ``output``."""
        heads = "".join(f"[{s}]" for s in sources)
        self.chains.append(f"{heads}{','.join(filters) or 'null'}[{output}]")
        return output

    def sink(self, source: str) -> None:
        """Consume ``source`` without using it (ffmpeg refuses unconnected outputs)."""
        self.chains.append(f"[{source}]nullsink")

    def add_file(self, name: str, content: str) -> Path:
        path = self.work_dir / name
        self.files[path] = content
        return path

    def script(self) -> str:
        return ";\n".join(self.chains) + "\n"
