"""The LLM planner against a real OpenAI-compatible server on loopback (a tiny http.server in a thread)."""

from __future__ import annotations

import json
import threading
import time
import typing
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jsonschema
import pytest

from reelforge.agent import EditAction, GenerateAction, MusicAction, UndoAction, plan_message
from reelforge.agent.llm import LLM_ACTIONS
from reelforge.draft import Edit
from reelforge.settings import Settings

from ._fixtures import context


class _Server:
    """Answers /v1/chat/completions according to ``mode``; records each request body."""

    def __init__(self) -> None:
        self.mode = "ok"
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
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def answer(self, body: dict[str, Any]) -> tuple[int, Any]:
        if self.mode == "500":
            return 500, {"error": "boom"}
        if self.mode == "garbage":
            return 200, b"<html>not json"
        if self.mode == "slow":
            time.sleep(1.0)
        if self.mode == "none":
            return 200, {"choices": [{"message": {"role": "assistant", "content": "Sure!"}}]}
        if self.mode == "invalid":
            return 200, _reply([("set_canvas", {"aspect": "7:3"})])
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
    assert ops | set(LLM_ACTIONS) == names
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


@pytest.mark.parametrize("mode", ["500", "garbage", "none", "invalid", "slow"])
def test_server_failure_falls_back_to_the_rules(server: _Server, mode: str) -> None:
    server.mode = mode
    started = time.perf_counter()
    plan = plan_message("make it vertical and add the title 'Peak' for 2 seconds", context("one_clip"),
                        _settings(server, timeout=0.3))
    assert time.perf_counter() - started < 0.9  # the timeout held; no waiting out the slow server
    ops = [a.edit.op for a in plan.actions if isinstance(a, EditAction)]
    assert ops == ["set_canvas", "add_text"]
    assert plan.actions[1].edit.duration_ms == 2000  # type: ignore[union-attr]


def test_without_a_base_url_the_rules_answer_and_nothing_is_sent(server: _Server) -> None:
    before = len(server.requests)
    plan = plan_message("undo", context("full"), Settings(llm_base_url=None))
    assert isinstance(plan.actions[0], UndoAction)
    assert len(server.requests) == before
