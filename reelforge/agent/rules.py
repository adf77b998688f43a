"""The rule-based understanding layer: deterministic, both languages, no model, well under 5 ms.

``understand`` splits a message into clauses and offers each, in a fixed order, to one intent module
per area; every planned edit is applied to a scratch copy of the draft, so a later clause ("...and
make it bigger") resolves against the draft as it will be.
"""

from __future__ import annotations

from collections.abc import Callable

from reelforge.agent._intents import (
    canvas,
    fade,
    generate,
    long_shot,
    meta,
    motion,
    music,
    slideshow,
    song,
    text,
    timeline,
)
from reelforge.agent._intents._words import color_of, position_of
from reelforge.agent._numbers import duration_ms
from reelforge.agent._refs import text_segments
from reelforge.agent._state import Focus, PlanState, focus_from_history
from reelforge.agent._text import Clause, detect_language, is_chatter, split_clauses
from reelforge.agent.actions import AgentContext, Language, Plan, Unknown
from reelforge.draft import Draft

__all__ = ["understand"]

Handler = Callable[[Clause, PlanState], bool]

# order matters: the session (help/undo/export) first, then the most specific areas
_HANDLERS: tuple[Handler, ...] = (
    meta.handle, long_shot.handle, generate.replace_pending, music.handle_sound, slideshow.handle, text.handle,
    song.handle, music.handle,
    motion.handle, generate.handle,
    generate.handle_description, canvas.handle, fade.handle, timeline.handle,
)


def understand(message: str, context: AgentContext) -> Plan:
    """Turn one chat message into a Plan of actions, in the order the user asked for them."""
    language: Language = detect_language(message)  # type: ignore[assignment]
    if not message.strip():
        language = context.language or "en"
    draft = context.draft if isinstance(context.draft, Draft) else Draft.model_validate(context.draft)
    state = PlanState(context=context, language=language, draft=draft,
                      focus=focus_from_history(context.history, draft))
    for clause in split_clauses(message, language):
        if any(handler(clause, state) for handler in _HANDLERS):
            continue
        if _implied_text(clause, state):
            continue
        state.actions.append(Unknown(clause.unquoted(), understood=_understood(clause)))
    if any(not isinstance(a, Unknown) for a in state.actions):  # "视频太长了，剪到10秒": the why needs no answer
        state.actions = [a for a in state.actions if not (isinstance(a, Unknown) and is_chatter(a.text))]
    if not state.actions:
        state.actions.append(Unknown(message.strip(), understood=""))
    return Plan(language=language, actions=state.actions, message=message)


def _implied_text(clause: Clause, state: PlanState) -> bool:
    """"make it bigger" / "move it to the top" with no focus: the title, when there is one."""
    if not text_segments(state.draft):
        return False
    if position_of(clause) is None and color_of(clause.text) is None and not clause.has(
            r"\b(?:bigger|larger|smaller)\b|放大|缩小|大一点|小一点"):
        return False
    saved = state.focus
    state.focus = Focus("text", text_segments(state.draft)[0].id)
    if text.handle(clause, state):
        return True
    state.focus = saved
    return False


def _understood(clause: Clause) -> str:
    """What the rules did get from words they could not act on (for the reply)."""
    seconds = duration_ms(clause.text)
    color = color_of(clause.text)
    zh = clause.language == "zh"
    bits = []
    if seconds:
        bits.append(f"时长 {seconds / 1000:g} 秒" if zh else f"a time of {seconds / 1000:g} s")
    if color:
        bits.append(f"颜色 {color}" if zh else f"the colour {color}")
    return ("、" if zh else " and ").join(bits)
