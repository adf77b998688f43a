"""Fonts for titles: one default that covers Latin and CJK, plus user-given font files.

The default is Noto Sans CJK from the ``noto-cjk-sans-otc`` package, in its Simplified
Chinese face (Japanese for text with kana, Korean for text with hangul). The package ships a ``.ttc`` collection and ffmpeg's
drawtext always opens a collection's first face, which is the Japanese one (real Han
glyphs, Japanese shapes); so on first use the face is copied out of the collection
into a standalone OpenType file in the cache folder. If that cannot be written, the
collection itself is used. Either way a Chinese title is never drawn as missing-glyph
boxes and nothing depends on the fonts the host happens to have.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import struct
import tempfile
from pathlib import Path

__all__ = ["FONT_SUFFIXES", "bundled_collection", "common_chinese", "default_font", "drawable_text", "extract_face",
           "face_for_text", "resolve_font", "web_subset"]

FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
# The collection's faces: JP, KR, SC, TC, HK, then the Mono ones.
FACES = {"JP": 0, "KR": 1, "SC": 2}
SC_FACE = FACES["SC"]


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


def face_for_text(text: str) -> str:
    """Which regional face suits ``text``: Japanese when it has kana, Korean when it has hangul, else
    Simplified Chinese (Han characters are drawn differently in each; Latin is the same in all)."""
    for char in text:
        code = ord(char)
        if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
            return "JP"
        if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
            return "KR"
    return "SC"


@functools.cache
def default_font(face: str = "SC") -> Path:
    """The default title font in a regional ``face`` (resolved on first use, never at import)."""
    from platformdirs import user_cache_path

    collection = bundled_collection()
    out = (user_cache_path("reelforge", appauthor=False) / "fonts"
           / f"NotoSansCJK-{face}-{collection.stat().st_size}.otf")
    if out.is_file():
        return out
    try:
        return extract_face(collection, FACES[face], out)
    except (OSError, ValueError, struct.error):
        return collection


def resolve_font(font: str | None, text: str = "") -> Path:
    """The font file for a text segment's ``font``: an existing font file, else the default face
    that suits ``text`` (see :func:`face_for_text`).

    A draft may name a font the host does not have (``"Arial"``, a path from another
    machine); the title still renders, in the default face, rather than failing the export.
    """
    if font:
        candidate = Path(font).expanduser()
        if candidate.suffix.lower() in FONT_SUFFIXES and candidate.is_file():
            return candidate
    return default_font(face_for_text(text))


# Marks that belong to the character before them: zero-width joiner, variation selectors,
# the keycap mark, skin tones and emoji tag characters. A cluster is a base character, its
# marks, and whatever a joiner glues on (emoji such as 👩‍💻 are several characters); a flag
# is a pair of regional indicators.
_MARKS = "\u200d\ufe00-\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_ONLY_MARKS = re.compile(f"[{_MARKS}]+")
_CLUSTER = re.compile(f"[\U0001f1e6-\U0001f1ff]{{2}}|[^{_MARKS}][{_MARKS}]*(?:(?<=\u200d)[^{_MARKS}][{_MARKS}]*)*|[{_MARKS}]+")


# What every bundled Noto Sans CJK face draws (checked against its cmap by the tests): Latin-1, CJK
# punctuation, kana, the common Han block, hangul syllables, full-width forms, and line breaks.
_SURELY_DRAWN = re.compile("[\n\t\u0020-\u007e\u00a0-\u00ff\u3000-\u303f\u3041-\u3096\u3099-\u30ff"
                           "\u4e00-\u9fef\uac00-\ud7a3\uff01-\uff60]*")


@functools.cache
def _coverage(font: Path) -> frozenset[int]:
    """The code points ``font`` has glyphs for (its best cmap); empty when it cannot be read."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        # our own handle: TTFont leaves the file it opened open when the font is broken
        with font.open("rb") as handle, TTFont(handle, lazy=True, fontNumber=0) as face:
            return frozenset(face.getBestCmap() or {})
    except (OSError, TTLibError, KeyError, AssertionError):
        return frozenset()


def drawable_text(text: str, font: Path) -> tuple[str, list[str]]:
    """``text`` without the characters ``font`` cannot draw, and what was left out.

    drawtext draws a missing glyph as a box; emoji are the usual case (the CJK face has
    none). Whole clusters go (an emoji with its skin tone or joined parts), and the spaces
    around them close up. A font that cannot be read is trusted to draw everything.
    """
    if font.name.startswith("NotoSansCJK-") and _SURELY_DRAWN.fullmatch(text):
        return text, []  # the bundled faces draw all of these: no need to read the font's cmap
    covered = _coverage(font)
    if not covered:
        return text, []
    kept: list[str] = []
    dropped: list[str] = []
    for cluster in _CLUSTER.findall(text):
        base = cluster[0]
        if base in "\n\t " or ord(base) in covered:
            kept.append(cluster)
        elif not _ONLY_MARKS.fullmatch(cluster):  # a stray joiner or selector draws nothing: drop it quietly
            dropped.append(cluster)
    if not dropped:
        return text, []
    lines = "".join(kept).split("\n")
    return "\n".join(re.sub(" {2,}", " ", line).strip() for line in lines).strip("\n"), dropped


def common_chinese() -> str:
    """The characters of GB 2312 (the 3755 most used hanzi, then 3008 more, CJK punctuation, full-width
    forms, kana): what nearly all everyday Simplified Chinese text is written with. Read from Python's own
    codec, so no character list is downloaded or shipped."""
    chars = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def web_subset(extra_text: str = "", face: str = "SC") -> Path:
    """A WOFF of the default face holding Latin-1, :func:`common_chinese` and ``extra_text``: the studio
    page's font, so Chinese shows on a machine without CJK system fonts (about 2 MB instead of 16).

    Built on first use with fontTools and cached beside the extracted face; the file name carries a
    hash of what it holds, so new page text makes a new subset. Blocking: call it off the event loop.
    """
    from fontTools import subset
    from platformdirs import user_cache_path

    text = "".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0xA0, 0x100)) \
        + common_chinese() + extra_text
    wanted = "".join(sorted(set(text)))
    source = default_font(face)
    digest = hashlib.sha256(f"{source.name}\0{wanted}".encode()).hexdigest()[:12]
    out = user_cache_path("reelforge", appauthor=False) / "fonts" / f"NotoSansCJK-{face}-web-{digest}.woff"
    if out.is_file():
        return out
    options = subset.Options()
    options.flavor = "woff"          # zlib: no extra package (WOFF2 needs brotli)
    options.layout_features = ["*"]  # vertical forms, full-width punctuation
    options.hinting = False          # browsers hint CFF themselves
    options.name_IDs = ["*"]
    # the loaded font keeps its file open until closed (left to the collector, it warned in whatever ran next)
    with subset.load_font(str(source), options, dontLoadGlyphNames=True) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=wanted)
        subsetter.subset(font)
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out.parent, delete=False, suffix=".part") as handle:
            subset.save_font(font, handle, options)
    os.replace(handle.name, out)  # atomic: a second request never reads half a font
    return out
