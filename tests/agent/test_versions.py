"""Follow-ups read through the versions path: the last version recorded its edits (``VersionRecord.change``), as every
version the product saves does, and the message is planned on the draft those edits made."""

from __future__ import annotations

from reelforge.agent import AgentContext, EditAction, VersionRecord, understand
from reelforge.draft import Change, Draft, Edit, apply_edit
from reelforge.draft.edits import SetClipAudio, SetFade

from ._fixtures import context


def _after(name: str, label: str, *edits: Edit) -> AgentContext:
    """The ``name`` fixture after one version, labelled ``label``, that recorded ``edits``."""
    before: Draft = context(name).draft  # type: ignore[assignment]
    draft = before
    for edit in edits:
        draft = apply_edit(draft, edit)
    return AgentContext(draft=draft, history=[label], versions=[VersionRecord(label, Change(tuple(edits)))])


def _edits(message: str, ctx: AgentContext) -> list[object]:
    return [a.edit if isinstance(a, EditAction) else a for a in understand(message, ctx).actions]


def test_a_length_after_a_fade_is_that_fades_length_on_what_it_faded() -> None:
    # "fade in the video at the start" records the first clip's fade: "it" is the fade, never the clip to trim
    ctx = _after("full", "faded in the video at the start", SetFade(segment_id="s1", fade_in_ms=1000))
    assert _edits("make it 2 seconds", ctx) == [SetFade(segment_id="s1", fade_in_ms=2000)]
    assert _edits("两秒吧", ctx) == [SetFade(segment_id="s1", fade_in_ms=2000)]


def test_a_level_said_after_a_mute_is_that_level_not_a_share_of_silence() -> None:
    ctx = _after("full", "第2个片段静音", SetClipAudio(segment_id="s2", volume=0.0))
    assert _edits("它的声音开回一半", ctx) == [SetClipAudio(segment_id="s2", volume=0.5)]
    assert _edits("bring its sound back to half", ctx) == [SetClipAudio(segment_id="s2", volume=0.5)]
