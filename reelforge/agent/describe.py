"""Short, human labels for edits, in English or Chinese: what the reply says changed, and the version
history's labels (which "go back to before the music" is matched against).

Each op's words are declared with it in the registry (``EditTool.said``); this module reads them and names
clips by their place on the timeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reelforge.agent import _wording
from reelforge.agent.actions import Action, VersionRecord
from reelforge.agent.registry import ACTION_TOOLS, EDIT_TOOLS, TOPICS, action_tool, topics_of
from reelforge.draft import VIDEO, Draft
from reelforge.draft import edits as e
from reelforge.draft.model import SOUND_TRACK_ID

__all__ = ["REVERT_TOPICS", "describe_action", "describe_edit", "describe_voices", "find_revert_point"]

# canonical topic -> words (EN and ZH) that name it, in requests and in labels: the registry owns them
REVERT_TOPICS = TOPICS


def describe_edit(edit: e.Edit, language: str = "en", draft: Draft | None = None) -> str:
    """A short label for ``edit`` ("added the title 'Peak' at the start for 2s" / "在开头添加标题「Peak」显示 2s").

    With the ``draft`` the edit applies to, clips are named by their place ("deleted clip 2",
    "删除第2个片段") rather than by id ("clip s7"), which means nothing to the person chatting.
    """
    found = draft.find_segment(edit.segment_id) if draft is not None and isinstance(edit, e.DeleteSegment) else None
    if found is not None and found[0].id == SOUND_TRACK_ID:  # a sound effect, named as such
        name = found[1].meta.name or found[1].id
        return f"删除音效「{name}」" if language == "zh" else f"removed the sound effect '{name}'"
    label = EDIT_TOOLS[edit.op].says(edit, language)
    return _clips_by_place(label, edit, draft, language) if draft is not None else label


def describe_action(action: Action, language: str = "en", **facts: object) -> str:
    """The label of the version a session action saves ("generated 'waves' (5s)" / "生成「waves」（5s）"): the
    registry's template for it over the action's fields and the runner's ``facts`` (the seconds it really made)."""
    name = action_tool(action)
    if name is None or name not in ACTION_TOOLS:
        raise TypeError(f"{type(action).__name__} is not a session action of the registry")
    return ACTION_TOOLS[name].says(action, language, facts)


def describe_voices(voice_ids: Sequence[str], language: str = "en") -> str:
    """Voices as a label names them ("British English male voice" / "英式英语男声" for ``en_gb_male``), each once."""
    return _wording.voices(voice_ids, language)


def _clips_by_place(label: str, edit: e.Edit, draft: Draft, language: str) -> str:
    track = draft.tracks_of(VIDEO)[0] if draft.tracks_of(VIDEO) else None
    order = [s.id for s in sorted(track.segments, key=lambda s: s.start_ms)] if track else []
    for sid in EDIT_TOOLS[edit.op].references(edit).values():
        if sid in order:
            place = str(order.index(sid) + 1)
            ident = rf"(?<![A-Za-z0-9_]){re.escape(sid)}(?![A-Za-z0-9_])"  # no \b: "片段 s2速度" has none
            if language == "zh":
                label = re.sub(rf"片段 {ident} ?", f"第{place}个片段", label)
                label = re.sub(rf"\s?和 {ident}", f"和第{place}个片段", label)
            label = re.sub(ident, place, label)
    return label


def find_revert_point(topic: str, history: list[str], versions: Sequence[VersionRecord] = ()) -> int | None:
    """Index of the first version about ``topic`` (a canonical topic or words); revert to the one before it.

    A version that recorded its edits is matched by what they were (``registry.topics_of``: "the transition" is
    a ``set_transition``, never a picture fade); one that did not, by the words of its label."""
    pattern = TOPICS.get(topic, re.escape(topic.lower()))
    for index, label in enumerate(history):
        change = versions[index].change if index < len(versions) else None
        if change is not None and change.edits:
            if topic in topics_of(change):
                return index
            continue
        if re.search(pattern, label.lower()):
            return index
    return None
