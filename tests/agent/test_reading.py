"""The shared reading of a clause and the scorer over the areas' candidate readings (agent/_reading.py, rules.py)."""

from __future__ import annotations

import pytest

from reelforge.agent import EditAction, GenerateAction, Unknown, understand
from reelforge.agent._intents import voice
from reelforge.agent._reading import read_clause
from reelforge.agent._refs import clips_named_by_time
from reelforge.agent._state import PlanState, focus_from_history
from reelforge.agent._text import split_clauses
from reelforge.agent.rules import (
    _also_read,
    _joined_parts,
    _one_more,
    _upload_then_more,
    best,
    candidates,
    close_call,
    settle,
)
from reelforge.draft.model import Position

from ._fixtures import context, load_corpus, plan_asks

_SAID = ("topic", "time", "share", "speed", "colour", "position", "aspect", "quote")


def _slots(message: str, language: str) -> set[tuple[str, object]]:
    return {(s.kind, repr(s.value) if isinstance(s.value, Position) else s.value)
            for clause in split_clauses(message, language) for s in read_clause(clause).slots if s.kind in _SAID}


def test_both_languages_read_into_the_same_slots() -> None:
    english = _slots("add the title 'Peak' in the bottom right corner in red for two seconds", "en")
    chinese = _slots("在右下角加上红色标题「Peak」，显示两秒", "zh")
    assert english == chinese == {("topic", "title"), ("quote", "Peak"), ("colour", "#ff3b30"), ("time", 2000),
                                  ("position", repr(Position(x=0.8, y=0.9)))}


def test_a_reading_holds_spans_shares_speeds_and_aspects() -> None:
    assert _slots("the music from 2s to 5s at 30%", "en") == {("topic", "music"), ("time", 2000), ("time", 5000),
                                                              ("share", 0.3)}
    assert _slots("第二个片段1.5倍速，竖屏", "zh") >= {("speed", 1.5), ("aspect", "9:16"), ("topic", "clip")}


def test_verbs_and_the_whole_video_are_read_but_tell_no_reading_from_another() -> None:
    [clause] = split_clauses("为这个视频生成一首歌", "zh")
    kinds = [(s.kind, s.words) for s in read_clause(clause).slots]
    assert ("ref", "这个视频") in kinds and ("verb", "生成") in kinds and ("topic", "歌") in kinds
    assert not any(kind == "topic" and words in ("视频", "生成") for kind, words in kinds)


def _best_of(message: str, ctx: str) -> tuple[object, frozenset[int], int]:
    fixture = context(ctx)
    [clause] = split_clauses(message, "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in message) else "en")
    state = PlanState(context=fixture, language=clause.language, draft=fixture.draft)  # type: ignore[arg-type]
    found = candidates(clause, state)
    chosen = best(found)
    return chosen.area.name, chosen.explains, len(read_clause(clause).slots)


def test_the_reading_that_explains_more_wins_over_the_areas_order() -> None:
    # the speed area would take "slow motion" as an edit; the scene, with those words in its prompt, explains it
    plan = understand("a golden retriever catching a frisbee in slow motion", context("empty"))
    assert [type(a) for a in plan.actions] == [GenerateAction]
    # "a 12 second slideshow": three photos of 4 s explain the 12 s (a field summed over the plan)
    name, explains, _ = _best_of("a 12 second slideshow of my photos", "media")
    assert name == "slideshow" and explains


@pytest.mark.parametrize("message", ["slow down the music", "speed up the music", "让音乐快一点"])
def test_an_edit_that_would_land_on_another_object_is_asked_about(message: str) -> None:
    [action] = understand(message, context("full")).actions
    assert isinstance(action, Unknown) and action.question and action.unexplained
    assert ("music" in action.question) or ("音乐" in action.question)


def test_a_close_call_between_two_readings_is_asked() -> None:
    fixture = context("empty")  # no title yet: "the title white" and "a black background" are two readings
    [clause] = split_clauses("标题改成白色，黑色背景", "zh")  # one clause: both readings compete for it
    state = PlanState(context=fixture, language="zh", draft=fixture.draft)  # type: ignore[arg-type]
    found = candidates(clause, state)
    assert close_call(found, best(found)) is not None
    [action] = understand("标题改成白色，黑色背景", fixture).actions
    assert isinstance(action, Unknown) and action.question.startswith("是要改")
    # with a title on screen there is no close call: the title takes white on a black background
    [edit] = understand("标题改成白色，黑色背景", context("full")).actions
    assert isinstance(edit, EditAction) and edit.edit.op == "update_text"


# seen messages whose value the plan does not carry (none today)
# left unexplained by the candidates' reading at the eighth session's checkpoint merge (their plans are right; the
# transition said as a moment between the clips is planned outside the candidates): to be read whole, then removed
# (a place said inside a scene, "往上升", "顶上", is read as a position with no words to find in the prompt: fixzh13)
_KNOWN_LEFT: set[str] = {"try a fade to white instead", "两个镜头中间黑一下", "片段中间闪一下白", "热气球从草原上往上升 竖屏8秒",
                         "教堂顶上的十字架 夕阳 逆光"}


def test_every_single_clause_of_the_seen_corpus_is_explained_whole() -> None:
    """Nothing dropped silently: for each one-clause message of the seen corpus, the reading taken accounts for
    every topic word and every value the clause holds, or the plan asks about it."""
    left = []
    for case in load_corpus():
        language = "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in case["msg"]) else "en"
        message = settle(case["msg"], language)  # read as the rules read it: hedges off, corrections applied
        clauses = split_clauses(message, language)
        if len(clauses) != 1 or case["msg"] in _KNOWN_LEFT:
            continue
        fixture = context(case["ctx"], case.get("history"))
        if plan_asks(case):  # planned once a run: test_corpus plans every seen case and notes it
            continue
        # what "it" means from the history, as the rules start ("打开了字幕", then "字幕换成白色的": the captions)
        state = PlanState(context=fixture, language=language, draft=fixture.draft,  # type: ignore[arg-type]
                          focus=focus_from_history(fixture.history, fixture.draft, fixture.versions))  # type: ignore[arg-type]
        clauses = [clips_named_by_time(clauses[0], state.draft)]  # "the part at 12 s" is read as "clip 2", as the rules do
        if voice.read_whole(message, state) is not None:  # a script or a narration: read whole, not as a clause
            continue
        if _one_more(clauses[0], state.fork()):  # "another one at 6s": the last sound effect again, before any reading
            continue
        if _upload_then_more(clauses[0], state.fork()) is not None:  # an upload added, then its change: read as two
            continue
        found = candidates(clauses[0], state)
        if not found:
            continue
        slots = read_clause(clauses[0]).slots
        chosen = best(found)
        rival = close_call(found, chosen)
        if rival is not None and _joined_parts(clauses[0], state.fork(), chosen.topics | rival.topics) is not None:
            continue  # two requests joined by "and" / 和 ("a title 'Night' plus guitar music"): each side read whole
        if _also_read(clauses[0], state.fork(), found, chosen) is not None:
            continue  # "make it vertical and 8 seconds long": the length another reading takes, each side read whole
        missing = [s for k, s in enumerate(slots) if s.kind in _SAID and k not in chosen.explains]
        if missing:
            left.append((case["msg"], missing))
    assert left == []
