"""Edits on something that is not there: "make the title bigger" with no title, "make the music louder" with no
music, "静音" on an empty timeline. Such an edit cannot apply, so the user gets a question that says what is missing
and the obvious next step ("There's no title yet. Want me to add one? Say: add the title '...'"), not a failure.

``PlanState.edit`` asks ``needed`` which object an edit acts on that neither the draft as the message found it nor
the scratch draft holds (and no earlier action of the message makes); the rules turn the edits it names into one
``question`` per missing object once a clause's reading is chosen (the scoring still sees the edit, so the reading
that explains the clause is the one asked about). An edit that fails for another reason (a value out of range)
stays as it is: the runner reports why. A removal of music that is not there ("lose the music", "把音乐关掉" with
none) is answered too (``nothing_to_remove``): the draft cannot apply it, and the reply
says what the video holds instead of an error (docs/agent.md, "Conventions the corpus follows"); a removal that takes
something else out as well ("no music or titles") stays as it is, and so does a voice-over's (the runner answers it).
"""

from __future__ import annotations

from collections.abc import Sequence

from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import Action, EditAction, MediaRef, RedoAction, RevertAction, UndoAction, Unknown
from reelforge.agent.registry import TOPIC_LABELS, label, topic_of
from reelforge.draft import TEXT, Draft, Edit
from reelforge.draft._layout import main_track

__all__ = ["doing", "needed", "no_such_clip", "no_transition", "nothing_to_remove", "question"]

# the object each edit acts on, by the registry's topic of its op; the ops that make their object, and removals
# (already so when the object is absent), are not in the table
_ACTS_ON = {"update_text": "title", "update_music": "music", "set_clip_audio": "clip", "set_speed": "clip",
            "set_fade": "clip", "set_motion": "clip", "trim": "clip", "trim_segment": "clip", "cut_segment": "clip",
            "split_clip": "clip", "move_clip": "clip",
            "swap_clips": "clip", "set_transition": "transition"}


def _has(draft: Draft, what: str) -> bool:
    track = main_track(draft)
    clips = len(track.segments) if track is not None else 0
    if what == "title":
        return any(t.type == TEXT and t.segments for t in draft.tracks)
    if what == "music":
        return any(t.is_music and t.segments for t in draft.tracks)
    if what == "transition":  # a transition goes between two clips
        return clips >= 2
    return clips > 0


def needed(edit: Edit, drafts: Sequence[Draft], earlier: Sequence[Action]) -> str | None:
    """What ``edit`` acts on that none of ``drafts`` holds ("title", "music", "clip", "transition": two clips), when
    no ``earlier`` action of the message makes it (library music, a generation) or may bring it back (undo)."""
    what = _ACTS_ON.get(str(edit.op))
    if edit.op == "remove_music":
        what = "music"  # "lose the music" with none: nothing to remove
    if edit.op in ("remove_music", "remove_text") and not any(_has(draft, "clip") for draft in drafts):
        what = "clip"  # "把音乐去掉" on an empty project: nothing to edit yet
    if getattr(edit, "type", None) == "none":  # taking a transition out: already so
        return None
    if what is None or any(_has(draft, what) for draft in drafts):
        return None
    if what == "transition" and not any(_has(draft, "clip") for draft in drafts):
        what = "clip"  # no clip at all: the first step is a clip, not a second one
    makes = "clip" if what == "transition" else what
    for action in earlier:
        if isinstance(action, (UndoAction, RedoAction, RevertAction)):
            return None
        if not isinstance(action, (EditAction, Unknown)) and topic_of(action) == makes:
            return None
    return what


# what the video holds instead, and the next step, said after "there is no background music to remove"
_INSTEAD = ("The sound you hear is the clips' own: say 'mute the clips' to silence it.",
            "现在的声音是片段自带的原声：要静音可以说“把片段静音”。")


