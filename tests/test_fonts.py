"""reelforge.fonts: the bundled CJK default and user font files."""

from __future__ import annotations

from pathlib import Path

from reelforge.fonts import default_font, resolve_font


def test_default_font_is_the_bundled_noto_cjk_collection() -> None:
    font = default_font()
    assert font.is_file() and font.suffix == ".ttc"
    assert font.read_bytes()[:4] == b"ttcf"


def test_existing_font_file_is_used(tmp_path: Path) -> None:
    font = tmp_path / "Mine.ttf"
    font.write_bytes(default_font().read_bytes()[:64])
    assert resolve_font(str(font)) == font


def test_unknown_font_name_or_missing_file_falls_back_to_default(tmp_path: Path) -> None:
    assert resolve_font("Arial") == default_font()
    assert resolve_font(str(tmp_path / "gone.ttf")) == default_font()
    assert resolve_font(None) == default_font()
