"""Meaning-preserving noise for a message: each transform is a small named function that types the same request the
way people type it ("make the title red" -> "hey can you make the title red pls 🙏", "MAKE THE TITLE RED", "make teh
title red"; "把标题改成红色" -> "帮我把标题改成红色吧", "那个，把标题改成红色", "能不能把标题改成红色？").

A transform returns the new message, or None where it does not apply (a question form needs a message that opens with
its verb; a typo needs its word). None changes meaning: no negation, no number changed, nothing inside quotes touched.
``reading`` is what must stay the same: the actions and their fields, with case, punctuation and emoji set aside in the
words that go into the draft (an unquoted title typed in capitals is the same title).

``python -m tests.agent._perturb [TRANSFORM] [EXAMPLES] [FILE] [STRIDE]`` sweeps the whole seen corpus: for each transform, how many messages it
applies to, how many change their reading, and examples (``tests/agent/test_perturb.py`` checks a seeded sample).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reelforge.agent import AgentContext, EditAction, Unknown, understand
from reelforge.agent._text import QUOTES, detect_language

Transform = Callable[[str], str | None]


def _outside_quotes(message: str, change: Callable[[str], str]) -> str:
    """``message`` with ``change`` applied to each stretch outside its quotes (a title's or a prompt's own words stay)."""
    out, last = [], 0
    for match in QUOTES.finditer(message):
        out.append(change(message[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(change(message[last:]))
    return "".join(out)


def _lead_lower(message: str) -> str:
    """The message's first letter in lower case, as it reads after a prefix ("Make ..." -> "hey, make ..."), unless the
    first word is an acronym or a name in capitals ("MP4", "I")."""
    if re.match(r"[A-Z][a-z]", message) and not re.match(r"I\b|I'", message):
        return message[0].lower() + message[1:]
    return message


# ---------------------------------------------------------------- English
_EN_END = re.compile(r"[.!?。！？~～…]+$")
# verbs a request opens with: the message can be asked as "can you ..."
_EN_IMPERATIVE = re.compile(r"^(?:add|make|set|change|put|use|remove|delete|cut|trim|move|swap|speed|slow|mute|unmute|"
                            r"generate|create|export|turn|fade|lower|raise|increase|decrease|replace|insert|show|undo|redo|"
                            r"apply|loop|shorten|keep|play|switch|drop|download|render|extend|crop|lengthen|give|bring|"
                            r"get rid of|take|zoom|stretch|flip|center|centre|reverse|duck|animate)\b", re.IGNORECASE)


# words dictated after a colon (a script, a narration) are the user's own, like quoted ones: a word after them is theirs
_DICTATED = re.compile(r"[:：](?!\d)\s*[^\s'\"“「『‘《]")


def _en_tail(word: str) -> Transform:
    def tail(message: str) -> str | None:
        if _DICTATED.search(message) and re.search(r"\w", word):
            return None
        return _EN_END.sub("", message.rstrip()) + word
    return tail


def _en_head(word: str) -> Transform:
    def head(message: str) -> str | None:
        return word + _lead_lower(message.lstrip())
    return head


def _en_ask(opening: str) -> Transform:
    def ask(message: str) -> str | None:
        if not _EN_IMPERATIVE.match(message.lstrip()):
            return None
        return opening + _lead_lower(_EN_END.sub("", message.strip())) + "?"
    return ask


def _en_punct(mark: str) -> Transform:
    def punct(message: str) -> str | None:
        return _EN_END.sub("", message.rstrip()) + mark
    return punct


# real typos of common words (the wrong letters people type, and chat spellings)
EN_TYPOS = {"the": "teh", "music": "musci", "title": "tittle", "please": "pls", "you": "u", "your": "ur",
            "video": "vid", "volume": "volumn", "background": "backround", "transition": "transtion",
            "seconds": "secons", "subtitles": "subtitels", "and": "adn", "with": "wiht", "remove": "remvoe"}


def _en_typo(message: str) -> str | None:
    found = [False]

    def change(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            if found[0]:
                return match.group(0)
            found[0] = True
            typo = EN_TYPOS[match.group(0).lower()]
            return typo.upper() if match.group(0).isupper() and len(match.group(0)) > 1 else typo
        return re.sub(r"\b(?:" + "|".join(EN_TYPOS) + r")\b", one, text, flags=re.IGNORECASE)
    changed = _outside_quotes(message, change)
    return changed if found[0] else None


def _en_no_article(message: str) -> str | None:
    """The first "the " before a word left out, as a hurried message leaves it ("make title red")."""
    found = [False]

    def change(text: str) -> str:
        if found[0]:
            return text
        out = re.sub(r"\bthe (?=[a-z])", "", text, count=1, flags=re.IGNORECASE)
        found[0] = out != text
        return out
    changed = _outside_quotes(message, change)
    return changed if found[0] else None


def _en_case(change: Callable[[str], str]) -> Transform:
    def case(message: str) -> str | None:
        return _outside_quotes(message, change)
    return case


def _sentence_case(message: str) -> str | None:
    return message[:1].upper() + message[1:] if message[:1].islower() else None


def _hey_can_you_pls(message: str) -> str | None:
    asked = _en_ask("hey can you ")(message)
    return asked[:-1] + " pls 🙏" if asked else None


EN_TRANSFORMS: dict[str, Transform] = {
    "en:please_first": _en_head("please "),
    "en:hey_first": _en_head("hey, "),
    "en:um_first": _en_head("um "),
    "en:ok_so_first": _en_head("ok so "),
    "en:like_first": _en_head("like, "),
    "en:pls_last": _en_tail(" pls"),
    "en:thanks_last": _en_tail(", thanks!"),
    "en:thx_emoji_last": _en_tail(" thx 🙏"),
    "en:emoji_last": _en_tail(" 😊"),
    "en:bangs": _en_punct("!!"),
    "en:dots": _en_punct("..."),
    "en:period": _en_punct("."),
    "en:question_mark": _en_punct("?"),
    "en:lower": _en_case(str.lower),
    "en:upper": _en_case(str.upper),
    "en:sentence_case": _sentence_case,
    "en:typo": _en_typo,
    "en:no_article": _en_no_article,
    "en:can_you": _en_ask("can you "),
    "en:could_u": _en_ask("could u "),
    "en:hey_can_you_pls": _hey_can_you_pls,
}


# ---------------------------------------------------------------- Chinese
_ZH_END = re.compile(r"[。.！!？?~～…]+$")
_ZH_PARTICLE_END = re.compile(r"(?:吧|呗|啊|哈|呀|吗|呢|了|哦|嘛|啦)$")
# a request that opens with its verb or 把: it can be asked as "能不能…" / "可以…吗"
_ZH_IMPERATIVE = re.compile(r"^(?:把|将|给|加|添加|删|去掉|去除|换|改|调|生成|导出|撤销|放|用|剪|裁|静音|做|来|设置|移|挪|"
                            r"淡|慢放|加速|减速|插入|配|关|开)")


def _zh_tail(word: str) -> Transform:
    def tail(message: str) -> str | None:
        if _DICTATED.search(message) and re.search(r"\w", word):
            return None
        return _ZH_END.sub("", message.rstrip()) + word
    return tail


def _zh_particle(particle: str) -> Transform:
    def tail(message: str) -> str | None:
        core = _ZH_END.sub("", message.rstrip())
        if _DICTATED.search(message):
            return None
        if not re.search(r"[\u4e00-\u9fff]$", core) or _ZH_PARTICLE_END.search(core):
            return None
        return core + particle
    return tail


# a request that opens with its verb or 把, where "请" and "帮我" go before it
_ZH_VERB_LED = r"^(?:把|将|给|加|删|去掉|换|改|调|生成|导出|撤销|放|剪|做|来)"


def _zh_head(word: str, after: str = r"") -> Transform:
    def head(message: str) -> str | None:
        if re.match(r"^(?:请|帮我|麻烦|嗯|额|呃|那个|这个|就是|哈哈|好|行|算了|那)", message) or (after and not re.match(after, message)):
            return None
        return word + message.lstrip()
    return head


def _zh_ask(opening: str, closing: str) -> Transform:
    def ask(message: str) -> str | None:
        core = _ZH_END.sub("", message.strip())
        if not _ZH_IMPERATIVE.match(core) or re.search(r"[，,；;。]", core) or _ZH_PARTICLE_END.search(core):
            return None
        return opening + core + closing
    return ask


_TO_FULL = str.maketrans("0123456789,!?:;%()", "０１２３４５６７８９，！？：；％（）")
_TO_HALF = str.maketrans("０１２３４５６７８９，！？：；％（）。", "0123456789,!?:;%().")


def _before_dictated(message: str, change: Callable[[str], str]) -> str:
    """``change`` applied outside quotes and before a dictating colon: a script's or a narration's words are the user's."""
    colon = _DICTATED.search(message)
    if colon is None:
        return _outside_quotes(message, change)
    return _outside_quotes(message[:colon.start()], change) + message[colon.start():]


