"""How well and how fast the rule-based agent understands a message, next to the cost of parsing the draft it reads.

Accuracy, rules alone: ``accuracy_seen`` over the corpus the rules are written against (tests/agent/corpus_*.json)
and ``accuracy_heldout`` over the whole frozen held-out corpus (tests/agent/heldout/, see its README: parts v1,
v2 and v3, each also reported on its own line), each the share of messages whose plan matches the expectation exactly
(every action, in order, and the draft facts listed).
The held-out misses are also counted by area of ability and by kind of miss (counts only, never a message: the
held-out rule in tests/agent/heldout/README.md), so that new independent writing can be aimed at the weak areas.
Each part's misses are also counted by outcome (``_fixtures.same_outcome``): how many leave the same draft, and the same
questions and answers, as the expectation would (another spelling of the same result, not a wrong one).
Speed: ``understand`` over every message several times; the reference, in the same run, is a bare
``json.loads`` + ``Draft.model_validate`` of the fixture draft per message. Target: under 5 ms a message.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reelforge.agent import understand  # noqa: E402
from reelforge.draft import Draft  # noqa: E402

ROUNDS = 5
AREAS = {
    "clips": ("generate", "add_clip"), "titles": ("add_text", "update_text", "remove_text"),
    "music": ("music", "set_music", "update_music", "remove_music"), "sound effects": ("sound",),
    "voice and captions": ("voice", "change_voice", "remove_voice", "captions", "subtitles", "set_captions", "script"),
    "cuts and order": ("trim", "trim_segment", "cut_segment", "split_clip", "delete_segment", "move_clip", "swap_clips"), "speed": ("set_speed",),
    "transitions and fades": ("set_transition", "set_fade"), "camera": ("set_motion",), "clip sound": ("set_clip_audio",),
    "canvas": ("set_canvas",), "exports": ("export", "timeline_export"), "history": ("undo", "redo", "revert"),
    "show and help": ("show", "help"), "a question": ("unknown",),
}
AREA_OF = {kind: area for area, kinds in AREAS.items() for kind in kinds}


def _fixtures():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("agent_fixtures", ROOT / "tests" / "agent" / "_fixtures.py")
    if spec is None or spec.loader is None:
        print("agent bench: tests/agent/_fixtures.py not found; cannot run")
        raise SystemExit(2)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _accuracy(fx, cases, label: str, by_outcome: bool = True) -> float:  # type: ignore[no-untyped-def]
    right = 0
    outcomes: Counter[bool | None] = Counter()
    for case in cases:
        ctx = fx.context(case["ctx"], case.get("history"))
        plan = understand(case["msg"], ctx)
        if fx.case_mismatch(case, plan, ctx) is None:
            right += 1
        else:
            outcomes[fx.same_outcome(case, plan, ctx)] += 1
    zh = sum(1 for c in cases if any("\u4e00" <= ch <= "\u9fff" for ch in c["msg"]))
    print(f"{label}: {right}/{len(cases)} right ({len(cases) - zh} English, {zh} Chinese)")
    if outcomes and by_outcome:
        print(f"{label}: of its {len(cases) - right} misses, {outcomes[True]} give the expected outcome (the same draft "
              f"and answers: another spelling), {outcomes[False]} another, {outcomes[None]} cannot be compared")
    return right / len(cases) if cases else 0.0


def _miss(fx, case, plan, why: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The area of ability and the kind of a miss, for counting: never the message. A wrong value also names its
    field ("the right action, a wrong value: color")."""
    expected = [want["do"] for want in case["expect"]]
    got = [fx.action_kind(action) for action in plan.actions]
    area = "several requests" if len(expected) > 1 else AREA_OF.get(expected[0], "other") if expected else "nothing"
    if "generate" in got and "generate" not in expected:
        return area, "generated a clip not asked for"
    if got == ["unknown"] and expected != ["unknown"]:
        return area, "asked a question instead of acting"
    if expected == ["unknown"]:
        return area, "acted where a question was expected"
    if len(got) != len(expected):
        return area, "more or fewer actions than asked"
    wrong = [(g, e) for g, e in zip(got, expected) if g != e]
    if wrong:
        return AREA_OF.get(wrong[0][1], "other"), "another action than asked"
    field = why.split(":")[0].split(" ")[-1] if ":" in why else why.split(" ")[0]
    for action, want in zip(plan.actions, case["expect"]):
        if fx.action_mismatch(action, want) is not None:
            return AREA_OF.get(want["do"], "other"), f"the right action, a wrong value: {field}"
    return area, f"the draft after it is wrong: {field}"


