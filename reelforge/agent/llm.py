"""An optional LLM planner: any OpenAI-compatible chat server (Ollama, vLLM, llama.cpp) picks the actions.

The tools it is offered are generated from the same models the rules produce: each ``Edit`` class's
``model_json_schema()`` and the action dataclasses' pydantic schemas, so the vocabulary is defined once.
Its tool calls are validated through those models; on any failure (HTTP error, timeout, garbage, no
tool call) the deterministic rules answer instead.
"""

from __future__ import annotations

import json
import typing
from typing import Any

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from reelforge.agent._text import detect_language
from reelforge.agent.actions import (
    Action,
    AgentContext,
    EditAction,
    ExportAction,
    GenerateAction,
    HelpAction,
    MusicAction,
    Plan,
    RedoAction,
    RevertAction,
    ShowTimeline,
    SoundAction,
    UndoAction,
)
from reelforge.agent.describe import describe_edit
from reelforge.agent.rules import understand
from reelforge.draft import Draft, Edit, summary
from reelforge.errors import BackendUnavailable
from reelforge.settings import Settings

__all__ = ["LLM_ACTIONS", "build_tools", "plan_message", "plan_with_llm", "system_prompt"]

# tool name -> (action class, what it is for)
LLM_ACTIONS: dict[str, tuple[type, str]] = {
    "generate_clip": (GenerateAction, "Generate a new video clip from a text prompt and place it on the timeline."),
    "add_library_music": (MusicAction, "Background music from the built-in library; style null lets the app pick."),
    "add_sound_effect": (SoundAction, "A built-in sound effect at a time, or at each transition."),
    "undo": (UndoAction, "Undo the last change(s)."),
    "redo": (RedoAction, "Redo undone change(s)."),
    "revert": (RevertAction, "Go back to the version before the first change about a topic (e.g. 'music')."),
    "show_timeline": (ShowTimeline, "Show the timeline summary."),
    "help": (HelpAction, "Say what the editor can do (topic 'music' lists the music styles)."),
    "export": (ExportAction, "Export (render) the video to a file."),
}
_EDIT_ADAPTER: TypeAdapter[Edit] = TypeAdapter(Edit)


def _edit_classes() -> list[type[BaseModel]]:
    union = typing.get_args(Edit)[0]
    return list(typing.get_args(union))


def _parameters(schema: dict[str, Any], drop: str | None = None) -> dict[str, Any]:
    schema = dict(schema)
    schema.pop("title", None)
    schema.setdefault("type", "object")
    properties = dict(schema.get("properties", {}))
    if drop:
        properties.pop(drop, None)
        schema["required"] = [r for r in schema.get("required", []) if r != drop]
    schema["properties"] = properties
    return schema


def build_tools() -> list[dict[str, Any]]:
    """OpenAI ``tools``: every edit op, then the session actions; schemas generated from the models."""
    tools = []
    for cls in _edit_classes():
        op = cls.model_fields["op"].default
        doc = (cls.__doc__ or f"The {op} edit.").strip().splitlines()[0]
        tools.append({"type": "function", "function": {
            "name": op, "description": doc, "parameters": _parameters(cls.model_json_schema(), drop="op")}})
    for name, (cls, doc) in LLM_ACTIONS.items():
        tools.append({"type": "function", "function": {
            "name": name, "description": doc, "parameters": _parameters(TypeAdapter(cls).json_schema())}})
    return tools


def system_prompt(context: AgentContext, language: str) -> str:
    draft = context.draft if isinstance(context.draft, Draft) else Draft.model_validate(context.draft)
    names = {m.src: m.name for m in context.media}
    media = "\n".join(f"- {m.src}: {m.kind} '{m.name}'" + (f", {m.duration_ms} ms" if m.duration_ms else "")
                      + ("" if m.uploaded else " (generated)") for m in context.media) or "- (none)"
    segments = "\n".join(f"- {t.id} track type {int(t.type)}: " + ", ".join(
        f"{s.id} {s.start_ms}-{s.end_ms} ms {s.meta.text or s.meta.name or s.src or ''}" for s in t.segments)
        for t in draft.tracks) or "- (empty)"
    return ("You edit a video timeline by calling tools, one call per change, in the order the user asked. "
            "Times are integer milliseconds. Use segment ids from the list below. Call no tool for requests "
            f"the tools cannot do. The user writes in {'Chinese' if language == 'zh' else 'English'}.\n"
            f"Timeline: {summary(draft, names)}\nSegments:\n{segments}\nMedia:\n{media}")


def _to_action(name: str, arguments: Any) -> Action:
    args = json.loads(arguments) if isinstance(arguments, str) else arguments
    if not isinstance(args, dict):
        raise ValueError(f"arguments of {name} are not an object")
    if name in LLM_ACTIONS:
        return TypeAdapter(LLM_ACTIONS[name][0]).validate_python(args)
    edit = _EDIT_ADAPTER.validate_python({**args, "op": name})
    return EditAction(edit=edit, description="")


def plan_with_llm(message: str, context: AgentContext, settings: Settings,
                  client: httpx.Client | None = None) -> Plan:
    """Ask the configured chat server for tool calls; raise BackendUnavailable when it gives none usable."""
    language = detect_language(message)
    body = {"model": settings.llm_model, "temperature": 0, "tool_choice": "auto", "tools": build_tools(),
            "messages": [{"role": "system", "content": system_prompt(context, language)},
                         {"role": "user", "content": message}]}
    headers = {"Authorization": f"Bearer {settings.llm_api_key.get_secret_value()}"} if settings.llm_api_key else {}
    url = f"{str(settings.llm_base_url).rstrip('/')}/chat/completions"
    own = client is None
    http = client or httpx.Client(timeout=settings.llm_timeout_s)
    try:
        response = http.post(url, json=body, headers=headers, timeout=settings.llm_timeout_s)
        response.raise_for_status()
        calls = response.json()["choices"][0]["message"].get("tool_calls") or []
        actions = [_to_action(c["function"]["name"], c["function"].get("arguments") or "{}") for c in calls]
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError, AttributeError, ValidationError) as exc:
        raise BackendUnavailable(f"LLM planner failed: {type(exc).__name__}: {exc}"[:300]) from exc
    finally:
        if own:
            http.close()
    if not actions:
        raise BackendUnavailable("LLM planner returned no tool calls")
    described = [EditAction(a.edit, describe_edit(a.edit, language)) if isinstance(a, EditAction) else a
                 for a in actions]
    return Plan(language=language, actions=described, message=message)  # type: ignore[arg-type]


def plan_message(message: str, context: AgentContext, settings: Settings | None = None,
                 client: httpx.Client | None = None) -> Plan:
    """The LLM planner when ``settings.llm_base_url`` is set (rules on any failure), else the rules."""
    if settings is not None and settings.llm_base_url:
        try:
            return plan_with_llm(message, context, settings, client)
        except BackendUnavailable:
            pass
    return understand(message, context)
