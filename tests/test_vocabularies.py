"""Each vocabulary (aspects, output formats, qualities, render statuses, presets, styles, sounds) has one owner
module exporting a Literal and its table; everyone else imports it. These tests fail when a copy creeps back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from reelforge.audio import SOUND_EFFECTS, STYLES, SoundName, StyleName
from reelforge.draft import ASPECT_SIZES, Aspect
from reelforge.draft.output import OUTPUT_FORMATS, QUALITIES, OutputFormat, PresetName, Quality
from reelforge.render.presets import PRESETS
from reelforge.services.exports import RENDER_STATUS
from reelforge.store import JobState

PACKAGE = Path(__file__).resolve().parents[1] / "reelforge"


def _sources() -> dict[str, str]:
    return {str(path.relative_to(PACKAGE.parent)): path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}


def test_each_literal_and_its_table_name_the_same_values() -> None:
    assert list(ASPECT_SIZES) == list(get_args(Aspect))
    assert list(OUTPUT_FORMATS) == list(get_args(OutputFormat))
    assert QUALITIES == get_args(Quality)
    assert list(PRESETS) == list(get_args(PresetName))
    assert list(STYLES) == list(get_args(StyleName))
    assert list(SOUND_EFFECTS) == list(get_args(SoundName))
    assert set(RENDER_STATUS) == set(get_args(JobState))


@pytest.mark.parametrize(("what", "pattern", "owner"), [
    ("aspects", r"""["']16:9["'],\s*["']9:16["'],\s*["']1:1["']""", "reelforge/draft/model.py"),
    ("aspect sizes", r"""["']16:9["']\s*:\s*\(1920,\s*1080\)""", "reelforge/draft/model.py"),
    ("output formats", r"""["']mp4["'],\s*["']mov["'],\s*["']webm["']""", "reelforge/draft/output.py"),
    ("format MIME types", r"""["']mov["']\s*:\s*["']video/quicktime["']""", "reelforge/draft/output.py"),
    ("qualities", r"""["']high["'],\s*["']medium["'],\s*["']low["']""", "reelforge/draft/output.py"),
    ("render statuses", r"""["']running["']\s*:\s*["']processing["']""", "reelforge/services/exports.py"),
    ("preset names", r"""["']youtube["'],\s*["']shorts["'],\s*["']tiktok["']""", "reelforge/draft/output.py"),
    ("preset canvases", r"""["']tiktok["']\s*:\s*["']9:16["']""", None),   # a preset's canvas is its own size
    ("style names", r"""Literal\[["']lofi["']""", "reelforge/audio/_styles.py"),
    ("sound names", r"""Literal\[["']whoosh["']""", "reelforge/audio/_sfx.py"),
])
def test_a_vocabulary_is_spelled_out_by_its_owner_only(what: str, pattern: str, owner: str | None) -> None:
    where = sorted(name for name, text in _sources().items() if re.search(pattern, text))
    assert where == ([owner] if owner else []), f"{what} spelled out in {where}: import the owner's Literal and table"


def test_no_module_guards_an_import_of_reelforge_itself() -> None:
    guarded = re.compile(r"try:\s*\n\s*(?:from reelforge[.\w]* import|import reelforge)[^\n]*\n\s*except ImportError")
    assert [name for name, text in _sources().items() if guarded.search(text)] == []


def test_docs_music_tables_list_every_style_with_its_tempo() -> None:
    """docs/music.md's two style tables (what each sounds like; what else it is asked for as) follow STYLES."""
    text = (PACKAGE.parent / "docs" / "music.md").read_text(encoding="utf-8")
    described = {m["name"]: m["tempo"] for m in re.finditer(r"^\| `(?P<name>\w+)` \([^)]*\) \|(?:[^|]*\|){2} (?P<tempo>\d+–\d+) \|",
                                                            text, re.MULTILINE)}
    named = set(re.findall(r"^\| `(\w+)` \| (?!\d)", text, re.MULTILINE))
    assert described == {name: f"{low}–{high}" for name, (low, high) in ((n, s.tempo_bpm) for n, s in STYLES.items())}
    assert named == set(STYLES)
