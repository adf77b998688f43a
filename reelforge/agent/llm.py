"""An optional LLM planner: any OpenAI-compatible chat server (Ollama, vLLM, llama.cpp) picks the actions.

The tools it is offered are generated from the same models the rules produce: each ``Edit`` class's
``model_json_schema()`` and the action dataclasses' pydantic schemas, so the vocabulary is defined once.
Each tool call is validated on its own through those models and planned on the same planning state the rules
use (``PlanState``: each edit applied to a scratch draft, its references resolved there, its label naming clips
by place, "it" following it), so a call of the LLM and the rules' call of the same op read the same; the valid
ones become the plan, in order, and the rejected ones are kept on ``Plan.skipped`` (tool name and a one-line reason) so the reply can say
which steps were dropped. When nothing usable comes back (HTTP error, timeout, garbage, no tool call, every
call invalid) the deterministic rules answer instead.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import functools
import json
import logging
from typing import Any, Protocol

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from reelforge.agent._state import PlanState
from reelforge.agent._text import detect_language
from reelforge.agent._traditional import script_of
from reelforge.agent.actions import (
    Action,
    AgentContext,
    GenerateAction,
    Language,
    Plan,
    SkippedCall,
    Unknown,
)
from reelforge.agent.registry import PLANNED_ACTION_TOOLS, PLANNED_EDIT_TOOLS, with_vocabularies
from reelforge.agent.rules import understand
from reelforge.draft import Draft, Edit, summary
from reelforge.errors import BackendUnavailable
from reelforge.settings import Settings

log = logging.getLogger(__name__)

__all__ = ["ASK_USER", "ASK_USER_SCHEMA", "LLM_ACTIONS", "Planner", "build_tools", "explained", "plan_call",
           "plan_message", "plan_with_llm", "system_prompt"]

LLM_ACTIONS = PLANNED_ACTION_TOOLS  # the session actions offered as tools, declared in the registry
# the planners' way to ask the user a question instead of guessing: the reply asks it, nothing changes
ASK_USER = "ask_user"
ASK_USER_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["question"],
    "properties": {"question": {"type": "string", "minLength": 1, "description": "the question, in the user's language"}}}
_ASK_USER_SUMMARY = "Ask the user a question when the request is unclear or a detail is missing; nothing is changed."
_RECENT = 5  # history labels a planner is shown
_EDIT_ADAPTER: TypeAdapter[Edit] = TypeAdapter(Edit)


_EDIT_CLASSES: dict[str, type[BaseModel]] = {name: tool.model for name, tool in PLANNED_EDIT_TOOLS.items()}


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
    return copy.deepcopy(_tools())  # a copy: the caller may change it, the schemas are made once


@functools.cache
def _tools() -> list[dict[str, Any]]:
    # generating ~30 JSON schemas takes a quarter second: once per process, not once per message
    tools = []
    for op, tool in PLANNED_EDIT_TOOLS.items():
        tools.append({"type": "function", "function": {
            "name": op, "description": tool.summary,
            "parameters": with_vocabularies(op, _parameters(tool.model.model_json_schema(), drop="op"))}})
    for name, action in LLM_ACTIONS.items():
        tools.append({"type": "function", "function": {
            "name": name, "description": action.summary,
            "parameters": with_vocabularies(name, _parameters(TypeAdapter(action.action).json_schema()))}})
    tools.append({"type": "function", "function": {"name": ASK_USER, "description": _ASK_USER_SUMMARY,
                                                   "parameters": copy.deepcopy(ASK_USER_SCHEMA)}})
    return tools


def system_prompt(context: AgentContext, language: str) -> str:
    draft = context.draft if isinstance(context.draft, Draft) else Draft.model_validate(context.draft)
    names = {m.src: m.name for m in context.media}
    media = "\n".join(f"- {m.src}: {m.kind} '{m.name}'" + (f", {m.duration_ms} ms" if m.duration_ms else "")
                      + ("" if m.uploaded else " (generated)") for m in context.media) or "- (none)"
    segments = "\n".join(f"- {t.id} track type {int(t.type)}: " + ", ".join(
        f"{s.id} {s.start_ms}-{s.end_ms} ms {s.meta.text or s.meta.name or s.src or ''}" for s in t.segments)
        for t in draft.tracks) or "- (empty)"
    recent = "\n".join(f"- {label}" for label in context.history[-_RECENT:]) or "- (none)"
    return ("You edit a video timeline by calling tools, one call per change, in the order the user asked. "
            "Times are integer milliseconds. Use segment ids from the list below. Call no tool for requests "
            f"the tools cannot do; call {ASK_USER} when the request is unclear. The user writes in "
            f"{'Chinese' if language == 'zh' else 'English'}.\n"
            f"Timeline: {summary(draft, names)}\nSegments:\n{segments}\nMedia:\n{media}\n"
            f"Recent changes (oldest first):\n{recent}")


class _Rejected(Exception):
    """One tool call that cannot become an action; the message is the one-line reason."""


def _known_fields(name: str) -> set[str]:
    if name == ASK_USER:
        return set(ASK_USER_SCHEMA["properties"])
    if name in LLM_ACTIONS:
        return {f.name for f in dataclasses.fields(LLM_ACTIONS[name].action)}
    return set(_EDIT_CLASSES[name].model_fields)  # includes "op", which the call's name overrides anyway


def _squash(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


def _near_miss(key: str, known: set[str]) -> str | None:
    """The field ``key`` most likely meant ("duration" -> "duration_ms", "bgColor" -> "bgcolor"), if any."""
    squashed = _squash(key)
    for field_name in sorted(known):
        other = _squash(field_name)
        if squashed == other or (min(len(squashed), len(other)) >= 3
                                 and (other.startswith(squashed) or squashed.startswith(other))):
            return field_name
    if len(squashed) < 4:  # "id", "op": too short for a similarity ratio to mean anything
        return None
    by_squashed = {_squash(f): f for f in known}
    close = difflib.get_close_matches(squashed, list(by_squashed), n=1, cutoff=0.8)
    return by_squashed[close[0]] if close else None


def _known_arguments(name: str, args: dict[str, Any]) -> dict[str, Any]:
    """``args`` without keys the tool does not have.

    Chat models often add keys nobody offered ("reason", "explanation", "confidence"). The action
    dataclasses ignore extras and the edit models forbid them, so the same quirk was harmless on one
    tool and fatal on another; dropping them keeps the change the user asked for. A key that is a near
    miss of a real field ("duration" for "duration_ms") is different: the model meant that field, and
    dropping it would silently apply a default the user did not ask for, so the call is rejected, naming
    the field.
    """
    known = _known_fields(name)
    unknown = [key for key in args if key not in known]
    for key in unknown:
        meant = _near_miss(key, known)
        if meant is not None:
            raise _Rejected(f"unknown field {key!r} (did you mean {meant!r}?)")
    if unknown:
        log.debug("LLM tool call %s: dropped unknown keys %s", name, unknown)
    return {key: value for key, value in args.items() if key in known}


def _first_error(exc: ValidationError, name: str) -> str:
    """``field: message (got value)`` for the first problem, e.g. ``aspect: Input should be ... (got '7:3')``."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = [str(part) for part in first["loc"]]
    if loc and loc[0] == name:  # the edit union's tag
        loc = loc[1:]
    text = f"{'.'.join(loc) or 'arguments'}: {first['msg']}"
    if first["type"] != "missing":  # for a missing field the input is the whole object: noise
        text += f" (got {repr(first.get('input'))[:60]})"
    return text + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else "")


