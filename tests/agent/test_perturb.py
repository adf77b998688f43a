"""How a message is typed never changes what it asks (tests/agent/_perturb.py): a seeded sample of seen messages, each
typed again with noise ("hey, ... thx 🙏", "um ...", "MAKE ...", "make teh ...", "can you ...?", "嗯，…吧～", "能不能…？",
"第二段" for "第2段"), must read as it did. The sample comes from corpus files no later session edits, so the lead's
merges never change it; every transform is tried in turn (the whole sweep: ``python -m tests.agent._perturb``)."""

from __future__ import annotations

import json
import random
from typing import Any

from ._fixtures import HERE, context
from ._perturb import TRANSFORMS, applicable, reading

_FILES = ("corpus_en.json", "corpus_zh.json", "corpus_paraphrase_en.json", "corpus_paraphrase_zh.json",
          "corpus_esl7_en.json", "corpus_esl7_zh.json", "corpus_perturb13_en.json", "corpus_perturb13_zh.json")
_SAMPLE = 300
_PER_MESSAGE = 1  # one transform a message, each in turn: 600 readings, under 2 s
# transforms that do change the reading of one message, with why (none may be added without one)
_KNOWN: dict[tuple[str, str], str] = {}


def _sample() -> list[dict[str, Any]]:
    cases = [case for name in _FILES for case in json.loads((HERE / name).read_text(encoding="utf-8"))]
    return random.Random(14).sample(cases, _SAMPLE)


def test_noise_in_typing_never_changes_the_reading() -> None:
    used = dict.fromkeys(TRANSFORMS, 0)
    broken = []
    for case in _sample():
        message = case["msg"]
        changed = {name: TRANSFORMS[name](message) for name in applicable(message)}
        names = sorted((name for name, text in changed.items() if text not in (None, message)), key=lambda n: used[n])
        if not names:
            continue
        before = reading(message, context(case["ctx"], case.get("history")))
        for name in names[:_PER_MESSAGE]:
            used[name] += 1
            after = reading(changed[name] or "", context(case["ctx"], case.get("history")))
            if after != before and (name, message) not in _KNOWN:
                broken.append(f"{name}: {changed[name]!r}\n    was {before}\n    now {after}")
    assert all(used.values()), [name for name, count in used.items() if not count]
    assert not broken, "\n".join(broken)
