"""What a clause contains, read once for every area: the shared extraction the candidate edits are scored against.

A ``Reading`` lists the clause's *slots*: the things in it an edit can account for. Two families:

- **topic words**, each naming what the clause is about, with the registry's topic words (``registry.TOPICS``,
  English and Chinese): "title"/"字幕" -> title, "music"/"配乐" -> music, "crossfade"/"转场" -> transition, "clip"/
  "片段" -> clip, and so on;
- **values** the user said: times and spans ("2 seconds", "from 2s to 5s", "两秒" after number words are digits),
  shares ("35%", "百分之三十"), speeds ("2x", "1.5倍"), colours ("red", "#ff0000", "红色"), a position (top/bottom,
  sides, corners, free fractions), an aspect ("vertical", "9:16", "竖屏") and quoted words.

Both languages go through the same structure: the clause is already normalised (number words are digits, quotes
are placeholders) by ``_text.split_clauses``. ``explained`` says which slots a candidate plan accounts for, from
the values of its actions' fields and the topics the registry gives their ops; ``rules.understand`` keeps the
candidate that explains most.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel

from reelforge.agent._intents._words import ASPECT_VIDEO, aspect_of, position_of, wanted_colors
from reelforge.agent._library import sound_effect
from reelforge.agent._numbers import find_durations, time_range
from reelforge.agent._refs import MISSING, clip_numbers, clip_refs, main_clips
from reelforge.agent._state import PlanState
from reelforge.agent._text import EN_VERBS, PLACEHOLDER, ZH_VERBS, Clause, story_time_kept
from reelforge.agent.actions import (
    Action,
    CaptionSpeechAction,
    EditAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    RevertAction,
    ShowTimeline,
    SoundAction,
    UndoAction,
    Unknown,
)
from reelforge.agent.registry import TOPICS, topic_of
from reelforge.draft import Draft
from reelforge.draft.colors import NAMED_COLORS, parse_color
from reelforge.draft.edits import CutSegment, DeleteSegment, SetCaptions, SplitClip, Trim, UpdateMusic
from reelforge.draft.model import SOUND_TRACK_ID, Position

__all__ = ["PLACE_ASKED", "Reading", "Slot", "acts_on", "clips_shown", "explained", "read_clause"]


@dataclass(frozen=True)
class Slot:
    """One thing the clause said: ``kind`` is "topic" (``value`` a registry topic) or a value kind ("time" in ms,
    "share" a fraction, "speed", "colour" as ``#rrggbb``, "position", "aspect", "quote")."""

    kind: str
    value: object
    start: int = 0
    words: str = ""


@dataclass(frozen=True)
class Reading:
    """Every slot of one clause, in the order said (verbs first)."""

    slots: tuple[Slot, ...]

    def of(self, kind: str) -> list[Slot]:
        return [slot for slot in self.slots if slot.kind == kind]


# topics a word may stand for beside its own: "fade out the music" is the music's fade, "fade between the clips" a
# transition, "the second clip" is the object of a speed change, a trim, a fade...
# a clip named as the place of something else counts too: "put 'Day 1' on the first clip", "a whoosh on clip 2"
_CLIP_FAMILY = frozenset({"clip", "trim", "speed", "transition", "fade", "motion", "clip_sound", "voice", "title",
                          "sound", "music"})  # "音乐从第二个片段开始": the clip as the music's place
# "slow" said beside a camera move is the move's pace (every move is a slow one): "镜头往上摇 慢一点", "pan up, slow";
# "slow motion" is the clips' speed still
_PACE_OF_MOVE = frozenset({"慢", "slow", "slowly", "慢慢", "缓慢"})
_ALSO: dict[str, frozenset[str]] = {
    "clip": _CLIP_FAMILY,
    "fade": frozenset({"fade", "transition", "music", "title", "clip"}),
    "transition": frozenset({"transition", "sound"}),   # "a whoosh at each transition"
    "trim": frozenset({"trim", "clip", "music", "title", "sound"}),   # "shorten the title to 1 second", "a whoosh when it cuts to the dog"
    "speed": frozenset({"speed", "voice", "music", "transition"}),  # "make the crossfade slower": its pace
    "motion": frozenset({"motion", "transition"}),
    "canvas": frozenset({"canvas", "music", "sound"}),   # "use my song for the background", "rain sounds in the background"
    "music": frozenset({"music", "sound"}),
    "title": frozenset({"title", "voice", "music", "sound"}),  # captions are the narration's words; "the music comes in
    # after the title", "a ding when the title appears": the title as a place
}
# phrases read before the registry's topic words: "slow motion" is a speed, "on each cut" a transition's place
_PHRASES = (("speed", r"\bslow[- ]?mo(?:tion)?\b|\bslo[- ]?mo\b|慢动作"),
            # "开头从白色慢慢出来": the picture coming out of a colour is a fade in (fade.py's _IN)
            ("fade", r"(?:^|(?<=开头|片头|开始|视频|画面))从[红白黑黄蓝绿橙橘紫粉灰金银青棕](?:色|屏|场)?(?=(?:中|里)?(?:慢慢|逐渐|渐渐|缓缓)?(?:地)?"
                     r"(?:出现|出来|显出来|浮出来|亮起来?|显现|浮现))"),
            ("transition", r"\b(?:each|every|on the|at the|at each|at every) cuts?\b|\bcuts? (?:between(?! \d)|from one)\b|"
                           r"\bthe cuts? (?:is|are|feels?|looks?)\b|\b(?:hard|straight|direct|plain) cuts?\b|\bcuts? (?:only|direct)\b|"
                           r"\b(?:just|only) cuts\b|剪辑点|"
                           r"\bwhen(?:ever)? (?:the |a )?(?:clips?|shots?|scenes?) (?:changes?|switch(?:es)?|cuts?)\b|"
                           r"(?:片段|镜头|画面)切换(?:的时候|时)|(?:切|换)(?:镜头|画面)(?:的时候|时)|每个cuts?(?![a-z])|"
                           # "every time it cuts" ("it" is read as a reference first, so the cut alone)
                           r"(?<=\bevery time it )(?:cuts?|changes?)\b|(?<=\beverytime it )(?:cuts?|changes?)\b|"
                           r"(?<=\bwhenever it )(?:cuts?|changes?)\b(?! (?:over |back )?to\b)"))
# an English topic word starts a word: "emotional" names no camera motion, "Japan" no pan
_TOPIC_WORDS = tuple((topic, re.compile(rf"(?<![a-z])(?:{pattern})")) for topic, pattern in (*_PHRASES, *TOPICS.items()))
# words inside topic words that do not name one: "缓慢放大" is a slow zoom, not a speed; "生成一首歌" generates a song,
# not a clip (the verb alone names no object); "Final Cut" and "剪映" are editors, not trims
_NOT_TOPICS = re.compile(r"视频号|缓慢|慢慢|慢(?=一点的那种|点的那种|一些的那种)|\bslowly\b|(?<=disappears too )fast|(?<=disappear too )fast|(?<=vanishes too )fast|(?<=出来的时候)慢|(?<=出现的时候)慢|(?<=出来时)慢|(?<=标题出来)慢|(?<=标题出现)慢|\bcute\w*|\bslow(?= (?:zoom|pan|push|pull|fade|cross|dissolve|transition|tilt|dolly|truck))|"
                         r"\bgenerat\w*|生成|"
                         # the music said as what stays, the rest of the sound off: "i only want music", "只要音乐"
                         r"\b(?:only|just) (?:want |need |keep |have )?(?:the |some )?(?:background )?(?:music|bgm|song)\b|"
                         r"(?:只要|只留|只保留|只听|只剩)(?:下)?(?:背景)?(?:音乐|配乐)|"
                         # an editor's name and going on editing in it: "keep editing in Final Cut", "用剪映继续剪"
                         r"final ?cut|剪映|必剪|(?:继续|接着)剪(?:辑)?|"
                         r"(?:当前|现在|目前|我|我们)的剪辑|"  # "给我看看当前的剪辑": the edit so far, a noun
                         # what is kept as it is names nothing to change: "mute the clips but keep the music", "只留背景音乐"
                         r"\bkeep (?:only )?(?:the )?(?:music|song|bgm)\b|\bexcept (?:for )?(?:the )?(?:music|song|bgm)\b|"
                         r"\bonly (?:the )?(?:music|song|bgm)(?: (?:(?:should|is|will|can) )?(?:play|stay|remain)\w*)?\b|"
                         r"只(?:保)?留(?:下)?(?:背景)?(?:音乐|歌|bgm|原声)|除了(?:背景)?(?:音乐|歌|bgm|原声)|"
                         # what a sound drowns is not what to change: "音乐太大了 盖住原声了"
                         r"(?:盖住|盖过|压住|压过|遮住|淹没)(?:了)?原声|"
                         # a moment named by the title ("a ding when the title shows up"): when, not what to change
                         # ("a ding when it cuts to the dog": a moment, the clip's start, no trim)
                         r"\b(?:when|once|as soon as|the moment) (?:it|the video|we) (?:switch(?:es)?|cuts?|changes?|jumps?) (?=(?:over |across )?to\b)|"
                         r"\b(?:when|as|once) (?:the )?(?:title|caption|text) (?=appears?|shows? up|comes? (?:on|in)|pops? up|"
                         r"goes away|disappears?|ends?)|(?:标题|字幕|文字)(?=(?:出现|消失|出来)的?(?:时候|时))")
# references to the video as a whole ("for this video", "为这个视频"): every area's default object, so they tell no
# reading from another; and to "it" / "它"
_WHOLE = re.compile(r"\b(?:this|the|my|our|whole|entire) (?:video|film|movie)\b|(?:这个|整个|这段|该|本|把|将|给|清)(?:视频|片子)|"
                    r"(?:^|(?<=[\s，,把将给是]))那个(?:视频|片子)(?!素材)|"  # dictated "就是那个视频改成竖屏的": the video, not an upload named
                    r"(?:视频|片子)(?=(?:要|得|需要|应该)(?:是)?(?:竖|横|方)|\s+(?:改|换|调|变|弄|做)(?:成|为)(?:竖|横|方))|"  # "视频要竖着的", "视频 改成方的": its shape
                    r"(?:到|进|放在)(?:视频|片子)(?:里面|里|中|上)|"  # "放到视频里": into the video
                    r"(?:视频|片子|画面)(?=的?(?:背景|底色)(?!音乐|音|乐|歌)|的?(?:帧率|帧数|分辨率|比例|尺寸|画幅|宽高比)|(?:整体|全部)?(?:改|换|调|设|变|弄|做|导)(?:成|为|到)?\s*(?:每秒)?\s*\d+\s*(?:帧|fps\b))|\bvideo(?:'s)? (?=(?:\w+ )?background\b(?! music))")  # its background, its frame rate ("视频改成30帧")
_IT = re.compile(r"\b(?:it|this|that)\b|它")
# the action verbs: what to do with the objects, read by the areas themselves (add or remove, make or change); a
# verb is not a slot that a reading must explain (one that names a topic, "cut", "fade", "mute", is a topic word)
_VERBS = re.compile(rf"\b(?:{EN_VERBS})\w*|{ZH_VERBS}")
_PLACE_WORDS = re.compile(r"\b(?:top|upper|above|bottom|lower|below|left|right|cent(?:er|re)|middle)\b|"
                          r"左|右|上方|下方|上面|下面|顶部|底部|中间|居中|角")
# (and the middle of the video or a clip as a moment: "a pop in the middle of the video", "在视频正中间加个嗖"; a title
# placed so is still placed there, its reading only not asked for the place)
# a loudness said higher or lower ("the sound a bit lower", "volume higher"): how loud, never where
_LOUDNESS_HIGHER_LOWER = r"\b(?:sound|audio|volume)(?: (?:a (?:bit|little|tad)|slightly|much|way))? (?:higher|lower)\b"
_MIDDLE_TIME = r"\b(?:middle|center|centre) \d|中间(?:的|那)?\d|(?:从|在)中间(?:切|劈|剪|分|拆|断)|\bmiddle of the (?:video|film|(?:whole )?thing|(?:[a-z]+ )?clip)\b|正中间|中间的时候"
# "中间加个黑场", "这俩中间加个闪白": between the clips, a transition's place; "字底下加个黑框": behind the words (neither a place on the screen)
_BETWEEN_ZH = r"^(?:请)?(?:帮我|帮忙)?(?:然后|再)?(?:在)?(?:[\u4e00-\u9fff]{1,6}?(?:跟|和|与)[\u4e00-\u9fff]{1,6}?(?:的)?|(?:把)?(?:(?:他们|它们|她们)(?:俩|2)?|(?:他|它|这|那)(?:俩|2)|(?:这|那)?(?:两|2)(?:个|段)(?:视频|片段|镜头)?)的?)?中间(?:再|也)?(?:加|放|来|插|用|弄|整)(?:个|1个|一下|1下)?(?:黑场|白场|闪白|闪黑|白闪|黑闪|黑屏|转场|过渡|溶解|叠化|擦除|推移|(?:百|100)叶窗|马赛克)|" \
              r"(?:(?:字|文字|标题|字幕)的?|(?:^|(?<=[\s，,]))(?:再|然后|并且?)?在?)(?:底下|下面|下边|后面|背后)(?:再|也)?(?:加|垫|放|弄|来|衬)" \
              r"(?:个|一个|1个|上)?[^，,\s]{0,4}?(?:框|底)|" \
              r"^(?:在)?[\u4e00-\u9fff]{1,6}?(?:那段)?(?:跟|和|与)[\u4e00-\u9fff]{1,6}?(?:那段)?(?:的)?(?:中间|之间)(?:再)?" \
              r"(?:加|添加|插|接|补|来|塞)(?:上|进)?(?:1)?(?:个|段|条)"  # "城市跟狗中间塞一段灯塔的镜头": where a new clip goes
# a thing in a scene moving down or up ("雨滴往下流", "樱花花瓣往下飘"): no place on the screen
_MOVING_ZH = re.compile(r"往[上下左右](?=[飘飞升冒涌爬游跑窜蹿落掉流淌滴垂沉坠滚洒])")
_SHARE = re.compile(r"(\d+(?:\.\d+)?)\s*%|百分之(\d+(?:\.\d+)?)")
_SPEED = re.compile(r"(?<![大小\d.])(\d+(?:\.\d+)?)\s*(?:x(?![a-z0-9])|×|倍)")  # "大1倍" is a size


def read_clause(clause: Clause) -> Reading:
    """The clause's slots (cached: every candidate is scored against the same reading)."""
    clause = story_time_kept(clause)  # "a dog that chased a ball for a minute": no length of anything
    return _read(clause.text, clause.language, clause.quotes)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


@functools.lru_cache(maxsize=4096)
def _read(text: str, language: str, quotes: tuple[str, ...]) -> Reading:
    clause = Clause(text, quotes, language)
    slots: list[Slot] = []
    blocked = [(m.start(), m.end()) for m in _NOT_TOPICS.finditer(text)]
    for pattern in (_WHOLE, _IT):
        for match in pattern.finditer(text):
            blocked.append((match.start(), match.end()))
            slots.append(Slot("ref", match.group(0), match.start(), match.group(0)))
    blocked.extend(m.span(m.lastindex or 0) for m in ASPECT_VIDEO.finditer(text))  # the word "video" in it
    topical: list[tuple[int, int]] = []
    for topic, pattern in _TOPIC_WORDS:
        for match in pattern.finditer(text):
            span = (match.start(), match.end())
            if _overlaps(span, blocked) or _overlaps(span, topical):  # "crossfade" is a transition, not also a fade
                continue
            topical.append(span)
            slots.append(Slot("topic", topic, match.start(), match.group(0)))
    for match in _VERBS.finditer(text):
        if not _overlaps((match.start(), match.end()), topical):
            slots.append(Slot("verb", match.group(0), match.start(), match.group(0)))
    spanned = time_range(text)
    if spanned is not None:
        slots.append(Slot("time", spanned[0]))
        slots.append(Slot("time", spanned[1]))
    else:
        slots.extend(Slot("time", ms, start, text[start:end]) for ms, start, end in find_durations(text))
    slots.extend(Slot("share", float(m.group(1) or m.group(2)) / 100, m.start()) for m in _SHARE.finditer(text))
    slots.extend(Slot("speed", float(m.group(1)), m.start()) for m in _SPEED.finditer(text))
    # (a colour said as the one there is, "from red to blue", is no value asked for)
    slots.extend(Slot("colour", value.lower(), start, words) for value, start, words in wanted_colors(text))
    position = position_of(Clause(_MOVING_ZH.sub(" ", clause.text), clause.quotes, clause.language, clause.source)
                           if _MOVING_ZH.search(clause.text) else clause)
    if position is not None and clause.has(_LOUDNESS_HIGHER_LOWER):  # "make the sound a bit lower": quieter, not a place
        position = None
    if position is not None and not clause.has(_MIDDLE_TIME) and not clause.has(_BETWEEN_ZH):  # "keep the middle 2 seconds" is a span, not a place
        said = _PLACE_WORDS.search(text)
        slots.append(Slot("position", position, said.start() if said else 0, said.group(0) if said else ""))
    aspect = aspect_of(clause)
    if aspect is not None:
        slots.append(Slot("aspect", aspect))
    slots.extend(Slot("quote", quotes[int(m.group(1))], m.start()) for m in PLACEHOLDER.finditer(text))
    # the clips named by place ("the second one", "clip 2", "第二段"): a reading acting on another clip, or on none,
    # leaves them out
    slots.extend(Slot("clip", number, len(text)) for number in clip_numbers(clause))
    return Reading(tuple(sorted(slots, key=lambda s: s.start)))


@dataclass(frozen=True)
class _Said:
    """What a plan's actions carry: their topics and the values of their fields."""

    topics: frozenset[str]
    numbers: frozenset[float]
    strings: frozenset[str]
    positions: tuple[object, ...]
    presets: bool          # an export for a platform: its preset fixes the canvas ("export for TikTok")
    asked: str = ""        # the questions asked, lower-cased: a value they say back is accounted for


def _fields(action: Action) -> Iterable[tuple[str, object]]:
    if isinstance(action, EditAction):
        return action.edit.__dict__.items()
    if dataclasses.is_dataclass(action):
        return ((f.name, getattr(action, f.name)) for f in dataclasses.fields(action))
    return ()


# what a question says it understood when the place said is one the thing cannot have (captions sit at the bottom)
PLACE_ASKED = "where the captions go"


def _said(actions: list[Action], area_topics: frozenset[str], settles: bool) -> _Said:
    topics: set[str] = set(area_topics) if settles and actions else set()
    numbers: set[float] = set()
    strings: set[str] = set()
    positions: list[object] = []
    presets = False
    asked: list[str] = []
    totals: dict[tuple[str, str], float] = {}  # a field summed over a plan's same ops: "a 12 s slideshow" is 3 x 4 s
    for action in actions:
        # "导出竖屏抖音版": a platform's preset sets the canvas too; "导出一个发小红书的": the platform is where the export
        # goes, a preset or none (小红书 has none)
        if getattr(action, "preset", None) is not None or isinstance(action, ExportAction):
            presets = True
            topics.add("canvas")
        if isinstance(action, Unknown):
            if action.question or action.understood:  # a question about a missing detail, or why it cannot be done:
                # the area understood what the clause was about
                topics |= area_topics
            asked.append(action.question.lower())  # "... or at 2 seconds?": the amount said is asked about
            if action.understood == PLACE_ASKED:  # "put the subtitles at the top": the place said is what it asks about
                positions.append(PLACE_ASKED)
            continue
        topic = topic_of(action)
        if topic is not None:
            topics.add(topic)
        if isinstance(action, ShowTimeline | HelpAction):  # "现在视频一共多长", "what kind of videos can you make":
            topics.add("clip")                             # about the video as a whole
            if isinstance(action, ShowTimeline) and action.asked == "uploads":
                topics.add("music")  # "我上传了哪些歌": the uploads asked about are songs as well as clips
        if isinstance(action, CaptionSpeechAction) or isinstance(action, EditAction) and isinstance(action.edit, SetCaptions):
            positions.append("bottom")  # captions sit at the bottom: "add captions at the bottom" says where they are
            topics.add("voice")  # they show what is said: "把旁白的字幕打出来" names the narration they caption
        if topic in ("fade", "transition"):  # a fade goes to black and comes from it: "fade in from black"
            strings.add(NAMED_COLORS["black"])
        ints: list[float] = []
        for name, value in _fields(action):
            if name == "duck" and isinstance(value, bool):  # "duck the music under the voice", "旁白出来的时候音乐不用压低"
                topics.add("voice")
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int | float):
                numbers.add(float(value))
                if name == "seconds":
                    numbers.add(float(value) * 1000)
                if name.endswith("_ms"):
                    ints.append(float(value))
                    key = (type(action.edit).__name__ if isinstance(action, EditAction) else type(action).__name__, name)
                    totals[key] = totals.get(key, 0.0) + float(value)
            elif isinstance(value, str):
                strings.add(value.lower())
                if name in ("aspect", "bgcolor"):  # "a sunset, vertical", "white on a black background"
                    topics.add("canvas")
            elif isinstance(value, Position | BaseModel):
                positions.append(value)
                if isinstance(value, Position):
                    numbers.update((value.x, value.y, 1 - value.x, 1 - value.y))
        numbers.update(a + b for k, a in enumerate(ints) for b in ints[k + 1:])  # "from 2s to 5s": start + length
        if isinstance(action, EditAction) and "pos" in action.edit.__dict__ and isinstance(action.edit.__dict__["pos"], str):
            positions.append(action.edit.__dict__["pos"])
    numbers.update(totals.values())
    return _Said(frozenset(topics), frozenset(numbers), frozenset(strings), tuple(positions), presets, "\n".join(asked))


