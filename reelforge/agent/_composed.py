"""The composed reading: edits built from what a clause says and the registry, for a request no area explains.

Each area (``rules.AREAS``) reads its own kind of request with its own patterns, so a request said in words none of
them expects ("title colour -> teal", "bgm vol 30%", "clip 2 speed 1.5", "字幕颜色黄色") got a question. The composed
reading reads the same clause from its shared reading (``_reading.read_clause``: the objects it names, its values and
their types) and the registry (each op's pydantic model and topic, ``FIELD_KINDS``, ``FIELD_WORDS``), in four steps:

1. the values said, each with its kind: a time, a share, a speed, a colour, a place, a shape, quoted words, a bare
   number ("music: 20"), a comparative ("bigger", "小一点": a factor of what is there);
2. the property words said ("colour", "vol", "length", "字号"), each naming fields;
3. every op that changes or removes what is there whose object the clause names (its registry topic, a clip's part
   for a clip said), whose fields take every value by its kind (a property word said next to a value picks among them;
   seconds after "at" / "在" are a start, else a length), whose required fields are all filled, and that uses every
   property word said: the edit it makes, its clip or text resolved as the areas resolve them (``_refs``);
4. ``rules`` scores these like any candidate (``_reading.explained``) and takes one only when it explains the whole
   clause, explains more than every area's reading, and no other op explains it as well: two that fit equally are
   asked about by their registry labels ("Do you mean change the background music or set the clips' own sound?").

Making something new (a clip, a title, a sound, music) needs what to make, which the areas read; the composed reading
never makes anything, never generates, and runs only when no area acted, so it costs nothing on the usual path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from pydantic import ValidationError

from reelforge.agent._intents._words import REMOVE
from reelforge.agent._numbers import find_durations
from reelforge.agent._reading import Reading, read_clause
from reelforge.agent._refs import MISSING, clip_refs, find_text
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause, compiled
from reelforge.agent.registry import FIELD_KINDS, FIELD_WORDS, OBJECT_WORDS, PLANNED_EDIT_TOOLS, EditTool
from reelforge.draft import Edit

__all__ = ["Proposal", "names_only", "proposals", "says_property"]

# the parts of a clip an op may change when a clip is named ("clip 2 speed 1.5", "第二段 音量 50%")
_CLIP_PARTS = frozenset({"speed", "clip_sound", "fade", "motion"})
# the topics that name a thing rather than a change ("加速", "fade", "cut" are changes said alone)
_OBJECTS = frozenset({"title", "music", "voice", "clip", "clip_sound", "canvas", "transition", "sound"})
# comparatives: (words, the factor they make of what is there, rising); "大一点" is bigger or louder by the object
_UP = re.compile(r"\b(?:bigger|larger|louder|more)\b|大一?点|大一些|大些|更大|放大|调大|变大|大声")
_DOWN = re.compile(r"\b(?:smaller|quieter|softer|less)\b|小一?点|小一些|小些|更小|缩小|调小|变小|小声|轻一?点")
_FACTORS = {"up": 1.5, "down": 0.67}
_QUIETER = 0.6   # a volume said lower: as the music area makes it
# numbers that name a clip, an order or a moment, not a value: "clip 2", "第2段", "2nd", "0:04", "9:16", "#ff8800"
_NOT_BARE = re.compile(r"\b(?:clip|shot|scene|part|segment|track|take) \d+\b|(?:片段|镜头)\s*\d+|第\d+(?:\.\d+)?|\d+(?:st|nd|rd|th)\b|\d+:\d+|⟪\d+⟫|"
                       r"\d+(?:\.\d+)? ?(?:times|fold)\b|"
                       r"#[0-9a-f]{3,6}\b|\d+(?:\.\d+)?\s*(?:%|x\b|×|倍|个|段|张|首|p\b|k\b)")
_BARE = re.compile(r"(?<![a-z0-9_.])(\d+(?:\.\d+)?)(?![a-z0-9_.\u4e00-\u9fff])")  # "4成", "3遍": a measure word
# the words around a setting that say only "set it": "make the title colour teal", "set caption position = top left",
# "把标题颜色改成黄色"; "add" too: a list said without verbs reads its items as additions ("title red, music: 20")
_PLAIN = frozenset("""the a an to at of for on in by it its is be please pls make set change put turn switch adjust use add
and with now ok okay so just can you could would i want my me new value should needs need percent per cent seconds
second secs sec s ms times x all every each clip one part shot""".split()) | frozenset(
    "把将给的了吧呢啊呀请帮我再都要让改成为到设置换调整一下点些个那这它得变用放在是全部所有段")
_TOKEN = re.compile(r"[a-z]+|[\u4e00-\u9fff]")
_SAID_VALUES = re.compile(r"\d+(?:\.\d+)?\s*(?:%|x\b|×|倍)|百分之\d+(?:\.\d+)?|#[0-9a-f]{3,6}\b|第\d+(?:个|段)?(?:片段|镜头)?|"
                          r"\b(?:clip|shot|scene|part) \d+\b|背景(?=音乐)|\bbackground(?= music)")
_ZH_CLIP_NAME = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?:那段|这段|那个片段|这个片段|的片段|片段|的镜头|镜头)")
_PLACES = re.compile(r"\b(?:top|upper|bottom|lower|left|right|cent(?:er|re)|middle|corner)\b|[左右上下中间角方面部顶底居]")
_ANY_FIELD = re.compile("|".join(f"(?:{pattern})" for pattern in FIELD_WORDS.values()))
_REMOVE = re.compile(rf"{REMOVE}|\boff\b|关(?:掉|了|闭)?$")


@dataclass(frozen=True)
class Proposal:
    """An edit the composed reading proposes: its op, the edit, and the values said outright with the fields they
    name ("clip 2 speed 1.5": ``(("speed",), 1.5)``), which an area's reading must hold to stand against it."""

    tool: EditTool
    edit: Edit
    pairs: tuple[tuple[tuple[str, ...], object], ...]


