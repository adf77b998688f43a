"""The planner's working state for one message: a scratch draft that each planned edit is applied to.

Later clauses of the same message ("...and make it bigger") resolve against the draft as it
will be, and ``focus`` remembers what "it" means: the last thing touched.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reelforge.agent._absent import needed
from reelforge.agent._numbers import normalize
from reelforge.agent.actions import (
    Action,
    AgentContext,
    EditAction,
    GenerateAction,
    Language,
    UndoAction,
    Unknown,
    VersionRecord,
)
from reelforge.agent.describe import describe_edit
from reelforge.agent.registry import TOPICS, focus_of, topics_of
from reelforge.draft import TEXT, Draft, Edit, apply_edit
from reelforge.draft._layout import main_track
from reelforge.draft.edits import AddClip
from reelforge.errors import ReelforgeError

__all__ = ["Focus", "PlanState", "automatic_segments", "focus_from_history"]

PENDING = "pending:"          # src of a clip that a GenerateAction will produce


@dataclass
class Focus:
    """What "it" refers to: ``kind`` is text, music, clip, canvas or sound; ``segment_id`` when known."""

    kind: str
    segment_id: str | None = None


@dataclass
class PlanState:
    context: AgentContext
    language: Language
    draft: Draft
    actions: list[Action] = field(default_factory=list)
    focus: Focus | None = None
    failed: list[str] = field(default_factory=list)   # why a planned edit will not apply
    initial_focus: Focus | None = None               # the focus the message started with (from history)
    automatic: set[str] = field(default_factory=set)  # segments the app added on its own (title, music)
    origin: Draft | None = None                      # the draft as the message found it
    missing: list[tuple[int, str]] = field(default_factory=list)  # (index in actions, what an edit acts on is absent)
    # the Unknowns of clauses that only say how things are or why ("it looks weird on my phone"): asked about only
    # when nothing else in the message acts
    described: list[Action] = field(default_factory=list)
    # LoRAs said in a clause of their own before any clip ("using the anime lora, generate ..."): the question asked
    # for them, and the LoRAs, which the next generation of this message takes instead
    loras_ahead: tuple[Action, tuple[str, ...]] | None = None

    def __post_init__(self) -> None:
        self.initial_focus = self.focus
        self.origin = self.draft
        self.automatic = automatic_segments(self.context.versions, self.draft)

    @classmethod
    def for_message(cls, context: AgentContext, language: Language) -> PlanState:
        """The state a message starts from: the context's draft, "it" as the last version left it."""
        draft = context.draft if isinstance(context.draft, Draft) else Draft.model_validate(context.draft)
        return cls(context=context, language=language, draft=draft,
                   focus=focus_from_history(context.history, draft, context.versions))

    def fork(self) -> PlanState:
        """A copy to plan one candidate reading on: its own actions, failures and automatic segments (the draft
        itself is never changed in place, each edit makes a new one)."""
        forked = copy.copy(self)
        forked.actions, forked.failed, forked.automatic = list(self.actions), list(self.failed), set(self.automatic)
        forked.missing, forked.described = list(self.missing), list(self.described)
        return forked

    def edit(self, edit: Edit, focus_kind: str | None = None) -> list[str]:
        """Plan ``edit``: record it, apply it to the scratch draft; return the ids of new segments."""
        self.actions.append(EditAction(edit=edit, description=describe_edit(edit, self.language, self.draft)))
        what = needed(edit, [d for d in (self.origin, self.draft) if d is not None], self.actions[:-1])
        if what is not None:  # "make the title bigger" with no title: the rules ask instead (``_absent``)
            self.missing.append((len(self.actions) - 1, what))
            self.failed.append(f"there is no {what}")
            return []
        before = _segment_ids(self.draft)
        try:
            self.draft = apply_edit(self.draft, edit)
        except ReelforgeError as exc:  # the runner reports it; later clauses see the draft unchanged
            self.failed.append(str(exc))
            return []
        new = [sid for sid in _segment_ids(self.draft) if sid not in before]
        if focus_kind is not None:
            self.focus = Focus(focus_kind, new[0] if new else getattr(edit, "segment_id", None))
        return new

    def generate(self, action: GenerateAction) -> None:
        """Plan a generation; a placeholder clip on the scratch draft stands in for its result."""
        if self.loras_ahead is not None:
            asked, loras = self.loras_ahead
            self.loras_ahead = None
            action = dataclasses.replace(action, loras=action.loras + tuple(n for n in loras if n not in action.loras))
            if any(a is asked for a in self.actions):  # the question is answered by this clip
                at = next(k for k, a in enumerate(self.actions) if a is asked)
                self.actions = [a for a in self.actions if a is not asked]
                self.missing = [(k - (k > at), what) for k, what in self.missing]
        self.actions.append(action)
        self._place(len(self.actions) - 1, action)

    def replace_generation(self, index: int, action: GenerateAction) -> None:
        """Re-place a generation planned earlier in this message (its placeholder moves too)."""
        self.actions[index] = action
        self.draft = self.draft.model_copy(deep=True)  # a forked state may share the draft: never change it in place
        track = main_track(self.draft)
        if track is not None:
            track.segments = [s for s in track.segments if s.src != f"{PENDING}{index}"]
        self._place(index, action)

    def _place(self, index: int, action: GenerateAction) -> None:
        src = f"{PENDING}{index}"
        try:
            self.draft = apply_edit(self.draft, AddClip(
                src=src, duration_ms=max(1, round(action.seconds * 1000)), name=action.prompt[:80] or None,
                at=action.placement, ref=action.ref_segment_id))
        except ReelforgeError:
            return
        track = main_track(self.draft)
        for seg in track.segments if track else []:
            if seg.src == src:
                self.focus = Focus("clip", seg.id)

    def restore(self, steps: int) -> bool:
        """Plan what follows on the draft undoing the last ``steps`` versions restores: the one the earliest of them
        was made on, as its version recorded it. False, and nothing changed, when that draft is not known."""
        versions = self.context.versions
        before = versions[-steps].before if 0 < steps <= len(versions) else None
        if before is None:
            return False
        self.draft = before
        focus = self.focus
        if focus is not None and focus.segment_id and before.find_segment(focus.segment_id) is None:
            # "undo both and just delete the title": the title the undone versions added is gone; "it" is that kind again
            self.focus = Focus(focus.kind)
            if self.initial_focus is focus:
                self.initial_focus = self.focus
        self.automatic = automatic_segments(versions[:-steps], before)
        return True

    def after_undo(self) -> None:
        """A message that opens by undoing ("撤回 我要的是剪掉结尾两秒", "undo both and just delete the title") plans what
        it asks next on the draft the undo restores, not on the one it undid."""
        if self.draft is not self.origin or not any(isinstance(a, UndoAction) for a in self.actions) or \
                not all(isinstance(a, (UndoAction, Unknown)) for a in self.actions):
            return
        self.restore(sum(a.steps for a in self.actions if isinstance(a, UndoAction)))

    def last_change_is(self, topic: str) -> bool:
        """Whether the version this message follows changed ``topic`` ("speed", "motion"): by the edits it recorded,
        else by the words of its history label."""
        versions = self.context.versions
        change = versions[-1].change if versions else None
        if change is not None and change.edits:
            return topic in topics_of(change)
        history = self.context.history
        return bool(history) and re.search(TOPICS[topic], history[-1].lower()) is not None

    def pending_generation(self, segment_id: str | None) -> int | None:
        """The index in ``actions`` of the generation whose placeholder is ``segment_id``."""
        found = self.draft.find_segment(segment_id) if segment_id else None
        if found and found[1].src and found[1].src.startswith(PENDING):
            return int(found[1].src.removeprefix(PENDING))
        return None


