"""Train the editor's intent model (reelforge/agent/_intent_model.py) and write its weights.

    .venv/bin/python scripts/train_intent.py            # writes reelforge/agent/intent_weights.npz

It learns from the seen corpus (tests/agent/corpus_*.json) and the independent waves (tests/agent/indep/), never from
the held-out corpus (tests/agent/heldout/, read by nothing here). Each single-action message is one example, labelled
with its op kind; a message of several actions whose clauses are as many, in order, gives one example a clause. The
optimiser is full-batch L-BFGS from zeros (scipy), so the same corpus gives the same weights. The metadata block
records the corpus size, its hash (tests/agent/test_intent_model.py says "retrain" when the corpus changed), the label
counts, the training accuracy, the hash size and the date.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reelforge.agent._intent_model import (  # noqa: E402
    WEIGHTS,
    IntentModel,
    clause_features,
    context_features,
    feature_rows,
)
from reelforge.agent._text import detect_language, split_clauses  # noqa: E402
from reelforge.agent._traditional import read_chinese  # noqa: E402
from reelforge.agent.rules import settle  # noqa: E402
from reelforge.draft import Draft  # noqa: E402
from tests.agent import _fixtures as fx  # noqa: E402

BUCKETS = 1 << 16
L2 = 3e-5           # on the mean cross-entropy; chosen by leave-one-wave-out (scripts/measure_intent.py)
ITERATIONS = 300

Example = tuple[list[str], str]


def clauses_of(message: str) -> list[str]:
    """The message's clauses as the rules read them (Traditional read as Simplified, hedges and corrections settled)."""
    text = read_chinese(message).text
    language = detect_language(text)
    return [clause.text for clause in split_clauses(settle(text, language), language)]


def examples(cases: Iterable[dict[str, Any]]) -> list[Example]:
    """(features, label) for each single-action case, and for each clause of a case with as many actions as clauses."""
    found: list[Example] = []
    contexts: dict[tuple[str, bool], list[str]] = {}
    for case in cases:
        name, history = case.get("ctx", "full"), bool(case.get("history"))
        if (name, history) not in contexts:
            ctx = fx.context(name, case.get("history"))
            draft = ctx.draft if isinstance(ctx.draft, Draft) else Draft.model_validate(ctx.draft)
            contexts[name, history] = context_features(draft, [m.kind for m in ctx.media if m.uploaded], history)
        context = contexts[name, history]
        clauses = clauses_of(case["msg"])
        kinds = [want["do"] for want in case["expect"]]
        if len(kinds) == 1:
            found.append(([f for text in clauses for f in clause_features(text)] + context, kinds[0]))
        elif len(kinds) == len(clauses):
            found += [(clause_features(text) + context, kind) for text, kind in zip(clauses, kinds)]
    return found


def _design(found: Sequence[Example], labels: Sequence[str], buckets: int) -> tuple[Any, np.ndarray]:
    from scipy import sparse

    rows = [feature_rows(features, buckets) for features, _ in found]
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    data = np.ones(int(indptr[-1]), dtype=np.float64)
    matrix = sparse.csr_matrix((data, np.concatenate(rows), indptr), shape=(len(found), buckets))
    index = {label: k for k, label in enumerate(labels)}
    return matrix, np.array([index[label] for _, label in found])


def train(found: Sequence[Example], buckets: int = BUCKETS, l2: float = L2, iterations: int = ITERATIONS) -> IntentModel:
    """Fit the softmax on ``found`` by full-batch L-BFGS from zeros: deterministic for a given corpus."""
    from scipy.optimize import minimize

    labels = tuple(sorted({label for _, label in found}))
    matrix, targets = _design(found, labels, buckets)
    count, width = len(found), len(labels)
    onehot = np.zeros((count, width))
    onehot[np.arange(count), targets] = 1.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights, bias = flat[:-width].reshape(buckets, width), flat[-width:]
        scores = matrix @ weights + bias
        scores -= scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scores).sum(axis=1, keepdims=True))
        probabilities = np.exp(scores - log_norm)
        value = -float((onehot * (scores - log_norm)).sum()) / count + 0.5 * l2 * float((weights ** 2).sum())
        error = (probabilities - onehot) / count
        gradient = np.concatenate([(matrix.T @ error + l2 * weights).ravel(), error.sum(axis=0)])
        return value, gradient

    result = minimize(loss, np.zeros(buckets * width + width), jac=True, method="L-BFGS-B",
                      options={"maxiter": iterations})
    weights = result.x[:-width].reshape(buckets, width).astype(np.float32)
    bias = result.x[-width:].copy()
    predicted = np.asarray(matrix @ weights + bias).argmax(axis=1)
    meta = {"examples": count, "labels": dict(sorted(Counter(label for _, label in found).items())),
            "training_accuracy": round(float((predicted == targets).mean()), 4), "buckets": buckets, "l2": l2,
            "iterations": int(result.nit)}
    return IntentModel(labels, weights, bias, meta)


def corpus_hash() -> str:
    """A hash of the training corpus's files (seen corpus and independent waves), to tell when to retrain."""
    digest = hashlib.sha256()
    for path in sorted([*fx.HERE.glob("corpus_*.json"), *(fx.HERE / "indep").glob("indep_*.json")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def training_cases() -> list[dict[str, Any]]:
    """The seen corpus and every independent wave; never tests/agent/heldout."""
    return [*fx.load_corpus(), *fx.load_indep()]


def save(model: IntentModel, path: Path) -> None:
    """Write the weights (float16, compressed) and the metadata block."""
    np.savez_compressed(path, labels=np.array(model.labels), weights=model.weights.astype(np.float16),
                        bias=model.bias, meta=np.array(json.dumps(model.meta, sort_keys=True)))


def main() -> None:
    cases = training_cases()
    model = train(examples(cases))
    meta = {**model.meta, "messages": len(cases), "corpus_sha256": corpus_hash(),
            "trained": datetime.date.today().isoformat()}
    save(IntentModel(model.labels, model.weights, model.bias, meta), WEIGHTS)
    print(json.dumps({k: v for k, v in meta.items() if k != "labels"}), f"{WEIGHTS.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
