"""Words -> edit operations: the chat agent (rules by default, an optional LLM planner)."""

from reelforge.agent.actions import (
    Action,
    AgentContext,
    EditAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    MediaRef,
    MusicAction,
    Outcome,
    Plan,
    RedoAction,
    RevertAction,
    ShowTimeline,
    SkippedCall,
    SoundAction,
    TimelineExportAction,
    UndoAction,
    Unknown,
    VersionRecord,
)
from reelforge.agent.describe import describe_edit, find_revert_point
from reelforge.agent.llm import plan_message, plan_with_llm
from reelforge.agent.local_llm import LocalPlanner
from reelforge.agent.reply import compose_reply, help_text
from reelforge.agent.rules import understand

__all__ = [
    "Action",
    "AgentContext",
    "EditAction",
    "ExportAction",
    "GenerateAction",
    "HelpAction",
    "LocalPlanner",
    "MediaRef",
    "MusicAction",
    "Outcome",
    "Plan",
    "RedoAction",
    "RevertAction",
    "ShowTimeline",
    "SkippedCall",
    "SoundAction",
    "TimelineExportAction",
    "UndoAction",
    "Unknown",
    "VersionRecord",
    "compose_reply",
    "describe_edit",
    "find_revert_point",
    "help_text",
    "plan_message",
    "plan_with_llm",
    "understand",
]
