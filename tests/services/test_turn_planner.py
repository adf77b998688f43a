"""The turn runner plans with ``plan_message``: an OpenAI-compatible server picks the actions when
``llm_base_url`` is set, and the rules answer when it fails."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.services._turn_harness import Chat, add_clips, open_chat


class _Planner(BaseHTTPRequestHandler):
    """A chat server on loopback: piano music for "something nice" (plus a tool that does not exist when
    coffee is asked for too), a 500 for anything else."""

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if "something nice" in body["messages"][-1]["content"]:
            call = {"id": "c0", "type": "function",
                    "function": {"name": "add_library_music", "arguments": json.dumps({"style": "piano", "volume": 0.5})}}
            calls = [call]
            if "coffee" in body["messages"][-1]["content"]:
                calls.append({"id": "c1", "type": "function", "function": {"name": "make_coffee", "arguments": "{}"}})
            status, payload = 200, {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": calls}}]}
        else:
            status, payload = 500, {"error": "boom"}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Planner)
    # shutdown() waits out one poll: 0.5 s by default, per test
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield from open_chat(tmp_path / "data", two_stage_chat=False,
                             llm_base_url=f"http://127.0.0.1:{httpd.server_address[1]}/v1", llm_timeout_s=5.0)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_the_llm_planner_picks_the_music_when_configured(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    turn = chat.say("put something nice under it")  # the rules alone would not know this
    music = chat.music()
    assert chat.media(music.src).provenance["style"] == "piano" and music.meta.volume == 0.5
    assert "50%" in turn.reply


def test_a_turn_applies_the_good_llm_calls_and_says_which_it_skipped(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    turn = chat.say("put something nice under it and make me a coffee")
    assert chat.media(chat.music().src).provenance["style"] == "piano"
    assert "50%" in turn.reply and "I skipped 1 step I couldn't understand (make_coffee)." in turn.reply


def test_a_failing_llm_falls_back_to_the_rules(chat: Chat, tmp_path: Path) -> None:
    add_clips(chat, tmp_path, [1.0])
    chat.say("add lo-fi background music")
    assert chat.media(chat.music().src).provenance["style"] == "lofi"


def test_without_the_llm_the_rules_do_not_understand_vague_words(tmp_path: Path) -> None:
    for plain in open_chat(tmp_path / "plain", two_stage_chat=False):
        add_clips(plain, tmp_path, [1.0])
        plain.say("put something nice under it")
        assert plain.music() is None