def _lengths(before: Draft, after: Draft, actions: list[Action]) -> set[float]:
    """The lengths a plan leaves and the amounts it changes them by: the video's, and each touched clip's ("cut the
    last 3 seconds" leaves 12 s of 15, "trim the first clip to 4 seconds" leaves it 4 s long, "the title 2 seconds
    longer" adds 2 s), and how long before the end a thing starts ("applause in the last 3 seconds")."""
    lengths = {float(after.end_ms), float(abs(before.end_ms - after.end_ms))}  # shorter or longer by it
    for action in actions:
        start_ms = dict(_fields(action)).get("start_ms")
        if isinstance(start_ms, int) and not isinstance(start_ms, bool):  # "最后一秒加个掌声": a time counted from the end
            lengths.add(float(before.end_ms - start_ms))
        end_ms = getattr(getattr(action, "edit", None), "end_ms", None)
        if isinstance(getattr(action, "edit", None), Trim | UpdateMusic) and isinstance(end_ms, int):
            lengths.add(float(before.end_ms - end_ms))  # "2 s at the start and 1 at the end", "2 s before the video ends"
        start = getattr(action, "start_ms", None)
        if isinstance(start, int) and 0 < before.end_ms - start:
            lengths.add(float(before.end_ms - start))
        if isinstance(start, int):  # "2 seconds into the dog clip", "狗那段两秒的时候": a time counted from a clip's start
            lengths.update(float(start - seg.start_ms) for seg in main_clips(before) if seg.start_ms < start < seg.end_ms)
        segment_id = getattr(getattr(action, "edit", None), "segment_id", None)
        now = after.find_segment(segment_id) if isinstance(segment_id, str) else None
        was = before.find_segment(segment_id) if isinstance(segment_id, str) else None
        edit = getattr(action, "edit", None)
        if isinstance(edit, CutSegment | SplitClip) and was is not None:  # "split at 12 s": 2 s into the second clip
            lengths.update(float(was[1].start_ms + ms) for ms in (getattr(edit, k, None) for k in ("start_ms", "end_ms", "at_ms"))
                           if isinstance(ms, int))
        if now is not None:
            lengths.add(float(now[1].duration_ms))
            if was is not None:
                lengths.add(float(abs(was[1].duration_ms - now[1].duration_ms)))  # "the title 2 seconds longer"
    return lengths


