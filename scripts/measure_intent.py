"""Leave-one-wave-out: how many of the rules' misses on a wave the intent model fixes, and how many right answers it
breaks, when it is trained without that wave (docs/agent.md, "The trained intent model").

    .venv/bin/python scripts/measure_intent.py [--models DIR] [--waves en12,zh12,...]

For each wave (``tests/agent/_fixtures.INDEP_WAVES``; the six most recent by default) a model is trained on the seen
corpus and every other wave (cached in DIR as ``without_<wave>.npz``; about two minutes each on a loaded machine),
then each message of the wave is planned with the rules alone and with the rules consulting that model. It prints
the fixed and broken messages, a line a wave and a closing total. Never reads tests/agent/heldout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_intent  # noqa: E402

from reelforge.agent import understand  # noqa: E402
from reelforge.agent._intent_model import IntentModel, load, using  # noqa: E402
from tests.agent import _fixtures as fx  # noqa: E402

RECENT = ("en12", "zh12", "en13", "zh13", "en14", "zh14")


def model_without(wave: str, folder: Path) -> IntentModel:
    """The model trained on everything seen but ``wave`` (cached in ``folder``)."""
    path = folder / f"without_{wave}.npz"
    if not path.exists():
        cases = [*fx.load_corpus(), *(case for other in fx.INDEP_WAVES if other != wave for case in fx.load_indep(other))]
        train_intent.save(train_intent.train(train_intent.examples(cases)), path)
    return load(path)


def measure(wave: str, model: IntentModel) -> tuple[int, int, int, list[str]]:
    """(messages, rules' misses, fixed, broken) on ``wave``, and a line for each fixed or broken message."""
    cases = fx.load_indep(wave)
    misses = fixed = broken = 0
    lines = []
    for case in cases:
        ctx = fx.context(case["ctx"], case.get("history"))
        with using(None):
            before = fx.case_mismatch(case, understand(case["msg"], ctx), ctx)
        ctx = fx.context(case["ctx"], case.get("history"))
        with using(model):
            after = fx.case_mismatch(case, understand(case["msg"], ctx), ctx)
        misses += before is not None
        if before is not None and after is None:
            fixed += 1
            lines.append(f"  fixed  [{case['ctx']}] {case['msg']!r}")
        elif before is None and after is not None:
            broken += 1
            lines.append(f"  BROKEN [{case['ctx']}] {case['msg']!r}: {after[:120]}")
    return len(cases), misses, fixed, broken, lines  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", type=Path, default=Path("/tmp/intent_lowo"))
    parser.add_argument("--waves", default=",".join(RECENT))
    parser.add_argument("--train-only", action="store_true")
    args = parser.parse_args()
    args.models.mkdir(parents=True, exist_ok=True)
    totals = [0, 0, 0, 0]
    for wave in args.waves.split(","):
        model = model_without(wave, args.models)
        if args.train_only:
            print(wave, "trained", model.meta.get("training_accuracy"), flush=True)
            continue
        count, misses, fixed, broken, lines = measure(wave, model)
        print("\n".join(lines))
        print(f"{wave}: {count} messages, rules miss {misses}, the model fixes {fixed}, breaks {broken}", flush=True)
        totals = [t + n for t, n in zip(totals, (count, misses, fixed, broken))]
    if not args.train_only:
        print(f"leave-one-wave-out over {args.waves}: {totals[0]} messages, rules miss {totals[1]}, "
              f"the model fixes {totals[2]}, breaks {totals[3]}")


if __name__ == "__main__":
    main()
