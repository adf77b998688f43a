"""Plain functions behind ``reelforge music list`` and ``reelforge music render`` (the CLI wires them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from reelforge.audio._files import write_audio
from reelforge.audio._lookup import find_sound, find_style
from reelforge.audio._music import render_music
from reelforge.audio._sfx import SOUND_EFFECTS, render_sound
from reelforge.audio._styles import STYLES
from reelforge.errors import InvalidInput

__all__ = ["list_sounds", "list_styles", "render_sound_to_file", "render_to_file", "resolve_sound", "resolve_style"]


def list_styles() -> list[dict[str, Any]]:
    """Every music style as a plain dict, ready to print: ``name``, ``title``, ``names_zh``
    (at most two, to fit a column: "低保真、低保真音乐"), ``moods`` ("lazy, mellow, cozy / 慵懒、怀旧、温馨"),
    ``tempo`` ("72-88"), ``description``; and as lists for programs: ``moods_en``, ``moods_zh``,
    ``scenes``, ``scenes_zh``, ``tempo_bpm``."""
    return [{
        "name": style.name,
        "title": style.title,
        "names_zh": "、".join(style.names_zh[:2]),
        "moods": f"{', '.join(style.moods_en[:3])} / {'、'.join(style.moods_zh[:3])}",
        "tempo": f"{style.tempo_bpm[0]}-{style.tempo_bpm[1]}",
        "description": style.description,
        "moods_en": list(style.moods_en),
        "moods_zh": list(style.moods_zh),
        "scenes": list(style.scenes_en),
        "scenes_zh": list(style.scenes_zh),
        "tempo_bpm": list(style.tempo_bpm),
    } for style in STYLES.values()]


def _resolve(words: str, kind: str, known: Mapping[str, object], find: Callable[[str], Any]) -> str:
    if words in known:
        return words
    found = find(words)
    if found is None:
        raise InvalidInput(f"{kind}: no {_KINDS[kind]} matches {words!r} (known: {', '.join(known)})", field=kind)
    return str(found.name)


_KINDS = {"style": "music style", "sound": "sound effect"}


def resolve_style(words: str) -> str:
    """A style id from an id or from words ("lofi", "低保真", "epic"); :class:`InvalidInput` if none."""
    return _resolve(words, "style", STYLES, find_style)


def resolve_sound(words: str) -> str:
    """A sound-effect id from an id or from words ("whoosh", "快门"); :class:`InvalidInput` if none."""
    return _resolve(words, "sound", SOUND_EFFECTS, find_sound)


def list_sounds() -> list[dict[str, Any]]:
    """Every sound effect as a plain dict: name, title, Chinese names, length, whether it loops."""
    return [{
        "name": effect.name,
        "title": effect.title,
        "names_zh": list(effect.names_zh),
        "seconds": effect.seconds,
        "loopable": effect.loopable,
        "description": effect.description,
    } for effect in SOUND_EFFECTS.values()]


def render_to_file(style: str, seconds: float, out: Path, seed: int = 0, *, loop: bool = True,
                   sample_rate: int = 48000) -> Path:
    """Render ``seconds`` of ``style`` (an id or words, see :func:`resolve_style`) to ``out``
    (.wav, .m4a, .mp3 ...) and return the path."""
    samples = render_music(resolve_style(style), seconds, seed, sample_rate, loop=loop)
    return write_audio(samples, out, sample_rate)


def render_sound_to_file(name: str, out: Path, seed: int = 0, *, seconds: float | None = None,
                         sample_rate: int = 48000) -> Path:
    """Render the sound effect ``name`` to ``out`` and return the path."""
    return write_audio(render_sound(name, seed, sample_rate, seconds=seconds), out, sample_rate)