@dataclass(frozen=True)
class _Value:
    """One value the clause said: ``kind`` a registry ``ValueKind`` or "number" (a bare number), where it starts."""

    kind: str
    value: object
    start: int


def _values(clause: Clause, reading: Reading) -> list[_Value] | None:
    """Every value said, with its kind; None when the clause says a span ("from 2s to 5s": the areas' reading)."""
    times = reading.of("time")
    if len(times) > 1:
        return None
    values = [_Value(s.kind, s.value, s.start) for s in reading.slots
              if s.kind in ("time", "share", "speed", "colour", "position", "aspect", "quote")]
    text = clause.text
    taken = [(m.start(), m.end()) for m in _NOT_BARE.finditer(text)]
    taken += [(start, end) for _, start, end in find_durations(text)]
    for match in _BARE.finditer(text):
        if not any(a <= match.start() < b for a, b in taken):
            values.append(_Value("number", float(match.group(1)), match.start()))
    direction = "up" if _UP.search(text) else "down" if _DOWN.search(text) else None
    if direction is not None and any(v.kind in ("share", "number", "speed", "time") for v in values):
        return None  # "louder 10 percent", "大一倍": a change by an amount, the areas' to read
    if direction is not None:
        said = (_UP if direction == "up" else _DOWN).search(text)
        values.append(_Value("factor", direction, said.start() if said else 0))
    return values


def _unread(clause: Clause, reading: Reading, spans: list[tuple[int, int]], names: frozenset[str] = frozenset()) -> bool:
    """Whether the clause holds a word the composed reading does not account for: anything but its objects, values,
    property words (``spans``), references and the words that only say "set it" ("make the title slide in from the
    right" says how it moves, which no field holds: the areas' question stands)."""
    text = clause.text
    covered = list(spans)
    covered += [(s.start, s.start + len(s.words)) for s in reading.slots if s.words and s.kind != "verb"]
    covered += [m.span() for m in _SAID_VALUES.finditer(text)]
    covered += [(start, end) for _, start, end in find_durations(text)]
    if reading.of("position"):
        covered += [m.span() for m in _PLACES.finditer(text)]
    for match in _TOKEN.finditer(text):
        if not any(a <= match.start() < b for a, b in covered) and match.group(0) not in _PLAIN | names:
            return True
    return False


def _clip_names(clause: Clause, state: PlanState) -> frozenset[str]:
    """The words that name the clips the clause names by what they show ("the dog clip", "狗那段"): the clip's name,
    and the few characters a Chinese clip word follows."""
    ids = [sid for sid in clip_refs(clause, state) if sid != MISSING]
    found = [state.draft.find_segment(sid) for sid in ids]
    words = {word for hit in found if hit is not None for word in _TOKEN.findall((hit[1].meta.name or "").lower())}
    if ids and clause.language == "zh":
        words |= {char for m in _ZH_CLIP_NAME.finditer(clause.text) for char in m.group(1)}
    return frozenset(words)


