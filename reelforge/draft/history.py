"""What made a draft version, as data: the edits (their models), the segments they created, and whether the app
made it on its own (the automatic title and music after a generation).

Each saved version stores this record next to its prose label, so undo, "go back to before the music" and "it"
read what was done instead of parsing the label. Versions no edit made (an opened file, a draft a client set)
and rows from before the record existed have none.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from reelforge.draft.edits import Edit
from reelforge.draft.model import Draft

__all__ = ["Change", "change_record", "read_change"]

log = logging.getLogger(__name__)
_EDITS: TypeAdapter[Edit] = TypeAdapter(Edit)


@dataclass(frozen=True)
class Change:
    """One version's record: ``edits`` in the order applied, ``made`` the ids of segments they created."""

    edits: tuple[Edit, ...] = ()
    made: tuple[str, ...] = ()
    auto: bool = False


def _segment_ids(draft: Draft) -> list[str]:
    return [s.id for t in draft.tracks for s in t.segments]


def change_record(before: Draft, after: Draft, edits: Sequence[Edit], auto: bool = False) -> dict[str, Any]:
    """The JSON a version row stores for ``edits`` taking ``before`` to ``after``."""
    old = set(_segment_ids(before))
    return {"edits": [edit.model_dump(mode="json") for edit in edits],
            "made": [sid for sid in _segment_ids(after) if sid not in old], "auto": auto}


def read_change(data: dict[str, Any] | None) -> Change | None:
    """The stored record as models; None when the version has none. An edit that no longer validates (an op
    renamed since) is left out rather than failing the whole history."""
    if not isinstance(data, dict):
        return None
    edits: list[Edit] = []
    for raw in data.get("edits") or []:
        try:
            edits.append(_EDITS.validate_python(raw))
        except ValidationError:
            log.warning("history: an edit that no longer validates was skipped: %r", raw)
    made = tuple(str(sid) for sid in data.get("made") or [])
    return Change(edits=tuple(edits), made=made, auto=bool(data.get("auto")))