def _zh_width(table: dict[int, str]) -> Transform:
    def width(message: str) -> str | None:
        # a digit in a file's name or a hex colour ("hike.mp4", "#FFD700") is never typed full-width
        changed = _before_dictated(message, lambda text: re.sub(
            r"[A-Za-z#][\w.#]*|.", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).translate(table), text))
        return changed if changed != message else None
    return width


_CN_DIGITS = "零一二三四五六七八九十"
# words to write given unquoted ("加行字 第1天", "开头加一行 第一天"): their numbers are written as typed
_UNQUOTED_WORDS_ZH = re.compile(r"(?:字|一行|标题|文字|字幕|写|内容)(?:是|为)?\s*[：:\s]")
_ZH_COUNTED = r"(?=秒|段|个|倍|步|首|条|张|分钟)"


def _cn(number: int, counted: bool) -> str:
    if number == 2 and counted:
        return "两"
    return _CN_DIGITS[number] if number <= 10 else "十" + _CN_DIGITS[number - 10]


def _zh_to_numerals(message: str) -> str | None:
    """Small whole numbers as Chinese numerals where the reading is sure: "第2段" -> "第二段", "3秒" -> "三秒",
    "2倍" -> "两倍" (never a decimal, a percentage or a time of day)."""
    def change(text: str) -> str:
        text = re.sub(r"(?<=第)([1-9]|1[0-9])(?![\d.])", lambda m: _cn(int(m.group(1)), False), text)
        return re.sub(r"(?<![\d.:：])([1-9]|1[0-9])" + _ZH_COUNTED, lambda m: _cn(int(m.group(1)), True), text)
    if _UNQUOTED_WORDS_ZH.search(message):
        return None
    changed = _before_dictated(message, change)
    return changed if changed != message else None