def _validated(name: str, arguments: object) -> Action | Edit:
    """One tool call as a validated session action or edit; raises ``_Rejected`` with the reason when it cannot be
    one."""
    if name not in LLM_ACTIONS and name not in _EDIT_CLASSES and name != ASK_USER:
        raise _Rejected("no such tool")
    args = arguments
    if isinstance(arguments, str):  # the protocol's form; some servers send the object itself
        try:
            args = json.loads(arguments or "{}")
        except json.JSONDecodeError as exc:
            raise _Rejected(f"arguments are not valid JSON ({exc.msg})") from exc
    if args is None:
        args = {}
    if not isinstance(args, dict):
        raise _Rejected(f"arguments are not an object (got {type(args).__name__})")
    args = _known_arguments(name, args)
    if name == ASK_USER:
        question = args.get("question")
        if not isinstance(question, str) or not question.strip():
            raise _Rejected("question: a question is needed")
        return Unknown(text="", question=question.strip())
    try:
        if name in LLM_ACTIONS:
            action: Action = TypeAdapter(LLM_ACTIONS[name].action).validate_python(args)
            return action
        return _EDIT_ADAPTER.validate_python({**args, "op": name})
    except ValidationError as exc:
        raise _Rejected(_first_error(exc, name)) from exc


def plan_call(state: PlanState, name: str, arguments: object, message: str = "") -> None:
    """Validate one tool call and plan it on ``state`` as the rules plan theirs: an edit through
    ``PlanState.edit`` (applied to the scratch draft, labelled against it, "it" set by its registry focus), a
    generation with its placeholder clip (``PlanState.generate``), any other session action appended; ``ask_user``
    as the question the reply asks about ``message``. Raises ``_Rejected`` when the call is not valid."""
    found = _validated(name, arguments)
    state.after_undo()  # a call after an undo call is planned on the draft the undo restores, as the rules plan theirs
    if isinstance(found, BaseModel):
        state.edit(found, PLANNED_EDIT_TOOLS[name].focus)
    elif isinstance(found, GenerateAction):  # a placeholder clip stands in for it: later calls may name it
        state.generate(found)
    elif isinstance(found, Unknown):
        state.actions.append(Unknown(text=message, question=found.question))
    else:
        state.actions.append(found)


def _read_call(call: object, state: PlanState, message: str) -> SkippedCall | None:
    """A tool call from the response (``{"function": {"name", "arguments"}}``) planned on ``state``, or a skip."""
    function = call.get("function") if isinstance(call, dict) else None
    name = function.get("name") if isinstance(function, dict) else None
    if not isinstance(function, dict) or not isinstance(name, str) or not name:
        return SkippedCall(tool="(unnamed)", reason="the call names no tool")
    try:
        plan_call(state, name, function.get("arguments"), message)
    except _Rejected as exc:
        return SkippedCall(tool=name, reason=str(exc))
    return None


