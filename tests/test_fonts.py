"""reelforge.fonts: the bundled CJK default and user font files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import av
import numpy as np

from reelforge.ffmpeg import ffmpeg_exe
from reelforge.fonts import bundled_collection, default_font, drawable_text, extract_face, face_for_text, resolve_font


def test_default_font_is_the_simplified_chinese_face_as_a_standalone_font() -> None:
    font = default_font()
    assert font.is_file() and font.suffix == ".otf"
    data = font.read_bytes()
    assert data[:4] == b"OTTO"  # a CFF OpenType font, not a collection
    assert "Noto Sans CJK SC".encode("utf-16-be") in data


def test_extracting_a_face_keeps_its_name_and_tables(tmp_path: Path) -> None:
    out = extract_face(bundled_collection(), 0, tmp_path / "jp.otf")
    assert "Noto Sans CJK JP".encode("utf-16-be") in out.read_bytes()


def _draw(font: Path, text: str, tmp_path: Path) -> np.ndarray:
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    out = tmp_path / f"{font.stem}.png"
    subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=black:s=200x100",
                    "-vf", f"drawtext=fontfile={font}:textfile={tmp_path / 't.txt'}:fontsize=80:fontcolor=white:x=10:y=10",
                    "-frames:v", "1", str(out)], check=True)
    with av.open(str(out)) as container:
        return next(container.decode(video=0)).to_ndarray(format="gray")


def test_chinese_glyph_shapes_differ_from_the_japanese_face(tmp_path: Path) -> None:
    # 直 is drawn differently in Chinese and Japanese typography: the SC face must be the one used
    sc = _draw(default_font(), "直", tmp_path)
    jp = _draw(extract_face(bundled_collection(), 0, tmp_path / "jp.otf"), "直", tmp_path)
    assert sc.max() > 200 and jp.max() > 200
    assert np.abs(sc.astype(int) - jp.astype(int)).sum() > 1000


def test_existing_font_file_is_used(tmp_path: Path) -> None:
    font = tmp_path / "Mine.ttf"
    font.write_bytes(default_font().read_bytes()[:64])
    assert resolve_font(str(font)) == font


def test_unknown_font_name_or_missing_file_falls_back_to_default(tmp_path: Path) -> None:
    assert resolve_font("Arial") == default_font()
    assert resolve_font(str(tmp_path / "gone.ttf")) == default_font()
    assert resolve_font(None) == default_font()



def test_the_face_follows_the_script_of_the_text() -> None:
    assert face_for_text("Golden Hour") == "SC" and face_for_text("城市之梦") == "SC"
    assert face_for_text("夕焼けの湖") == "JP" and face_for_text("카페") == "KR"
    assert resolve_font(None, "夕焼けの湖") == default_font("JP") != default_font()
    assert "Noto Sans CJK JP".encode("utf-16-be") in default_font("JP").read_bytes()


def test_drawable_text_leaves_out_whole_emoji_and_closes_the_gaps() -> None:
    font = default_font()
    assert drawable_text("Golden Hour 🌅", font) == ("Golden Hour", ["🌅"])
    # a joined emoji, a skin tone and a flag each go as one piece
    assert drawable_text("👩‍💻 late 👍🏽 night 🇯🇵", font) == ("late night", ["👩‍💻", "👍🏽", "🇯🇵"])
    assert drawable_text("夜城 ❤️\n第二行 ✨", font) == ("夜城\n第二行", ["❤️", "✨"])
    assert drawable_text("😀😀", font) == ("", ["😀", "😀"])


def test_drawable_text_keeps_what_the_font_draws_untouched() -> None:
    text = "  ★ Café 夕焼け ♪ → 100%  "
    assert drawable_text(text, default_font()) == (text, [])


def test_an_unreadable_font_is_trusted_with_everything(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    assert drawable_text("Hi 🌅", broken) == ("Hi 🌅", [])


def test_the_fast_path_only_skips_characters_every_bundled_face_draws() -> None:
    from reelforge.fonts import _SURELY_DRAWN, FACES, _coverage

    surely = [chr(c) for c in range(0x30000) if _SURELY_DRAWN.fullmatch(chr(c)) and chr(c) not in "\n\t"]
    for face in FACES:
        covered = _coverage(default_font(face))
        assert covered and [c for c in surely if ord(c) not in covered] == [], face