def names_only(clause: Clause) -> bool:
    """Whether the clause only names a thing ("标题", "第2段", "the music"): dictated before what to do with it."""
    reading = read_clause(clause)
    objects = [m.span() for pattern in OBJECT_WORDS.values() for m in re.finditer(pattern, clause.text)]
    return (bool(objects) or any(s.kind in ("topic", "clip") for s in reading.slots)) and all(
        s.kind in ("clip", "ref") or s.kind == "topic" and s.value in _OBJECTS for s in reading.slots) and \
        not _unread(clause, reading, objects)


def says_property(clause: Clause) -> bool:
    """Whether the clause names a property or says a bare number ("clip 2 speed 1.5", "title fade in: 1s"): the cheap
    test before the composed reading checks an area's values."""
    return _ANY_FIELD.search(clause.text) is not None or any(
        not any(a <= m.start() < b for a, b in _spans(_NOT_BARE, clause.text)) for m in _BARE.finditer(clause.text))


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _field_words(text: str) -> list[tuple[tuple[str, ...], int]]:
    """The property words said, each with the fields it names and where it starts."""
    return [(names, m.start()) for names, pattern in FIELD_WORDS.items() for m in compiled(pattern).finditer(text)]


def _number(value: float, kind: str) -> object | None:
    """A bare number as a value of ``kind``: "music: 20" is 20 %, "音量0.1" 0.1, "speed 1.5" 1.5x, "length 3" 3 s."""
    if kind == "share":  # (a bare 2 is 2 % or twice full: the areas ask, ``_words.level_two``)
        return value if value <= 1 else None if value == 2 else value / 100 if value <= 200 else None
    if kind == "speed":
        return value if 0.25 <= value <= 4 else None
    if kind == "time":
        return round(value * 1000)
    if kind == "rate":
        return round(value) if 1 <= value <= 120 and value == round(value) else None
    return None


def _apart(value: int, word: int) -> int:
    """How far a value is from a property word, one said after it nearer than one before ("title white, box colour
    blue": the box's is blue)."""
    return value - word if value >= word else word - value + 8


def _claims(values: list[_Value], words: list[tuple[tuple[str, ...], int]]) -> dict[int, tuple[str, ...]]:
    """Each property word's value: the nearest value said of a kind one of its fields takes ("white on a black
    background": the background's is black), by the value's index."""
    claims: dict[int, tuple[str, ...]] = {}
    for names, start in sorted(words, key=lambda word: min((_apart(v.start, word[1]) for v in values), default=0)):
        kinds = {FIELD_KINDS[name] for name in names}
        near = [(_apart(v.start, start), k) for k, v in enumerate(values)
                if k not in claims and (v.kind in kinds or v.kind == "number" and kinds & {"share", "speed", "time", "rate"})]
        if near:
            claims[min(near)[1]] = names
    return claims


def _fill(tool: EditTool, values: list[_Value], words: list[tuple[tuple[str, ...], int]]) -> tuple[dict[str, object], list[
        tuple[tuple[str, ...], object]]] | None:
    """The op's fields filled by every value said, each by its kind and the property word that claims it, and the
    pairs said outright (a property word and its value, a bare number and its field); None when a value fits none of
    its fields, or two fields alike and nothing says which."""
    fields = {name: FIELD_KINDS[name] for name in tool.model.model_fields if name in FIELD_KINDS}
    claims = _claims(values, words)
    filled: dict[str, object] = {}
    pairs: list[tuple[tuple[str, ...], object]] = []
    for index, said in enumerate(values):
        kinds = {"share", "speed", "time", "rate"} if said.kind == "number" else {said.kind}
        fits = [name for name, kind in fields.items() if kind in kinds and name not in filled]
        if index in claims:  # the property word beside the value says which field: "fade in 1s", "bgm vol 30%"
            fits = [name for name in fits if name in claims[index]]
        elif said.kind == "time":  # seconds are a length, a start, a fade...: only the one named
            return None  # ("the music should stop at 8 s" is no start, "标题缩短5秒" no length)
        elif said.kind == "number":  # a bare number is no time or rate unless named one, and fills only the one field
            fits = [name for name in fits if fields[name] not in ("time", "rate")]  # it can: "music: 20"
            fits = fits if len(fits) == 1 else []
        if len(fits) > 1:  # a share is a volume before a size, a colour the thing's own before its background's
            fits = [name for name in fits if name in ("volume", "color", "bg")][:1] or fits
        if len(fits) != 1:
            return None
        name = fits[0]
        if said.kind == "number":
            value = _number(float(str(said.value)), fields[name])
        elif said.kind == "factor":
            value = _FACTORS[str(said.value)] if said.value == "up" or name != "volume_scale" else _QUIETER
        else:
            value = said.value
        if value is None:
            return None
        filled[name] = value
        if (index in claims or said.kind == "number") and said.kind != "factor":  # a comparative says no amount
            pairs.append((claims.get(index, (name,)), value))
    if any(not set(names) & set(filled) for names, _ in words):
        return None  # a property said that this op has not, or left without a value ("clip 2 speed ..." is no volume)
    return filled, pairs