def _chat_completion(settings: Settings, body: dict[str, Any], client: httpx.Client | None = None) -> dict[str, Any]:
    """POST ``body`` to the configured server's ``/chat/completions`` and return the first choice's message.

    The one place that calls the chat server (the planner and the script's shot prompts): its URL, the bearer
    key when one is set, the time limit, a client of its own when none is passed (closed after), and every
    failure (HTTP error, timeout, a body that is not the expected JSON) raised as ``BackendUnavailable``."""
    headers = {"Authorization": f"Bearer {settings.llm_api_key.get_secret_value()}"} if settings.llm_api_key else {}
    url = f"{str(settings.llm_base_url).rstrip('/')}/chat/completions"
    own = client is None
    http = client or httpx.Client(timeout=settings.llm_timeout_s)
    try:
        response = http.post(url, json=body, headers=headers, timeout=settings.llm_timeout_s)
        response.raise_for_status()
        message = response.json()["choices"][0]["message"]
    except (httpx.HTTPError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise BackendUnavailable(f"LLM planner failed: {type(exc).__name__}: {exc}"[:300]) from exc
    finally:
        if own:
            http.close()
    if not isinstance(message, dict):
        raise BackendUnavailable(f"LLM planner failed: the message is not an object ({type(message).__name__})")
    return message


def plan_with_llm(message: str, context: AgentContext, settings: Settings,
                  client: httpx.Client | None = None) -> Plan:
    """Ask the configured chat server for tool calls; keep the valid ones, and list the others on
    ``Plan.skipped``; raise BackendUnavailable when none is usable."""
    language: Language = "zh" if detect_language(message) == "zh" else "en"
    body = {"model": settings.llm_model, "temperature": 0, "tool_choice": "auto", "tools": build_tools(),
            "messages": [{"role": "system", "content": system_prompt(context, language)},
                         {"role": "user", "content": message}]}
    calls = _chat_completion(settings, body, client).get("tool_calls") or []
    if not isinstance(calls, list):
        raise BackendUnavailable(f"LLM planner returned tool_calls that are not a list: {type(calls).__name__}")
    state = PlanState.for_message(context, language)
    skipped = [skip for call in calls if (skip := _read_call(call, state, message)) is not None]
    actions = state.actions
    for item in skipped:
        log.warning("LLM tool call %s skipped: %s", item.tool, item.reason)
    if not actions:
        why = "; ".join(f"{item.tool}: {item.reason}" for item in skipped) or "no tool calls"
        raise BackendUnavailable(f"LLM planner returned no usable tool call ({why})"[:300])
    return Plan(language=language, actions=actions, message=message, skipped=skipped)


class Planner(Protocol):
    """An in-process planner (``reelforge.agent.local_llm.LocalPlanner``)."""

    def plan(self, message: str, context: AgentContext) -> Plan: ...


def explained(plan: Plan) -> bool:
    """Whether the rules accounted for every part of the message (a question about a missing detail counts)."""
    return not any(isinstance(a, Unknown) and a.unexplained for a in plan.actions)


def plan_message(message: str, context: AgentContext, settings: Settings | None = None,
                 client: httpx.Client | None = None, planner: Planner | None = None) -> Plan:
    """The LLM server's plan when ``settings.llm_base_url`` is set (rules on any failure); else the rules, with
    the in-process ``planner`` for a message they cannot explain (or every message, ``llm_local_when="always"``),
    the rules' answer standing when it fails or runs out of time."""
    if settings is not None and settings.llm_base_url:
        try:  # a Traditional message gets its reply and labels in Traditional, whichever planner answered
            return dataclasses.replace(plan_with_llm(message, context, settings, client),
                                       script=script_of(message, context.history))
        except BackendUnavailable:
            pass
    try:
        rules = understand(message, context)
    except Exception:  # a fault in the rules costs the user a question, never the turn (nor a 500)
        log.exception("the rules failed on a message; it is asked about instead")
        rules = _unreadable(message)
    always = settings is not None and settings.llm_local_when == "always"
    if planner is None or (explained(rules) and not always):
        return rules
    try:
        return dataclasses.replace(planner.plan(message, context), script=rules.script)
    except BackendUnavailable as exc:
        log.info("local planner gave no plan (%s); the rules answer", exc)
        return rules


def _unreadable(message: str) -> Plan:
    """The plan for a message the rules failed on: one question in the message's language, nothing done."""
    language: Language = "zh" if detect_language(message) == "zh" else "en"
    question = ("没读懂这句话，能换个说法吗？比如：“结尾淡出”、“音乐调到30%”，或者“生成一段……的视频”。" if language == "zh" else
                "I couldn't read that one. Could you say it another way? For example: 'fade out at the end', 'music at "
                "30%', or 'generate a clip of ...'.")
    return Plan(language=language, actions=[Unknown(message, understood="", question=question)], message=message)
