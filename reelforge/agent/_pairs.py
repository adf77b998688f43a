"""Two changes of the same thing said together are one change (docs/agent.md, "Pairs"):

- a direction, then its value: "音乐大声点，调到60%", "turn the music down, to 15%" set the level said (the value
  replaces the direction: one change, not a louder step and then a level);
- one end's fade said twice, a black screen and then its fade: "start with a black screen and fade in over 1.5 seconds"
  is one fade in, as long as said last;
- the same change said twice, a direction then where it goes: "标题往上挪 放顶部", "move the title up, to the top" (an
  absolute setting said again changes nothing more; a relative one, "bigger, even bigger", stays two);
- the music's fade out and where it stops: "music should fade out and stop at 12 s" is one change (it fades out as it
  stops);
- one clip's head and tail cut in one breath: "第一段开头去掉3秒 结尾也去掉1秒" is one trim of both ends;
- both ends given one amount: "fade in from black and fade out to black, 1.5 seconds each", "开头黑屏淡入，结尾淡出到黑屏，
  都是一秒" are one fade holding both lengths, each the amount said;
- music asked for with nothing said of which, then the user's song: "加个背景音乐 用我自己的", "add some music, use my song"
  set that song (one request: the second says what the first left open);
- an uploaded song set, then how it plays: "use my track and fade it in over 3 seconds", "用我的歌 不要循环 音量30%" are
  the song set so (its level, fades, loop and ducking: all SetMusic holds; docs/agent.md, "Conventions the corpus
  follows"); where it starts or stops stays a change of its own, and so does a relative step ("use my song but quieter");
- a title added, then how it looks: "add the title 'Go' and make it yellow", "加上标题「出发」，然后改成红色" are the title added
  so (its place, size, colours and fades: what AddText holds; docs/agent.md, "Conventions the corpus follows"); a
  relative step ("and make it bigger") or new words stay a change of their own;
- a library track asked for, then its level: "swap to electronic music and turn it down to 20%" is the track at that
  level (its fades, loop and ducking stay a change of their own: the library action holds its level alone);
- music said bare, then the uploaded song: "music at 0.3, use my song" sets the song at that level (the bare music is
  the song, never a library track as well);
- an upload added, then the part of it kept: "把徒步视频放在城市后面，只要它的前4秒", "add hike.mp4 and keep only its last 3
  seconds" add that part (its in-point and length), not the whole clip and then a trim (``part_added``).

Two requests about different things (another op, another clip or title) stay two.
"""

from __future__ import annotations

import dataclasses
import re

from reelforge.agent._numbers import find_durations
from reelforge.agent.actions import Action, EditAction, MusicAction
from reelforge.agent.describe import describe_edit
from reelforge.draft import TEXT, Draft, apply_edit
from reelforge.draft._layout import main_track
from reelforge.draft.edits import (
    AddClip,
    AddText,
    SetCanvas,
    SetClipAudio,
    SetFade,
    SetMotion,
    SetMusic,
    TrimSegment,
    UpdateMusic,
    UpdateText,
)
from reelforge.errors import ReelforgeError

__all__ = ["one_change", "part_added"]

# the relative field a direction sets, and the field its value sets instead
_DIRECTION_THEN_VALUE = {UpdateMusic: ("volume_scale", "volume"), UpdateText: ("scale", "size")}
# the two ends' lengths, and the words that give them one amount
_ENDS = {SetFade: ("fade_in_ms", "fade_out_ms"), UpdateMusic: ("fade_in_ms", "fade_out_ms"),
         UpdateText: ("fade_in_ms", "fade_out_ms")}
# edits that set what they say (applied twice, the second changes nothing), and the fields that change by a step instead
_ABSOLUTE = (UpdateText, UpdateMusic, SetCanvas, SetFade, SetClipAudio, SetMotion)
_RELATIVE = {"scale", "volume_scale"}
# "use my track and fade it in over 3 seconds", "用我的歌 不要循环 音量30%": a song set, then how it plays, is the song set
# so (one convention, docs/agent.md "Conventions the corpus follows"); where it starts or stops on the timeline or in
# the song, and a relative step, stay a change of their own
_SONG_HOLDS = ("volume", "fade_in_ms", "fade_out_ms", "loop", "duck")
# "add the title 'Go' and make it yellow": a title added, then how it looks, is the title added so
_TITLE_HOLDS = {"pos", "size", "color", "bgcolor", "duration_ms", "fade_in_ms", "fade_out_ms"}
# words that say the second change is a request of its own: "音乐开头淡入两秒，结尾再淡出四秒"
_APART = re.compile(r"[，,；;。、]|再|然后|另外|顺便|\b(?:then|also|plus)\b")
_SHARED = re.compile(r"\b(?:each|both|apiece)\b|各|都是|都(?=\d)|分别")


