"""The README's example draft stays valid and names the files the README tells you to make."""

from __future__ import annotations

import re
from pathlib import Path

from reelforge.services.local import read_draft_file

ROOT = Path(__file__).resolve().parents[1]


def test_example_draft_is_valid_and_its_sources_are_made_by_the_readme() -> None:
    draft = read_draft_file(ROOT / "examples" / "city.json")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    made = set(re.findall(r"-o examples/(\S+)", readme))
    assert set(draft.media_refs()) <= made
    assert draft.end_ms == 7500