def _zh_to_digits(message: str) -> str | None:
    """Chinese numerals of one character as digits where they count something: "第二段" -> "第2段", "三秒" -> "3秒"."""
    values = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

    def change(text: str) -> str:
        text = re.sub(r"(?<=第)([一二三四五六七八九十])(?![一二三四五六七八九十点])", lambda m: str(values[m.group(1)]), text)
        return re.sub(r"(?<![一二三四五六七八九十百千点第几])([一二两三四五六七八九十])" + r"(?=秒|段|倍|步|分钟)",
                      lambda m: str(values[m.group(1)]), text)
    if _UNQUOTED_WORDS_ZH.search(message):
        return None
    changed = _before_dictated(message, change)
    return changed if changed != message else None


ZH_TRANSFORMS: dict[str, Transform] = {
    "zh:qing_first": _zh_head("请", _ZH_VERB_LED),
    "zh:bangwo_first": _zh_head("帮我", _ZH_VERB_LED),
    "zh:mafan_first": _zh_head("麻烦"),
    "zh:en_first": _zh_head("嗯，"),
    "zh:nage_first": _zh_head("那个，"),
    "zh:jiushi_first": _zh_head("就是"),
    "zh:ba_last": _zh_particle("吧"),
    "zh:bei_last": _zh_particle("呗"),
    "zh:ha_last": _zh_particle("哈"),
    "zh:thanks_last": _zh_tail("，谢谢"),
    "zh:emoji_last": _zh_tail("🙏"),
    "zh:fullstop": _zh_tail("。"),
    "zh:tilde": _zh_tail("～"),
    "zh:bangs": _zh_tail("！！"),
    "zh:nengbuneng": _zh_ask("能不能", "？"),
    "zh:keyi_ma": _zh_ask("可以", "吗？"),
    "zh:fullwidth": _zh_width(_TO_FULL),
    "zh:halfwidth": _zh_width(_TO_HALF),
    "zh:to_numerals": _zh_to_numerals,
    "zh:to_digits": _zh_to_digits,
}

