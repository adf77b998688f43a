"""Leave-one-wave-out: how many of the rules' misses on a wave the intent model fixes, and how many right answers it
breaks, when it is trained without that wave (docs/agent.md, "The trained intent model").

    .venv/bin/python scripts/measure_intent.py [--models DIR] [--waves en12,zh12,...] [--folds 5]

For each wave (``tests/agent/_fixtures.INDEP_WAVES``; the six most recent by default) a model is trained on the seen
corpus and every other wave (cached in DIR as ``without_<wave>.npz``; about two minutes each on a loaded machine),
then each message of the wave is planned with the rules alone and with the rules consulting that model. It prints
the fixed and broken messages, a line a wave and a closing total. Never reads tests/agent/heldout.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_intent  # noqa: E402

from reelforge.agent import (
    _intent_model,  # noqa: E402
    understand,  # noqa: E402
)
from reelforge.agent._intent_model import IntentModel, load, using  # noqa: E402
from tests.agent import _fixtures as fx  # noqa: E402

RECENT = ("en12", "zh12", "en13", "zh13", "en14", "zh14")


def _seen_corpus() -> list[dict[str, Any]]:
    """The seen corpus without the intent model's own entries (corpus_learn11_*.json): paraphrases of what it was seen
    to fix, which would flatter it."""
    own = {(c["ctx"], c["msg"]) for path in fx.HERE.glob("corpus_learn11_*.json")
           for c in json.loads(path.read_text(encoding="utf-8"))}
    return [case for case in fx.load_corpus() if (case["ctx"], case["msg"]) not in own]


def model_without(wave: str, folder: Path) -> IntentModel:
    """The model trained on everything seen but ``wave`` (cached in ``folder``)."""
    path = folder / f"without_{wave}.npz"
    if not path.exists():
        cases = [*_seen_corpus(), *(case for other in fx.INDEP_WAVES if other != wave for case in fx.load_indep(other))]
        train_intent.save(train_intent.train(train_intent.examples(cases)), path)
    return load(path)


def _fold(case: dict[str, Any], folds: int) -> int:
    return zlib.crc32(f"{case['ctx']}|{case['msg']}".encode()) % folds


def fold_cases(fold: int, folds: int) -> list[dict[str, Any]]:
    """The independent messages of one of ``folds`` folds (by a stable hash of the context and the message)."""
    return [case for case in fx.load_indep() if _fold(case, folds) == fold]


def model_without_fold(fold: int, folds: int, folder: Path) -> IntentModel:
    """The model trained on the seen corpus and every independent message outside ``fold``."""
    path = folder / f"without_fold{fold}of{folds}.npz"
    if not path.exists():
        cases = [*_seen_corpus(), *(case for case in fx.load_indep() if _fold(case, folds) != fold)]
        train_intent.save(train_intent.train(train_intent.examples(cases)), path)
    return load(path)


def measure(wave: str, model: IntentModel) -> tuple[int, int, int, int, int, list[str]]:
    """(messages, rules' misses, fixed, broken, other plans) on ``wave``, and a line for each message whose plan the
    model changed."""
    cases = fold_cases(*map(int, wave[4:].split("of"))) if wave.startswith("fold") else fx.load_indep(wave)
    misses = fixed = broken = changed = 0
    lines = []
    for case in cases:
        ctx = fx.context(case["ctx"], case.get("history"))
        with using(None):
            plan = understand(case["msg"], ctx)
            before = fx.case_mismatch(case, plan, ctx)
        ctx = fx.context(case["ctx"], case.get("history"))
        with using(model):
            planned = understand(case["msg"], ctx)
            after = fx.case_mismatch(case, planned, ctx)
        misses += before is not None
        if before is not None and after is None:
            fixed += 1
            lines.append(f"  fixed  [{case['ctx']}] {case['msg']!r}")
        elif before is None and after is not None:
            broken += 1
            lines.append(f"  BROKEN [{case['ctx']}] {case['msg']!r}: {after[:120]}")
        elif plan.actions != planned.actions:
            changed += 1
            lines.append(f"  other  [{case['ctx']}] {case['msg']!r}: {(after or '')[:120]}")
    return len(cases), misses, fixed, broken, changed, lines


def accuracy(wave: str, model: IntentModel) -> tuple[float, float]:
    """How often the model names the op of the wave's examples (``train_intent.examples``) outright, and how often
    when it is certain (``CERTAIN``): its share of the examples."""
    found = train_intent.examples(fold_cases(*map(int, wave[4:].split("of"))) if wave.startswith("fold")
                                  else fx.load_indep(wave))
    right = certain = certain_right = 0
    for features, label in found:
        intent = model.probabilities(features)
        guess = max(intent, key=intent.__getitem__)
        right += guess == label
        if intent[guess] >= _intent_model.CERTAIN:
            certain += 1
            certain_right += guess == label
    return right / len(found), certain_right / max(certain, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=Path, default=Path("/tmp/intent_lowo"))
    parser.add_argument("--waves", default=",".join(RECENT))
    parser.add_argument("--folds", type=int, default=0, help="instead of waves: K folds of every independent message")
    parser.add_argument("--train-only", action="store_true")
    parser.add_argument("--sure", type=float, default=_intent_model.SURE)
    parser.add_argument("--unlikely", type=float, default=_intent_model.UNLIKELY)
    parser.add_argument("--certain", type=float, default=_intent_model.CERTAIN)
    parser.add_argument("--look", type=float, default=_intent_model.LOOK)
    args = parser.parse_args()
    # thresholds to try: the module reads them at each call (the shipped ones are the defaults)
    _intent_model.SURE, _intent_model.UNLIKELY, _intent_model.CERTAIN = args.sure, args.unlikely, args.certain
    _intent_model.LOOK = args.look
    args.models.mkdir(parents=True, exist_ok=True)
    totals = [0, 0, 0, 0, 0]
    waves = [f"fold{k}of{args.folds}" for k in range(args.folds)] if args.folds else args.waves.split(",")
    for wave in waves:
        model = model_without_fold(int(wave[4:].split("of")[0]), args.folds, args.models) if args.folds else \
            model_without(wave, args.models)
        if args.train_only:
            print(wave, "trained", model.meta.get("training_accuracy"), flush=True)
            continue
        count, misses, fixed, broken, changed, lines = measure(wave, model)
        print("\n".join(lines))
        named, sure = accuracy(wave, model)
        print(f"{wave}: the model alone names the op of {named:.3f} of the examples, {sure:.3f} of those it is certain of")
        print(f"{wave}: {count} messages, rules miss {misses}, the model fixes {fixed}, breaks {broken}, "
              f"changes {changed} other plans", flush=True)
        totals = [t + n for t, n in zip(totals, (count, misses, fixed, broken, changed))]
    if not args.train_only:
        print(f"{'folds' if args.folds else 'leave-one-wave-out'} over {','.join(waves)}: {totals[0]} messages, rules miss {totals[1]}, "
              f"the model fixes {totals[2]}, breaks {totals[3]}, changes {totals[4]} other plans "
              f"(sure {args.sure}, unlikely {args.unlikely}, certain {args.certain}, look {args.look})")


if __name__ == "__main__":
    main()