def automatic_segments(versions: Sequence[VersionRecord], draft: Draft) -> set[str]:
    """Segments an automatic version made (the title and music that come with a generated clip) and no change
    of the user's has touched since: those a user's own title or music replaces."""
    automatic: set[str] = set()
    texts = {s.id for t in draft.tracks if t.type == TEXT for s in t.segments}
    for version in versions:
        change = version.change
        if change is None:
            continue
        if change.auto:
            automatic |= set(change.made)
            continue
        for edit in change.edits:
            target = getattr(edit, "segment_id", None)
            if edit.op == "update_text" and target is None:  # the first text: whichever, it is the user's now
                automatic -= texts
            elif target is not None:
                automatic.discard(target)
    return {sid for sid in automatic if draft.find_segment(sid)}


def _segment_ids(draft: Draft) -> set[str]:
    return {s.id for t in draft.tracks for s in t.segments}


_KIND_WORDS = (
    ("voice", r"voice|narrat|配音|旁白|解说|口播"),
    ("captions", r"captions|subtitles|字幕"),
    ("text", r"title|text|caption|subtitle|标题|文字|字幕"),
    ("music", r"music|bgm|song|音乐|配乐|歌"),
    ("sound", r"sound effect|音效"),
    ("canvas", r"canvas|aspect|background|画布|画幅|背景|竖屏|横屏"),
    # "added a crossfade into clip 2": the transition, not the clip it goes into
    ("transition", r"transition|cross-?fade|dissolve|wipe|转场|过渡|叠化"),
    ("clip", r"clip|generated|video|片段|视频|生成"),
)