def _moments(draft: Draft) -> set[float]:
    """The times things begin or end on ``draft``: its clips' and texts' starts and ends, and its end."""
    return {float(t) for track in draft.tracks for seg in track.segments for t in (seg.start_ms, seg.end_ms)} | \
        {float(draft.video_end_ms)}


def _touched_texts(drafts: tuple[Draft, Draft] | None, actions: list[Action]) -> set[str]:
    """The words, as they were, of the texts the actions change."""
    ids = {getattr(getattr(action, "edit", None), "segment_id", None) for action in actions}
    found = [drafts[0].find_segment(sid) for sid in ids if isinstance(sid, str)] if drafts is not None else []
    return {(hit[1].meta.text or "").lower() for hit in found if hit is not None}


def _deleted(before: Draft, actions: list[Action]) -> set[str]:
    """A deletion is about what it deletes: a segment of the sound effects' track is a sound effect."""
    topics = set()
    for action in actions:
        edit = getattr(action, "edit", None)
        found = before.find_segment(edit.segment_id) if isinstance(edit, DeleteSegment) else None
        if found is not None and found[0].id == SOUND_TRACK_ID:
            topics.add("sound")
    return topics


_CLIP_FIELDS = ("segment_id", "first_id", "second_id", "ref_segment_id", "ref")


