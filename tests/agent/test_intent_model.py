"""The trained intent model (reelforge/agent/_intent_model.py): trained deterministically, shipped with the package,
consulted only where the rules would ask, never for a generation, and never a failure when its weights are absent."""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
import time
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from reelforge.agent import GenerateAction, understand
from reelforge.agent._intent_model import (
    WEIGHTS,
    IntentModel,
    certain_kind,
    chosen_reading,
    clause_features,
    context_features,
    intent_of,
    load_or_none,
    shipped,
    using,
)
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, split_clauses
from reelforge.agent.actions import Unknown
from reelforge.agent.rules import Candidate, _settled_by_intent, best, candidates, close_call

from ._fixtures import HERE, context

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_intent", ROOT / "scripts" / "train_intent.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_intent", module)
    spec.loader.exec_module(module)
    return module


def _sure_of(label: str, share: float = 0.99) -> IntentModel:
    """A model that gives ``label`` ``share`` whatever is said (the rest spread over a few other labels)."""
    labels = (label, "music", "update_text", "unknown") if label not in ("music", "update_text", "unknown") else \
        (label, "set_speed", "trim", "show")
    rest = (1 - share) / (len(labels) - 1)
    bias = np.log(np.array([share, rest, rest, rest]))
    return IntentModel(labels, np.zeros((16, len(labels)), dtype=np.float32), bias, {})


def test_training_on_a_slice_is_deterministic_and_fits_it() -> None:
    pytest.importorskip("scipy")
    script = _script()
    cases = json.loads((HERE / "corpus_en.json").read_text(encoding="utf-8"))[:100]
    found = script.examples(cases)
    first = script.train(found, buckets=1 << 11, iterations=30)
    second = script.train(found, buckets=1 << 11, iterations=30)
    assert np.array_equal(first.weights, second.weights) and np.array_equal(first.bias, second.bias)
    assert first.meta["training_accuracy"] >= 0.9


@pytest.mark.parametrize(("message", "ctx", "kind"), [
    ("add a crossfade between the clips", "full", "set_transition"),
    ("make the title red", "full", "update_text"),
    ("把音乐音量调到20%", "full", "update_music"),
    ("全部加速到两倍", "full", "set_speed"),
    ("undo that", "full", "undo"),
    ("export it for tiktok", "full", "export"),
    ("把第二段删掉", "full", "delete_segment"),
    ("show me the timeline", "full", "show"),
])
def test_the_shipped_weights_name_the_op_of_seen_messages(message: str, ctx: str, kind: str) -> None:
    model = shipped()
    assert model is not None
    said = [f for text in _script().clauses_of(message) for f in clause_features(text)]
    intent = model.probabilities(said + context_features(context(ctx).draft, [], False))
    assert max(intent, key=intent.__getitem__) == kind


def test_the_shipped_model_answers_well_under_a_fifth_of_a_millisecond() -> None:
    draft = context("full").draft
    with using(shipped()):
        intent_of("把音乐音量调到20%", draft, [], False)
        start = time.perf_counter()
        for _ in range(200):
            intent_of("make the music quieter please", draft, [], False)
    assert (time.perf_counter() - start) / 200 < 0.001  # 0.1 ms here unloaded; a loaded machine is slower


# a close call: a title and a song said in one breath with nothing between them, each reading explaining its half
# ("好 再加个标题「夜」和一段吉他的音乐", the seen corpus's one close call when this test was written, is now read as both
# requests, as is any pair joined by 和 / "and", a comma or a dictated pause, "标题「夜」 吉他音乐": rules._joined_parts)
CLOSE_CALL = "标题「夜」的吉他音乐"


def _close_call() -> tuple[Clause, PlanState, tuple[Candidate, Candidate]]:
    ctx = context("one_clip")
    state = PlanState.for_message(ctx, "zh")
    clause = split_clauses(CLOSE_CALL, "zh")[0]
    found = candidates(clause, state)
    chosen = best(found)
    rival = close_call(found, chosen)
    assert rival is not None
    return clause, state, (chosen, rival)


def test_a_close_call_is_settled_by_a_sure_model_only() -> None:
    clause, state, rivals = _close_call()
    with using(_sure_of("add_text")):
        settled = _settled_by_intent(clause, state, rivals)
    assert settled is not None and [a.edit.op for a in settled.actions] == ["add_text"]  # type: ignore[union-attr]
    for unsure in (None, _sure_of("add_text", 0.6), _sure_of("generate", 0.999)):
        with using(unsure):
            assert _settled_by_intent(clause, state, rivals) is None


@pytest.mark.parametrize("model", [None, _sure_of("add_text", 0.6), _sure_of("add_text")])
def test_a_close_call_that_names_two_things_stays_a_question(model: IntentModel | None) -> None:
    # the title reading leaves the music said unexplained: taking it, even when sure, would drop the music silently
    with using(model):
        plan = understand(CLOSE_CALL, context("one_clip"))
    assert len(plan.actions) == 1 and isinstance(plan.actions[0], Unknown) and plan.actions[0].question


def test_the_model_never_chooses_a_generation_nor_unknown() -> None:
    assert chosen_reading({"generate": 1.0}, [frozenset({"generate"}), frozenset({"music"})]) is None
    assert chosen_reading({"add_clip": 0.99}, [frozenset({"add_clip"}), frozenset({"set_speed"})]) is None
    assert certain_kind({"generate": 0.99, "set_speed": 0.01}) is None
    assert certain_kind({"unknown": 0.99, "set_speed": 0.01}) is None
    assert certain_kind({"show": 0.8, "set_speed": 0.2}) == "show"  # a look changes nothing: LOOK, not CERTAIN
    assert certain_kind({"set_speed": 0.9, "show": 0.1}) is None


@pytest.mark.parametrize("message", ["a crossfade between every clip", "结尾画面变黑", "a glitch effect on the intro",
                                     "vintage film grain over the whole video"])
def test_a_model_sure_of_a_generation_never_makes_one(message: str) -> None:
    with using(_sure_of("generate", 0.999)):
        plan = understand(message, context("full"))
    assert not any(isinstance(a, GenerateAction) for a in plan.actions)


@pytest.mark.parametrize("content", [None, b"not weights at all", b"PK\x03\x04 a truncated zip"])
def test_missing_or_corrupt_weights_leave_the_rules_as_they_were(
        content: bytes | None, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "intent_weights.npz"
    if content is not None:
        path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="reelforge.agent._intent_model"):
        model = load_or_none(path)
    assert model is None and "rules decide alone" in caplog.text
    for message in ("how many clips do i have", CLOSE_CALL, "make the music quieter"):
        with using(model):
            broken = understand(message, context("one_clip"))
        with using(None):
            alone = understand(message, context("one_clip"))
        assert broken.actions == alone.actions


def test_the_weights_were_trained_on_the_corpus_as_it_is() -> None:
    """The weights learn the corpus's expectations: when the corpus changes, retrain (scripts/train_intent.py).
    Skipped (with that word) rather than failed, so a branch's new corpus entries do not fail the suite."""
    model = shipped()
    assert model is not None, f"{WEIGHTS} did not load"
    if model.meta.get("corpus_sha256") != _script().corpus_hash():
        pytest.skip("the corpus changed since the intent model was trained: retrain (scripts/train_intent.py)")