def _said(edit: object) -> dict[str, object]:
    """The fields an edit sets (its op and target aside)."""
    return {k: v for k, v in edit.__dict__.items() if v is not None and k not in ("op", "segment_id")}


def _merged(first: EditAction, second: EditAction, language: str, **fields: object) -> EditAction:
    joined = "；" if language == "zh" else "; "
    return EditAction(edit=first.edit.model_copy(update=fields),
                      description=f"{first.description}{joined}{second.description}")


# the music said to go along with the picture's fade: "视频结尾淡出三秒，音乐也跟着淡出", "fade out the end, and the music with it"
_ALONG = re.compile(r"跟着|一起|同时|也|\b(?:with it|along|too|as well)\b")


def _music_along(first: EditAction, second: EditAction, text: str) -> bool:
    """The video's fade, then the music's fade at the same end said to go along with it, with no length of its own: the
    one picture fade, which fades the music that ends (or starts) with it (``SetFade.fade_music``)."""
    if not (isinstance(first.edit, SetFade) and isinstance(second.edit, UpdateMusic)) or first.edit.segment_id \
            or not first.edit.fade_music or not _ALONG.search(text):
        return False
    ends = {end for end in ("fade_in_ms", "fade_out_ms") if getattr(second.edit, end)}
    return bool(ends) and set(_said(second.edit)) == ends and all(getattr(first.edit, end) for end in ends) \
        and len({ms for ms, _, _ in find_durations(text)}) <= 1


def _pair(first: Action, second: Action, text: str, language: str, made: str | None = None) -> Action | None:
    """The one change ``first`` and ``second`` make together; None when they are two (``made``: the id of the text
    ``first`` adds, when it adds one)."""
    if isinstance(first, MusicAction) and isinstance(second, EditAction) and isinstance(second.edit, SetMusic) and \
            first.style is None and first.description is None and not first.lyrics:
        # "加个背景音乐 用我自己的", "add some music, use my song", "music at 30%, my song at 50%": music asked for, then
        # which: that song as said, no library track first
        if first.volume is None or second.edit.volume != SetMusic.model_fields["volume"].default:
            return second
        return EditAction(edit=second.edit.model_copy(update={"volume": first.volume}),  # the level the music was given
                          description=re.sub(r"\d+%", f"{round(first.volume * 100)}%", second.description, count=1))
    if isinstance(first, MusicAction) and isinstance(second, EditAction) and isinstance(second.edit, UpdateMusic) and \
            first.volume is None and set(_said(second.edit)) == {"volume"}:
        return dataclasses.replace(first, volume=second.edit.volume)  # "换成钢琴曲，同时音量降到25%": the track at that level
    if not (isinstance(first, EditAction) and isinstance(second, EditAction)):
        return None
    if isinstance(first.edit, SetMusic) and isinstance(second.edit, UpdateMusic) and _SHARED.search(text) and \
            set(_said(second.edit)) <= {"fade_in_ms", "fade_out_ms"} and first.edit.fade_in_ms:
        lengths = {ms for ms, _, _ in find_durations(text)}  # "背景音乐用我的歌 开头淡入 结尾淡出 各两秒": both ends of the song set
        if len(lengths) == 1:
            amount = lengths.pop()
            return _merged(first, second, language, fade_in_ms=amount, fade_out_ms=amount)
    if isinstance(first.edit, SetMusic) and isinstance(second.edit, UpdateMusic) and set(_said(second.edit)) <= set(_SONG_HOLDS):
        return _merged(first, second, language, **_said(second.edit))  # "use my track and fade it in over 3 seconds"
    if isinstance(first.edit, AddText) and isinstance(second.edit, UpdateText) and made is not None \
            and second.edit.segment_id == made and set(_said(second.edit)) <= _TITLE_HOLDS:
        return _merged(first, second, language, **_said(second.edit))  # "add the title 'Go' and make it yellow"
    if _music_along(first, second, text):
        return first
    if type(first.edit) is not type(second.edit):
        return None
    if getattr(first.edit, "segment_id", None) != getattr(second.edit, "segment_id", None):
        return None
    kind = type(first.edit)
    if isinstance(first.edit, TrimSegment) and isinstance(second.edit, TrimSegment):
        head, tail = (first, second) if first.edit.cut_start_ms else (second, first)
        assert isinstance(head.edit, TrimSegment) and isinstance(tail.edit, TrimSegment)
        if head.edit.cut_start_ms and not head.edit.cut_end_ms and tail.edit.cut_end_ms and not tail.edit.cut_start_ms:
            end = f"{tail.edit.cut_end_ms / 1000:g}s"  # the head's label, with the tail's amount: one trim of both ends
            said = re.sub(r"\b0s off its end|结尾 0s", lambda m: f"{end} off its end" if "off" in m.group(0) else f"结尾 {end}",
                          head.description)
            return EditAction(edit=head.edit.model_copy(update={"cut_end_ms": tail.edit.cut_end_ms}), description=said)
        return None
    one, two = _said(first.edit), _said(second.edit)
    if kind is SetFade and set(one) - {"color"} == set(two) - {"color"} and len(set(one) & set(_ENDS[SetFade])) == 1 \
            and (not one.get("color") or not two.get("color") or one["color"] == two["color"]):
        # "start with a black screen and fade in over 1.5 seconds": one fade in, its length said last, the colour said
        edit = second.edit.model_copy(update={"color": two.get("color") or one.get("color")})
        return EditAction(edit=edit, description=describe_edit(edit, language))
    if one == two and isinstance(first.edit, _ABSOLUTE) and not set(one) & _RELATIVE:
        return first  # "标题往上挪 放顶部": the same setting said twice
    if kind is UpdateMusic and {frozenset(one), frozenset(two)} == {frozenset({"fade_out_ms"}), frozenset({"end_ms"})}:
        return _merged(first, second, language, **one, **two)  # "music should fade out and stop at 12 s": it fades as it stops
    if kind is UpdateMusic and (frozenset(one), frozenset(two)) == (frozenset({"fade_in_ms"}), frozenset({"fade_out_ms"})) \
            and not _APART.search(text):
        return _merged(first, second, language, **one, **two)  # "音乐开头淡入两秒 结尾淡出四秒": both fades in one breath
    relative = _DIRECTION_THEN_VALUE.get(kind)
    if relative is not None and set(one) == {relative[0]} and relative[1] in two and relative[0] not in two:
        return second  # "音乐大声点，调到60%": the level said
    ends = _ENDS.get(kind)
    if ends is None or not _SHARED.search(text):
        return None
    if set(one) - {*ends, "fade_music"} or set(two) - {*ends, "fade_music"} or one.get("fade_music") != two.get("fade_music"):
        return None
    if not (set(one) & set(ends)) or set(one) & set(two) & set(ends):
        return None
    lengths = {ms for ms, _, _ in find_durations(text)}
    if len(lengths) != 1:
        return None
    amount = lengths.pop()  # "…, 1.5 seconds each": both ends that long
    return _merged(first, second, language, **{end: amount for end in ends})


