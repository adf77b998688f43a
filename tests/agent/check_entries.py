"""Check that corpus entries are well formed, without running the rules: ``python -m tests.agent.check_entries FILE...``.

For writers of new messages (indep/README.md): every entry has a known context, a message, and expectations whose
``do`` is an op or action kind and whose keys are fields of it (or ``prompt_has``/``prompt_lacks``/``style_in``),
and ``draft`` facts the fixtures know. It never says whether the rules get a message right.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import typing
from pathlib import Path

from reelforge.agent import actions
from reelforge.draft._ops import Edit

from ._fixtures import _KINDS, context

CONTEXTS = ("empty", "one_clip", "full", "media")
SPECIAL = {"do", "prompt_has", "prompt_lacks", "style_in"}


def _fields() -> dict[str, set[str]]:
    fields: dict[str, set[str]] = {}
    for model in typing.get_args(typing.get_args(Edit)[0]):
        fields[model.model_fields["op"].default] = set(model.model_fields)
    for name, kind in _KINDS.items():
        fields[kind] = {f.name for f in dataclasses.fields(getattr(actions, name))}
    return fields


def _draft_facts() -> set[str]:
    source = Path(__file__).with_name("_fixtures.py").read_text(encoding="utf-8")
    block = source.split("facts: dict[str, Any] = {", 1)[1].split("}", 1)[0]
    return {line.strip().split('"')[1] for line in block.splitlines() if line.strip().startswith('"')}


def check(path: Path) -> list[str]:
    fields, facts = _fields(), _draft_facts()
    problems: list[str] = []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{path}: not JSON: {exc}"]
    for i, entry in enumerate(entries):
        where = f"{path.name}[{i}] {entry.get('msg', '')[:40]!r}"
        if entry.get("ctx") not in CONTEXTS:
            problems.append(f"{where}: ctx must be one of {CONTEXTS}")
        if not isinstance(entry.get("msg"), str) or not entry["msg"].strip():
            problems.append(f"{where}: msg missing")
        if not isinstance(entry.get("expect"), list) or not entry["expect"]:
            problems.append(f"{where}: expect must be a non-empty list")
            continue
        for want in entry["expect"]:
            kind = want.get("do")
            if kind not in fields:
                problems.append(f"{where}: unknown do {kind!r} (known: {sorted(fields)})")
                continue
            extra = set(want) - SPECIAL - fields[kind]
            if extra:
                problems.append(f"{where}: {kind} has no field(s) {sorted(extra)} (fields: {sorted(fields[kind])})")
        for key in entry.get("draft", {}):
            if key not in facts:
                problems.append(f"{where}: unknown draft fact {key!r} (known: {sorted(facts)})")
        if entry.get("history") is not None:
            context(entry["ctx"], entry["history"])
    return problems


def main(argv: list[str]) -> int:
    problems = [p for name in argv for p in check(Path(name))]
    print("\n".join(problems) if problems else f"{len(argv)} file(s) well formed")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