def _refs(tool: EditTool, clause: Clause, state: PlanState, clips_said: bool) -> dict[str, object] | None:
    """The segments the op's reference fields name: a clip said ("clip 2", "the dog clip"), the text meant; None when
    a required one is unsaid or a clip said is not there (the areas say so)."""
    refs: dict[str, object] = {}
    for name, kind in tool.refs.items():
        required = tool.model.model_fields[name].is_required()
        if kind in ("clip", "segment") and clips_said:
            ids = clip_refs(clause, state)
            if len(ids) != 1 or MISSING in ids:
                return None
            refs[name] = ids[0]
        elif kind == "text" and not required:
            text = find_text(clause, state)
            refs[name] = text.id if text is not None and clause.quotes else None
        elif required:
            return None
    if clips_said and not any(kind in ("clip", "segment") for kind in tool.refs.values()):
        return None  # a clip said, and an op that cannot act on one ("trim 2 seconds off the dog clip" is no cut of the video)
    return refs


def _only_theirs() -> dict[str, frozenset[str]]:
    """The fields with a value kind that one planned op alone has ("fps": the canvas's): naming one names the op."""
    owners: dict[str, set[str]] = {}
    for tool in PLANNED_EDIT_TOOLS.values():
        for name in tool.model.model_fields:
            if name in FIELD_KINDS:
                owners.setdefault(name, set()).add(tool.name)
    return {tool: frozenset(name for name, ops in owners.items() if ops == {tool}) for tool in PLANNED_EDIT_TOOLS}


_ONLY = _only_theirs()


_ONE_LOOK = r"\bblack[- ](?:and|&|n)[- ]white\b|\bb ?& ?w\b|(?<![底字])黑白(?![底字])"


def proposals(clause: Clause, state: PlanState, every_word: bool = True) -> list[Proposal]:
    """Every edit of an op that fits the clause whole, by its object and its values (module docstring); with
    ``every_word`` False, also when words are left that no field accounts for (the trained intent model then says
    which op is meant: ``rules._guessed_by_intent``)."""
    if clause.has(_ONE_LOOK):  # "black & white title": one look, never a colour and another (text.py asks which)
        return []
    reading = read_clause(clause)
    values = _values(clause, reading)
    if values is None:
        return []
    topics = {str(s.value) for s in reading.of("topic")}
    objects = [(topic, m.span()) for topic, pattern in OBJECT_WORDS.items() for m in re.finditer(pattern, clause.text)]
    topics |= {topic for topic, _ in objects}
    clips_said = bool(reading.of("clip")) or bool(clip_refs(clause, state))
    words = _field_words(clause.text)
    removed = _REMOVE.search(clause.text)
    removal = not values and not words and removed is not None
    if not values and not removal:
        return []
    spans = [(start, start + len(m.group(0))) for names, start in words
             for m in [compiled(FIELD_WORDS[names]).match(clause.text, start)] if m is not None]
    spans += [m.span() for m in (_UP.search(clause.text), _DOWN.search(clause.text), removed) if m is not None]
    spans += [span for _, span in objects]
    if every_word and _unread(clause, reading, spans, _clip_names(clause, state)):
        return []
    found: list[Proposal] = []
    for tool in PLANNED_EDIT_TOOLS.values():
        if tool.name.startswith("add_"):
            continue  # making something needs what to make: the areas read it
        if tool.name.startswith(("remove_", "delete_")) != removal:
            continue
        if removal and any(tool.model.model_fields[name].is_required() for name in tool.refs):
            continue  # "music off", "配音 关掉" remove the whole thing named; which clip to delete is the areas' to read
        named = tool.topic in topics or tool.topic in _CLIP_PARTS and (clips_said or "clip" in topics) or \
            any(set(names) & _ONLY[tool.name] for names, _ in words) or \
            not topics and not clips_said and not reading.of("ref") and any(set(names) & set(tool.model.model_fields) for names, _ in words)
        if not named:
            continue
        fill = ({}, []) if removal else _fill(tool, values, words)
        refs = _refs(tool, clause, state, clips_said)
        if fill is None or refs is None or not (fill[0] or removal):
            continue
        try:
            edit = cast(Edit, tool.model(**refs, **fill[0]))  # every registry model is one of the Edit union's
        except ValidationError:
            continue
        found.append(Proposal(tool, edit, tuple(fill[1])))
    return found
