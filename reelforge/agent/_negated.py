"""A complaint said in the negative: "the music doesn't sound too loud to me" says the music is fine, so nothing is
made quieter; "the music isn't loud enough" is the complaint "too quiet", so it is made louder.

"Not too loud" changes nothing: said beside a request it is only a remark ("the music isn't too loud, just make the
title bigger"); said alone it is answered with a question offering the other way ("Want it louder?"), since a user who
says so is often weighing that, and an edit they did not ask for would need an undo.
"""

from __future__ import annotations

import re

from reelforge.agent._text import Clause, ask
from reelforge.agent.actions import Unknown

__all__ = ["after_fine", "fine_as_is", "not_enough"]

_MORE_EN = {"loud": "louder", "noisy": "louder", "quiet": "quieter", "soft": "quieter", "big": "bigger", "large": "bigger",
            "huge": "bigger", "small": "smaller", "tiny": "smaller", "long": "longer", "short": "shorter", "fast": "faster",
            "quick": "faster", "slow": "slower", "bright": "brighter", "dark": "darker"}
_MORE_ZH = {"吵": "大声一点", "响": "大声一点", "大声": "大声一点", "小声": "小声一点", "大": "大一点", "小": "小一点",
            "长": "长一点", "短": "短一点", "快": "快一点", "慢": "慢一点"}
_OPENERS = r"(?:(?:hmm+|well|so|ok(?:ay)?|honestly|actually|tbh|idk|i mean|no|nah)[\s,.!]+)*(?:i (?:think|feel like|guess)\s+)?"
_NOT = r"(?:isn'?t|is not|'s not|aren'?t|are not|doesn'?t|does not|don'?t|do not|wasn'?t)"
_SEEMS = r"(?:(?:sound|look|seem|feel|play|go|move|get|come across)s?\s+)?"
_ADJ = "|".join(_MORE_EN)
_NOT_TOO = (rf"{_OPENERS}(?P<obj>(?:the|this|that|my) [\w' -]+?|it|this|that)\s*{_NOT}\s+{_SEEMS}(?:(?:really|particularly|even|at all)\s+)?"
            rf"(?:too|that|so|overly|all that)\s+(?P<adj>{_ADJ})(?:\s+(?:to me|for me|at all|really|now|anymore|honestly|tbh|imo|actually))*")
_NOT_TOO_EN = re.compile(rf"^{_NOT_TOO}[.!]*$")
# the request said after it in the same clause: "the music isn't too loud, just make the title bigger"
_THEN_ASKED = re.compile(rf"^{_NOT_TOO}\s*(?:[,;.]+\s*(?:(?:but|so|just|though)\s+)*|\s+(?:but|so)\s+(?:just\s+)?)(?P<rest>\S.*)$")
_NOT_ENOUGH_EN = re.compile(
    rf"^{_OPENERS}(?P<obj>(?:the|this|that|my) [\w' -]+?|it|this|that|music|title|text)\s*(?:{_NOT}|not)\s+{_SEEMS}"
    rf"(?:(?:quite|really|nearly)\s+)?(?P<adj>{_ADJ})\s+enough(?:\s+(?:to me|for me|yet|still|now|honestly|tbh|imo))*[.!]*$")
_NOT_TOO_ZH = re.compile(r"^(?:我(?:觉得|感觉)|感觉)?(?P<obj>[^，,把将给让请不没也并]{1,8}?)(?:不算|不是很|不是太|没有?那么|没有?太|也不|并不|并没有?|倒不)太?"
                         r"(?P<adj>吵|响|大声|小声|大|小|长|短|快|慢)(?:啊|呀|吧|的|了)*$")


def fine_as_is(clause: Clause, alone: bool) -> Unknown | bool:
    """Whether the clause says a thing is not too much of something ("the music doesn't sound too loud to me",
    "音乐不算太吵"): beside other clauses it asks nothing (True); alone, a question offering the other way. False when
    the clause is no such thing."""
    english = _NOT_TOO_EN.match(clause.text)
    chinese = _NOT_TOO_ZH.match(clause.text) if english is None else None
    if english is None and chinese is None:
        return False
    if not alone:
        return True
    if english is not None:
        obj, more = english.group("obj"), _MORE_EN[english.group("adj")]
        return Unknown(clause.unquoted(), understood="", question=ask(
            clause, f"OK, I'll leave {obj} as it is. Want it {more}? Say: make {obj} {more}", ""))
    obj, more_zh = chinese.group("obj"), _MORE_ZH[chinese.group("adj")]  # type: ignore[union-attr]
    return Unknown(clause.unquoted(), understood="", question=ask(
        clause, "", f"好的，{obj}先保持不变。要再{more_zh}吗？可以说：{obj}{more_zh}"))


def after_fine(clause: Clause) -> Clause:
    """The request said after "not too ..." in the same clause ("the title is not too big but move it up": move it
    up, the title being "it"); the clause as it is otherwise."""
    then = _THEN_ASKED.match(clause.text)
    if then is None:
        return clause
    obj = then.group("obj")
    rest = re.sub(r"\b(?:it|that)\b", obj, then.group("rest"), count=1) if obj not in ("it", "this", "that") else then.group("rest")
    return Clause(rest, clause.quotes, clause.language, clause.source)


def not_enough(clause: Clause) -> Clause:
    """"the music isn't loud enough" as what it asks: "make the music louder"; the clause as it is otherwise."""
    english = _NOT_ENOUGH_EN.match(clause.text)
    if english is None:
        return clause
    obj = english.group("obj")
    obj = f"the {obj}" if obj in ("music", "title", "text") else obj
    return Clause(f"make {obj} {_MORE_EN[english.group('adj')]}", clause.quotes, clause.language, clause.source)
