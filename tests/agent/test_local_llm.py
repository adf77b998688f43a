"""The in-process planner on a tiny random model the test builds: grammar-constrained decoding still yields a
valid call, and a planner out of time leaves the rules' answer."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from reelforge.agent import EditAction, Plan, Unknown, plan_message
from reelforge.agent.local_llm import LocalPlanner, generation_schema, restore_numbers, tool_schemas
from reelforge.agent.registry import ACTION_TOOLS, PLANNED_ACTION_TOOLS, PLANNED_EDIT_TOOLS
from reelforge.draft.edits import SetTransition

from ._fixtures import context
from ._tiny_llm import build_tiny_gguf, build_tiny_model

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
pytest.importorskip("lmformatenforcer")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny-planner"))


def test_the_generation_schema_inlines_refs_and_bounds_every_value() -> None:
    schemas = tool_schemas()
    assert set(schemas) == set(PLANNED_EDIT_TOOLS) | set(PLANNED_ACTION_TOOLS) - {"generate_clip", "video_from_script"} | {"ask_user"}
    # closed vocabularies come from their owners: only values the editor has can be decoded
    assert "fade" in schemas["set_transition"]["properties"]["type"]["enum"]
    assert "whoosh" in schemas["add_sound_effect"]["properties"]["sound"]["enum"]
    text = generation_schema(schemas["update_text"])
    assert "$ref" not in str(text) and "integer" not in str(text) and "number" not in str(text)
    # digit strings come back as numbers inside the field's bounds
    restored = restore_numbers({"duration_ms": "99999", "type": "fade"}, schemas["set_transition"])
    assert restored == {"duration_ms": 5000, "type": "fade"}
    SetTransition.model_validate(restored)


def test_a_tiny_random_model_yields_valid_calls(tiny_model: Path) -> None:
    planner = LocalPlanner(tiny_model, timeout_s=120)
    plan = planner.plan("a crossfade between every clip", context("full"))
    assert plan.actions
    for action in plan.actions:  # every call went through the same models the rules emit
        assert isinstance(action, EditAction) or type(action).__name__ in {
            tool.action.__name__ for tool in ACTION_TOOLS.values()} | {"Unknown"}


def test_rules_first_then_the_planner_for_what_they_cannot_explain(tiny_model: Path) -> None:
    planner = LocalPlanner(tiny_model, timeout_s=120)
    ruled = plan_message("fade out at the end", context("full"), planner=planner)
    assert [a.edit.op for a in ruled.actions if isinstance(a, EditAction)] == ["set_fade"]  # the rules answered
    rules_alone = plan_message("make it pop more", context("full"))
    assert [type(a) for a in rules_alone.actions] == [Unknown] and rules_alone.actions[0].unexplained  # type: ignore[union-attr]
    asked: Plan = plan_message("make it pop more", context("full"), planner=planner)
    assert asked.actions and not any(isinstance(a, Unknown) and not a.question for a in asked.actions)


def test_a_planner_out_of_time_leaves_the_rules_answer(tiny_model: Path) -> None:
    planner = LocalPlanner(tiny_model, timeout_s=0.0)
    plan = plan_message("black and white filter on everything", context("full"), planner=planner)
    (action,) = plan.actions
    assert isinstance(action, Unknown) and "filters" in action.question  # the rules' question, not the model's


def test_a_gguf_file_runs_through_transformers_with_the_same_constraint(tmp_path: Path) -> None:
    """REELFORGE_LLM_MODEL may name a .gguf file: without llama-cpp-python, transformers reads it (the gguf
    package), the weights equal the folder's (llama.cpp's q/k layout undone), and every call is still valid."""
    pytest.importorskip("gguf")
    if importlib.util.find_spec("llama_cpp") is not None:
        pytest.skip("llama-cpp-python is installed: it runs GGUF files instead")
    path = build_tiny_gguf(tmp_path)
    loaded = transformers.AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name)
    folder = transformers.AutoModelForCausalLM.from_pretrained(str(tmp_path / "source"))
    ids = torch.tensor([[1, 5, 9, 40, 7]])
    with torch.no_grad():
        assert torch.allclose(loaded(ids).logits, folder(ids).logits)
    plan = LocalPlanner(path, timeout_s=120).plan("a crossfade between every clip", context("full"))
    assert plan.actions
    for action in plan.actions:
        assert isinstance(action, EditAction) or type(action).__name__ in {
            tool.action.__name__ for tool in ACTION_TOOLS.values()} | {"Unknown"}