def nothing_to_remove(clause: Clause, media: Sequence[MediaRef] = ()) -> Unknown:
    """A removal of the background music the video does not have ("lose the music", "把音乐关掉"): say it is not there
    and what is (never an error, never a removal of nothing)."""
    instead = _INSTEAD
    songs = [m.name for m in media if m.kind == "audio" and m.name]
    if songs:  # the uploaded song is in the library, not on the video
        instead = (f"Your song {songs[0]} is uploaded but not on the video. " + instead[0],
                   f"你上传的{songs[0]}还没放进视频。" + instead[1])
    return Unknown(clause.unquoted(), understood="remove the background music", question=ask(
        clause, f"There's no background music on the video, so there's nothing to remove. {instead[0]}",
        f"视频里没有背景音乐，没有可以去掉的。{instead[1]}"))


def doing(edit: Edit | None, topic: str | None, language: str) -> str:
    """What the user asked to do, for the question: the edit's registry label, else "change" and the topic's name."""
    if edit is not None:
        return label(str(edit.op), language)
    name = TOPIC_LABELS.get(topic or "clip", TOPIC_LABELS["clip"])  # type: ignore[call-overload]
    return f"修改{name[1]}" if language == "zh" else f"change {name[0]}"


def no_such_clip(clause: Clause, count: int, media: Sequence[MediaRef] = ()) -> Unknown:
    """A clip named past the end ("the third clip" of two): how many there are; with none at all, the offer to make
    one ("swap the first two clips" on an empty project)."""
    if count == 0:
        return question(clause, "clip", doing(None, "clip", clause.language), media)
    return Unknown(clause.unquoted(), understood="a clip", question=ask(
        clause, f"There is no such clip: the video has {count} clip(s). Say which one, for example 'the last clip'.",
        f"没有这个片段：视频只有 {count} 个片段。请说是哪一个，例如“最后一个片段”。"))


def no_transition(clause: Clause) -> Unknown:
    """A change of a transition's length ("make the crossfade longer", "转场再长一点") when the clips only cut: there is
    none to change; offer to add one."""
    return Unknown(clause.unquoted(), understood="the transitions", question=ask(
        clause, "There's no transition between the clips yet, so there is none to change. Want me to add one? Say: "
                "add a crossfade between the clips",
        "片段之间还没有转场，没法调整转场。要加一个吗？可以说：片段之间加淡入淡出转场"))


def _name(what: str, zh: bool) -> str:
    """The thing as the registry's topic labels name it, without the article: "title", "clips", "标题"."""
    name = TOPIC_LABELS["clip" if what == "transition" else what][zh]  # type: ignore[index]
    return name if zh else name.removeprefix("the ")


def question(clause: Clause, what: str, doing: str, media: Sequence[MediaRef]) -> Unknown:
    """Say what is missing to do ``doing`` (a registry label: "change the title") and offer the next step, in the
    clause's language."""
    zh = clause.language == "zh"
    name = _name(what, zh)
    songs = [m.name for m in media if m.kind == "audio" and m.name]
    if what == "title":
        offer = ("Want me to add one? Say: add the title '...'", "要加一个吗？可以说：加标题「…」")
    elif what == "music" and songs:
        offer = (f"Want to use your song? Say: use {songs[0]} as the music", f"要用你上传的歌吗？可以说：用{songs[0]}做背景音乐")
    elif what == "music":
        offer = ("Want me to add some? Say: add calm background music", "要加吗？可以说：加一段轻松的背景音乐")
    elif what == "transition":
        return Unknown(clause.unquoted(), understood=doing, question=ask(
            clause, f"I can't {doing} yet: a transition goes between two {name}, and the video has only one. Want "
                    "another clip? Say: generate a clip of ... at the end",
            f"暂时没法{doing}：转场要在两个{name}之间，现在只有一个。要再加一段吗？可以说：在后面生成一段……的视频"))
    else:
        offer = ("Want me to make one first? Say: generate a clip of ...", "要先生成一段吗？可以说：生成一段……的视频")
    there = "There are no" if name.endswith("s") else "There's no"
    return Unknown(clause.unquoted(), understood=doing, question=ask(
        clause, f"{there} {name} yet, so I can't {doing}. {offer[0]}", f"还没有{name}，没法{doing}。{offer[1]}"))
