"""A song asked for by chat is a job on the queue, over real HTTP: its progress streams on the turn's SSE and
lands in its status row, the job sets the music as a new draft version, a failed model falls back to the
library with its reason, and a cancelled song sets nothing (a tiny random ACE-Step pipeline)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reelforge.jobs.song_job import song_media_id
from reelforge.store.repos import MediaRepo
from tests._server import LiveServer
from tests.api.sse import sse_events, texts
from tests.api.test_workflow import chat
from tests.audio.test_ace_step import read_wav

SONG = "make a calm piano song for this video"


def _parts(events: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [p[kind] for e in events for p in e.get("content", {}).get("parts", []) if kind in p]


def _progress(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e["actions"]["stateDelta"]["progress"] for e in events if "progress" in e["actions"]["stateDelta"]]


def _state(server: LiveServer, token: str, session_id: str) -> dict[str, Any]:
    response = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token))
    assert response.status_code == 200, response.text
    return dict(response.json()["data"])


def _music(state: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for t in state["state"]["draft"]["t"] if t["tt"] == 1 and t.get("id") != "sfx" for s in t["sg"]]


def _open(server: LiveServer, small_mp4: Path) -> tuple[str, str]:
    token = server.token()
    session_id = server.session(token)
    uploaded = server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                                  files=[("files", ("mine.mp4", small_mp4.read_bytes()))])
    assert uploaded.status_code == 200, uploaded.text
    return token, session_id


@pytest.mark.models
def test_a_composed_song_is_a_job_whose_progress_streams_and_whose_result_is_the_new_music(
        server_factory: Callable[..., LiveServer], small_mp4: Path, tiny_ace_step: Path) -> None:
    server = server_factory(music_model=str(tiny_ace_step))
    token, session_id = _open(server, small_mp4)
    before = _state(server, token, session_id)["draft_version"]

    events = chat(server, token, session_id, SONG)

    (call,) = _parts(events, "functionCall")
    (response,) = _parts(events, "functionResponse")
    assert call["name"] == response["name"] == "compose_music"
    job_id = response["response"]["job"]
    progress = _progress(events)
    assert progress[0] == {"job": job_id, "fraction": 0.0}  # said as soon as it is queued
    assert {p["job"] for p in progress} == {job_id}
    fractions = [p["fraction"] for p in progress]
    assert fractions == sorted(fractions) and any(0 < f < 1 for f in fractions)  # per denoising step
    status = server.services.queue.get(job_id)
    assert status is not None and (status.kind, status.state, status.progress) == ("song", "completed", 1.0)
    assert status.result is not None and status.result["media_id"] == song_media_id(job_id)

    state = _state(server, token, session_id)
    (music,) = _music(state)
    assert music["src"] == f"media:{song_media_id(job_id)}" and music["m"]["vol"] == 0.35
    assert state["draft_version"] == before + 1 == response["response"]["draft_version"] == status.result["draft_version"]
    with server.services.db.read() as db:  # the stored song: 48 kHz stereo, the video's length (at least 10 s)
        row = MediaRepo(db).get(song_media_id(job_id))
        assert row is not None and (row.origin, row.kind, row.duration_ms) == ("generated", "audio", 10000)
        path = server.services.blobs.local_path(row.storage_key)
    assert path is not None
    samples, rate = read_wav(path)
    assert rate == 48000 and samples.shape == (10 * 48000, 2)
    assert texts(events)[-1].startswith("Composed background music for the video")


def test_a_music_model_that_fails_in_its_job_falls_back_to_the_library_and_says_why(
        server_factory: Callable[..., LiveServer], small_mp4: Path, tmp_path: Path) -> None:
    folder = tmp_path / "not-ace-step"
    folder.mkdir()
    (folder / "model_index.json").write_text(json.dumps({"_class_name": "WanPipeline"}))
    server = server_factory(music_model=str(folder))
    token, session_id = _open(server, small_mp4)

    events = chat(server, token, session_id, SONG)

    calls = [c["name"] for c in _parts(events, "functionCall")]
    responses = [r["response"] for r in _parts(events, "functionResponse")]
    assert calls == ["compose_music", "add_library_music"]
    assert responses[0]["ok"] is False and "WanPipeline" in responses[0]["detail"]
    status = server.services.queue.get(responses[0]["job"])
    assert status is not None and (status.kind, status.state) == ("song", "failed")
    (music,) = _music(_state(server, token, session_id))
    assert music["src"] == f"media:{responses[1]['media_id']}"  # the library's piano track stands in
    reply = texts(events)[-1]
    assert "the music model failed" in reply and "WanPipeline" in reply and "library" in reply


@pytest.mark.models
def test_a_song_cancelled_while_it_composes_sets_no_music_and_the_reply_says_so(
        server_factory: Callable[..., LiveServer], small_mp4: Path, tiny_ace_step: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the tiny model's 32 steps take milliseconds: each step held for a quarter second, so that the cancel, sent when the
    # first progress event reaches this client, lands between steps however loaded the machine is (it raced before)
    from diffusers.models.transformers.ace_step_transformer import AceStepTransformer1DModel

    step = AceStepTransformer1DModel.forward

    def held_step(self: Any, *args: Any, **kwargs: Any) -> Any:
        time.sleep(0.25)
        return step(self, *args, **kwargs)

    monkeypatch.setattr(AceStepTransformer1DModel, "forward", held_step)
    server = server_factory(music_model=str(tiny_ace_step))
    token, session_id = _open(server, small_mp4)
    before = _state(server, token, session_id)["draft_version"]
    body = {"app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
            "new_message": {"parts": [{"text": SONG}]}}
    events: list[dict[str, Any]] = []
    with server.client.stream("POST", "/run_sse", json=body,
                              headers=server.auth(token, Accept="text/event-stream")) as stream:
        for event in sse_events(stream):
            if event is None:
                continue
            events.append(event)
            running = [p for p in _progress([event]) if p["fraction"] > 0]
            if running:  # the model is between denoising steps: cancel it as a client of the queue would
                server.services.queue.cancel(running[0]["job"])

    (response,) = [r["response"] for r in _parts(events, "functionResponse")]
    assert response["ok"] is False and response["detail"] == "music generation cancelled"
    status = server.services.queue.get(response["job"])
    assert status is not None and (status.kind, status.state) == ("song", "cancelled")
    state = _state(server, token, session_id)
    assert _music(state) == [] and state["draft_version"] == before
    assert "cancelled" in texts(events)[-1] and "no music was added" in texts(events)[-1]
