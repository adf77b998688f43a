"""Removing sound effects: "remove the sound effects", "delete the whoosh", "去掉音效" delete the effects' segments
(all, or those of the kind named); with none of that kind there the reply says so instead of touching anything."""

from __future__ import annotations

from reelforge.agent import AgentContext, EditAction, Unknown, understand
from reelforge.draft import Draft, apply_edit
from reelforge.draft.edits import AddSound, DeleteSegment
from reelforge.draft.model import SOUND_TRACK_ID

from ._fixtures import apply_plan, context


def _with_effects() -> AgentContext:
    full = context("full")
    draft = apply_edit(full.draft, AddSound(src="media:fx-whoosh", name="Whoosh", start_ms=2000, duration_ms=800))  # type: ignore[arg-type]
    draft = apply_edit(draft, AddSound(src="media:fx-ding", name="Ding", start_ms=5000, duration_ms=800))
    return AgentContext(draft=draft, media=full.media, history=full.history)


def _effects(draft: Draft) -> list[str]:
    return [s.meta.name or "" for t in draft.tracks if t.id == SOUND_TRACK_ID for s in t.segments]


def test_every_effect_is_removed_in_both_languages() -> None:
    ctx = _with_effects()
    for message in ("remove the sound effects", "no sound effects please", "去掉音效"):
        plan = understand(message, ctx)
        assert all(isinstance(a, EditAction) and isinstance(a.edit, DeleteSegment) for a in plan.actions), plan
        assert _effects(apply_plan(ctx.draft, plan)) == []  # type: ignore[arg-type]


def test_only_the_named_effect_is_removed_and_labelled_as_one() -> None:
    ctx = _with_effects()
    for message, label in (("delete the whoosh", "removed the sound effect 'Whoosh'"), ("删除嗖的音效", "删除音效「Whoosh」")):
        plan = understand(message, ctx)
        assert [a.description for a in plan.actions if isinstance(a, EditAction)] == [label]
        assert _effects(apply_plan(ctx.draft, plan)) == ["Ding"]  # type: ignore[arg-type]


def test_an_effect_that_is_not_there_gets_a_question_and_no_edit() -> None:
    for ctx, message in ((_with_effects(), "remove the applause"), (context("full"), "去掉音效")):
        plan = understand(message, ctx)
        assert len(plan.actions) == 1 and isinstance(plan.actions[0], Unknown) and plan.actions[0].question


def test_a_clips_own_sound_is_not_an_effect() -> None:
    plan = understand("mute the sound of the first clip", _with_effects())
    assert [a.edit.op for a in plan.actions if isinstance(a, EditAction)] == ["set_clip_audio"]
