"""Cuts inside a clip (``cut_segment``) and splits (``split_clip``), read for the timeline area.

A stretch cut out of the middle: "remove 2s to 4s from the first clip", "take out seconds 3 to 5 of clip 2", "cut the
part from 0:02 to 0:04", "cut out the middle 2 seconds of the dog clip", "剪掉第二段的2到4秒", "把第一段中间那两秒剪掉",
"城市那段从第三秒到第六秒那部分不要". A clip named: its own time (0 is where it starts); none: the video's time, cut
from whichever clips it covers. A stretch at an end of a clip or of the video stays the trims' (``timeline._cut``).

A split: "split the clip at 3 seconds", "split it in two at 5s", "split the dog clip in half", "在第3秒把视频切开",
"从第4秒切开", "把第一段分成两段", "在第3秒的地方切一刀".
"""

from __future__ import annotations

import re

from reelforge.agent._intents._words import REMOVE
from reelforge.agent._numbers import find_durations, time_range
from reelforge.agent._reading import read_clause
from reelforge.agent._refs import MISSING, clip_refs, main_clips, mentions_it
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import Unknown
from reelforge.draft import Segment
from reelforge.draft.edits import CutSegment, DeleteSegment, SplitClip, TrimSegment

__all__ = ["cut_inside", "split"]

_REMOVING = REMOVE + r"|\b(?:cut|take|snip|chop|skip|lose|drop)\b|\btrim (?:out|away)\b|剪掉|剪了|剪去|删掉|删了|去掉|不要|砍掉|拿掉|去除"
# what keeps a stretch rather than removing it: "keep only 2s to 8s", "只留2到8秒", "留中间4秒 其他都剪掉" (a trim of the ends)
_KEEPING = r"\b(?:keep|only|just|leave)\b|保留|留下|只留|只要|剪到|截取|\bthe rest\b|(?:其他|其余|剩下|剩余)(?:的|都|全|部分)|^(?:就)?留(?=中间|前|后|\d)"
# "seconds 3 to 5", "secs 2-4": the unit said before the numbers
_SECONDS_SPAN = r"\bsec(?:ond)?s? (\d+(?:\.\d+)?) ?(?:to|through|till|until|-|and) ?(\d+(?:\.\d+)?)\b"
_MIDDLE = r"\b(?:middle|center|centre)\b|中间"
# the middle clip of three or more ("remove the middle clip", "把中间那段去掉" with three clips): a clip, deleted elsewhere
_MIDDLE_CLIP = r"\bmiddle (?:clip|one|shot|video|scene)s?\b"
_MIDDLE_CLIP_ZH = r"中间(?:的)?(?:那|这)?(?:一|1)?(?:段|个|片段|镜头)"
# the topics a cut of the clips may name: a clip, a cut (any other object said is that object's: "remove the whoosh from
# 2 to 4 seconds", "把字幕从2秒到4秒去掉")
_OURS = frozenset({"clip", "trim"})
# ("cut the video in half" keeps half of it: a trim; "cut it in half at 5 seconds" says where: a split)
# ("make a cut at 4 s" is an editor's razor: a split; "cut it at 4 s" keeps what comes before, a trim)
_SPLIT = r"\bsplit\b(?![- ]?screens?)|\bslice\b|\brazor\b|\bmake a (?:cut|split) (?:at|in)\b|" \
         r"\b(?:cut|chop|divide|break) (?:it|(?:this|that)(?: clip| video| shot)?|the (?:\w+ )?(?:clip|video|shot)|clip \d+)" \
         r" (?:(?:in|into) (?:two|2)(?: (?:pieces|parts|bits|clips))?\b|in half(?= (?:at|right at|exactly at) \d))|" \
         r"\b(?:cut|chop|divide|break|separate)\b.*\b(?:in|into) (?:two|2)(?: separate)? (?:pieces|parts|bits|clips|segments|halves)\b|" \
         r"\bdivide (?:it|(?:this|that|the) (?:\w+ )?(?:clip|video|shot)|clip \d+) (?:at|in|into)\b|" \
         r"\b(?:make|turn it into|get) (?:two|2) (?:separate )?(?:clips|pieces|parts|segments) (?:out of|from)\b|" \
         r"\bturn (?:it|this|that|the (?:\w+ )?(?:clip|video|shot)) into (?:two|2) (?:separate )?(?:clips|pieces|parts|segments)\b|切开|劈开|切断|(?:切|分|拆|劈)(?:开)?成(?:两|2)|拆开|一分为二|1分为2|分割|剪开|断开|(?:切|剪|划)(?:一|1)刀|(?:(?<=那里)|(?<=那儿)|(?<=地方)|(?<=位置)|(?<=秒处)|(?<=秒))分开|(?:(?<=这里)|(?<=处))分开"
