"""Jobs through Celery + Redis: the database row stays the truth, Celery only carries job ids."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import av
import pytest
from sqlalchemy import select

from reelforge.errors import BackendUnavailable
from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.jobs.generate_job import media_id_of
from reelforge.jobs.song_job import song_media_id
from reelforge.services.context import build_services
from reelforge.settings import Settings
from reelforge.store.models import Job
from reelforge.store.repos import JobRepo, MediaRepo
from reelforge.store.repos.users import UserRepo
from tests._server import TINY, LiveServer, free_port, make_settings
from tests.api.sse import texts
from tests.api.test_workflow import chat, reference_workflow
from tests.cluster.conftest import celery_worker, cluster_overrides

ROOT = Path(__file__).resolve().parents[2]


def generate_payload(owner_id: str, seconds: float = 1.0, width: int = 320, height: int = 240) -> dict[str, Any]:
    return {"prompt": "a lighthouse at dusk", "seconds": seconds, "width": width, "height": height, "fps": 24,
            "seed": 7, "owner_id": owner_id}


def new_user(settings: Settings) -> str:
    services = build_services(settings)
    try:
        with services.db.write() as session:
            return UserRepo(session).create("registered", name="cluster test").id
    finally:
        services.close()


@contextmanager
def worker_process(settings: Settings, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``run_worker`` in a child process configured like a cluster machine: only REELFORGE_* variables."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("REELFORGE_")}
    for name, value in settings.model_dump(mode="json", exclude_none=True).items():
        if name in ("data_dir", "database_url", "queue", "redis_url", "celery_queue_name", "workers",
                    "job_heartbeat_s", "job_stale_s", "job_max_attempts", "job_resend_s", "drain_s",
                    "worker_kinds", "worker_models", "worker_name", "metrics_port"):
            env[f"REELFORGE_{name.upper()}"] = ",".join(value) if isinstance(value, list) else str(value)
    env["REELFORGE_SECRET_KEY"] = "test-secret"
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, "-m", "reelforge.cli.worker"], cwd=ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


def wait_for_worker(queue: CeleryQueue, log: Path, model: str = "preview", timeout: float = 60) -> None:
    """Until a worker announces ``model`` in the registry (a worker process takes a few seconds to start)."""
    deadline = time.monotonic() + timeout
    while model not in queue.registry.served_models(fresh=True):
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def test_reference_workflow_generates_and_renders_on_a_celery_worker(
        server_factory: Callable[..., LiveServer], redis_url: str, small_mp4: Path, tmp_path: Path) -> None:
    server = server_factory(**cluster_overrides(redis_url))
    assert isinstance(server.services.queue, CeleryQueue)
    with celery_worker(server.services.settings) as worker:
        reference_workflow(server, small_mp4, tmp_path, canvas=TINY)
        with server.services.db.read() as session:
            jobs = list(session.scalars(select(Job)))
        assert {job.kind for job in jobs} == {"generate", "render"}
        # every job ran on the worker, none in the server process
        assert {job.worker for job in jobs} == {worker.queue.worker_id}  # type: ignore[attr-defined]


def test_a_duplicate_delivery_runs_the_job_once(redis_url: str, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", **cluster_overrides(redis_url))
    owner = new_user(settings)
    with celery_worker(settings) as worker:
        queue = worker.queue
        assert isinstance(queue, CeleryQueue)
        job_id = queue.submit("generate", generate_payload(owner))
        queue.dispatch(job_id)  # a second message for the same job
        status = queue.wait(job_id, timeout=60)
        assert status.state == "completed" and status.attempts == 1
        assert queue.run_delivered(job_id) is None  # a late copy finds it done and leaves it
        assert queue.get(job_id) == status


def test_submitting_without_redis_refuses_a_generation_and_keeps_a_render_for_the_resend(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", queue="celery", redis_url=f"redis://127.0.0.1:{free_port()}/0")
    owner = new_user(settings)
    services = build_services(settings)
    try:
        services.queue.app.conf.broker_transport_options.update(max_retries=0)  # type: ignore[attr-defined]
        # which worker serves the model cannot be known: refused with the reason, nothing queued
        with pytest.raises(BackendUnavailable, match="redis"):
            services.queue.submit("generate", generate_payload(owner), idempotency_key="k1", owner_id=owner)
        with services.db.read() as session:
            assert JobRepo(session).by_key(owner, "k1") is None
        # a render needs no particular worker: its row stays queued, and the re-send sweep sends it later
        job_id = services.queue.submit("render", {"render_id": "r1"}, owner_id=owner)
        status = services.queue.get(job_id)
        assert status is not None and status.state == "queued"
    finally:
        services.queue.stop()
        services.close()


def test_a_killed_worker_s_job_finishes_on_another_worker(redis_url: str, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", **cluster_overrides(redis_url), job_heartbeat_s=0.3,
                             job_stale_s=2.0)
    owner = new_user(settings)
    server = build_services(settings)
    try:
        queue = server.queue
        assert isinstance(queue, CeleryQueue)
        with worker_process(settings, tmp_path / "worker-a.log") as first:
            wait_for_worker(queue, tmp_path / "worker-a.log")
            job_id = queue.submit("generate", generate_payload(owner, seconds=8, width=960, height=540))
            deadline = time.monotonic() + 60
            status = queue.get(job_id)
            while status is not None and not (status.state == "running" and status.progress >= 0.1):
                assert time.monotonic() < deadline, (tmp_path / "worker-a.log").read_text()
                time.sleep(0.05)
                status = queue.get(job_id)
            os.kill(first.pid, signal.SIGKILL)  # mid-job: no cleanup, no ack
            first.wait(10)
        killed = queue.get(job_id)
        assert killed is not None and killed.state == "running" and killed.progress < 1
        with server.db.read() as session:
            assert MediaRepo(session).get(media_id_of(job_id)) is None
        with worker_process(settings, tmp_path / "worker-b.log"):
            final = queue.wait(job_id, timeout=90)
        assert final.state == "completed", (final, (tmp_path / "worker-b.log").read_text())
        assert final.attempts == 2 and final.result == {"media_id": media_id_of(job_id), "draft_version": None,
                                                         "backend": "preview", "model": "reelforge-preview-1",
                                                         "shots": 1}
        with server.db.read() as session:
            media = MediaRepo(session).get(media_id_of(job_id))
            assert media is not None
        path = server.blobs.local_path(media.storage_key)
        assert path is not None
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            assert (stream.codec_context.width, stream.codec_context.height) == (960, 540)
            assert abs(float(container.duration or 0) / 1e6 - 8.0) < 0.2
    finally:
        server.close()


@pytest.mark.models
def test_a_song_asked_by_chat_is_composed_by_a_celery_worker_taking_only_songs(
        server_factory: Callable[..., LiveServer], redis_url: str, small_mp4: Path, tiny_ace_step: Path) -> None:
    server = server_factory(**cluster_overrides(redis_url, music_model=str(tiny_ace_step)))
    token = server.token()
    session_id = server.session(token)
    server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                       files=[("files", ("mine.mp4", small_mp4.read_bytes()))])
    settings = server.services.settings.model_copy(update={"worker_kinds": ["song"]})
    with celery_worker(settings) as worker:   # it consumes <prefix>.music only
        events = chat(server, token, session_id, "make a calm piano song for this video")
    (response,) = [p["functionResponse"]["response"] for e in events for p in e.get("content", {}).get("parts", [])
                   if "functionResponse" in p]
    assert response["ok"] is True and response["media_id"] == song_media_id(response["job"])
    with server.services.db.read() as session:
        job = JobRepo(session).get(response["job"])
        assert job is not None and (job.kind, job.state, job.worker) == ("song", "completed", worker.queue.worker_id)  # type: ignore[attr-defined]
        media = MediaRepo(session).get(response["media_id"])
        assert media is not None and media.origin == "generated" and media.duration_ms == 10000
    assert texts(events)[-1].startswith("Composed background music for the video")


def test_a_song_no_worker_takes_is_refused_at_once_and_the_library_stands_in(
        server_factory: Callable[..., LiveServer], redis_url: str, small_mp4: Path, tmp_path: Path) -> None:
    server = server_factory(**cluster_overrides(redis_url, music_model=str(tmp_path / "ace-step")))
    token = server.token()
    session_id = server.session(token)
    server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                       files=[("files", ("mine.mp4", small_mp4.read_bytes()))])
    settings = server.services.settings.model_copy(update={"worker_kinds": ["render"]})
    with celery_worker(settings):   # a worker, but not one that composes
        events = chat(server, token, session_id, "make a calm piano song for this video")
    responses = [p["functionResponse"] for e in events for p in e.get("content", {}).get("parts", [])
                 if "functionResponse" in p]
    assert [r["name"] for r in responses] == ["compose_music", "add_library_music"]
    assert responses[0]["response"]["ok"] is False and "no worker takes 'song' jobs" in responses[0]["response"]["detail"]
    with server.services.db.read() as session:
        assert [job.kind for job in session.scalars(select(Job))] == []   # nothing left queued to wait forever
    assert "no worker takes 'song' jobs" in texts(events)[-1] and "library" in texts(events)[-1]
