"""The frozen held-out corpus (heldout/README.md): its files are pinned, and the rules' accuracy on each part is
held to a floor that only ever rises (the scores are ``bench/agent.py``'s ``heldout v1``/``v2``/``v3`` lines; its
closing ``accuracy_heldout`` is over all the parts)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reelforge.agent import understand

from ._fixtures import HELDOUT_PARTS, case_mismatch, context, load_corpus, load_heldout, load_indep

HELDOUT = Path(__file__).parent / "heldout"
FROZEN = {
    "heldout_en.json": "9b388fac3170621b202267aa3bde681ccf3575f5e1d5d832fd1199f881573017",
    "heldout_zh.json": "ae20e667f7eb05d5fdd622ac37f321e66f3898e053521795580f9de67b62b96b",
    "heldout2_en.json": "eb152fc74d4b72f18753143f0bc3616831921eb9cdab9a33a96e4b4c7d589321",
    "heldout2_zh.json": "5f0a783e192350a8faf457116a90385a0a696e718e6f2113b595459b49478b5f",
    "heldout3_en.json": "d933fcfbd26f9972c472ef7c1f40cb58ffef3a9a7aee1ef9ebb3776560732df4",
    "heldout3_zh.json": "89b4ce3144b0933ac85bcfc014121d5d64b5349ef94942ac495a5067b9013bfc",
}
# raise each with its score, never lower it
FLOORS = {
    "v1": 0.975,  # 0.980 (291/297) after the eleventh session; 0.976 (290/297) after the tenth session (jazz, rock and hip hop in the library); first measured 0.882
    "v2": 0.965,  # 0.970 (352/363) after the seventeenth session; 0.959 (348/363) after the eleventh session; 0.948 (344/363) after the seventh session; first measured 0.807 (293/363), by an independent writer (heldout/README.md)
    "v3": 0.96,  # 0.964 (372/386) after the seventeenth session; 0.961 (371/386) after the eleventh session; 0.953 (368/386) after the eighth session; 0.943 (364/386) after the seventh; first measured 0.933 (360/386), by two independent writers (heldout/README.md)
}
# the closing accuracy_heldout over all three parts: the issue's target (0.970) is met, so it may never fall below it
TOTAL_FLOOR = 0.970  # 0.9704 (1015/1046) after the seventeenth session


def test_the_held_out_files_are_frozen() -> None:
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in HELDOUT.glob("heldout*.json")}
    assert found == FROZEN


def test_every_held_out_part_has_a_floor() -> None:
    assert set(FLOORS) == set(HELDOUT_PARTS)


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_the_rules_hold_their_held_out_accuracy(part: str) -> None:
    cases = load_heldout(part)
    assert cases
    right = 0
    for case in cases:
        ctx = context(case["ctx"], case.get("history"))
        right += case_mismatch(case, understand(case["msg"], ctx), ctx) is None
    assert right / len(cases) >= FLOORS[part]


def test_the_rules_hold_the_issue_target_over_all_parts() -> None:
    right = total = 0
    for case in load_heldout():
        ctx = context(case["ctx"], case.get("history"))
        right += case_mismatch(case, understand(case["msg"], ctx), ctx) is None
        total += 1
    assert total == 1046
    assert right / total >= TOTAL_FLOOR, f"{right}/{total}"


def test_the_whole_corpus_is_large_and_half_chinese() -> None:
    cases = load_corpus() + load_indep() + load_heldout()
    chinese = [c for c in cases if any("\u4e00" <= ch <= "\u9fff" for ch in c["msg"])]
    assert len(cases) >= 1000
    assert len(chinese) >= len(cases) // 2 - 5