TRANSFORMS: dict[str, Transform] = {**EN_TRANSFORMS, **ZH_TRANSFORMS}


def applicable(message: str) -> dict[str, Transform]:
    """The transforms of the message's own language."""
    return ZH_TRANSFORMS if detect_language(message) == "zh" else EN_TRANSFORMS


# ---------------------------------------------------------------- the reading that must not change
def _words(value: str) -> str:
    """Words only, case folded: "Peak!" and "PEAK" are the same title, "a dog 🙏" the same prompt as "a dog"."""
    return " ".join(re.findall(r"[\w.%:'-]+", value.casefold())).strip(".")


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return _words(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if item is not None and key != "op"}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def reading(message: str, ctx: AgentContext) -> list[Any]:
    """What the message asks for, as the comparison sees it: each action's kind and fields (an edit's, or the action's
    own); an Unknown by whether it asks a question, never by its words."""
    out: list[Any] = []
    for action in understand(message, ctx).actions:
        if isinstance(action, Unknown):
            out.append(("unknown", bool(action.question)))
        elif isinstance(action, EditAction):
            out.append((action.edit.op, _plain(action.edit.model_dump())))
        else:
            fields = {f.name: getattr(action, f.name) for f in dataclasses.fields(action)}  # type: ignore[arg-type]
            out.append((type(action).__name__, _plain(fields)))
    return out


def main(argv: list[str]) -> int:
    """The sweep: every transform over every seen corpus message; a table of tried and broken, and examples."""
    from ._fixtures import context, load_corpus

    only = argv[0] if argv else ""
    show = int(argv[1]) if len(argv) > 1 else 4
    every = argv[2] if len(argv) > 2 else ""  # a file to write every breakage to, one JSON line each
    stride = int(argv[3]) if len(argv) > 3 else 1  # every n-th message only (a quicker sweep)
    cases = load_corpus()[::stride]
    tried: dict[str, int] = {name: 0 for name in TRANSFORMS if only in name}
    broken: dict[str, list[str]] = {name: [] for name in tried}
    rows: list[str] = []
    for case in cases:
        message = case["msg"]
        names = [name for name in applicable(message) if name in tried]
        if not names:
            continue
        before = reading(message, context(case["ctx"], case.get("history")))
        for name in names:
            changed = TRANSFORMS[name](message)
            if changed is None or changed == message:
                continue
            tried[name] += 1
            try:
                after = reading(changed, context(case["ctx"], case.get("history")))
            except Exception as exc:  # noqa: BLE001 (a crash is a breakage to list, not the end of the sweep)
                after = [("crash", repr(exc))]
            if after != before:
                broken[name].append(f"[{case['ctx']}] {changed!r}\n        was {before}\n        now {after}")
                rows.append(json.dumps([name, case["ctx"], message, changed, str(before), str(after)], ensure_ascii=False))
    print(f"{'transform':24} {'tried':>6} {'broken':>6}")
    for name in tried:
        print(f"{name:24} {tried[name]:6} {len(broken[name]):6}")
    print(f"{'total':24} {sum(tried.values()):6} {sum(len(b) for b in broken.values()):6}")
    for name in tried:
        for example in broken[name][:show]:
            print(f"{name}: {example}")
    if every:
        Path(every).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