_HALF = r"\bin half\b|\bhalves\b|\bdown the middle\b|\bin the middle\b|对半|一分为二|1分为2|中间|平分|(?:切|分|拆)成(?:两|2)(?:段|个|半|部分)"


def cut_inside(clause: Clause, state: PlanState) -> bool:
    """A stretch removed from inside a clip, or from the middle of the video; False when the clause says no such cut."""
    if not clause.has(_REMOVING) or clause.has(_KEEPING) or _names_another(clause):
        return False
    refs = [ref for ref in clip_refs(clause, state) if ref != MISSING]
    clip = _the_clip(state, refs)
    clips = main_clips(state.draft)
    if clip is None and len(clips) == 1 and (mentions_it(clause) or clause.has(r"\bthe clip\b|这段|片段")):
        clip = clips[0]
    span = _span(clause)
    if span is None:
        return _middle(clause, state, clip)
    if clip is not None:  # the clip's own time
        start, end = span
        if end > clip.duration_ms or (start == 0 and end == clip.duration_ms):
            return False  # past the clip, or all of it: the trims and the deletions say it
        if len(clips) == 1 and (start == 0 or end == clip.duration_ms):
            return False  # at an end of the one clip: the video is the clip, trimmed as a whole
        _cut(state, clip, start, end)
        return True
    if not (0 < span[0] and span[1] < state.draft.video_end_ms):
        return False  # at an end of the video: a trim
    _cut_video(state, span)
    return True


def _cut_video(state: PlanState, span: tuple[int, int]) -> None:
    """``span`` of the video's time out, from each clip it covers (the last first: earlier ids stay put)."""
    for seg in reversed(main_clips(state.draft)):
        start, end = max(span[0], seg.start_ms) - seg.start_ms, min(span[1], seg.end_ms) - seg.start_ms
        if end > start and start == 0 and end == seg.duration_ms:  # a clip the stretch covers whole goes
            state.edit(DeleteSegment(segment_id=seg.id))
        elif end > start:
            _cut(state, seg, start, end)


def _cut(state: PlanState, clip: Segment, start: int, end: int) -> None:
    """``[start, end)`` of the clip's own time out: a trim when it is at an end of the clip, else a cut inside it."""
    if start == 0:
        state.edit(TrimSegment(segment_id=clip.id, cut_start_ms=end), focus_kind="clip")
    elif end == clip.duration_ms:
        state.edit(TrimSegment(segment_id=clip.id, cut_end_ms=end - start), focus_kind="clip")
    else:
        state.edit(CutSegment(segment_id=clip.id, start_ms=start, end_ms=end), focus_kind="clip")


def _names_another(clause: Clause) -> bool:
    return any(slot.value not in _OURS for slot in read_clause(clause).of("topic"))


def _the_clip(state: PlanState, refs: list[str]) -> Segment | None:
    found = state.draft.find_segment(refs[0]) if len(refs) == 1 else None
    return found[1] if found is not None else None


def _span(clause: Clause) -> tuple[int, int] | None:
    said = clause.search(_SECONDS_SPAN)
    if said is not None:
        start, end = round(float(said.group(1)) * 1000), round(float(said.group(2)) * 1000)
        return (start, end) if end > start else None
    return time_range(clause.text)