def _held_out_misses(fx, cases) -> None:  # type: ignore[no-untyped-def]
    areas: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    spelled: Counter[str] = Counter()  # the kinds of the misses with the expected outcome: spellings to settle
    languages: Counter[str] = Counter()
    for case in cases:
        ctx = fx.context(case["ctx"], case.get("history"))
        plan = understand(case["msg"], ctx)
        why = fx.case_mismatch(case, plan, ctx)
        if why is None:
            continue
        area, kind = _miss(fx, case, plan, why)
        areas[area] += 1
        kinds[kind] += 1
        if fx.same_outcome(case, plan, ctx):
            spelled[kind] += 1
        languages["Chinese" if any("\u4e00" <= ch <= "\u9fff" for ch in case["msg"]) else "English"] += 1
    for label, counts in (("by language", languages), ("by area", areas), ("by kind", kinds),
                          ("with the expected outcome, by kind", spelled)):
        print(f"held-out misses {label}: " + ", ".join(f"{name} {n}" for name, n in counts.most_common()))


def main() -> None:
    fx = _fixtures()
    seen, heldout = fx.load_corpus(), fx.load_heldout()
    accuracy_seen = _accuracy(fx, seen, "seen corpus")
    _accuracy(fx, fx.load_indep(), "independent seen corpus (indep/)")
    for wave in fx.INDEP_WAVES:
        if fx.load_indep(wave):
            _accuracy(fx, fx.load_indep(wave), f"  its writers' wave {wave}", by_outcome=False)
    for part in fx.HELDOUT_PARTS:
        _accuracy(fx, fx.load_heldout(part), f"heldout {part}")
    accuracy_heldout = _accuracy(fx, heldout, "held-out corpus (all parts)")
    _held_out_misses(fx, heldout)
    cases = seen + heldout
    contexts = {name: fx.context(name) for name in ("empty", "one_clip", "full", "media")}
    wires = {name: json.dumps(ctx.draft.to_wire()) for name, ctx in contexts.items()}
    for case in cases:  # warm up: regex compilation, imports
        understand(case["msg"], contexts[case["ctx"]])
    agent_ms: list[float] = []
    parse_ms: list[float] = []
    for _ in range(ROUNDS):
        for case in cases:
            started = time.perf_counter()
            understand(case["msg"], contexts[case["ctx"]])
            agent_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            Draft.model_validate(json.loads(wires[case["ctx"]]))
            parse_ms.append((time.perf_counter() - started) * 1000)
    p99 = sorted(agent_ms)[int(len(agent_ms) * 0.99) - 1]
    mean = statistics.fmean(agent_ms)
    ref = statistics.fmean(parse_ms)
    print(f"corpus: {len(cases)} messages x {ROUNDS} rounds")
    print(f"rules understand():            mean {mean:.3f} ms   p99 {p99:.3f} ms   max {max(agent_ms):.3f} ms")
    print(f"reference json.loads+validate: mean {ref:.3f} ms   p99 {sorted(parse_ms)[int(len(parse_ms) * 0.99) - 1]:.3f} ms")
    print(f"ratio (understand / draft parse): {mean / ref:.1f}x   target mean < 5 ms: {'met' if mean < 5 else 'MISSED'}")
    print(f"agent: ms_per_message={mean:.3f} accuracy_seen={accuracy_seen:.3f} accuracy_heldout={accuracy_heldout:.3f}")


if __name__ == "__main__":
    main()
