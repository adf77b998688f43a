"""Traditional Chinese (Taiwan, Hong Kong) read by the simplified rules, and answered in the user's own script.

1. **Reading.** A message is read on its simplified characters: OpenCC's ``tw2s`` and ``hk2s`` tables (one character
   for one, so every position still points at what the user typed), then the regional words of the shared vocabulary
   (``_words.REGIONAL_ZH``: Taiwan's 影片, 匯出, 直式, Hong Kong's 條片, Cantonese 啲, 咗, 冇, 唔好...) as the words
   the rules know. ``ChineseReading`` keeps, for each character of the text the rules read, the span of the message
   it came from.
2. **What the user wrote stays as typed.** A title's words, a narration, a prompt are taken from the simplified text by
   the rules; ``ChineseReading.typed`` puts back the characters the user typed at that place (``typed_plan``).
3. **Replies in the user's script.** ``script_of`` tells Traditional from simplified by the characters only one of them
   has, and Hong Kong from Taiwan by Cantonese words and Hong Kong forms (Taiwan is the default); ``in_script``
   converts the reply and the questions (``s2twp``: Taiwan's characters and words, 影片, 匯出; ``s2hk``: Hong Kong's
   characters), the user's own words left as typed; ``label_in_script`` the history labels, character for character,
   so that ``simplified`` reads them back as they were written.

The converters (OpenCC's tables, like a compiled pattern) load once, on the first message with Han characters; a
message without any costs one regex search.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import opencc

from reelforge.agent._intents._words import REGIONAL_ZH
from reelforge.agent._text import QUOTES, compiled_words
from reelforge.agent.actions import Script

__all__ = ["ChineseReading", "in_script", "label_in_script", "read_chinese", "script_of", "simplified", "typed_plan",
           "typed_words"]

_HAN_CHAR = r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"  # OpenCC writes Cantonese's 嗰 as 𠮶, past U+FFFF
_HAN = re.compile(_HAN_CHAR)
# the user's words in a value the rules took from the reading: Han characters, and numbers among them, which the
# rules write as digits ("九份" read as "9份")
_HAN_RUN = re.compile(rf"(?:{_HAN_CHAR}|\d+(?:\.\d+)?(?={_HAN_CHAR}))+")
_NUMBER = r"[\d.零〇一二两俩三四五六七八九十百千万点]+"
# a time as the user said it, where the reading has it in seconds: "1分钟", "一分半", "1分30秒", "半分钟", "5秒"
_TIME_SAID = rf"(?:(?:{_NUMBER}|半)个?(?:分钟|分)(?:半|{_NUMBER}秒钟?|{_NUMBER})?|{_NUMBER}秒钟?)"
# Cantonese words and Hong Kong's own forms: a message holding one is answered in Hong Kong's characters
_HONG_KONG = re.compile(r"[啲咗嘅冇佢嘢睇喺嚟噉咩嗰囉嘞喎㗎畀攞揾搵晒啱]|唔|裏|條片|係咪|唔係|而家|依家")
# Taiwan's words, written the same in both scripts, and zhuyin: "影片改成直式", "字幕加上ㄅ" are a Taiwan user's
_TAIWAN = re.compile(r"影片|直式|橫式|横式|置中|字卡|影格|[\u3105-\u312f]")


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(f"{config}.json")


def _converted(text: str) -> str:
    taiwan = str(_converter("tw2s").convert(text))
    return taiwan if taiwan == text else str(_converter("hk2s").convert(taiwan))  # simplified already: one pass


def _to_simplified(text: str) -> str:
    """Character for character: Taiwan's forms (著, 裡) and Hong Kong's (衞) as well as the standard Traditional. A
    phrase the tables would convert to another length is converted a character at a time, so positions still hold."""
    converted = _converted(text)
    if len(converted) == len(text):
        return converted
    return "".join(one if len(one := _converted(ch)) == 1 else ch for ch in text)


def simplified(text: str) -> str:
    """``text`` in simplified characters (the rules' reading; history labels saved in Traditional read back)."""
    return _to_simplified(text) if _HAN.search(text) else text


def script_of(message: str, history: Sequence[str] = (), as_simplified: str | None = None) -> Script:
    """The script to answer ``message`` in: Traditional when it holds more characters only Traditional has than
    characters only simplified has; a message with neither (加字幕) keeps the script of the last history label.
    Hong Kong's when it holds Cantonese words or Hong Kong forms, else Taiwan's. ``as_simplified``: the message's
    characters simplified, when the caller has them already."""
    if not _HAN.search(message):
        return "hans"
    as_simplified = _to_simplified(message) if as_simplified is None else as_simplified
    traditional_only = sum(a != b for a, b in zip(message, as_simplified))
    simplified_only = 0
    if traditional_only:  # only then can the simplified ones outnumber them
        as_traditional = _converter("s2t").convert(message)
        simplified_only = sum(a != b for a, b in zip(message, as_traditional)) if len(as_traditional) == len(message) else 0
    if traditional_only == simplified_only == 0:  # "影片改成直式": Taiwan's words; "加字幕" after a Traditional turn
        if _HONG_KONG.search(message):
            return "hk"
        if _TAIWAN.search(message):
            return "tw"
        last = history[-1] if history else ""
        if _HAN.search(last) and _to_simplified(last) != last:
            return "hk" if _HONG_KONG.search(last) else "tw"
        return "hans"
    if traditional_only <= simplified_only:
        return "hans"
    return "hk" if _HONG_KONG.search(message) else "tw"


@dataclass(frozen=True)
class ChineseReading:
    """A message as the rules read it (``text``) and, for each of its characters, the span of the message it came
    from (``starts``/``ends``; empty when each character is the message's at the same place): a regional word read
    as the shared one points back at the whole word typed."""

    message: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    characters: str = ""   # the message's characters simplified, before its words are read (``script_of``)

    def typed(self, value: str) -> str:
        """``value`` (words the rules took from the reading: a title, a prompt) with each run of Han characters found
        in the reading put back as the user typed it, a number in it as the user wrote it ("九份老街", not "9份老街");
        a run the rules wrote themselves is left as it is."""
        if not _HAN.search(value):
            return value

        def back(match: re.Match[str]) -> str:
            run, typed, at = match.group(0), [], 0
            while at < len(run):  # the longest piece found in the reading, then the rest ("念一句" and a quote's words)
                for end in range(len(run), at, -1):
                    found = self._find(run[at:end])
                    if found is not None:
                        typed.append(found)
                        at = end
                        break
                else:
                    typed.append(run[at])
                    at += 1
            return "".join(typed)
        return _HAN_RUN.sub(back, value)

    def _find(self, piece: str) -> str | None:
        """What the user typed where ``piece`` (digits standing for any number the user wrote) is in the reading."""
        if not _HAN.search(piece):
            return None
        if not any(ch.isdigit() for ch in piece):
            start = self.text.find(piece)
            if start < 0:
                return None
            end = start + len(piece)
        else:
            # seconds the reading counted from minutes ("60秒" for "1分钟", "90秒" for "一分半") are said as typed
            parts = re.findall(r"\d+(?:\.\d+)?秒|\d+(?:\.\d+)?|\D", piece)
            found = compiled_words("".join(_TIME_SAID if part.endswith("秒") and part[0].isdigit() else _NUMBER
                                           if part[0].isdigit() else re.escape(part) for part in parts)).search(self.text)
            if found is None:
                return None
            start, end = found.span()
        return self.message[self.starts[start]:self.ends[end - 1]] if self.starts else self.message[start:end]


def read_chinese(message: str) -> ChineseReading:
    """``message`` as the rules read it: simplified characters, the regional words as the shared vocabulary's."""
    if not _HAN.search(message):
        return ChineseReading(message, message, (), (), message)
    characters = _to_simplified(message)
    pattern, plains = REGIONAL_ZH
    if pattern.search(characters) is None:  # one character for one: positions are the message's
        return ChineseReading(message, characters, (), (), characters)
    quoted = [m.span() for m in QUOTES.finditer(characters)]  # quoted words are the user's, read as typed
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for match in pattern.finditer(characters):
        if any(start <= match.start() < end for start, end in quoted):
            continue
        for k in range(last, match.start()):
            text.append(characters[k])
            starts.append(k)
            ends.append(k + 1)
        plain = plains[(match.lastindex or 1) - 1]
        text.extend(plain)
        starts.extend([match.start()] * len(plain))
        ends.extend([match.end()] * len(plain))
        last = match.end()
    for k in range(last, len(characters)):
        text.append(characters[k])
        starts.append(k)
        ends.append(k + 1)
    return ChineseReading(message, "".join(text), tuple(starts), tuple(ends), characters)


# the user's words in a label: 添加标题「夏天」
_QUOTED = re.compile(r"「[^」]*」|'[^']*'")
_CONFIGS: dict[Script, str] = {"tw": "s2twp", "hk": "s2hk"}
_KEPT = "\ue000"  # a private-use character holds the user's words while the rest is converted


def in_script(text: str, script: Script, keep: Iterable[str] = ()) -> str:
    """``text`` (written in simplified by the registry) in ``script``: Taiwan's characters and words (s2twp: 视频 ->
    影片, 导出 -> 匯出) or Hong Kong's characters (s2hk); the strings in ``keep`` (the user's own words) as they are."""
    if script == "hans" or not _HAN.search(text):
        return text
    kept = sorted({k for k in keep if k and _HAN.search(k) and k in text}, key=len, reverse=True)
    for index, words in enumerate(kept):
        text = text.replace(words, f"{_KEPT}{index}{_KEPT}")
    converted = str(_converter(_CONFIGS[script]).convert(text))
    for index, words in enumerate(kept):
        converted = converted.replace(f"{_KEPT}{index}{_KEPT}", words)
    return converted


def label_in_script(label: str, script: Script) -> str:
    """A history label in ``script``, character for character (s2tw / s2hk): the rules read it back with
    ``simplified`` exactly as it was written."""
    if script == "hans" or not _HAN.search(label):
        return label
    return str(_converter("s2tw" if script == "tw" else "s2hk").convert(label))


# the fields of a plan's actions that carry the user's own words into the draft, a job or the reply
_TYPED_FIELDS = ("text", "prompt", "script", "description", "lyrics", "name")


def _typed_model(model: Any, reading: ChineseReading) -> Any:
    changes = {f: reading.typed(v) for f in _TYPED_FIELDS if isinstance(v := getattr(model, f, None), str)}
    changes = {f: v for f, v in changes.items() if v != getattr(model, f)}
    if not changes:
        return model
    if dataclasses.is_dataclass(model):
        return dataclasses.replace(model, **changes)  # type: ignore[type-var]
    return model.model_copy(update=changes)


def typed_plan(actions: list[Any], reading: ChineseReading, script: Script) -> list[Any]:
    """The plan's actions with the user's words as typed (a title, a caption, a narration, a prompt) and its
    questions in the user's script; an edit's label stays simplified (the runner saves it in the user's script)."""
    from_user: list[Any] = []
    for action in actions:
        edit = getattr(action, "edit", None)
        if edit is not None:  # the edit's words as typed, and in its label too
            from_user.append(dataclasses.replace(action, edit=_typed_model(edit, reading),
                                                 description=_QUOTED.sub(lambda m: reading.typed(m.group(0)),
                                                                         action.description)))
            continue
        if hasattr(action, "question"):  # Unknown: the words it echoes as typed, its question in the user's script
            question = in_script(action.question, script, typed_words(from_user))
            from_user.append(dataclasses.replace(action, text=reading.typed(action.text), question=question))
            continue
        from_user.append(_typed_model(action, reading))
    return from_user


def typed_words(actions: Iterable[Any]) -> list[str]:
    """The user's own words a plan carries (titles, prompts, narrations): a reply converted to Traditional keeps them."""
    words: list[str] = []
    for action in actions:
        if hasattr(action, "question"):  # Unknown: its question is the rules' words
            continue
        edit = getattr(action, "edit", None)
        model = edit if edit is not None else action  # an edit's label is the registry's words, its fields the user's
        words.extend(v for f in _TYPED_FIELDS if isinstance(v := getattr(model, f, None), str) and v)
    return words
