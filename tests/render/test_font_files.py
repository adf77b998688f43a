"""A draft's ``font`` may name a font file on the command line, never on a server."""

from __future__ import annotations

import shutil
from pathlib import Path

from reelforge.draft.model import Draft
from reelforge.fonts import default_font
from reelforge.media import MediaInfo
from reelforge.render import RenderOptions, build_graph


def _draft(font: str) -> Draft:
    return Draft.from_wire({"m": {"w": 320, "h": 180}, "t": [
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 1000, "m": {"text": "Hi", "font": font}}]}]})


def test_a_font_file_named_by_the_draft_is_used_only_when_allowed(tmp_path: Path) -> None:
    mine = tmp_path / "Mine.otf"
    shutil.copyfile(default_font(), mine)
    media: dict[str, MediaInfo] = {}
    local = build_graph(_draft(str(mine)), media, tmp_path / "a.mp4", RenderOptions())
    server = build_graph(_draft(str(mine)), media, tmp_path / "b.mp4", RenderOptions(font_files=False))
    assert str(mine) in local.filter_script
    assert str(mine) not in server.filter_script and str(default_font()) in server.filter_script
