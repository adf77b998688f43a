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
    SoundAction,
    UndoAction,
    Unknown,
)

__all__ = [
    "Action",
    "AgentContext",
    "EditAction",
    "ExportAction",
    "GenerateAction",
    "HelpAction",
    "MediaRef",
    "MusicAction",
    "Outcome",
    "Plan",
    "RedoAction",
    "RevertAction",
    "ShowTimeline",
    "SoundAction",
    "UndoAction",
    "Unknown",
]
