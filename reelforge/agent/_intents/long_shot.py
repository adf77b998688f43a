"""A multi-prompt long shot: "a 20 second shot: a fox wakes up | it runs through the snow | it reaches
the river", "一个20秒的长镜头：狐狸醒来 | 它跑过雪地 | 它来到河边".

Each part between ``|`` is one segment's prompt; the generator shares the length equally among them
and joins them the way it joins any long shot (continued from the last frame, colour-matched). The
prompt travels as ``"a | b | c"`` (``GenerateRequest.segments`` splits it again), so the job and
the CLI need nothing new.
"""

from __future__ import annotations

import re

from reelforge.agent._intents._words import aspect_of
from reelforge.agent._intents.generate import placement_of
from reelforge.agent._numbers import duration_ms
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause
from reelforge.agent.actions import GenerateAction

__all__ = ["handle", "segments_of"]

_SEPARATOR = "|"
_SECONDS_PER_SEGMENT = 5.0      # unsaid length: one default clip's length per segment
# "a 20 second shot:", "generate a long shot of 20 s -", "一个20秒的长镜头：" (up to the colon or dash)
_HEADER = re.compile(r"^[^|:：]{0,80}?(?:\b(?:shot|clip|video|scene|sequence|take)\b|镜头|视频|片段|长镜头)[^|:：]{0,30}?\s*[:：—-]\s*")
# ", vertical, 20 seconds" after the last part: the shape and length of the whole, not a prompt
_TAIL = re.compile(r"(?:\s*[,，]\s*(?:in\s+)?(?:9:16|16:9|1:1|4:5|vertical|horizontal|portrait|landscape|square|"
                   r"\d+(?:\.\d+)?\s*(?:seconds?|secs?|s|秒)(?:\s*long)?|竖屏|横屏|方形)(?:\s+format)?)+\s*$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:please\s+)?(?:generate|create|make|film|shoot|render)\s+(?:me\s+)?|^(?:请)?(?:生成|制作|拍)")


def segments_of(text: str) -> list[str]:
    """The non-empty parts between ``|``, a header ("a 20 second shot:") taken off the first."""
    parts = [part.strip() for part in text.split(_SEPARATOR)]
    if parts:
        parts[0] = _HEADER.sub("", _LEAD.sub("", parts[0]), count=1).strip()
        parts[-1] = _TAIL.sub("", parts[-1]).strip()
    return [part for part in parts if part]


def handle(clause: Clause, state: PlanState) -> bool:
    if clause.text.count(_SEPARATOR) == 0:
        return False
    typed = clause.as_typed(clause.unquoted())
    segments = segments_of(typed)
    if len(segments) < 2:
        return False
    pieces = clause.text.split(_SEPARATOR)
    said = duration_ms(pieces[0]) or duration_ms(pieces[-1])
    seconds = said / 1000 if said else _SECONDS_PER_SEGMENT * len(segments)
    placement = placement_of(clause, state) or ("end", None)
    state.generate(GenerateAction(prompt=f" {_SEPARATOR} ".join(segments), seconds=seconds,
                                  aspect=aspect_of(clause),
                                  placement=placement[0], ref_segment_id=placement[1]))
    return True
