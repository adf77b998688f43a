"""The output canvas: aspect (vertical/TikTok -> 9:16, YouTube -> 16:9, square -> 1:1, 4:5),
background colour and frame rate."""

from __future__ import annotations

from reelforge.agent._intents._words import aspect_of, color_of
from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause
from reelforge.draft.edits import SetCanvas

__all__ = ["handle"]

_BACKGROUND = r"\bbackground\b(?!\s+(?:music|song|track|sound))|背景(?!音乐|音|乐|歌)|底色"


def handle(clause: Clause, state: PlanState) -> bool:
    aspect = aspect_of(clause)
    bg = None
    if clause.has(_BACKGROUND):
        bg = color_of(clause.text)
    fps_match = clause.search(r"(\d+)\s*(?:fps|frames? per second|帧每秒|帧)|\bframe ?rate (?:to |of |at )?(\d+)\b|"
                              r"帧率(?:改成|改为|设为|设置为|调到|调成|为)?(\d+)")
    said = next((int(g) for g in fps_match.groups() if g), 0) if fps_match else 0
    fps = said if 1 <= said <= 120 else None
    if aspect is None and bg is None and fps is None:
        return False
    state.edit(SetCanvas(aspect=aspect, bg=bg, fps=fps), focus_kind="canvas")
    return True
