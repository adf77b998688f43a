"""The built-in music and sound library: background tracks and sound effects, synthesised.

Everything is numpy synthesis (no samples, no downloads), deterministic for a seed::

    style = find_style("calm piano") or style_for_scene("sunset over the sea")
    samples = render_music(style.name, seconds=30, seed=1)      # float32 (n, 2), -16 LUFS, loops
    write_audio(samples, Path("bgm.m4a"))
    library_file(cache_dir, "lofi", 30)                           # rendered once, then cached

The modules follow the data: ``_styles`` (what a style is) -> ``_compose`` (a score) ->
``_instruments`` (voices) -> ``_music`` (mix and master) -> ``_files`` (wav/m4a).
"""

from reelforge.audio._compose import Note, Score
from reelforge.audio._files import LIBRARY_VERSION, library_file, write_audio
from reelforge.audio._lookup import DEFAULT_STYLE, find_sound, find_style, style_for_scene
from reelforge.audio._music import CEILING_DBFS, TARGET_LUFS, plan_music, render_music
from reelforge.audio._sfx import SOUND_EFFECTS, SoundEffect, SoundName, render_sound
from reelforge.audio._styles import STYLES, Style, StyleName
from reelforge.audio._theory import Key
from reelforge.audio.music_cli import (
    list_sounds,
    list_styles,
    render_sound_to_file,
    render_to_file,
    resolve_sound,
    resolve_style,
)

__all__ = [
    "CEILING_DBFS",
    "DEFAULT_STYLE",
    "LIBRARY_VERSION",
    "SOUND_EFFECTS",
    "STYLES",
    "TARGET_LUFS",
    "Key",
    "Note",
    "Score",
    "SoundEffect",
    "SoundName",
    "Style",
    "StyleName",
    "find_sound",
    "find_style",
    "library_file",
    "list_sounds",
    "list_styles",
    "plan_music",
    "render_music",
    "render_sound",
    "render_sound_to_file",
    "render_to_file",
    "resolve_sound",
    "resolve_style",
    "style_for_scene",
    "write_audio",
]