def one_change(actions: list[Action], text: str, language: str, origin: Draft | None = None) -> list[Action]:
    """``actions`` with each pair said as one change made one (``text``: the message, normalized; ``origin``: the draft
    the message found)."""
    made = _texts_made(actions, origin)
    out: list[Action] = []
    for index, action in enumerate(actions):
        merged = _pair(out[-1], action, text, language, made.get(index - 1)) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(action)
    return out


def _texts_made(actions: list[Action], origin: Draft | None) -> dict[int, str]:
    """The id of the text each AddText that a change of a text follows makes (ids are reused: "remove the title; add a
    title 'Summer'; make it white" adds t1 again), by the actions replayed on ``origin``; empty when there is none."""
    pairs = [i for i in range(len(actions) - 1) if _edit_of(actions[i], AddText) and _edit_of(actions[i + 1], UpdateText)]
    if not pairs or origin is None:
        return {}
    made: dict[int, str] = {}
    draft = origin
    for index, action in enumerate(actions[:pairs[-1] + 1]):
        if not isinstance(action, EditAction):
            continue
        before = {seg.id for track in draft.tracks if track.type == TEXT for seg in track.segments}
        try:
            draft = apply_edit(draft, action.edit)
        except ReelforgeError:
            continue
        if index in pairs:
            new = [seg.id for track in draft.tracks if track.type == TEXT for seg in track.segments if seg.id not in before]
            if len(new) == 1:
                made[index] = new[0]
    return made


def _edit_of(action: Action, kind: type) -> bool:
    return isinstance(action, EditAction) and isinstance(action.edit, kind)


def part_added(actions: list[Action], origin: Draft, draft: Draft, language: str) -> list[Action]:
    """``actions`` with a trim of a clip the message just added (``draft``: the scratch draft after them; ``origin``: the
    draft the message found) folded into its adding: the part of the upload to use."""
    first, track = main_track(origin), main_track(draft)
    before = {seg.id for seg in (first.segments if first else [])}
    sources = {seg.id: seg.src for seg in (track.segments if track else [])}
    out: list[Action] = []
    for action in actions:
        last = out[-1] if out else None
        if isinstance(action, EditAction) and isinstance(action.edit, TrimSegment) and isinstance(last, EditAction) and \
                isinstance(last.edit, AddClip) and last.edit.at != "replace" and action.edit.segment_id not in before and \
                sources.get(action.edit.segment_id) == last.edit.src:
            length = last.edit.duration_ms - action.edit.cut_start_ms - action.edit.cut_end_ms
            if length > 0:
                added = last.edit.model_copy(update={"in_ms": last.edit.in_ms + action.edit.cut_start_ms, "duration_ms": length})
                out[-1] = EditAction(edit=added, description=describe_edit(added, language, draft))
                continue
        out.append(action)
    return out
