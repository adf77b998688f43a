"""A local LLM planner, run in the server's process, whose every tool call is valid by construction.

``REELFORGE_LLM_MODEL`` names a transformers model folder or a GGUF file (through llama-cpp-python when it is
installed, else through transformers' own GGUF loader, which needs the ``gguf`` package). The rules answer first; a message they cannot fully explain goes to this planner, which has
``llm_local_timeout_s`` to answer, else the rules' own answer (their question) stands.

Decoding is constrained by grammar, one call in two steps, each a JSON value whose schema comes from the
registry (``reelforge.agent.registry``): first the tool's name (a JSON string from the list of tools, or "done"
after the first call), then its arguments (the tool's own pydantic schema). At every token, lm-format-enforcer's
``TokenEnforcer`` lists the tokens that keep the text a prefix of a valid value and every other token is masked
out, so even a random model produces a parseable call. The schema is tightened first so that every value ends:
strings get a length cap and numbers are decoded as short digit strings, then read back and clamped to the
field's bounds. The arguments are then validated by the same models the rules emit; a call that fails a rule
the grammar cannot say (e.g. "a fade needs fade_in_ms or fade_out_ms") is retried with that tool masked out.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import TypeAdapter

from reelforge.agent._state import PlanState
from reelforge.agent._text import detect_language
from reelforge.agent.actions import Action, AgentContext, Language, Plan, Unknown
from reelforge.agent.llm import ASK_USER, ASK_USER_SCHEMA, _Rejected, plan_call, system_prompt
from reelforge.agent.registry import PLANNED_ACTION_TOOLS, PLANNED_EDIT_TOOLS, label, with_vocabularies
from reelforge.errors import BackendUnavailable

__all__ = ["LocalPlanner", "generation_schema", "restore_numbers", "tool_schemas"]

log = logging.getLogger(__name__)

# a generation costs credits: only the rules start one (an explicit request, or a message that is a scene);
# a script video generates a clip per sentence
_NOT_OFFERED = {"generate_clip", "video_from_script"}
ASK = ASK_USER
DONE = "done"
MAX_CALLS = 3
_STRING_CAP = 48          # characters: a title or a prompt longer than this is cut (the rules keep long ones)
_NUMBER = {"type": "string", "pattern": r"^-?[0-9]{1,6}(\.[0-9]{1,3})?$"}


def tool_schemas() -> dict[str, dict[str, Any]]:
    """Every tool's argument schema, from the registry (edit ops without their tag, session actions, asking)."""
    schemas: dict[str, dict[str, Any]] = {}
    for name, tool in PLANNED_EDIT_TOOLS.items():
        schema = tool.model.model_json_schema()
        schema["properties"] = {k: v for k, v in schema.get("properties", {}).items() if k != "op"}
        schema["required"] = [r for r in schema.get("required", []) if r != "op"]
        schemas[name] = with_vocabularies(name, schema)
    for name, action in PLANNED_ACTION_TOOLS.items():
        if name not in _NOT_OFFERED:
            schemas[name] = with_vocabularies(name, TypeAdapter(action.action).json_schema())
    schemas[ASK] = copy.deepcopy(ASK_USER_SCHEMA)
    return schemas


