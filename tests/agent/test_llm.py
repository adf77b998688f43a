"""The LLM planner against a real OpenAI-compatible server on loopback (a tiny http.server in a thread)."""

from __future__ import annotations

import dataclasses
import json
import threading
import time
import typing
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jsonschema
import pytest

from reelforge.agent import (
    EditAction,
    GenerateAction,
    MusicAction,
    Outcome,
    Plan,
    UndoAction,
    Unknown,
    compose_reply,
    llm,
    plan_message,
    understand,
)
from reelforge.agent.llm import LLM_ACTIONS
from reelforge.agent.registry import action_tool
from reelforge.draft import Edit
from reelforge.settings import Settings

from ._fixtures import context

SLOW_SERVER_S = 8.0  # how long the "slow" server takes to answer: far past the client's timeout

class _Server:
    """Answers /v1/chat/completions according to ``mode``; records each request body."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.calls: list[dict[str, Any]] = []   # sent as they are in mode "calls"
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep pytest output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "body": body})
                status, payload = server.answer(body)
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the "slow" case: the client timed out and left, as it should

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def answer(self, body: dict[str, Any]) -> tuple[int, Any]:
        if self.mode == "500":
            return 500, {"error": "boom"}
        if self.mode == "garbage":
            return 200, b"<html>not json"
        if self.mode == "slow":
            time.sleep(SLOW_SERVER_S)
        if self.mode == "none":
            return 200, {"choices": [{"message": {"role": "assistant", "content": "Sure!"}}]}
        if self.mode == "invalid":
            return 200, _reply([("set_canvas", {"aspect": "7:3"})])
        if self.mode == "all_bad":
            return 200, {"choices": [{"message": {"role": "assistant", "tool_calls": [
                _call("set_canvas", '{"aspect": "9:16"'), _call("make_coffee", {}),
                _call("add_text", {"text": "Peak", "duration_ms": -5})]}}]}
        if self.mode == "calls":
            return 200, {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": self.calls}}]}
        user = body["messages"][-1]["content"]
        calls: list[tuple[str, dict[str, Any]]] = []
        if "vertical" in user:
            calls.append(("set_canvas", {"aspect": "9:16"}))
        if "title" in user:
            calls.append(("add_text", {"text": "Peak", "duration_ms": 2000, "pos": "top"}))
        if "generate" in user:
            calls.append(("generate_clip", {"prompt": "a city at night", "seconds": 10}))
        if "music" in user:
            calls.append(("add_library_music", {"style": "lofi", "volume": 0.3}))
        if "undo" in user:
            calls.append(("undo", {}))
        return 200, _reply(calls)


def _reply(calls: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    return {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [
        {"id": f"call_{i}", "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}
        for i, (name, args) in enumerate(calls)]}}]}


def _call(name: str, arguments: str | dict[str, Any]) -> dict[str, Any]:
    """A tool call with ``arguments`` exactly as given: a JSON string as the protocol says, or (a common
    server quirk) the object itself."""
    return {"id": f"call_{name}", "type": "function", "function": {"name": name, "arguments": arguments}}


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    srv = _Server()
    thread = threading.Thread(target=srv.httpd.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()
    thread.join(5)


def _settings(server: _Server, timeout: float = 5.0) -> Settings:
    return Settings(llm_base_url=server.url, llm_model="test-model", llm_timeout_s=timeout)


def test_tools_sent_cover_every_op_with_valid_json_schemas(server: _Server) -> None:
    server.mode = "ok"
    plan_message("make it vertical", context("one_clip"), _settings(server))
    request = server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    body = request["body"]
    assert body["model"] == "test-model"
    names = {tool["function"]["name"] for tool in body["tools"]}
    ops = {cls.model_fields["op"].default for cls in typing.get_args(typing.get_args(Edit)[0])}
    # add_voice takes speech the app synthesises (the planner narrates through add_voice_over), set_cues a
    # recogniser's output
    assert (ops - {"add_voice", "set_cues"}) | set(LLM_ACTIONS) | {"ask_user"} == names
    for tool in body["tools"]:
        schema = tool["function"]["parameters"]
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["type"] == "object" and "op" not in schema["properties"]
    assert "Timeline (1 track)" in body["messages"][0]["content"]


def test_tool_calls_become_validated_actions_in_order(server: _Server) -> None:
    server.mode = "ok"
    plan = plan_message("make it vertical, add a title, generate a city and add music", context("one_clip"),
                        _settings(server))
    kinds = [type(a).__name__ for a in plan.actions]
    assert kinds == ["EditAction", "EditAction", "GenerateAction", "MusicAction"]
    canvas, title, generate, music = plan.actions
    assert isinstance(canvas, EditAction) and canvas.edit.op == "set_canvas" and canvas.edit.aspect == "9:16"
    assert isinstance(title, EditAction) and title.edit.op == "add_text" and title.edit.pos == "top"
    assert "Peak" in title.description
    assert isinstance(generate, GenerateAction) and generate.seconds == 10.0
    assert isinstance(music, MusicAction) and music.style == "lofi" and music.volume == 0.3


def test_chinese_message_keeps_its_language_through_the_llm(server: _Server) -> None:
    server.mode = "ok"
    plan = plan_message("undo 撤销", context("full"), _settings(server))
    assert plan.language == "zh" and isinstance(plan.actions[0], UndoAction)


@pytest.mark.parametrize("mode", ["500", "garbage", "none", "invalid", "all_bad", "slow"])
def test_server_failure_falls_back_to_the_rules(server: _Server, mode: str) -> None:
    server.mode = mode
    started = time.perf_counter()
    plan = plan_message("make it vertical and add the title 'Peak' for 2 seconds", context("one_clip"),
                        _settings(server, timeout=0.3))
    # the 0.3 s timeout held: the slow server is never waited out (a loaded machine may add seconds to the rules)
    assert time.perf_counter() - started < SLOW_SERVER_S / 2
    ops = [a.edit.op for a in plan.actions if isinstance(a, EditAction)]
    assert ops == ["set_canvas", "add_text"]
    assert plan.actions[1].edit.duration_ms == 2000  # type: ignore[union-attr]
    assert plan.skipped == []  # the rules answered in full: nothing to apologise for


def test_without_a_base_url_the_rules_answer_and_nothing_is_sent(server: _Server) -> None:
    before = len(server.requests)
    plan = plan_message("undo", context("full"), Settings(llm_base_url=None))
    assert isinstance(plan.actions[0], UndoAction)
    # a request an earlier test gave up on may still land while this one runs: only this message must never be sent
    sent = [r["body"]["messages"][-1]["content"] for r in server.requests[before:] if r["body"].get("messages")]
    assert "undo" not in sent


def _plan_calls(server: _Server, message: str, calls: list[dict[str, Any]]) -> Plan:
    server.mode = "calls"
    server.calls = calls
    return plan_message(message, context("one_clip"), _settings(server))


def _reply_text(plan: Plan) -> str:
    return compose_reply(plan, [Outcome(action=a) for a in plan.actions])


def test_one_bad_call_is_skipped_and_the_good_ones_are_kept_in_order(server: _Server) -> None:
    plan = _plan_calls(server, "make it vertical, add a title and music", [
        _call("set_canvas", json.dumps({"aspect": "9:16"})),
        _call("add_text", json.dumps({"text": "Peak", "duration_ms": -5})),
        _call("add_library_music", json.dumps({"style": "lofi", "volume": 0.3})),
    ])
    assert [type(a).__name__ for a in plan.actions] == ["EditAction", "MusicAction"]
    canvas, music = plan.actions
    assert isinstance(canvas, EditAction) and canvas.edit.op == "set_canvas" and canvas.edit.aspect == "9:16"
    assert isinstance(music, MusicAction) and music.style == "lofi"
    [skipped] = plan.skipped
    assert skipped.tool == "add_text"
    assert skipped.reason.startswith("duration_ms:") and "(got -5)" in skipped.reason
    reply = _reply_text(plan)
    assert "I skipped 1 step I couldn't understand (add_text)." in reply
    assert reply.index("lofi") < reply.index("skipped")  # what was done first, then what was not


def test_each_kind_of_bad_call_is_skipped_with_its_own_reason(server: _Server) -> None:
    plan = _plan_calls(server, "make it vertical", [
        _call("make_coffee", "{}"),
        _call("undo", '{"steps": 2'),
        _call("redo", "[1, 2]"),
        _call("set_canvas", {"aspect": "7:3"}),
        _call("generate_clip", {"seconds": 5}),
        _call("set_canvas", {"aspect": "9:16"}),
    ])
    assert [a.edit.op for a in plan.actions if isinstance(a, EditAction)] == ["set_canvas"]
    reasons = {(s.tool, s.reason.split(" (")[0].split(":")[0]) for s in plan.skipped}
    assert reasons == {("make_coffee", "no such tool"), ("undo", "arguments are not valid JSON"),
                       ("redo", "arguments are not an object"), ("set_canvas", "aspect"),
                       ("generate_clip", "prompt")}
    assert "I skipped 5 steps I couldn't understand (make_coffee, undo, redo, set_canvas, generate_clip)." \
        in _reply_text(plan)


def test_a_chinese_message_gets_the_skip_note_in_chinese(server: _Server) -> None:
    plan = _plan_calls(server, "改成竖屏，再煮一杯咖啡", [
        _call("set_canvas", {"aspect": "9:16"}), _call("make_coffee", {"cups": 1})])
    assert plan.language == "zh"
    reply = _reply_text(plan)
    assert "有 1 个步骤我没能理解，已跳过（make_coffee）。" in reply
    assert "skipped" not in reply and reply.startswith("已")


def test_arguments_sent_as_an_object_are_accepted(server: _Server) -> None:
    plan = _plan_calls(server, "add a title", [
        _call("add_text", {"text": "Peak", "duration_ms": 2000, "pos": "top"}), _call("undo", {})])
    title, undo = plan.actions
    assert isinstance(title, EditAction) and title.edit.op == "add_text" and title.edit.duration_ms == 2000
    assert isinstance(undo, UndoAction) and plan.skipped == []


def test_harmless_extra_keys_are_dropped_and_the_call_kept(server: _Server) -> None:
    plan = _plan_calls(server, "add a title and music", [
        _call("add_text", {"text": "Peak", "duration_ms": 2000, "reason": "the user asked for a title"}),
        _call("add_library_music", {"style": "piano", "confidence": 0.9})])
    title, music = plan.actions
    assert isinstance(title, EditAction) and title.edit.op == "add_text" and title.edit.text == "Peak"
    assert isinstance(music, MusicAction) and music.style == "piano"
    assert plan.skipped == []


def test_a_misspelled_field_rejects_the_call_rather_than_applying_a_default(server: _Server) -> None:
    plan = _plan_calls(server, "make it vertical and add a title for 2 seconds", [
        _call("set_canvas", {"aspect": "9:16"}),
        _call("add_text", {"text": "Peak", "duration": 2000}),
        _call("add_library_music", {"style": "piano", "volume_pct": 30})])
    assert len(plan.actions) == 1
    assert [(s.tool, s.reason) for s in plan.skipped] == [
        ("add_text", "unknown field 'duration' (did you mean 'duration_ms'?)"),
        ("add_library_music", "unknown field 'volume_pct' (did you mean 'volume'?)")]


@pytest.mark.parametrize("message", [
    "delete the second clip", "speed up the second clip 2x", "swap the first and second clips", "fade out the last clip",
    "add the title 'Peak' for 2 seconds at the top", "make the music quieter", "mute the first clip",
    "删除第二个片段", "第二个片段加速到2倍", "交换第一个和第二个片段", "把标题移到右下角",
    "go back to before the music", "add lo-fi music at 30%", "add a whoosh at each transition", "撤销"])
def test_an_llm_call_and_the_rules_call_of_the_same_op_get_the_same_reply(server: _Server, message: str) -> None:
    """Both planners plan on the same state and read the same registry: the LLM sending the very call the rules
    make gets the same action, the same history label (clips named by their place, not by id) and the same reply."""
    (ruled,) = understand(message, context("full")).actions
    name = action_tool(ruled)
    assert name is not None
    arguments = ruled.edit.model_dump(mode="json", exclude={"op"}) if isinstance(ruled, EditAction) else \
        dataclasses.asdict(ruled)
    server.mode, server.calls = "calls", [_call(name, json.dumps(arguments))]
    planned = plan_message(message, context("full"), _settings(server))
    assert server.requests[-1]["body"]["messages"][-1]["content"] == message  # the LLM answered, not the rules
    assert planned.actions == [ruled]
    rules_reply = compose_reply(Plan(planned.language, [ruled]), [Outcome(ruled)])
    assert compose_reply(planned, [Outcome(planned.actions[0])]) == rules_reply
    if isinstance(ruled, EditAction):
        assert ruled.description and "s1" not in rules_reply and "s2" not in rules_reply


def test_an_llm_generation_gets_the_rules_placeholder_so_a_later_call_can_name_it(server: _Server) -> None:
    message = "add another clip of a dog after the first clip and speed it up 2x"
    ruled = understand(message, context("full")).actions
    generate, speed = ruled
    assert isinstance(generate, GenerateAction) and isinstance(speed, EditAction)
    server.mode = "calls"
    server.calls = [_call("generate_clip", json.dumps(dataclasses.asdict(generate))),
                    _call("set_speed", json.dumps(speed.edit.model_dump(mode="json", exclude={"op"})))]
    planned = plan_message(message, context("full"), _settings(server))
    assert planned.actions == ruled  # the speed change names the placeholder: "clip 2", where the dog will be
    assert compose_reply(planned, [Outcome(a) for a in planned.actions]) == \
        compose_reply(Plan("en", ruled), [Outcome(a) for a in ruled])


def test_the_llm_sees_the_recent_history_and_may_ask_the_user(server: _Server) -> None:
    server.mode, server.calls = "calls", [_call("ask_user", {"question": "Which clip, the city or the dog?"})]
    labels = [f"change {n}" for n in range(1, 8)]
    plan = plan_message("make that one shorter", context("full", history=labels), _settings(server))
    prompt = server.requests[-1]["body"]["messages"][0]["content"]
    assert "- change 7" in prompt and "- change 3" in prompt and "- change 2" not in prompt  # the last five
    (asked,) = plan.actions
    assert isinstance(asked, Unknown) and asked.text == "make that one shorter"
    assert compose_reply(plan, [Outcome(asked)]) == "Which clip, the city or the dog?"
    server.calls = [_call("ask_user", {"question": "  "})]  # an empty question is no answer: the rules answer
    ruled = plan_message("make that one shorter", context("full"), _settings(server))
    assert ruled.actions == understand("make that one shorter", context("full")).actions


@pytest.mark.parametrize(("message", "language"), [("fade out at the end", "en"), ("结尾淡出", "zh")])
def test_a_fault_in_the_rules_is_a_question_never_a_failed_turn(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, message: str, language: str) -> None:
    def broken(message: str, context: object) -> object:
        raise IndexError("a rule's bug")

    monkeypatch.setattr(llm, "understand", broken)
    with caplog.at_level("ERROR", logger="reelforge.agent.llm"):
        plan = plan_message(message, context("full"))
    assert plan.language == language and plan.message == message
    assert len(plan.actions) == 1 and isinstance(plan.actions[0], Unknown) and plan.actions[0].question
    assert "the rules failed" in caplog.text and "IndexError" in caplog.text
