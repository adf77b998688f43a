"""The message corpus (tests/agent/corpus_*.json): each message, from a fixture context, must produce the
listed actions in order and leave the draft with the listed properties; the reply speaks the user's language."""

from __future__ import annotations

import re
from typing import Any

import pytest

from reelforge.agent import Outcome, Unknown, compose_reply, understand
from reelforge.agent._text import chatter_kind

from ._fixtures import action_mismatch, apply_plan, context, draft_mismatch, load_corpus, load_indep, note_asks

CASES = load_corpus()
_HAN = re.compile(r"[\u4e00-\u9fff]")


def test_corpus_is_large_and_half_chinese() -> None:
    seen = CASES + load_indep()  # every message the rules are written against, the independent writers' included
    zh = [c for c in seen if _HAN.search(c["msg"])]
    assert len(seen) >= 200
    assert len(zh) >= len(seen) // 2 - 5


@pytest.mark.parametrize("case", CASES, ids=[f"{c['ctx']}:{c['msg'][:50]}" for c in CASES])
def test_message_plans_expected_actions_and_draft(case: dict[str, Any]) -> None:
    ctx = context(case["ctx"], case.get("history"))
    plan = understand(case["msg"], ctx)
    note_asks(case, plan)  # test_reading's pass over the seen corpus reads it from here
    expected = case["expect"]
    kinds = [type(a).__name__ for a in plan.actions]
    assert len(plan.actions) == len(expected), f"{case['msg']!r} -> {plan.actions}"
    for action, want in zip(plan.actions, expected):
        problem = action_mismatch(action, want)
        assert problem is None, f"{case['msg']!r}: {problem} (plan {kinds})"
    if "draft" in case:
        problem = draft_mismatch(apply_plan(ctx.draft, plan, ctx.versions), case["draft"])  # type: ignore[arg-type]
        assert problem is None, f"{case['msg']!r}: {problem}"
    language = "zh" if _HAN.search(re.sub(r"['\"“「『‘《][^'\"”」』’》]*['\"”」』’》]", "", case["msg"])) else "en"
    assert plan.language == language
    reply = compose_reply(plan, [Outcome(a) for a in plan.actions if not isinstance(a, Unknown)], language)
    assert reply
    if language == "zh":
        assert _HAN.search(reply)
    remarks = [a for a in plan.actions if isinstance(a, Unknown) and chatter_kind(a.text) in ("thanks", "greeting")]
    questions = [a for a in plan.actions if isinstance(a, Unknown) and a.question]
    if remarks:  # thanks and greetings get a friendly word back, not an apology
        assert ("抱歉" not in reply) if language == "zh" else ("Sorry" not in reply)
    elif questions:  # a request it can do, missing a detail: it asks, in the user's language, without apologising
        assert all(q.question in reply for q in questions)
        assert ("抱歉" not in reply) if language == "zh" else ("Sorry" not in reply)
        assert bool(_HAN.search(reply)) == (language == "zh")
    elif any(isinstance(a, Unknown) for a in plan.actions):
        assert ("抱歉" in reply) if language == "zh" else ("Sorry" in reply)
        if all(isinstance(a, Unknown) for a in plan.actions):  # nothing it could do: it says so and offers help
            unchanged, offer = ("时间线没有改动", "我可以") if language == "zh" else ("timeline is unchanged", "I can:")
            assert unchanged in reply and offer in reply, reply