def _names_clip(actions: list[Action], before: Draft, number: int) -> bool:
    """Whether ``actions`` act on the ``number``-th clip of ``before`` (1 the first, -1 the last), or at its start
    (a title or a sound placed on it)."""
    clips = main_clips(before)
    index = number - 1 if number > 0 else len(clips) + number
    if not 0 <= index < len(clips):
        return True  # a clip that is not there: the area that says so explains it
    clip = clips[index]
    for action in actions:
        if isinstance(action, Unknown):
            if action.question:
                return True
            continue
        fields = dict(_fields(action))
        if any(fields.get(name) == clip.id for name in _CLIP_FIELDS) or fields.get("start_ms") == clip.start_ms:
            return True
        place = fields.get("placement", fields.get("at"))  # a new clip "after the last one" goes at the end
        if (place == "end" and number == -1) or (place == "start" and number == 1):
            return True
    return False


def clips_shown(clause: Clause, state: PlanState) -> frozenset[str]:
    """The clips the clause names by what they show ("the city", "the puppy clip", "狗那段"), as segment ids; none
    when it names a clip by place (a slot of its own, ``Reading``)."""
    if clip_numbers(clause):
        return frozenset()
    return frozenset(ref for ref in clip_refs(clause, state) if ref != MISSING)


def acts_on(actions: list[Action], before: Draft, ids: frozenset[str]) -> int:
    """How closely ``actions`` act on one of the clips ``ids``: 2 when a field names it, 1 when something is placed
    at its start or its end (the video's start aside), else 0. The tie-break between readings that explain as much
    of a clause: "swap the city for a forest at dawn" replaces the city clip, it starts no music there."""
    clips = [clip for clip in main_clips(before) if clip.id in ids]
    closest = 0
    for action in actions:
        fields = dict(_fields(action))
        if any(fields.get(name) in ids for name in _CLIP_FIELDS):
            return 2
        start_ms = fields.get("start_ms")
        if isinstance(start_ms, int) and start_ms and any(start_ms in (c.start_ms, c.end_ms) for c in clips):
            closest = 1
    return closest


