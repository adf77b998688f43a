"""The outcome diagnostic (``_fixtures.same_outcome``): a miss that leaves the draft the expectation would is another
spelling of the same result; bench/agent.py counts them."""

from __future__ import annotations

from reelforge.agent import EditAction, GenerateAction, Plan, Unknown
from reelforge.draft.edits import SetFade

from ._fixtures import context, same_outcome


def _plan(*actions: object) -> Plan:
    return Plan(language="en", actions=list(actions))  # type: ignore[arg-type]


def test_a_fade_to_the_background_is_a_fade_to_its_colour() -> None:
    ctx = context("full")
    plan = _plan(EditAction(SetFade(fade_out_ms=3000), "faded out"))
    assert same_outcome({"expect": [{"do": "set_fade", "fade_out_ms": 3000, "color": "black"}]}, plan, ctx) is True
    assert same_outcome({"expect": [{"do": "set_fade", "fade_out_ms": 3000, "color": "white"}]}, plan, ctx) is False
    assert same_outcome({"expect": [{"do": "set_fade", "fade_out_ms": 2000}]}, plan, ctx) is False


def test_a_clip_after_the_last_one_is_a_clip_at_the_end_but_its_seed_is_its_own() -> None:
    ctx = context("one_clip")
    after = GenerateAction(prompt="rainy alley", seconds=5.0, placement="after", ref_segment_id="s1")
    assert same_outcome({"expect": [{"do": "generate", "placement": "end", "prompt_has": "alley"}]},
                        _plan(after), ctx) is True
    assert same_outcome({"expect": [{"do": "generate", "seed": 42}]}, _plan(after), ctx) is False
    assert same_outcome({"expect": [{"do": "generate", "prompt_has": "beach"}]}, _plan(after), ctx) is False


def test_a_question_is_not_an_edit_and_an_expectation_it_cannot_build_is_unknown() -> None:
    ctx = context("full")
    question = _plan(Unknown(text="make it pop", understood="", question="How?"))
    assert same_outcome({"expect": [{"do": "set_fade", "fade_out_ms": 1000}]}, question, ctx) is False
    assert same_outcome({"expect": [{"do": "generate", "prompt_has": "dog"}]}, question, ctx) is None
