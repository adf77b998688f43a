"""The public surface of reelforge.audio is pinned (others build on it)."""

from __future__ import annotations

import reelforge.audio as audio


def test_public_names_are_exported_and_pinned() -> None:
    assert set(audio.__all__) == {
        "CEILING_DBFS", "DEFAULT_STYLE", "LIBRARY_VERSION", "SOUND_EFFECTS", "STYLES", "TARGET_LUFS", "Key",
        "Note", "Score", "SoundEffect", "SoundName", "Style", "StyleName", "find_sound", "find_style", "library_file", "list_sounds",
        "list_styles", "plan_music", "render_music", "render_sound", "render_sound_to_file", "render_to_file",
        "resolve_sound", "resolve_style", "style_for_scene", "write_audio",
    }
    for name in audio.__all__:
        assert hasattr(audio, name)
