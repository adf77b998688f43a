"""Reference resolution: "the second clip", "the last shot", "第一个片段", "the song I uploaded",
"the photo", "the title", names, and "it" (the state's focus)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import NamedTuple

from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, compiled, compiled_words
from reelforge.agent.actions import MediaRef
from reelforge.draft import TEXT, Draft, Segment
from reelforge.draft._layout import main_track

__all__ = ["MISSING", "BareOrder", "bare_order", "clip_numbers", "the_one_clip", "clips_named_by_time", "clip_parts", "clip_refs", "find_media", "first_clip_named", "follow_up_clip", "names_upload", "named_alone", "main_clips", "shown_words", "without_end_clips", "mentions_it", "moment_of", "before_end", "midpoint_of", "offset_from_moment", "text_segments", "text_named_unquoted", "find_text",
           "uploads_meant", "still_in_focus", "LIVELIER"]

MISSING = "?"      # an ordinal that points past the end ("the fifth clip" of three)

_ORDINALS = {"first": 1, "1st": 1, "opening": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "last": -1, "final": -1, "closing": -1,
             "penultimate": -2}
_ORD = "|".join(_ORDINALS)
_CLIP_WORD = r"(?:video\s+)?(?:clips?|shots?|scenes?|videos?|segments?|parts?|ones?)"
# counted from the end: "the second to last clip", "the next-to-last one", "the last but one" (penultimate)
_FROM_END = re.compile(r"\b(?:second|2nd)[- ](?:to[- ](?:the )?)?last\b|\bnext[- ]to[- ](?:the )?last\b|\blast but one\b|"
                       r"\bone before (?:the )?last\b")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}  # "clip number two"
_EN_CLIP = re.compile(rf"\b({_ORD})\s+(?:and\s+(?:the\s+)?({_ORD})\s+)?{_CLIP_WORD}\b"
                      # "move the first clip after the second": the clip word said once
                      rf"|(?:(?<=\bafter the )|(?<=\bbefore the ))({_ORD})\b(?!\s+\w)"
                      # "clip 2", not "make the city clip 6 seconds" (a length)
                      rf"|\b(?:clip|shot|scene|segment)s?\s*(?:(?:number|no\.?|num\.?)\s*)?#?(\d+)(?:\s*(?:and|&)\s*#?(\d+))?\b(?!\.\d|\s*(?:seconds?|secs?|s\b|%|x\b|times\b|percent\b|per cent\b|pct\b))")
# an ordinal ending its clause with the clip word left out, a clip named so before it in the message ("mute the first
# clip and speed up the second")
_ELIDED = re.compile(rf"\bthe ({_ORD})$")
_ZH_CLIP = re.compile(r"(?<!倒数)第(\d+)(?![\d.])(?!(?:个)?(?:位|位置|秒)|次|天|年|名|遍|届)(?:个|段|条|号)?(?:片段|镜头|视频|场景|素材)?"
                      r"|最后(?:面)?(?:的)?(?:那)?(?:1)?(?:个|段|条)(?:片段|镜头|视频|场景)?|最后(?:的)?(?:片段|镜头|视频|场景)"
                      r"|(?:片段|镜头)(\d+)(?![.\d]|秒|%|倍)"
                      r"|倒数第(\d+)(?![\d.])(?:个|段|条)?(?:片段|镜头|视频)?")  # counted from the end
# a clip at an end of the video: "the clip at the end", "the one at the start", "结尾那段"
_AT_END = re.compile(r"\bthe (?:clip|shot|one|part|bit|segment|scene|video) (?:at|in) the (?:very )?(end|start|beginning|front|back)\b|"
                     r"(结尾|片尾|末尾)(?:的)?那(?:一|1)?(?:段|个片段|个镜头|个视频)|"  # ("最后面那个片段" is _ZH_CLIP's: named once)
                     r"(最前面|最前边|最开始|最开头)(?:的)?(?:那)?(?:1)?(?:段|个|条)(?:片段|镜头|视频)?(?!位|的?位置)")
# a clip named by its neighbour: "the one before the dog", "the clip after the city one", "the clip that comes after
# clip 1", "狗前面那段", "城市后面的那个片段"
_NEXT_TO = re.compile(r"\bthe (?:clip|shot|one|part|bit|segment|scene|video)(?: (?:that|which)(?:'s| is| comes?| plays?)?)? "
                      r"(?:right |just |directly |immediately )?(?P<en>before|after|following|preceding) (?P<anchor>(?:the |clip |#|\d).+)$|"
                      r"(?P<zh_anchor>[\u4e00-\u9fff\d]{1,8}?)(?:那段|的片段|那个片段)?的?(?P<zh>前面|后面|之前|之后|前边|后边)的?"
                      r"(?:那|这)(?:一|1)?(?:段|个片段|个镜头|个视频|个)")


# a clip named by a moment in it: "the part at 12 seconds", "the clip around 5 seconds", "第12秒那段", "5秒左右的那个镜头"
# (not "the part from 2 seconds to 4 seconds": a span)
# ("the clip that plays at 0:03", "the one playing at 5s", "whatever's playing at 11 seconds": the clip on screen then)
_CLIP_AT_TIME = re.compile(r"\b(?:the (?:clip|shot|part|bit|section|scene|segment|one)(?:\s+(?:that|which)(?:'s| is)?)?"
                          r"(?:\s+(?:playing|plays|showing|shows|on screen))?|whatever(?:'s| is)? (?:playing|showing|on(?: screen)?))"
                          r"\s+(?:at|around|near|from)\s+(?:the\s+)?"
                          r"(?:about\s+)?(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\b(?:\s+mark)?(?!\s*(?:to|until|till|through|-)\s*\d)|"
                          # (not "第4秒那里", a moment; not "4秒的镜头", a length; not "第3秒到第7秒那段", a span)
                          r"(?<![到至~\-])(?<![到至]第)(?:第(\d+(?:\.\d+)?)秒(?:左右|附近)?(?:的)?(?:那段|那一段|那个片段|那个镜头|的片段|的镜头)|"
                          r"(?<!\d)(\d+(?:\.\d+)?)秒(?:左右|附近)?(?:的)?那(?:一)?段)")

_SPLIT_AT = re.compile(r"\b(?:split|slice|divide)\b|\b(?:in|into) (?:two|2)(?: separate)? (?:pieces|parts|bits|clips|segments|halves)\b|切开|切断|(?:切|分|拆)成(?:两|2)|一分为二|1分为2|分割|剪开|断开|(?:切|剪|划)(?:一|1)刀|(?:(?<=那里)|(?<=那儿)|(?<=地方)|(?<=位置)|(?<=秒处)|(?<=秒))分开")


def clips_named_by_time(clause: Clause, draft: Draft) -> Clause:
    """The clause with each clip named by a moment in it ("delete the part at 12 seconds", "第5秒那段静音") named by its
    place instead ("clip 2", "第1段"), so every area reads it as it reads a clip said by number; a moment past the end
    stays as said."""
    clips = main_clips(draft)
    if _SPLIT_AT.search(clause.text):  # "split the clip at 3 seconds": where to split it, no clip named by its moment
        return clause

    def by_place(match: re.Match[str]) -> str:
        ms = round(float(match.group(1) or match.group(2) or match.group(3)) * 1000)
        playing = [k for k, c in enumerate(clips, 1) if c.start_ms <= ms < c.end_ms]
        if not playing:
            return match.group(0)
        return f"clip {playing[0]}" if match.group(1) else f"第{playing[0]}段"

    text = _CLIP_AT_TIME.sub(by_place, clause.text) if clips else clause.text
    return clause if text == clause.text else dataclasses.replace(clause, text=text)


# the former and the latter, in Chinese: "前面那段" / "前一段" the first clip, "后面那段" / "后一段" the last
_ZH_ENDS = re.compile(r"(?<![最往向])(?:(前)|(后))(?:面|边)?(?:的)?那(?:一|1)?(?:段|个片段|个镜头|个视频)|(?<![最往向\d])(?:(前)|(后))(?:一|1)段"
                      r"(?!时间)|(开头|片头)(?:的)?那(?:一|1)?(?:段|个片段|个镜头)")


def without_end_clips(text: str) -> str:
    """``text`` without the clips it names as the former or the latter ("把开头那段挪到最后": the place is the end)."""
    return _ZH_ENDS.sub(" ", text)


_A_NEW = re.compile(r"\b(?:a|an|another|one more|(?<!the )new)\s+$")
_A_LENGTH = re.compile(r"\d\s*-?\s*$")


def main_clips(draft: Draft) -> list[Segment]:
    track = main_track(draft)
    return list(track.segments) if track else []


def clip_refs(clause: Clause, state: PlanState) -> list[str]:
    """Segment ids of the main-track clips the clause names, in the order it names them."""
    clips = main_clips(state.draft)
    beside = _next_to(clause, state, clips)
    if beside is not None:
        return [beside]
    several = _several(clause, state, clips)
    if several is not None:
        return several
    numbers = clip_numbers(clause)
    ids = [_pick(clips, n) for n in numbers]
    if MISSING in ids and state.origin is not None and state.origin is not state.draft:
        # "delete the first clip and make the second one 2x faster": the clips as the user saw them, when the one
        # named is still there
        before = [_pick(main_clips(state.origin), n) for n in numbers]
        ids = [old if new == MISSING and old != MISSING and state.draft.find_segment(old) else new
               for new, old in zip(ids, before)]
    if not ids and clause.has(r"剩下(?:的)?(?:那|这)?(?:1|一)?(?:段|个|片段|镜头)|\bthe (?:remaining|only|last remaining) "
                              r"(?:one|clip|shot)\b|\bthe (?:one|clip) (?:that'?s )?left\b|\bwhat'?s left\b"):
        # "删掉第一段，然后把剩下那段改成慢动作", "the remaining clip": the one clip left
        return [clips[0].id] if len(clips) == 1 else []
    if not ids and clause.has(r"这段|这个片段|这个镜头|当前(?:这个)?(?:片段|镜头)|\bthis (?:clip|shot)\b|\bthe current (?:clip|shot)\b"):
        # "这段加速1.5倍", "this clip": the one just named, else the only one
        focus = state.focus
        if focus is not None and focus.kind == "clip" and focus.segment_id and state.draft.find_segment(focus.segment_id):
            return [focus.segment_id]
        return [clips[0].id] if len(clips) == 1 else []
    if not ids and len(clips) == 1 and clause.has(_THE_CLIP) and not _shows_absent(clause):
        ids = [clips[0].id]  # "mute this clip" with one clip there ("the clip with the dog in it": by what it shows)
    if not ids:  # by name, in the order the clause names them ("the city clip after the dog clip")
        named = [(where, seg.id) for seg in clips if (where := _named(seg, clause, state)) is not None]
        # "remove the photo", "城市那段放到照片后面": the one clip on the timeline made from a photo, where it is said
        named += [photo for photo in _the_photo(clause, clips, state) if photo[1] not in {sid for _, sid in named}]
        ids = [sid for _, sid in sorted(named)]
    if not ids:  # "the neon one", "the clip with the waves": a word its scene brings to mind, when one clip's does
        ids = _evoked(clause, clips, state)
    if not ids and clips and _shows_absent(clause):  # "unmute the dog clip" when no clip shows a dog: not every clip
        ids = [MISSING]
    return ids


# clips said with where one goes, with no article and no verb, as a terse or a learner's message says it: "dog clip before
# city pls", "the dog before the city", "put dog before city", "city after dog", "dog first", "city last"
_BARE_ORDER = re.compile(r"^(?:(?:put|move|place|have) )?(?:the )?(?P<one>[a-z][a-z0-9 ]{0,20}?)(?: (?:should|must|can) (?:go|come|be))?"
                         r" (?:(?P<where>before|after) (?:the )?(?P<other>[a-z][a-z0-9 ]{0,20}?)|(?P<end>first|last))"
                         r"(?: please| pls| plz| thx| thanks)?$")
# the same in Chinese, two clips named by what they show and one put before or after the other: "城市放狗后面", "狗放到城市前面去"
_BARE_ORDER_ZH = re.compile(r"^(?:把)?(?P<one>[\u4e00-\u9fff]{1,4}?)(?:那段|这段)?(?:放|挪|移|排|搬)(?:到|在)?(?P<other>[\u4e00-\u9fff]{1,4}?)"
                            r"(?:那段|这段)?(?P<where>前面|后面|之前|之后|前边|后边)(?:去|吧|来)?$")
_SIDES_ZH = {"前面": "before", "之前": "before", "前边": "before", "后面": "after", "之后": "after", "后边": "after"}


class BareOrder(NamedTuple):
    """Where a clip said bare goes: beside another clip said bare, or at an end."""

    one: str                # the clip moved
    where: str              # "before", "after", "first" or "last"
    other: str | None       # the clip it goes beside; None at an end
    said: re.Match[str]     # the words as said (the Chinese reading hands them on: ``timeline._move``)


def _clip_said_bare(words: str, clause: Clause, state: PlanState) -> str | None:
    """The one clip on the timeline that ``words``, said with no article or clip word, name ("dog", "city one", "clip 2";
    "城市", "狗" as "城市那段", "狗那段")."""
    if clause.language == "zh":
        said = f"{words}那段"
    else:
        said = words if re.match(r"(?:clip|shot) \d$|.+ (?:clip|one|part|shot|video)$", words) else f"{words} clip"
        said = said if said[0:5] in ("clip ", "shot ") else f"the {said}"
    refs = clip_refs(Clause(said, clause.quotes, clause.language, clause.source), state)
    return refs[0] if len(refs) == 1 and refs[0] != MISSING else None


def bare_order(clause: Clause, state: PlanState) -> BareOrder | None:
    """Where a clip on the timeline goes when the clause says only that, its clips named bare ("dog clip before city
    pls", "dog first", "城市放狗后面"); else None. Each name must be one clip, the two clips two."""
    said = (_BARE_ORDER_ZH if clause.language == "zh" else _BARE_ORDER).match(clause.text)
    if said is None or len(main_clips(state.draft)) < 2:
        return None
    one = _clip_said_bare(said.group("one"), clause, state)
    if clause.language != "zh" and said.group("end"):
        return BareOrder(one, said.group("end"), None, said) if one is not None else None
    other = _clip_said_bare(said.group("other"), clause, state)
    if one is None or other is None or one == other:
        return None
    return BareOrder(one, _SIDES_ZH.get(said.group("where"), said.group("where")), other, said)


# a photo said as the thing, not as an upload to add or animate ("my photo" / "我的照片" may be either; the areas that add
# an upload read those first)
_THE_PHOTO = re.compile(r"\b(?:the|that|this) (?:photo|picture|pic|image|still)\b|(?<![我的])(?:照片|图片|相片)")


def _the_photo(clause: Clause, clips: list[Segment], state: PlanState) -> list[tuple[int, str]]:
    """Where the clause says "the photo" and the one main-track clip whose media is a photo ("remove the photo", "put
    the city clip after the photo", "把照片删了"); none when the timeline holds no photo or several."""
    said = _THE_PHOTO.search(clause.text)
    if said is None:
        return []
    kinds = {m.src: m.kind for m in state.context.media}
    photos = [clip.id for clip in clips if kinds.get(clip.src or "") == "image"]
    return [(said.start(), photos[0])] if len(photos) == 1 else []


# every clip but some: "every clip but the first", "mute all except the dog clip", "除了第一段都静音", "除了狗那段其他都加速"
_ALL_BUT = re.compile(r"\b(?:every|each|all|everything)(?: (?:of )?the)?(?: (?:other )?(?:clips?|ones?|shots?|parts?|scenes?|segments?))?"
                      # "speed everything up 1.2x, except the dog clip": the change's own words between
                      r"(?:\s+(?!but\b|except\b)[\w.%]+){0,3}?,?"
                      r"\s+(?:but|except(?: for)?|other than|apart from|besides|save for|excluding)\s+(?P<en>.+?)"
                      r"(?=\s*(?:$|[,;.!?]|\band\b|\bto\b|\bat\b|\bplease\b|\bpls\b))|"
                      r"除(?:了)?(?P<zh>[^，,。都全]{1,12}?)(?:以外|之外)?(?:，|,)?(?:的)?(?:其他|其余|其它|别的)?(?:的)?(?:片段|段|镜头)?(?=都|全|也)")
# some clips counted from an end: "the last two clips", "the first 2 shots", "前两段", "最后两个片段"
_COUNTED = re.compile(r"\bthe (?P<side>first|last|final|opening) (?P<n>two|three|four|[234]) (?:clips|shots|ones|scenes|parts|segments)\b|"
                      r"(?P<zside>最后|最前|前|后|头|末)(?:面)?(?:的)?(?P<zn>两|二|三|四|[234])(?:个|段)(?:片段|镜头|视频)?")
_COUNTS = {"two": 2, "three": 3, "four": 4, "两": 2, "二": 2, "三": 3, "四": 4}
# the clip in the middle of an odd number of them: "the middle clip", "中间那段"
_MIDDLE = re.compile(r"\bthe middle (?:clip|one|shot|part|scene|segment|video)\b|中间(?:的)?(?:那|这)(?:一|1)?(?:段|个片段|个镜头|个视频)")


def _several(clause: Clause, state: PlanState, clips: list[Segment]) -> list[str] | None:
    """The clips a clause names as a group: every clip but those said, a count from an end, the middle one; None when
    it names none so."""
    but = _ALL_BUT.search(clause.text)
    if but is not None and clips:
        words = (but.group("en") or but.group("zh") or "").strip()
        words = re.sub(rf"^((?:the )?(?:{_ORD}))$", r"\1 clip", words)  # "every clip but the first": the first clip
        said = dataclasses.replace(clause, text=words)
        left_out = {ref for ref in clip_refs(said, state) if ref != MISSING}
        if left_out:
            return [clip.id for clip in clips if clip.id not in left_out] or [MISSING]
    counted = _COUNTED.search(clause.text)
    if counted is not None and clips:
        side = counted.group("side") or counted.group("zside")
        said_number = counted.group("n") or counted.group("zn")
        number = int(said_number) if said_number.isdigit() else _COUNTS[said_number]
        if number >= len(clips):  # "the last two clips" of two: every clip, as "both clips" is
            return [] if number == len(clips) else [MISSING]
        from_start = side in ("first", "opening", "前", "最前", "头")
        return [clip.id for clip in (clips[:number] if from_start else clips[-number:])]
    if _MIDDLE.search(clause.text) and len(clips) >= 3 and len(clips) % 2 == 1:
        return [clips[len(clips) // 2].id]
    return None


def _next_to(clause: Clause, state: PlanState, clips: list[Segment]) -> str | None:
    """The clip a clause names by its neighbour ("the one before the dog", "城市后面那段"): the clip before or after the
    one the neighbour's words name, or MISSING when there is none there; None when it names no clip so."""
    said = _NEXT_TO.search(clause.text)
    if said is None:
        return None
    if said.group("en"):
        anchor, after = said.group("anchor"), said.group("en") in ("after", "following")
    else:
        anchor, after = said.group("zh_anchor") + "那段", said.group("zh") in ("后面", "之后", "后边")
        anchor = re.sub(r"^(?:把|将|给|让|在)+", "", anchor)
    named = [ref for ref in clip_refs(dataclasses.replace(clause, text=anchor), state) if ref != MISSING]
    ids = [clip.id for clip in clips]
    if not named or named[0] not in ids:
        return None
    index = ids.index(named[0]) + (1 if after else -1)
    return ids[index] if 0 <= index < len(ids) else MISSING


def _shows_absent(clause: Clause) -> bool:
    """Whether the clause names a clip by something it shows ("the dog clip", "the clip with the cat", "狗那段") —
    asked only when no clip was found by it, so the thing is in no clip."""
    return _SHOWN_NAMED.search(clause.text) is not None


def clip_numbers(clause: Clause) -> list[int]:
    """The clips the clause names by place, as numbers (1 the first, -1 the last), in the order it names them: "the
    second clip", "clip 2", "the last one", "第一个片段", "最后那段" (not "a second clip", a new one)."""
    numbers: list[int] = []
    text = _FROM_END.sub(lambda m: " penultimate " if re.match(rf"\s*{_CLIP_WORD}\b", clause.text[m.end():])
                         else " penultimate one ", clause.text) if _FROM_END.search(clause.text) else clause.text
    text = re.sub(r"\b(clip|shot|scene|segment) (?:number|no\.?) (one|two|three|four|five|six)\b",
                  lambda m: f"{m.group(1)} {_NUMBER_WORDS[m.group(2)]}", text)
    if clause.language == "zh" or re.search(r"[\u4e00-\u9fff]", text):
        for m in _ZH_CLIP.finditer(text):
            numbers.append(int(m.group(1) or m.group(2)) if (m.group(1) or m.group(2)) else -int(m.group(3)) if m.group(3) else -1)
        numbers.extend(-1 if m.group(2) or m.group(4) else 1 for m in _ZH_ENDS.finditer(text))
    numbers.extend(1 if m.group(1) in ("start", "beginning", "front") or m.group(3) else -1 for m in _AT_END.finditer(text))
    next_to = _NEXT_TO.search(text)
    for m in _EN_CLIP.finditer(text):
        if _A_NEW.search(text[:m.start()]) or _A_LENGTH.search(text[:m.start()]):
            continue  # "add a second clip", "a 4 second shot": a new clip (and a length), not the timeline's second
        if next_to is not None and next_to.group("en") and m.start() >= next_to.start("anchor"):
            continue  # "the clip after the first one": its neighbour, not the first (``clip_refs``)
        if m.group(1):
            numbers.append(_ORDINALS[m.group(1)])
            if m.group(2):
                numbers.append(_ORDINALS[m.group(2)])
        elif m.group(3):
            numbers.append(_ORDINALS[m.group(3)])
        else:
            numbers.append(int(m.group(4)))
            if m.group(5):
                numbers.append(int(m.group(5)))
    elided = _ELIDED.search(text)  # ("move the first clip after the second" is read above)
    if elided is not None and not _EN_CLIP.search(text, elided.start()) and \
            _EN_CLIP.search(clause.source.lower()[:clause.source.lower().find(elided.group(0))]):
        numbers.append(_ORDINALS[elided.group(1)])  # "mute the first clip and speed up the second": the clip word said once
    return numbers


_THE_CLIP = r"\b(?:this|the|that|current|my) (?:clip|shot|segment)\b|\bthe (?:remaining|other) (?:clip|one)\b|" \
            r"(?:这个|当前|那个)(?:片段|镜头)|^这段|当前这段|剩下(?:的)?(?:那段|那个|片段|1段)"


def clip_parts(clause: Clause, state: PlanState) -> list[Clause] | None:
    """A clause that says something of each of several clips in turn ("the city clip should have no sound, the dog
    clip full sound", "pan left on the city clip, zoom out on the dog clip", "make the dog clip 3x faster and the city
    clip 8 seconds"): one part per clip, a part said without a verb taking the first part's; None otherwise."""
    pieces = [p for p in re.split(r"\s*(?:,|，|;|；)\s*(?:and\s+)?|\s+and\s+(?=the\b)|(?:以及|而且)", clause.text) if p]
    if len(pieces) < 2:
        return None
    refs = [[r for r in clip_refs(Clause(p, clause.quotes, clause.language, clause.source), state)] for p in pieces]
    if any(len(r) != 1 or MISSING in r for r in refs) or len({r[0] for r in refs}) != len(refs):
        return None
    verb = re.match(r"^(?:please |can you |could you )?(make|set|put|turn|have)\b", pieces[0])
    parts = [p if k == 0 or not verb or re.match(r"^(?:please )?[a-z]+\b", p) and not p.startswith("the ")
             else f"{verb.group(1)} {p}" for k, p in enumerate(pieces)]
    return [Clause(p, clause.quotes, clause.language, clause.source) for p in parts]


def each_clip(clause: Clause, state: PlanState, plan_one: Callable[[Clause, PlanState], bool]) -> bool:
    """Plan a clause that says something of each of several clips in turn (:func:`clip_parts`) a clip at a time, on a
    fork kept only when every part plans; False when the clause is not such a list or a part does not plan."""
    parts = clip_parts(clause, state)
    if parts is None:
        return False
    trial = state.fork()
    if not all(plan_one(part, trial) for part in parts):
        return False
    state.actions, state.draft, state.focus, state.failed = trial.actions, trial.draft, trial.focus, trial.failed
    return True


def _pick(clips: list[Segment], number: int) -> str:
    index = number - 1 if number > 0 else len(clips) + number
    return clips[index].id if 0 <= index < len(clips) else MISSING


# what people call the things a clip shows, in groups: a word of a group names a clip whose name holds any word of it
# ("the puppy clip", "the skyline shot", "the clip with the buildings" for "a dog on the beach", "a city at night")
_SAME_THING = [
    "dog dogs puppy puppies pup pups doggo doggos doggy doggie pooch hound canine",
    "cat cats kitten kittens kitty kitties feline",
    "city cities skyline downtown urban buildings building skyscraper skyscrapers cityscape metropolis town",
    "beach beaches sea ocean shore seashore seaside coast coastline sand",
    "mountain mountains peak peaks hills summit",
    "forest forests woods woodland trees jungle",
    "sunset sunsets dusk", "sunrise sunrises dawn", "night nighttime", "car cars traffic", "snow snowy winter",
    "rain rainy raining", "flower flowers blossom blossoms bloom", "kid kids child children", "waterfall waterfalls",
    "bird birds", "lake lakes pond", "river rivers stream", "street streets road roads", "fire campfire flames",
]
_SYNONYMS = {word: group.split() for group in _SAME_THING for word in group.split()}


def shown_words(name: str) -> set[str]:
    """The words that name what a clip called ``name`` shows: its own and their kin ("puppy" for "a dog on the beach")."""
    own = set(re.findall(r"[a-z]{3,}", name.lower()))
    return own | {alias for word in own for alias in _SYNONYMS.get(word, [])}


def _shows(words: str, name: str) -> bool:
    """Whether ``words`` said of a clip ("dog", "puppy", "night city") name what ``name`` shows: the words as they are
    said, or each word (or a word of its group, ``_SAME_THING``) in the name."""
    if compiled_words(rf"\b{re.escape(words)}").search(name):
        return True
    said = [w for w in words.split() if w not in _NOT_SHOWN]
    return bool(said) and len(said) == len(words.split()) and all(
        any(compiled_words(rf"\b{re.escape(w)}\b").search(name) for w in _SYNONYMS.get(word, [])) for word in said)


def _named(seg: Segment, clause: Clause, state: PlanState) -> int | None:
    """Where in the clause ``seg`` is named (its name, or "the <words> clip" with words from its name); None if not."""
    name = (seg.meta.name or _media_name(state, seg.src) or "").lower()
    if len(name) < 3:
        return None
    if name in clause.text:
        return clause.text.index(name)
    for match in re.finditer(r"(?=\b(?:the )?([a-z][a-z ]{2,30}?) (?:clip|shot|scene|video|part|bit|section|one|footage)\b)",
                             clause.text):
        words = match.group(1)
        # from a word's start: "each clip" is not the clip of "a dog on the beach"
        if words not in _ORDINALS and words not in {"whole", "new", "generated", "this", "each", "every"} \
                and _shows(words, name) \
                and not set(words.split()) & {"the", "a", "an", "this", "that", "my"}:
            return match.start()
    # its own sound or speed by what it shows: "the city's original sound", "the dog's audio" (not "the title's colour")
    for match in re.finditer(r"\b(?:the )?([a-z]{3,})'s (?:own |original |natural |background )?(?:sound|audio|volume|noise|speed|"
                             r"clip|part|shot|footage)\b", clause.text):
        if match.group(1) not in _NOT_SHOWN and _shows(match.group(1), name):
            return match.start()
    # a part of it in seconds by what it shows, with no clip word: "keep only the first 2 seconds of the dog", "cut the
    # last 3 secs of the city" (never "of the video" / "of the song": ``_NOT_SHOWN``)
    for match in _SECONDS_OF.finditer(clause.text):
        if match.group(1) not in _NOT_SHOWN and _shows(match.group(1), name):
            return match.start(1)
    # an English word before a Chinese clip word: "dog 那段 slow mo", "city那个片段静音" (mixed, as typed)
    for match in re.finditer(r"(?<![a-z])([a-z]{3,}(?: [a-z]{3,})?)\s*的?(?:那段|那[一1]段|那[个1]片段|那[个1]镜头|片段|镜头)", clause.text):
        if _shows(match.group(1), name):
            return match.start()
    # by what it shows: "the clip with the dog", "the part of the city", "the one showing waves"
    for match in re.finditer(r"\bthe (?:clip|shot|scene|video|part|bit|section|one) (?:with|of|showing|where|that shows)"
                             r" (?:the |a |an |some )?([a-z]{3,})\b", clause.text):
        if _shows(match.group(1), name):
            return match.start()
    # Chinese says it before the clip word: "狗的那段", "城市那段", "把狗的片段删掉", "有海浪的镜头" (or before its
    # removal: "城市的不要了")
    # ("城市的原声", "狗的声音": the sound of the clip named)
    for match in re.finditer(r"([\u4e00-\u9fff]{1,8}?)的?(?:那段|那[一1]段|那[个1]片段|那[个1]镜头|那[个1]小?段|片段|镜头|画面|片子|原声|"
                             r"(?<=的)声音|(?<=的)视频|那里|那儿|那块|的地方|(?<=的)(?=(?:也|就)?(?:不要了|删掉|删了|去掉)))", clause.text):
        words = re.sub(r"^(?:把|让|将|给|有|在|删掉|删除|去掉)+|的$", "", match.group(1))
        if words and words not in {"这个", "那个", "这段", "那段", "整个", "所有", "每个"} and (
                words in name or _translated(words, name)):
            return match.start()
    # Chinese, what it shows right before a change of the clip, first or after its place ("前面的城市留八秒就行", "城市剪到六秒")
    for match in re.finditer(r"(?:^|(?<=前面的)|(?<=后面的)|(?<=前边的)|(?<=后边的))([\u4e00-\u9fff]{1,4}?)"
                             r"(?=留|剪|删|不要|静音|加速|放慢|慢放|只要|保留|换成|换掉|替换成)", clause.text):  # "城市换成我拍的徒步视频"
        if _translated(match.group(1), name) or match.group(1) in name:
            return match.start()
    # Chinese, the clip as "the X one" ("最后那段狗的 剪掉后面两秒", "后面那个狗的不要了"): what it shows, then 的 and no noun
    for match in re.finditer(r"([\u4e00-\u9fff]{1,4}?)的(?=\s|$|[，,]|不要|不用|删|去掉|静音|加速|减速|放慢|慢放|剪|留)", clause.text):
        words = re.sub(r"^(?:把|让|将|给|在)+", "", match.group(1))
        if words and (words in name or _translated(words, name)):
            return match.start()
    # Chinese, by what it shows with no clip word, as a place ("放到城市前面") or first ("狗 慢放")
    for match in re.finditer(r"([\u4e00-\u9fff]{1,4}?)(?:的)?(?=前面|后面|之前|之后)|^([\u4e00-\u9fff]{1,4})(?=\s)", clause.text):
        words = re.sub(r"^(?:把|让|将|给|在|放到|放在|移到|挪到|接到|加到|插到)+", "", match.group(1) or match.group(2))
        if words and (words in name or _translated(words, name)):
            return match.start()
    # by what it shows, with no clip word: "move the dog to the start", "mute the dog", "after the city" (not "a clip
    # of the city", "like the dog": a scene to make)
    shown = set(re.findall(r"[a-z]{3,}", name)) - _NOT_SHOWN
    shown |= {alias for word in shown for alias in _SYNONYMS.get(word, [])}  # "mute the puppy"
    for match in _BARE.finditer(clause.text):
        if match.group(1) in shown:
            return match.start()
    # ... or a part of it by what it shows: "the beginning of the dog is boring, cut the first second of it"
    for match in _PART_OF.finditer(clause.text):
        if match.group(1) in shown:
            return match.start()
    # ... with a word its scene brings to mind before it: "slowly zoom out on the neon city", "the night city" ("the red
    # car" names the car clip only where the clip's own words or scene hold "red")
    for match in _BARE_ADJ.finditer(clause.text):
        if match.group(2) in shown and (match.group(1) in shown or match.group(1) in set(re.findall(r"[a-z]{3,}", name))
                                        or any(match.group(1) in _EVOKED_BY.get(w, ()) for w in shown)):
            return match.start()
    # ... and a place said beside it with no article, as a learner or a hurried message says it: "add my hike video after
    # city", "put photo before dog, 3 seconds"
    for match in _BARE_PLACE.finditer(clause.text):
        if match.group(1) in shown:
            return match.start(1)
    # Chinese names it as the object of a move or a change: "把城市挪到狗后面", "把狗放慢"
    for match in re.finditer(r"(?:把|将)([\u4e00-\u9fff]{1,5}?)(?:的)?(?=挪|移|放|拿|搬|调|剪|删|去掉|静音|加速|减速|放慢|换)|"
                             r"(?:替换掉?|换掉|代替|取代)([\u4e00-\u9fff]{1,4}?)(?:那段|的片段)?(?:吧|了)?$", clause.text):  # "用…替换狗"
        words = match.group(1) or match.group(2)
        if not re.search(r"[声音叫]", words) and (words in name or _translated(words, name)):
            return match.start()  # ("把狗叫声去掉" is a sound in the clip, not the clip)
    # Chinese names it before a place: "放到城市前面", "挪到狗后面"
    for match in re.finditer(r"([\u4e00-\u9fff]{1,4}?)(?:的)?(?:前面|后面|之前|之后|前边|后边)", clause.text):
        words = re.sub(r"^(?:把|让|将|给|放到|放在|移到|挪到|调到|加到|接到)+", "", match.group(1))
        if words and (words in name or _translated(words, name)):
            return match.start()
    # Chinese says what it thinks of a thing it shows: "哇这个狗好可爱", "城市太暗了"
    said = re.match(r"^(?:哇塞?|哇哦|哈哈+|天哪|啊)?[，,\s]*(?:这个|那个|这只|那只)?([\u4e00-\u9fff]{1,4}?)(?=(?:好|真|超|太|特别|有点|挺)[\u4e00-\u9fff])",
                    clause.text)
    if said and (said.group(1) in name or _translated(said.group(1), name)):
        return said.start(1)
    return None


# words of a clip's name that do not say what it shows, and words "the ..." names something else by
_NOT_SHOWN = frozenset("""the and with from over under into near for its his her their this that
end start beginning middle video clip shot scene title music song sound audio text top bottom left right center centre
first last second whole same other new next previous timeline screen frame background color colour speed volume
transition voice caption captions subtitles way one mp4 mov jpg jpeg png webm""".split())
# "the first 2 seconds of the dog", "the last 3 secs of city": seconds of a thing a clip shows (``_named``)
_SECONDS_OF = re.compile(r"\b(?:first|last|final|opening|middle) (?:\d+(?:\.\d+)?|[a-z]+) ?(?:seconds?|secs?|s) of (?:the )?([a-z]{3,})\b(?! (?:clip|shot|scene|part|one)\b)")
_PART_OF = re.compile(r"\bthe (?:very )?(?:beginning|start|end|ending|middle|rest|first part|last part|intro|opening) of (?:the )?([a-z]{3,})\b"
                      r"(?! (?:clip|shot|part|one|video|song|music|title)\b)")
_BARE_ADJ = re.compile(r"(?<!\bof )(?<!\blike )(?<!\bas )(?<!\bwith )\bthe ([a-z]{3,}) ([a-z]{3,})\b(?!'s| (?:clip|shot|scene|part|one)\b)")
_BARE_PLACE = re.compile(r"\b(?:after|before) ([a-z]{3,})(?=\s*(?:$|[,.;!]|\b(?:please|pls|and|then|for|with)\b))")
_BARE = re.compile(r"(?<!\bof )(?<!\blike )(?<!\bas )(?<!\bwith )(?<!\bshowing )(?<!\babout )\bthe ([a-z]{3,})\b(?!'s)")


# what clips commonly show, in Chinese and the English a clip's name (its prompt, its file) may say it in: a Chinese
# message names a clip made from an English prompt ("狗那段" is "a dog on the beach"), and the other way round
_SHOWN = {
    "狗": "dog|puppy", "猫": "cat|kitten", "城市": "city|urban", "海滩": "beach", "沙滩": "beach", "海浪": "wave",
    "海边": "beach|sea|coast", "海": "sea|ocean", "山": "mountain", "日落": "sunset", "日出": "sunrise",
    "夜景": "night", "夜": "night", "晚上": "night", "夜晚": "night", "夜里": "night", "白天": "day|daytime", "雪": "snow", "花": "flower", "车": "car", "鸟": "bird", "森林": "forest",
    "树林": "forest|woods", "河": "river", "湖": "lake", "天空": "sky", "雨": "rain", "街": "street", "瀑布": "waterfall",
    "云": "cloud", "咖啡": "coffee", "马": "horse", "鱼": "fish", "孩子": "child|kid", "女孩": "girl", "男孩": "boy",
    "火": "fire", "星": "star", "月亮": "moon", "沙漠": "desert", "草地": "grass|meadow", "桥": "bridge",
    "徒步": "hike|hiking", "爬山": "hike|hiking|climb", "未来": "futur", "东京": "tokyo", "都市": "city|urban",
    "楼": "city|building|skyscraper|tower|skyline", "建筑": "building|city|architecture", "街景": "street|city",
    "大海": "sea|ocean|beach", "海洋": "ocean|sea", "小狗": "dog|puppy", "小猫": "cat|kitten", "宠物": "dog|cat|pet",
    "霓虹": "city|night|neon|futur", "灯光": "city|night|light", "汪": "dog|puppy", "狗狗": "dog|puppy",
}


_SHOWN_EN = "|".join(en for pair in _SHOWN.values() for en in pair.split("|"))
# a clip named by what it shows: "the dog clip", "the clip with the cat", "狗那段"
_SHOWN_NAMED = re.compile(rf"\bthe (?:{_SHOWN_EN})s? (?:clip|shot|scene|part)\b|\bthe (?:clip|shot|scene|part) (?:with|of|showing) "
                          rf"(?:the |a |an )?(?:{_SHOWN_EN})s?\b|(?:{'|'.join(_SHOWN)})的?那(?:一|1|个)?(?:段|片段|镜头)")


# what a scene brings to mind without naming it, by a word of the clip's name: "the neon one" is "a futuristic city at
# night", "the one with the waves" "a dog on the beach". Read only when no clip is named outright, and only when one
# clip's scene brings the word to mind.
_EVOKES = {
    "city": "neon lights lit street streets traffic cyberpunk nightlife towers tower buildings skyline downtown",
    "night": "dark neon lights stars moon evening nighttime", "futuristic": "neon cyberpunk scifi future robots",
    "beach": "waves wave surf sand sandy water seaside tide shore palm palms sunny", "sea": "waves wave water boat",
    "ocean": "waves wave water surf", "dog": "pet animal fur furry paws barking", "cat": "pet animal kitty",
    "mountain": "hike hiking trail climb peak peaks snowy summit", "forest": "trees tree green nature woods",
    "rain": "wet umbrella umbrellas storm rainy", "snow": "cold winter white snowy", "sunset": "golden orange evening dusk",
    "sunrise": "morning dawn golden", "car": "road driving drive highway", "coffee": "cafe cup morning",
}
_EVOKED_BY = {word: set(group.split()) for word, group in _EVOKES.items()}
_EVOKING = re.compile(r"\bthe ([a-z]{3,}(?: [a-z]{3,})?) (?:one|clip|shot|part|bit|scene|video|footage|section)\b|"
                      r"\bthe (?:one|clip|shot|part|bit|scene|video) (?:with|of|showing) (?:the |a |an |some )?([a-z]{3,})\b")


def _evoked(clause: Clause, clips: list[Segment], state: PlanState) -> list[str]:
    """The one clip whose scene brings to mind a word the clause names it by ("the neon one", "the one with the
    waves"); none when no clip's scene does, or several do."""
    said = _EVOKING.search(clause.text)
    if said is None:
        return []
    words = set((said.group(1) or said.group(2)).split()) - _NOT_SHOWN
    meant = [clip.id for clip in clips if words and words & {
        evoked for word in re.findall(r"[a-z]{3,}", (clip.meta.name or _media_name(state, clip.src) or "").lower())
        for evoked in _EVOKED_BY.get(word, ())}]
    return meant if len(meant) == 1 else []


def _translated(words: str, name: str) -> bool:
    """Whether Chinese ``words`` ("狗", "城市夜景") name what an English ``name`` shows ("a dog on the beach")."""
    return any(zh in words and compiled(rf"\b(?:{en})").search(name) for zh, en in _SHOWN.items())


def _media_name(state: PlanState, src: str | None) -> str | None:
    return next((m.name for m in state.context.media if m.src == src), None)


# words for every clip or the whole video: a change said with one of them is not the last changed clip's
_EVERY = r"\b(?:all|every|each|both|everything|whole|entire|the video|clips)\b|全部|所有|整个|每个|每段|都|视频"


def follow_up_clip(clause: Clause, state: PlanState, topic: str) -> str | None:
    """The clip the last version changed ``topic`` of, when the clause goes on with that change and names no clip nor
    everything: "太快了" / "改成1.5倍吧" after "sped up the second clip 2x", "make it zoom out" after a zoom on clip 2."""
    focus = state.focus
    if focus is None or focus is not state.initial_focus or focus.kind != "clip" or not focus.segment_id \
            or clause.has(_EVERY) or any(clip_refs(clause, state)) or not state.last_change_is(topic):
        return None
    return focus.segment_id if state.draft.find_segment(focus.segment_id) else None


# words for the whole video rather than its one clip: "speed up the video", "the whole thing", "整体加速", "全部静音"
_THE_WHOLE = r"\b(?:the (?:whole |entire )?(?:video|thing|film|movie|project)|everything|all|whole|entire|overall|everywhere)\b|" \
             r"整体|整个|全部|所有|全都|视频"


def the_one_clip(clause: Clause, state: PlanState) -> str | None:
    """The one clip of a one-clip draft, for a change to a clip's own speed, sound or camera move that names no clip
    ("慢动作", "pan left", "这个原声调小一半"): the clip is all the video holds, so the edit names it, as "this clip" does;
    None when the clause says the whole video ("speed up the video", "整体加速1.5倍") or there are several clips."""
    clips = main_clips(state.draft)
    if len(clips) != 1 or clause.has(_THE_WHOLE) or state.pending_generation(clips[0].id) is not None:
        return None
    return clips[0].id


def first_clip_named(clause: Clause, state: PlanState) -> Segment | None:
    """The clip the clause names first, as the segment on the timeline ("after the dog clip", "在第一段结尾"), an
    ordinal past the end passed over; None when it names none there."""
    named = [ref for ref in clip_refs(clause, state) if ref != MISSING]
    found = state.draft.find_segment(named[0]) if named else None
    return found[1] if found is not None else None


# a clip's own sound named in a history label: "第二个片段静音", "muted clip 2", "set the sound of clip 1 to 40%"
_CLIP_SOUND_LABEL = r"静音|原声|\bmut(?:e|ed)\b|\b(?:sound|audio) of clip\b|\bclip \d+'s (?:own )?(?:sound|audio|volume)\b|" \
                    r"\bclip \d+ (?:sound|audio|volume)\b|片段的?(?:声音|音量)"  # "第2个片段音量调到30%": a clip's level


def clip_sound_changed_last(state: PlanState) -> str | None:
    """The clip whose own sound the version this message follows changed (by its recorded edits, else its label), while
    it is still the focus; None otherwise."""
    focus = state.focus
    if focus is None or focus is not state.initial_focus or focus.kind != "clip" or not focus.segment_id \
            or not state.draft.find_segment(focus.segment_id):
        return None
    versions = state.context.versions
    change = versions[-1].change if versions else None
    if change is not None and change.edits:
        return focus.segment_id if any(getattr(edit, "op", None) == "set_clip_audio" for edit in change.edits) else None
    history = state.context.history
    return focus.segment_id if history and re.search(_CLIP_SOUND_LABEL, history[-1].lower()) else None


def mentions_it(clause: Clause) -> bool:
    return clause.has(r"\b(?:it|its|that|this one|this)\b|它|这个|那个|这段|那段")


_KIND_WORDS = {
    "audio": r"\b(?:songs?|music|tracks?|audio|mp3|wav|m4a|aac|tunes?|recording|voice ?over)\b|歌|音乐|音频|配乐|录音",
    "image": r"\b(?:photos?|pictures?|images?|pics?|stills?|png|jpe?g|selfie)\b|照片|图片|相片|图|截图",
    "video": r"\b(?:videos?|footage|clips?|recording|mp4|mov)\b|视频|素材|录像",
}


def names_upload(text: str, media: MediaRef) -> bool:
    """Whether ``text`` names ``media`` by its file: "hike.mp4", "the hike video", "the hiking clip", "my hike vid", or in
    Chinese by what the name shows ("徒步那段视频" for hike.mp4)."""
    name = media.name.lower()
    stem = name.rsplit(".", 1)[0]
    if name in text:
        return True
    if len(stem) < 3 or not re.fullmatch(r"[a-z][a-z0-9_-]*", stem):
        return False
    root = re.sub(r"(?<=[a-z]{3})(?:ing|ed|es|e|s)$", "", stem)  # "hike" and "hiking" share "hik"
    if compiled_words(rf"(?<![a-z]){re.escape(stem)}(?![a-z])|(?<![a-z]){re.escape(root)}(?:e|es|s|ed|ing|er|ers)?(?![a-z])").search(text):
        return True
    return any(zh in text and compiled(rf"\b(?:{en})").search(stem) for zh, en in _SHOWN.items())


def named_alone(text: str, media: MediaRef) -> bool:
    """Whether ``text`` is only a name of ``media`` ("海边的照片", "我的海边照片", "徒步视频", "the hike video"), not a scene
    that holds one of its words and shows more ("海边日落", "沙滩上的篝火": a scene to film)."""
    if not names_upload(text, media):
        return False
    if not re.search(r"[\u4e00-\u9fff]", text):
        return True
    stem = media.name.lower().rsplit(".", 1)[0]
    rest = re.sub(r"[a-z0-9._-]+", "", text)
    for zh in sorted(_SHOWN, key=len, reverse=True):
        if zh in rest and compiled(rf"\b(?:{_SHOWN[zh]})").search(stem):
            rest = rest.replace(zh, "")
    rest = re.sub(r"我的|我上传的|上传的|我拍的|[那这](?:张|个|段)|的|照片|图片|相片|视频|片子|片段|素材|[\s，,]|\d+(?:\.\d+)?秒", "", rest)
    return len(rest) < 2


def find_media(clause: Clause, state: PlanState, kinds: tuple[str, ...], uploaded_only: bool = True) -> MediaRef | None:
    """The session media the clause names: by file name first, else the latest upload of a matching kind."""
    media = [m for m in state.context.media if m.kind in kinds and (m.uploaded or not uploaded_only)]
    text = clause.unquoted().lower()
    for ref in reversed(media):
        if names_upload(text, ref):
            return ref
    wanted = [k for k in kinds if clause.has(_KIND_WORDS[k])]
    for ref in reversed(media):
        if not wanted or ref.kind in wanted:
            return ref
    return None


def uploads_meant(clause: Clause, state: PlanState, kinds: tuple[str, ...]) -> list[MediaRef]:
    """The uploads the clause could mean ("the video I uploaded", "my upload", "我上传的照片"), latest first: one
    named by its file name, else those of the kinds it says (the clip it names, "the first clip", does not say a
    kind), preferring uploads not on the timeline yet. More than one means the clause does not say which."""
    media = [m for m in state.context.media if m.kind in kinds and m.uploaded]
    named = find_media(clause, state, kinds)
    text = clause.unquoted().lower()
    if named is not None and (named.name.lower().rsplit(".", 1)[0] in text or names_upload(text, named)):
        return [named]  # ("徒步那段替换掉城市": hike.mp4 by what it shows)
    rest = _EN_CLIP.sub(" ", _ZH_CLIP.sub(" ", clause.text))
    # the clip being replaced says no kind either: "replace the clip with my photo", "instead of the video"
    rest = re.sub(r"\b(?:replace|swap(?: out)?|switch|instead of|in place of)\s+(?:the|this|that)\s+(?:clip|shot|video)\b",
                  " ", rest)
    wanted = [k for k in kinds if re.search(_KIND_WORDS[k], rest)] or list(kinds)
    meant = [m for m in reversed(media) if m.kind in wanted]
    on_timeline = {seg.src for seg in main_clips(state.draft)}
    return [m for m in meant if m.src not in on_timeline] or meant


_EN_SHOWN_UP = r"(?:appears?|comes? (?:on|in)|shows? up|starts?|begins?|pops? up|is on(?: screen)?)"
_EN_GONE = r"(?:goes away|disappears?|ends?|is gone|fades? out|leaves)"
_MOMENT_EN = re.compile(
    rf"\b(?:when|where|as soon as|once|(?:just |right |exactly )?as|the moment)\s+(?P<what>the\s+[a-z ]{{2,30}}?|it)\s+(?:(?P<on>{_EN_SHOWN_UP})|(?P<off>{_EN_GONE}))\b|"
    r"\bat the (?:start|beginning) of (?P<of>the\s+[a-z0-9 ]{2,30}?|clip\s*\d+|it)(?=$|[\s,.])|"
    # "right when it cuts to the dog", "the moment it switches to clip 2": the start of the clip it cuts to
    r"\b(?:when|where|as soon as|once|the moment)\s+(?:it|the video|we)\s+(?:cuts?|switch(?:es)?|changes?|goes|go|jumps?|moves?|"
    r"transitions?)\s+(?:over\s+|across\s+)?to\s+(?P<to>the\s+[a-z0-9 ]{2,30}?|clip\s*\d+)(?=$|[\s,.])|"
    r"\b(?:at|by) the (?P<end>end) of (?P<of_end>the\s+[a-z0-9 ]{2,30}?|clip\s*\d+|it)(?=$|[\s,.])")
_MOMENT_ZH = re.compile(r"(?:在|从|当)?(?P<what>[\u4e00-\u9fff\d]{1,8}?)(?:那段)?(?:的)?(?:一)?(?:(?P<on>出现|开始|出来|开头)|(?P<off>消失|结束|没了))(?:的时候|时|处)?")
# the cut to a clip as a moment: "切到狗的时候", "换到第二段的时候", "转到城市那段时" (that clip's start)
_CUT_TO_ZH = re.compile(r"(?:切|换|转|跳)(?:到|换到|进)(?P<to>[\u4e00-\u9fff\d]{1,8}?)(?:那段|那个片段|那个镜头|的画面|画面)?(?:的时候|时)")
# the middle of the video as a moment: "halfway through", "midway", "at the halfway point", "视频播到一半的时候", "一半的地方";
# "halfway through the dog clip" is that clip's middle. "the middle of the video", "视频正中间" is a moment only for a thing
# with no place on the frame (a sound): ``middle_is_time``; for a text it is where on the frame
_HALFWAY = re.compile(r"\bhalf ?way(?: (?:through|point|mark|in|into|of))?(?! back)\b|\bmid-?way(?: (?:through|point|in|into|of))?\b|"
                      r"\bthe (?:half ?way|mid) ?point(?: of)?\b|(?:播|放|进行)?到(?:一半|50%)的?(?:时候|地方|位置)|"
                      r"(?:视频|片子)(?:的)?一半(?:的)?(?:时候|地方|位置|处)?|一半的(?:时候|地方|位置)")
_MIDDLE_TIME = re.compile(r"\b(?:in |at )?the (?:very |exact )?middle of the (?:video|film|thing|whole thing|clip|(?:[a-z]+ )?(?:clip|shot))\b|"
                          r"(?:视频|片子)(?:的)?正?中间|正中间|(?<![段头])中间的(?:时候|时)")
_OF_CLIP = re.compile(r"\s*(?:through|into|of|in)?\s*(?P<clip>the\s+[a-z0-9 ]{2,30}?(?:clip|shot|part|video|one)|clip\s*\d+)(?=$|[\s,.])")
# a time counted back from the end: "2 seconds before the end", "3 secs from the end", "结束前两秒", "结尾前2秒", "离结束还有两秒"
_BEFORE_END = re.compile(r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\s+(?:before|from|till|until|to) the (?:very )?end\b|"
                         r"(?:视频)?(?:结束|结尾|片尾|完)(?:之前|以前|前)(?:的)?(\d+(?:\.\d+)?)秒|离(?:视频)?结(?:束|尾)(?:还有|还剩|只剩)?(\d+(?:\.\d+)?)秒")


# a time counted from a moment: "a ding one second after the dog shows up", "2 seconds before the title disappears",
# "狗出来1秒后", "标题消失前2秒"
_FROM_MOMENT_EN = re.compile(r"(\d+(?:\.\d+)?)\s*(?:seconds?|secs?|s)\s+(?P<way>after|before)\s+(?:when\s+)?(?P<what>(?:the\s+|it\b).*)$")
_FROM_MOMENT_ZH = re.compile(r"(?P<what>[\u4e00-\u9fff\d]{1,10}?(?:出现|出来|开始|消失|结束))(?:的时候|时)?(?:(?P<way>之?后|以后|之?前|以前)"
                             r"(\d+(?:\.\d+)?)秒|(\d+(?:\.\d+)?)秒(?P<way2>之?后|以后|之?前|以前))")


def offset_from_moment(clause: Clause, state: PlanState) -> int | None:
    """The time, in ms, said as an amount from a moment ("one second after the dog shows up", "狗出来1秒后"); None when
    none is said or the moment is none the draft has."""
    english = _FROM_MOMENT_EN.search(clause.text)
    chinese = _FROM_MOMENT_ZH.search(clause.text) if english is None and clause.language == "zh" else None
    if english is not None:
        words, amount, way = f"when {english.group('what')}", english.group(1), english.group("way")
    elif chinese is not None:
        words, amount, way = chinese.group("what"), chinese.group(3) or chinese.group(4), chinese.group("way") or chinese.group("way2")
    else:
        return None
    moment = moment_of(Clause(words, clause.quotes, clause.language, clause.source), state)
    if moment is None:
        return None
    shift = round(float(amount) * 1000)
    return max(0, moment - shift) if way in ("before",) or "前" in way else moment + shift


def before_end(clause: Clause, draft: Draft) -> int | None:
    """The time, in ms, of a moment counted back from the video's end ("2 seconds before the end", "结束前两秒")."""
    said = _BEFORE_END.search(clause.text)
    if said is None or not draft.video_end_ms:
        return None
    return max(0, draft.video_end_ms - round(float(next(g for g in said.groups() if g)) * 1000))


def midpoint_of(clause: Clause, state: PlanState, middle_is_time: bool = False) -> int | None:
    """The time, in ms, of the middle said as a moment: of the video ("halfway through", "视频一半的地方"), or of the clip
    named after it ("halfway through the dog clip"); None when none is said."""
    said = _HALFWAY.search(clause.text) or (_MIDDLE_TIME.search(clause.text) if middle_is_time else None)
    if said is None or not state.draft.video_end_ms:
        return None
    named = _OF_CLIP.match(clause.text, said.end()) if not re.search(r"\b(?:video|film|thing)$", said.group(0)) else None
    if named is not None or re.search(r"\b(?:clip|shot)$", said.group(0)):
        words = named.group("clip") if named is not None else said.group(0).split(" of ", 1)[-1]
        refs = [ref for ref in clip_refs(Clause(words, clause.quotes, clause.language, clause.source), state) if ref != MISSING]
        found = state.draft.find_segment(refs[0]) if refs else None
        if found is not None:
            return found[1].start_ms + found[1].duration_ms // 2
    return state.draft.video_end_ms // 2


def moment_of(clause: Clause, state: PlanState) -> int | None:
    """The time, in ms, of a moment said by what happens then: "when the dog appears" (the dog clip's start), "at the
    start of clip 2", "where it starts" (the clip just named), "when the title shows up" / "goes away" (its start /
    end), "在狗出现的时候", "狗那段开始的时候", "从第二个片段开始", "在它开头", "标题消失的时候"; None when none is said."""
    halfway = midpoint_of(clause, state)
    if halfway is not None:
        return halfway
    english = _MOMENT_EN.search(clause.text)
    if english:
        words = (english.group("what") or english.group("of") or english.group("of_end") or english.group("to") or "").strip()
        return _moment(Clause(words, clause.quotes, clause.language, clause.source), state,
                       bool(english.group("off") or english.group("end")))
    if clause.language == "zh":
        cut = _CUT_TO_ZH.search(clause.text)
        found = _moment(Clause(cut.group("to"), clause.quotes, clause.language, clause.source), state, False) if cut else None
        if found is not None:
            return found
        for chinese in _MOMENT_ZH.finditer(clause.text):
            words = re.sub(r"^(?:把|让|将|给|在|从|当)+", "", chinese.group("what"))
            found = _moment(Clause(words, clause.quotes, clause.language, clause.source), state, bool(chinese.group("off")))
            if found is not None:
                return found
    return None


def _moment(named: Clause, state: PlanState, ending: bool) -> int | None:
    """When the thing ``named`` starts (or ends): the title, a clip by number or by what it shows, "it"."""
    if named.has(r"\b(?:title|text|caption)\b|标题|字幕|文字") and text_segments(state.draft):
        title = find_text(named, state)
        return None if title is None else (title.end_ms if ending else title.start_ms)
    refs = [ref for ref in clip_refs(named, state) if ref != MISSING]
    if not refs and named.language == "en" and named.has(r"^the [a-z]+$"):  # "where the city ends": the city clip
        refs = [ref for ref in clip_refs(dataclasses.replace(named, text=f"{named.text} clip"), state) if ref != MISSING]
    if not refs and named.has(r"^(?:it|它)$") and state.focus is not None and state.focus.kind == "clip":
        refs = [state.focus.segment_id] if state.focus.segment_id else []
    if not refs and named.language == "zh":  # "狗" alone: a clip by what it shows
        refs = [seg.id for seg in main_clips(state.draft)
                if _translated(named.text, (seg.meta.name or "").lower()) or named.text in (seg.meta.name or "")]
    found = state.draft.find_segment(refs[0]) if refs else None
    if found is None:
        return None
    return found[1].end_ms if ending else found[1].start_ms


def text_segments(draft: Draft) -> list[Segment]:
    return sorted((s for t in draft.tracks if t.type == TEXT for s in t.segments), key=lambda s: s.start_ms)


def text_named_unquoted(text: str, draft: Draft) -> Segment | None:
    """The text on screen the words name by its own words, unquoted ("把Urban Dreams改成「梦想之城」", "Urban Dreams这几个
    英文看不懂"): words of three letters or more, never inside a longer word."""
    return next((segment for segment in text_segments(draft) if len(name := (segment.meta.text or "").lower()) >= 3 and
                 re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", text)), None)


def find_text(clause: Clause, state: PlanState) -> Segment | None:
    """The text the clause means: quoted words, an ordinal, "the end title", "it", else the first."""
    texts = text_segments(state.draft)
    if not texts:
        return None
    for quote in clause.quotes:
        for seg in texts:
            if seg.meta.text and seg.meta.text.lower() == quote.lower():
                return seg
    m = re.search(rf"\b({_ORD})\s+(?:title|text|caption)\b|第(\d+)(?:个|行|条)?(?:标题|文字|字幕)", clause.text)
    if m:
        number = _ORDINALS[m.group(1)] if m.group(1) else int(m.group(2))
        index = number - 1 if number > 0 else len(texts) + number
        if 0 <= index < len(texts):
            return texts[index]
    if clause.has(r"\b(?:end|ending|closing|outro)\s+(?:title|text|caption)|结尾的?(?:标题|文字|字幕)|片尾"):
        return texts[-1]
    focus = state.focus
    if focus and focus.kind == "text" and focus.segment_id:
        found = state.draft.find_segment(focus.segment_id)
        if found:
            return found[1]
    return texts[0]


# "来点动感", "make it more dynamic": some life asked for, no thing named (music when the music is meant, a camera move
# on a still picture: ``still_in_focus``)
LIVELIER = r"动感|\b(?:more )?dynamic\b|\bsome (?:life|energy)\b"


def still_in_focus(state: PlanState) -> bool:
    """Whether "it" is a still picture on the timeline (a photo just added or changed): some life asked for it, "来点动感",
    is a camera move over it (a Ken Burns zoom), never music."""
    focus = state.focus
    if focus is None or focus.kind != "clip" or not focus.segment_id:
        return False
    segment = next((seg for seg in main_clips(state.draft) if seg.id == focus.segment_id), None)
    return segment is not None and any(m.kind == "image" and m.src == segment.src for m in state.context.media)