def _resolve(schema: Any, defs: dict[str, Any]) -> Any:
    """``schema`` with its ``$ref``s inlined (the enforcer then needs no definitions)."""
    if isinstance(schema, list):
        return [_resolve(item, defs) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return _resolve(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    return {k: _resolve(v, defs) for k, v in schema.items() if k != "$defs"}


def generation_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema the decoder follows: refs inlined, strings capped, numbers as short digit strings."""
    def tighten(node: Any) -> Any:
        if isinstance(node, list):
            return [tighten(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {k: tighten(v) for k, v in node.items() if k not in ("title", "description", "default", "examples")}
        if "const" in node:
            return {"enum": [node["const"]]}
        kind = node.get("type")
        if kind in ("integer", "number"):
            return dict(_NUMBER)
        if kind == "string" and "enum" not in node:
            node["maxLength"] = min(int(node.get("maxLength", _STRING_CAP)), _STRING_CAP)
        if kind == "object" and "properties" in node:
            node["additionalProperties"] = False
        return node

    resolved = _resolve(schema, schema.get("$defs", {}))
    tightened: dict[str, Any] = tighten(resolved)
    return tightened


def restore_numbers(value: Any, schema: dict[str, Any]) -> Any:
    """The decoded value with the digit strings of numeric fields turned back into numbers within their bounds."""
    schema = _resolve(schema, schema.get("$defs", {}))

    def walk(node: Any, shape: dict[str, Any]) -> Any:
        options = shape.get("anyOf") or [shape]
        if isinstance(node, str):
            numeric = next((o for o in options if o.get("type") in ("integer", "number")), None)
            if numeric is not None:
                try:
                    number = float(node)
                except ValueError:
                    return node
                return _clamp(number, numeric)
            return node
        if isinstance(node, dict):
            props: dict[str, Any] = next((o.get("properties", {}) for o in options if o.get("type") == "object"), {})
            return {k: walk(v, props.get(k, {})) for k, v in node.items()}
        return node

    return walk(value, schema)


def _clamp(number: float, shape: dict[str, Any]) -> float | int:
    integer = shape.get("type") == "integer"
    step = 1 if integer else 0.01
    if "minimum" in shape:
        number = max(number, shape["minimum"])
    if "exclusiveMinimum" in shape:
        number = max(number, shape["exclusiveMinimum"] + step)
    if "maximum" in shape:
        number = min(number, shape["maximum"])
    if "exclusiveMaximum" in shape:
        number = min(number, shape["exclusiveMaximum"] - step)
    return int(round(number)) if integer else number


class _Timeout(Exception):
    pass


class _Backend(Protocol):
    def decode(self, prompt: str, schema: dict[str, Any], deadline: float) -> str: ...


@dataclass
class _Transformers:
    """A transformers causal LM: greedy decoding, tokens outside the enforcer's list masked out."""

    path: Path
    max_new_tokens: int = 1024
    _model: Any = None
    _tokenizer: Any = None
    _tokenizer_data: Any = None
    _cache: str = "cache"

    def __post_init__(self) -> None:
        import torch  # lazily: the light install never touches torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        # a GGUF file: transformers reads its tokenizer and (de-quantised) weights itself, with the gguf package
        where = {"pretrained_model_name_or_path": str(self.path.parent), "gguf_file": self.path.name} \
            if self.path.suffix == ".gguf" else {"pretrained_model_name_or_path": str(self.path)}
        if "gguf_file" in where and importlib.util.find_spec("gguf") is None:
            raise BackendUnavailable("a GGUF planner model needs the gguf package (pip install 'reelforge[planner]') "
                                     "or llama-cpp-python")
        self._tokenizer = AutoTokenizer.from_pretrained(**where)
        device = "cuda" if torch.cuda.is_available() else "cpu"
        model: Any = AutoModelForCausalLM.from_pretrained(**where)
        self._model = model.to(device).eval()
        self._tokenizer_data = _tokenizer_data(self._tokenizer, int(self._model.config.vocab_size))
        self._cache = _cache_argument()

    def decode(self, prompt: str, schema: dict[str, Any], deadline: float) -> str:
        import torch
        from lmformatenforcer import JsonSchemaParser, TokenEnforcer

        parser = JsonSchemaParser(schema)
        enforcer = TokenEnforcer(self._tokenizer_data, parser)
        parser.config.max_consecutive_whitespaces = 1  # whitespace carries nothing; a small model could loop on it
        ids = self._tokenizer(prompt, return_tensors="pt").input_ids.to(self._model.device)
        prompt_ids = ids[0].tolist()
        generated: list[int] = []
        eos = self._tokenizer_data.eos_token_id
        past = None
        step_input = ids
        with torch.no_grad():
            for _ in range(self.max_new_tokens):
                if time.monotonic() > deadline:
                    raise _Timeout()
                out = self._model(input_ids=step_input, use_cache=True, **{self._cache: past})
                past = getattr(out, self._cache)
                logits = out.logits[0, -1]
                allowed = enforcer.get_allowed_tokens(prompt_ids + generated).allowed_tokens
                if not allowed:
                    break
                mask = torch.full_like(logits, float("-inf"))
                mask[torch.tensor(allowed, device=logits.device)] = 0
                token = int(torch.argmax(logits + mask))
                if token == eos:
                    break
                generated.append(token)
                step_input = torch.tensor([[token]], device=self._model.device)
        return str(self._tokenizer.decode(generated, skip_special_tokens=True))


def _cache_argument() -> str:
    """transformers 5.x calls the KV cache ``cache``; earlier versions ``past_key_values``."""
    import inspect

    from transformers import LlamaForCausalLM

    return "cache" if "cache" in inspect.signature(LlamaForCausalLM.forward).parameters else "past_key_values"


def _tokenizer_data(tokenizer: Any, vocab_size: int) -> Any:
    """What lm-format-enforcer needs of a tokenizer (its transformers helper predates transformers 5)."""
    from lmformatenforcer import TokenEnforcerTokenizerData

    special = set(tokenizer.all_special_ids)
    first = next(i for i in range(len(tokenizer)) if i not in special)
    lead = tokenizer.decode([first])
    regular = []
    # a tokenizer may hold more tokens than the model has logits (transformers' GGUF tokenizer adds its own
    # "<|endoftext|>"): only tokens the model can produce are offered
    for index in range(min(len(tokenizer), vocab_size)):
        if index in special:
            continue
        joined = tokenizer.decode([first, index])[len(lead):]
        alone = tokenizer.decode([index])
        regular.append((index, joined, len(joined) > len(alone)))

    def decoder(tokens: list[int]) -> str:
        return str(tokenizer.decode(tokens)).rstrip("\ufffd")

    eos = tokenizer.eos_token_id if tokenizer.eos_token_id is not None else first
    return TokenEnforcerTokenizerData(regular, decoder, eos, False, vocab_size)


@dataclass
class _LlamaCpp:
    """A GGUF model through llama-cpp-python, its own JSON-schema grammar doing the constraining."""

    path: Path
    max_new_tokens: int = 400
    _llama: Any = None

    def __post_init__(self) -> None:
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise BackendUnavailable("a GGUF planner model needs llama-cpp-python (pip install llama-cpp-python)") \
                from exc
        self._llama = Llama(model_path=str(self.path), n_ctx=8192, verbose=False)

    def decode(self, prompt: str, schema: dict[str, Any], deadline: float) -> str:
        from llama_cpp import LlamaGrammar, StoppingCriteriaList

        grammar = LlamaGrammar.from_json_schema(json.dumps(schema), verbose=False)
        stop = StoppingCriteriaList([lambda _ids, _logits: time.monotonic() > deadline])
        out = self._llama.create_completion(prompt, grammar=grammar, max_tokens=self.max_new_tokens, temperature=0,
                                            stopping_criteria=stop)
        if time.monotonic() > deadline:
            raise _Timeout()
        return str(out["choices"][0]["text"])


@dataclass
class LocalPlanner:
    """The in-process planner for one model; loaded on first use, one message at a time."""

    model_path: Path
    timeout_s: float = 10.0
    _backend: _Backend | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _schemas: dict[str, dict[str, Any]] = field(default_factory=tool_schemas)

    def _load(self) -> _Backend:
        if self._backend is None:
            if not self.model_path.exists():
                raise BackendUnavailable(f"llm_model: no model at {self.model_path}")
            gguf = self.model_path.suffix == ".gguf"
            # a GGUF file runs on llama.cpp when llama-cpp-python is installed (quantised kernels), else through
            # transformers' own GGUF loader with the same token-level constraint as a model folder
            self._backend = _LlamaCpp(self.model_path) if gguf and importlib.util.find_spec("llama_cpp") else \
                _Transformers(self.model_path)
        return self._backend

    def plan(self, message: str, context: AgentContext) -> Plan:
        """Tool calls for ``message``, each valid; raises BackendUnavailable when out of time or unusable."""
        language: Language = "zh" if detect_language(message) == "zh" else "en"
        deadline = time.monotonic() + self.timeout_s
        with self._lock:
            backend = self._load()
            try:
                actions = self._calls(backend, message, context, language, deadline)
            except _Timeout as exc:
                raise BackendUnavailable(f"local planner: no answer within {self.timeout_s:g} s") from exc
        if not actions:
            raise BackendUnavailable("local planner: no tool call")
        return Plan(language=language, actions=actions, message=message)

    def _calls(self, backend: _Backend, message: str, context: AgentContext, language: Language,
               deadline: float) -> list[Action]:
        state = PlanState.for_message(context, language)  # the rules' planning state: scratch draft, "it"
        actions = state.actions
        refused: set[str] = set()
        while len(actions) < MAX_CALLS:
            names = [n for n in self._schemas if n not in refused] + ([DONE] if actions else [])
            prompt = self._prompt(message, context, language, actions)
            name = json.loads(backend.decode(prompt + "\nTool: ", {"type": "string", "enum": names}, deadline))
            if name == DONE:
                break
            schema = self._schemas[name]
            text = backend.decode(prompt + f"\nTool: \"{name}\"\nArguments: ", generation_schema(schema), deadline)
            arguments = restore_numbers(json.loads(text, strict=False), schema)  # raw control characters in strings
            if name == ASK:
                actions.append(Unknown(message, question=str(arguments.get("question", ""))))
                break
            try:
                plan_call(state, name, arguments)
            except _Rejected as exc:  # a model-level rule the grammar cannot express: try another tool
                log.info("local planner: %s rejected (%s); masking it out", name, exc)
                refused.add(name)
        return actions

    def _prompt(self, message: str, context: AgentContext, language: str, done: list[Action]) -> str:
        tools = "\n".join(f"- {name}" + (f" ({label(name, language)})" if label(name, language) != name else "")
                          + f": {', '.join(schema.get('properties', {}))}" for name, schema in self._schemas.items())
        made = "\n".join(f"- {type(a).__name__}: {getattr(a, 'edit', a)}" for a in done) or "- (none yet)"
        # the system prompt holds the timeline, the segments, the media and the recent changes
        return (f"{system_prompt(context, language)}\nTools (name (what it does): arguments):\n{tools}\n"
                f"Call {ASK} with a question when the request is unclear; call {DONE} when every change is made.\n"
                f"User: {message}\nCalls so far:\n{made}")
