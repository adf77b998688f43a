"""Paid generations found from the other side (#14): every message that should start none, in every fixture context.

A generation costs credits, so the rules start one only on an explicit request or a message that is plainly a scene.
This sweep takes every seen and indep message none of whose cases expects a new clip (a generation, an added clip, a
video from a script), runs it in all four fixture contexts (not only its own), optionally through the perturbation
transforms (``_perturb.py``) and over extra files of phrasings that must never generate (JSON lists of strings), and
lists each plan that still holds a paid action, grouped by the rule that planned it (the function and line in the
agent that called ``PlanState.generate``).

    python -m tests.agent.sweep_paid [--perturb STRIDE [--offset K] [--only-perturbed]] [--show N] [--rows FILE] [EXTRA.json ...]

A diagnostic, not a test: some of what it lists is right ("add a clip of a dog" on a project with clips). It prints
counts only unless ``--show`` asks for examples.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path
from typing import Any

from reelforge.agent import GenerateAction, ScriptAction, understand
from reelforge.agent._state import PlanState

from ._fixtures import context, load_corpus, load_indep
from ._perturb import applicable

CONTEXTS = ("empty", "one_clip", "full", "media")
# an expectation of any of these kinds means the message may rightly make a clip somewhere
_NEW_CLIP = {"generate", "add_clip", "script", "replace_clip"}

_CALLER: dict[int, str] = {}


def _record_callers() -> None:
    """Note, for each generation planned, the agent function and line that planned it (a plan may be one of several
    the rules try; only the one kept is reported)."""
    plain = PlanState.generate

    def generate(self: PlanState, action: GenerateAction) -> None:
        frame = sys._getframe(1)
        _CALLER[id(action)] = f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}"
        plain(self, action)
    PlanState.generate = generate  # type: ignore[method-assign]


def _paid(message: str, ctx: str, history: list[str] | None) -> list[str]:
    """The rule behind each paid action the message plans in ``ctx`` ("script" for a video from a script)."""
    plan = understand(message, context(ctx, history))
    found = []
    for action in plan.actions:
        if isinstance(action, GenerateAction):
            found.append(_CALLER.get(id(action), "replaced"))
        elif isinstance(action, ScriptAction) and not action.use_media:
            found.append("script")
    return found


def suspects() -> list[tuple[str, str, list[str] | None]]:
    """(source, message, history) for each seen and indep message none of whose cases expects a new clip."""
    cases = [("seen", c) for c in load_corpus()] + [("indep", c) for c in load_indep()]
    makes = {c["msg"] for _, c in cases if any(w["do"] in _NEW_CLIP for w in c["expect"])}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for source, case in cases:
        key = (case["msg"], tuple(case.get("history") or ()))
        if case["msg"] in makes or key in seen:
            continue
        seen.add(key)
        out.append((source, case["msg"], case.get("history")))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.agent.sweep_paid")
    parser.add_argument("extra", nargs="*", help="JSON lists of phrasings that must never generate")
    parser.add_argument("--perturb", type=int, default=0, help="also every STRIDE-th message through each transform")
    parser.add_argument("--offset", type=int, default=0, help="the first message perturbed (another slice of the corpus)")
    parser.add_argument("--show", type=int, default=0, help="examples per rule")
    parser.add_argument("--rows", default="", help="write every hit to this file, one JSON line each")
    parser.add_argument("--no-corpus", action="store_true", help="only the extra files")
    parser.add_argument("--only-perturbed", action="store_true", help="the perturbed messages, not their originals")
    args = parser.parse_args(argv)
    _record_callers()
    started = time.perf_counter()
    items: list[tuple[str, str, list[str] | None]] = [] if args.no_corpus else suspects()
    for name in args.extra:
        items += [(Path(name).stem, message, None) for message in json.loads(Path(name).read_text(encoding="utf-8"))]
    if args.perturb:
        for source, message, history in items[args.offset::args.perturb]:
            if source not in ("seen", "indep"):
                continue
            for transform_name, transform in applicable(message).items():
                changed = transform(message)
                if changed and changed != message:
                    items.append((f"{source}+{transform_name}", changed, history))
        if args.only_perturbed:
            items = [item for item in items if "+" in item[0]]
    tried: collections.Counter[str] = collections.Counter()
    hits: dict[str, list[tuple[str, str, str, list[str] | None]]] = collections.defaultdict(list)
    by_source: collections.Counter[str] = collections.Counter()
    messages_hit: set[tuple[str, str]] = set()
    for source, message, history in items:
        family = source.split("+")[0] + ("+perturbed" if "+" in source else "")
        tried[family] += 1
        for ctx in CONTEXTS:
            for rule in _paid(message, ctx, history):
                hits[rule].append((source, ctx, message, history))
                if (source, message) not in messages_hit:
                    messages_hit.add((source, message))
                    by_source[family] += 1
    print(f"{len(items)} messages x {len(CONTEXTS)} contexts in {time.perf_counter() - started:.0f} s")
    print(f"{'source':22} {'messages':>8} {'generate':>8}")
    for family in tried:
        print(f"{family:22} {tried[family]:8} {by_source[family]:8}")
    print(f"{'rule that generated':44} {'plans':>6} {'messages':>8}")
    for rule, rows in sorted(hits.items(), key=lambda kv: -len(kv[1])):
        print(f"{rule:44} {len(rows):6} {len({r[2] for r in rows}):8}")
        for source, ctx, message, history in rows[:args.show]:
            print(f"    [{ctx}] {message!r} ({source}{', history' if history else ''})")
    if args.rows:
        with open(args.rows, "w", encoding="utf-8") as out:
            for rule, rows in hits.items():
                for source, ctx, message, history in rows:
                    row: list[Any] = [rule, source, ctx, message, history or []]
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