def focus_from_history(history: list[str], draft: Draft, versions: Sequence[VersionRecord] = ()) -> Focus | None:
    """What the last change was about: from the edits the last version recorded (the object its last edit made
    or touched), else read from its history label (``describe_edit``'s words)."""
    change = versions[-1].change if versions else None
    if change is not None and change.edits:
        found = focus_of(change)
        if found is None:
            return None
        kind, segment_id = found
        return Focus(kind, segment_id if segment_id and draft.find_segment(segment_id) else None)
    if not history:
        return None
    label = normalize(history[-1].lower())  # "第二个片段加速到2倍" names clip 2
    quoted = re.findall(r"['\"“「]([^'\"”」]+)['\"”」]", history[-1])
    for kind, pattern in _KIND_WORDS:
        if re.search(pattern, label):
            return Focus(kind, _segment_named(draft, kind, quoted, label))
    return None


_LABEL_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_ZH_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
# labels are not normalised: "第二个片段加速到2倍" says its number in words
_LABEL_CLIP = re.compile(rf"\b({'|'.join(_LABEL_ORDINALS)}) clip\b|\bclip (\d+)\b|第(\d+|[一二两三四五])(?:个|段)(?:片段|镜头)?")


_LABEL_SHOWN = re.compile(r"\bthe ([a-z]{3,}) (?:clip|one|shot|part|video)\b")


def _segment_named(draft: Draft, kind: str, quoted: list[str], label: str = "") -> str | None:
    numbered = _LABEL_CLIP.search(label) if kind == "clip" else None
    track = main_track(draft)
    if numbered and track is not None:  # "sped up the second clip 2x", "muted clip 1"
        said = numbered.group(3) or ""
        number = _LABEL_ORDINALS[numbered.group(1)] if numbered.group(1) else int(numbered.group(2)) if numbered.group(2) \
            else _ZH_NUMBERS[said] if said in _ZH_NUMBERS else int(said)
        index = number - 1 if number > 0 else len(track.segments) + number
        if 0 <= index < len(track.segments):
            return track.segments[index].id
    shown = _LABEL_SHOWN.search(label) if kind == "clip" and track is not None else None
    if shown and track is not None:  # "muted the dog clip": the one clip whose name says what the label names
        named = [seg.id for seg in track.segments if re.search(rf"\b{shown.group(1)}", (seg.meta.name or "").lower())]
        if len(named) == 1:
            return named[0]
    for track in draft.tracks:
        for seg in track.segments:
            if kind == "text" and track.type == TEXT and seg.meta.text in quoted:
                return seg.id
            if kind == "clip" and track.type != TEXT and seg.meta.name and (
                    seg.meta.name in quoted or seg.meta.name.lower() in label):  # "generated a clip: a dog on the beach"
                return seg.id
    return None
