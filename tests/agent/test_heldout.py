"""The frozen held-out corpus (heldout/README.md): its files are pinned, and the rules' accuracy on it is held
to a floor that only ever rises (the score itself is ``bench/agent.py``'s ``accuracy_heldout``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reelforge.agent import understand

from ._fixtures import case_mismatch, context, load_corpus, load_heldout

HELDOUT = Path(__file__).parent / "heldout"
FROZEN = {
    "heldout_en.json": "9b388fac3170621b202267aa3bde681ccf3575f5e1d5d832fd1199f881573017",
    "heldout_zh.json": "ae20e667f7eb05d5fdd622ac37f321e66f3898e053521795580f9de67b62b96b",
}
FLOOR = 0.91  # first measured 0.882; raise it with the score, never lower it


def test_the_held_out_files_are_frozen() -> None:
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in HELDOUT.glob("heldout_*.json")}
    assert found == FROZEN


def test_the_rules_hold_their_held_out_accuracy() -> None:
    cases = load_heldout()
    right = 0
    for case in cases:
        ctx = context(case["ctx"], case.get("history"))
        right += case_mismatch(case, understand(case["msg"], ctx), ctx) is None
    assert right / len(cases) >= FLOOR


def test_the_whole_corpus_is_large_and_half_chinese() -> None:
    cases = load_corpus() + load_heldout()
    chinese = [c for c in cases if any("\u4e00" <= ch <= "\u9fff" for ch in c["msg"])]
    assert len(cases) >= 1000
    assert len(chinese) >= len(cases) // 2 - 5
