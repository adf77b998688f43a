"""Fonts for titles: one default that covers Latin and CJK, plus user-given font files.

The default is the Simplified Chinese face of Noto Sans CJK from the
``noto-cjk-sans-otc`` package. The package ships a ``.ttc`` collection and ffmpeg's
drawtext always opens a collection's first face, which is the Japanese one (real Han
glyphs, Japanese shapes); so on first use the SC face is copied out of the collection
into a standalone OpenType file in the cache folder. If that cannot be written, the
collection itself is used. Either way a Chinese title is never drawn as missing-glyph
boxes and nothing depends on the fonts the host happens to have.
"""

from __future__ import annotations

import functools
import os
import struct
import tempfile
from pathlib import Path

__all__ = ["FONT_SUFFIXES", "bundled_collection", "default_font", "extract_face", "resolve_font"]

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
SC_FACE = 2  # the collection's faces: JP, KR, SC, TC, HK, then the Mono ones


def bundled_collection() -> Path:
    from noto_cjk_sans_otc import FONT_PATH

    return Path(str(FONT_PATH))


def extract_face(collection: Path, index: int, out: Path) -> Path:
    """Write face ``index`` of a TrueType/OpenType collection as a standalone font file.

    The face's tables are copied as they are (their checksums stay valid) behind a new
    table directory; see the OpenType spec, "Font Collections".
    """
    data = collection.read_bytes()
    tag, _version, count = struct.unpack(">4sII", data[:12])
    if tag != b"ttcf" or not 0 <= index < count:
        raise ValueError(f"{collection.name} has no face {index}")
    (offset,) = struct.unpack(">I", data[12 + 4 * index:16 + 4 * index])
    sfnt_version, num_tables = struct.unpack(">IH", data[offset:offset + 6])
    records = [struct.unpack(">4sIII", data[offset + 12 + 16 * i:offset + 28 + 16 * i]) for i in range(num_tables)]
    entry_selector = max(0, num_tables.bit_length() - 1)
    search_range = 16 * (1 << entry_selector)
    header = struct.pack(">IHHHH", sfnt_version, num_tables, search_range, entry_selector,
                         num_tables * 16 - search_range)
    cursor = 12 + 16 * num_tables
    directory, bodies = [], []
    for table_tag, checksum, table_offset, length in sorted(records):
        directory.append(struct.pack(">4sIII", table_tag, checksum, cursor, length))
        body = data[table_offset:table_offset + length]
        body += b"\0" * (-len(body) % 4)
        bodies.append(body)
        cursor += len(body)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, delete=False, suffix=".part") as handle:
        handle.write(header + b"".join(directory) + b"".join(bodies))
    os.replace(handle.name, out)  # atomic: a concurrent renderer never sees half a font
    return out


@functools.cache
def default_font() -> Path:
    """The default title font (resolved on first use, never at import)."""
    from platformdirs import user_cache_path

    collection = bundled_collection()
    out = user_cache_path("reelforge", appauthor=False) / "fonts" / f"NotoSansCJK-SC-{collection.stat().st_size}.otf"
    if out.is_file():
        return out
    try:
        return extract_face(collection, SC_FACE, out)
    except (OSError, ValueError, struct.error):
        return collection


def resolve_font(font: str | None) -> Path:
    """The font file for a text segment's ``font``: an existing font file, else the default.

    A draft may name a font the host does not have (``"Arial"``, a path from another
    machine); the title still renders, in the default face, rather than failing the export.
    """
    if font:
        candidate = Path(font).expanduser()
        if candidate.suffix.lower() in FONT_SUFFIXES and candidate.is_file():
            return candidate
    return default_font()