def explained(reading: Reading, actions: list[Action], area_topics: frozenset[str] = frozenset(),
              settles: bool = False, drafts: tuple[Draft, Draft] | None = None, focus: str | None = None) -> frozenset[int]:
    """The indexes of ``reading``'s slots that ``actions`` account for: a topic word their ops are about, a value
    one of their fields holds (a time as ms, or as a start plus a length; a share as a volume or a position), "it"
    when they act on what it means (``focus``, a segment id: "把它的音量调到60%" after muting a clip is that clip's)."""
    said = _said(actions, area_topics, settles)
    # a step back in the history accounts for the words that say what it takes back: "undo the red title", "put it
    # back the way it was before the title went red" (never an edit of that title; "put it back at the bottom" says
    # where, an edit)
    back = bool(actions) and all(isinstance(a, UndoAction | RevertAction) for a in actions)
    if drafts is not None and any(isinstance(getattr(a, "edit", None), DeleteSegment) for a in actions):
        said = dataclasses.replace(said, topics=said.topics | _deleted(drafts[0], actions))
    lengths = _lengths(*drafts, actions) if drafts is not None else set()
    # a time said from a moment of the timeline is the distance of a start from it ("a ding 1 second after the dog shows
    # up", "狗那段开始前一秒"): a clip's or a text's start or end, or the video's end
    starts = {float(value) for a in actions for name, value in _fields(a) if name == "start_ms" and isinstance(value, int)}
    moments = _moments(drafts[0]) if drafts is not None and starts else set()
    lengths |= {abs(start - moment) for start in starts for moment in moments}
    if drafts is not None:  # "fade out starting at 13 seconds": where a fade out over the video's end starts
        lengths |= {float(drafts[0].end_ms - value) for a in actions for name, value in _fields(a)
                    if name == "fade_out_ms" and isinstance(value, int) and value}
    # a new clip placed at a clip's boundary said as a moment ("第10秒加一段烟花": after the clip that ends at 10 s)
    lengths |= {float(c.end_ms) for a in actions if isinstance(a, GenerateAction) and a.placement == "after"
                for c in (main_clips(drafts[0]) if drafts is not None else []) if c.id == a.ref_segment_id}
    lengths |= {float(drafts[0].end_ms) for a in actions if drafts is not None and isinstance(a, GenerateAction)
                and a.placement == "end"}
    found: set[int] = set()
    for index, slot in enumerate(reading.slots):
        value = slot.value
        if back and slot.kind in ("topic", "colour"):
            found.add(index)
            continue
        if slot.kind == "clip":
            if drafts is not None and _names_clip(actions, drafts[0], int(str(value))):
                found.add(index)
            continue
        if slot.kind == "ref" and focus is not None and slot.value in ("it", "它") and any(
                getattr(getattr(a, "edit", None), "segment_id", None) == focus for a in actions):
            found.add(index)
            continue
        if slot.kind in ("verb", "ref"):  # read by the areas; no reading is told from another by them
            continue
        if slot.kind == "topic":
            # or a field names it ("go back to before the music" is a revert to topic "music"), or it is words of a
            # prompt or a title ("a dog running in slow motion")
            ok = bool(_ALSO.get(str(value), frozenset({str(value)})) & said.topics) \
                or value == "speed" and "motion" in said.topics and slot.words in _PACE_OF_MOVE \
                or str(value) in said.strings or f"{value}s" in said.strings \
                or any(slot.words in s for s in said.strings if len(s) > len(slot.words))
        elif slot.kind in ("time", "share", "speed"):
            number = float(value) if isinstance(value, int | float) else -1.0
            # a share or a speed may be said as a change: "50% bigger" is a scale of 1.5, "加快一倍" twice the speed
            ok = number in said.numbers or (slot.kind == "time" and number in lengths) or (
                # "视频剪到一半长": a share of the video kept
                slot.kind == "share" and drafts is not None and float(round(number * drafts[0].end_ms)) in lengths) or (
                slot.kind != "time" and (1 + number in said.numbers or 1 - number in said.numbers)) or (
                # "慢三倍", "放慢一倍": a multiple said of slowness is that share of the speed (timeline._speed)
                slot.kind == "speed" and number >= 1 and (round(1 / number, 3) in said.numbers or
                                                          number == 1 and 0.5 in said.numbers)) or bool(
                slot.words) and any(slot.words in s for s in said.strings) or (   # "a title saying 'see you at 4 s'"
                bool(slot.words) and slot.words in said.asked)   # "... or at 2 seconds?": a value asked about
        elif slot.kind == "colour":  # a colour's value, or its words in a prompt, a title, a transition ("fadeblack")
            ok = str(value) in said.strings or any(slot.words.replace("grey", "gray") in s for s in said.strings) or any(
                s.startswith("fade") and parse_color(s[4:]) is not None and parse_color(s[4:]) == parse_color(str(value))
                for s in said.strings)  # "白色闪一下的转场": the white of a dip to white
        elif slot.kind == "aspect":  # or a revert to before the canvas changed ("go back to before it was vertical")
            ok = str(value) in said.strings or said.presets or "canvas" in said.strings
        elif slot.kind == "quote":  # words it writes, or the words of a text it changes ("move 'Urban Dreams' up")
            ok = any(str(value).lower() in s for s in said.strings) or str(value).lower() in _touched_texts(drafts, actions) \
                or f"'{str(value).lower()}'" in said.asked or f"「{str(value).lower()}」" in said.asked \
                or any(isinstance(a, SoundAction) and a.sound == sound_effect(str(value).lower()) for a in actions)  # "「咔嚓」的快门声"
        else:  # a position, a pan's direction ("pan left"), or words of a prompt ("floating above the earth")
            # ("split the dog clip in the middle": the middle is where the split or the cut falls)
            ok = value in said.positions or PLACE_ASKED in said.positions or "motion" in said.topics or value == "center" and any(
                isinstance(getattr(a, "edit", None), SplitClip | CutSegment) for a in actions) or bool(slot.words) and slot.words in said.asked or \
                bool(slot.words) and any(
                slot.words in s for s in said.strings if len(s) > len(slot.words)) or "transition" in said.topics and any(
                s.endswith(("left", "right", "up", "down")) for s in said.strings)   # "向右擦除" is a wipe to the right
        if ok:
            found.add(index)
    return frozenset(found)
