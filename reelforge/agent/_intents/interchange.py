"""Asking for the timeline in another editor's format: "export for Premiere", "导出给剪映", "give me an EDL".

Premiere Pro and DaVinci Resolve read FCP 7 XML, Final Cut Pro reads FCPXML, anything reads an EDL.
CapCut / 剪映 (and 必剪, 快影) have no open project format: the action says so with ``format=None``.
Checked before the plain export intent, so "export for TikTok" stays a video export.
"""

from __future__ import annotations

from reelforge.agent._state import PlanState
from reelforge.agent._text import Clause
from reelforge.agent.actions import TimelineExportAction

__all__ = ["handle"]

# (format or None, the editor's name as the reply says it, the words that name it); first match wins
_EDITORS: tuple[tuple[str | None, str, str], ...] = (
    (None, "剪映 / CapCut", r"剪映|capcut|cap cut|jianying"),
    (None, "必剪", r"必剪"),
    (None, "快影", r"快影"),
    ("fcpx_xml", "Final Cut Pro", r"final ?cut|\bfcpx\b|\bfcp ?x\b|fcpxml"),
    ("fcp_xml", "Premiere Pro", r"premiere|\bpr\b|adobe"),
    ("fcp_xml", "DaVinci Resolve", r"\bresolve\b|davinci|da vinci|达芬奇"),
    ("fcp_xml", "FCP XML", r"\bfcp ?7\b|\bfcp xml\b|\bxml\b"),
    ("edl", "EDL", r"\bedl\b|cmx ?3600"),
    ("otio", "OpenTimelineIO", r"\botio\b|opentimelineio"),
)
_ASK = r"\b(?:export|download|give me|send me|save|make|output|open (?:it|this) in|edit (?:it|this) in|" \
       r"(?:project|timeline) (?:file )?for)\b|导出|下载|输出|给我|工程|时间线|用.*(?:打开|剪辑|继续剪)"


def handle(clause: Clause, state: PlanState) -> bool:
    if not clause.has(_ASK):
        return False
    for fmt, editor, pattern in _EDITORS:
        if clause.has(pattern):
            state.actions.append(TimelineExportAction(format=fmt, editor=editor))
            return True
    return False