def _middle(clause: Clause, state: PlanState, clip: Segment | None) -> bool:
    """"cut out the middle 2 seconds of the dog clip", "把第一段中间那两秒剪掉": that long, centred in the clip (or in the
    video, no clip named: "剪掉中间两秒", "cut out the middle 2 seconds", once the middle kept); the middle
    said without how much ("cut out the middle part of the city clip", "把中间那段去掉") is asked."""
    if not clause.has(_MIDDLE) or clause.has(_MIDDLE_CLIP) or clause.has(_MIDDLE_CLIP_ZH) and len(main_clips(state.draft)) > 2:
        return False
    said = find_durations(clause.text)
    if clip is not None and said and said[0][0] < clip.duration_ms:
        start = (clip.duration_ms - said[0][0]) // 2
        state.edit(CutSegment(segment_id=clip.id, start_ms=start, end_ms=start + said[0][0]), focus_kind="clip")
        return True
    clips = main_clips(state.draft)
    if said and clip is None and clips and said[0][0] < state.draft.video_end_ms:
        # the video's middle ("剪掉中间两秒", "cut out the middle 2 seconds"): gone, never the only part kept
        start = (state.draft.video_end_ms - said[0][0]) // 2
        _cut_video(state, (start, start + said[0][0]))
        return True
    if said:
        return False
    example = clip or (clips[0] if clips else None)
    if example is None:
        return False
    seconds = max(2, example.duration_ms // 1000)
    state.actions.append(Unknown(clause.unquoted(), understood="a cut inside a clip", question=ask(
        clause, f"Which part should go? Say the seconds, for example: cut 2 s to {seconds // 2 + 1} s out of "
        f"{'the clip' if clip is not None or len(clips) == 1 else 'the first clip'}.",
        f"要剪掉哪一部分？请说出秒数，例如：剪掉{'这段' if clip is not None or len(clips) == 1 else '第一段'}的2到{seconds // 2 + 1}秒。")))
    return True


def split(clause: Clause, state: PlanState) -> bool:
    """A clip split in two at a time said (its own when it is named, else the video's), or in half."""
    if not clause.has(_SPLIT) or clause.has(r"\bscreens?\b|屏") or _names_another(clause):
        return False  # ("split the screen in two": a split screen, which the editor has not)
    clips = main_clips(state.draft)
    refs = [ref for ref in clip_refs(clause, state) if ref != MISSING]
    if not refs and mentions_it(clause) and state.focus is not None and state.focus.kind == "clip" \
            and state.focus.segment_id and len(clips) > 1:
        refs = [state.focus.segment_id]
    named = _the_clip(state, refs)
    said = [ms for ms, _, _ in find_durations(re.sub(r"\b(?:two|2) (?:parts|pieces|clips)\b", "", clause.text))]
    if said and named is not None:
        return _split_at(clause, state, named, said[0])
    if said:
        at = said[0]
        inside = [seg for seg in clips if seg.start_ms < at < seg.end_ms]
        if len(inside) == 1:
            return _split_at(clause, state, inside[0], at - inside[0].start_ms)
        return _split_where(clause, state, at)
    clip = named or (clips[0] if len(clips) == 1 else None)
    if clip is not None and clause.has(_HALF):
        return _split_at(clause, state, clip, clip.duration_ms // 2)
    state.actions.append(Unknown(clause.unquoted(), understood="a split", question=ask(
        clause, "Where should it split? For example: split the first clip at 3 seconds, or split the clip in half.",
        "要在哪里切开？例如：在第3秒把第一段切开，或者把这段一分为二。")))
    return True


def _split_at(clause: Clause, state: PlanState, clip: Segment, at_ms: int) -> bool:
    if 0 < at_ms < clip.duration_ms:
        state.edit(SplitClip(segment_id=clip.id, at_ms=at_ms), focus_kind="clip")
        return True
    have, want = f"{clip.duration_ms / 1000:g}", f"{at_ms / 1000:g}"
    state.actions.append(Unknown(clause.unquoted(), understood="a split", question=ask(
        clause, f"The clip is {have} s long, so it cannot split at {want} s. Where should it split? For example: split "
        f"it at {max(1, clip.duration_ms // 2000)} seconds.",
        f"这段只有 {have} 秒，没法在第 {want} 秒切开。要在哪里切？例如：在第{max(1, clip.duration_ms // 2000)}秒切开。")))
    return True


def _split_where(clause: Clause, state: PlanState, at_ms: int) -> bool:
    """A split at a time of the video no clip plays across: a cut already there, or past the end."""
    when, end = f"{at_ms / 1000:g}", f"{state.draft.video_end_ms / 1000:g}"
    if at_ms < state.draft.video_end_ms:
        en, zh = f"The video already cuts from one clip to the next at {when} s.", f"第 {when} 秒本来就是两个片段的分界。"
    else:
        en, zh = f"The video is only {end} s long.", f"视频只有 {end} 秒。"
    state.actions.append(Unknown(clause.unquoted(), understood="a split", question=ask(
        clause, f"{en} Where should it split? For example: split the video at 3 seconds.",
        f"{zh}要在哪里切开？例如：在第3秒把视频切开。")))
    return True
