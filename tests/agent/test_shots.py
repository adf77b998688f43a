"""Shot prompts for a script's scenes from a real OpenAI-compatible server on loopback; the narration lines
whenever it cannot give one per scene."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from reelforge.agent.shots import shot_prompts
from reelforge.settings import Settings

SCENES = ["The harbour wakes.", "Boats come home."]


class _Server:
    def __init__(self) -> None:
        self.content: Any = ""
        self.status = 200
        self.requests: list[dict[str, Any]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                server.requests.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                data = json.dumps({"choices": [{"message": {"role": "assistant", "content": server.content}}]}).encode()
                self.send_response(server.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"


@pytest.fixture
def server() -> Iterator[_Server]:
    s = _Server()
    # shutdown() waits out one poll: 0.5 s by default, per test
    thread = threading.Thread(target=s.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


def _settings(server: _Server) -> Settings:
    return Settings(llm_base_url=server.url, llm_model="test-model", llm_timeout_s=5)


def test_the_planner_writes_one_shot_per_scene(server: _Server) -> None:
    server.content = '```json\n["a misty harbour at dawn, wide shot", "fishing boats returning, golden light"]\n```'
    assert shot_prompts(SCENES, _settings(server)) == ["a misty harbour at dawn, wide shot",
                                                       "fishing boats returning, golden light"]
    [request] = server.requests
    assert request["model"] == "test-model"
    assert request["messages"][-1]["content"] == "1. The harbour wakes.\n2. Boats come home."


@pytest.mark.parametrize(("status", "content"), [(200, '["only one"]'), (200, "Sure! Here you go"),
                                                 (500, "boom"), (200, '[1, 2]')])
def test_anything_but_one_shot_per_scene_keeps_the_narration(server: _Server, status: int, content: str) -> None:
    server.status, server.content = status, content
    assert shot_prompts(SCENES, _settings(server)) == SCENES


def test_without_a_planner_the_narration_lines_are_the_prompts() -> None:
    assert shot_prompts(SCENES, Settings()) == SCENES
