"""Print the seen messages the rules get wrong, with why: ``python -m tests.agent.show_failures [corpus|indep|WAVE] [filter]``.

A ``WAVE`` (``w1``, ``en4``, ``zh4``, ...: ``INDEP_WAVES``) lists one wave of the independent writers (indep/README.md).
A miss whose plan leaves the same draft and answers as the expectation would is marked ``(same outcome)``: a question
of how the result is spelled (docs/agent.md, "Conventions the corpus follows"), not of reading.

Only the seen parts (``corpus_*.json`` and ``indep/``): the held-out corpus is measured by ``bench/agent.py`` and
``test_heldout.py`` and never listed message by message (heldout/README.md).
"""

from __future__ import annotations

import sys

from reelforge.agent import understand

from ._fixtures import case_mismatch, context, load_corpus, load_indep, same_outcome


def main(argv: list[str]) -> int:
    part = argv[0] if argv else "indep"
    needle = argv[1] if len(argv) > 1 else ""
    cases = load_corpus() if part == "corpus" else load_indep(None if part == "indep" else part)
    wrong = spelled = 0
    for case in cases:
        if needle and needle not in case["msg"] and needle not in str(case["expect"]):
            continue
        ctx = context(case["ctx"], case.get("history"))
        plan = understand(case["msg"], ctx)
        problem = case_mismatch(case, plan, ctx)
        if problem is not None:
            wrong += 1
            same = same_outcome(case, plan, ctx)
            spelled += same is True
            mark = " (same outcome)" if same else ""
            print(f"[{case['ctx']}] {case['msg']}{mark}\n    want {case['expect']}\n    {problem}")
    print(f"{wrong} of {len(cases)} wrong ({part}), {spelled} of them with the same outcome")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
