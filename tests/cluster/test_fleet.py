"""Running a fleet: routing by model, the re-send of lost messages, and draining a worker on SIGTERM."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from reelforge.errors import ModelUnavailable
from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.jobs.routing import model_of, queue_for, worker_queues
from reelforge.services.context import build_services
from reelforge.settings import Settings
from tests._server import LiveServer, make_settings
from tests.cluster.conftest import celery_worker, cluster_overrides
from tests.cluster.test_celery_queue import generate_payload, new_user, wait_for_worker, worker_process

pytestmark = pytest.mark.redis


def test_generation_is_routed_by_model_a_song_to_the_music_queue_and_everything_else_to_the_cpu_queue() -> None:
    assert model_of(None, None) == "preview"
    assert model_of(None, "Wan-AI/Wan2.1-T2V-1.3B-Diffusers") == "Wan-AI/Wan2.1-T2V-1.3B-Diffusers"
    assert model_of("diffusers", "/models/wan") == "/models/wan"
    assert model_of("preview", "/models/wan") == "preview"
    assert queue_for("rf", "generate", "Wan-AI/Wan2.1-T2V-1.3B-Diffusers") == "rf.gen.Wan-AI_Wan2.1-T2V-1.3B-Diffusers"
    assert queue_for("rf", "render") == queue_for("rf", "other") == "rf.cpu"
    assert queue_for("rf", "song") == "rf.music"
    assert worker_queues("rf", ["generate", "song"], ["/models/wan"]) == ["rf.gen.models_wan", "rf.music"]
    assert worker_queues("rf", ["generate", "render"], ["preview", "/models/wan"]) == [
        "rf.gen.preview", "rf.gen.models_wan", "rf.cpu"]
    assert worker_queues("rf", ["render"], ["preview"]) == ["rf.cpu"]


def test_a_model_nobody_serves_is_refused_at_once_in_the_envelope(
        server_factory: Callable[..., LiveServer], redis_url: str) -> None:
    # the server's default model is one no worker holds; the worker serves the preview only
    server = server_factory(**cluster_overrides(redis_url), model="acme/video-xl")
    worker_settings = server.services.settings.model_copy(update={"worker_models": ["preview"]})
    with celery_worker(worker_settings) as worker:
        auth = server.auth(server.token())
        started = time.monotonic()
        refused = server.client.post("/v1/videos", headers=auth, data={"prompt": "a kite", "model": "sora-2",
                                                                       "seconds": "1", "size": "320x240"})
        assert time.monotonic() - started < 5  # not queued to wait forever
        assert refused.status_code == 503
        error = refused.json()["error"]
        assert "no worker serves 'acme/video-xl'" in error["message"] and "preview" in error["message"]
        accepted = server.client.post("/v1/videos", headers=auth, data={"prompt": "a kite", "model": "preview",
                                                                        "seconds": "1", "size": "320x240"})
        assert accepted.status_code == 200, accepted.text
        video_id = accepted.json()["id"]
        _poll(lambda: server.client.get(f"/v1/videos/{video_id}", headers=auth).json()["status"] == "completed",
              timeout_s=60, pause_s=0.2)
        queue = worker.queue
        assert isinstance(queue, CeleryQueue)
        with pytest.raises(ModelUnavailable) as caught:
            queue.submit("generate", {**generate_payload("usr_x"), "generator": "acme/video-xl"})
        assert caught.value.data == {"model": "acme/video-xl", "served": ["preview"]}


def test_queued_jobs_the_broker_lost_are_sent_again_exactly_once(redis_url: str, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", **cluster_overrides(redis_url), job_resend_s=0.5)
    owner = new_user(settings)
    first, second = build_services(settings), build_services(settings)  # two servers
    try:
        queue, other = first.queue, second.queue
        assert isinstance(queue, CeleryQueue) and isinstance(other, CeleryQueue)
        queue.registry.register("announced-only", ["generate"], ["preview"])  # a worker yet to consume
        lost = queue.submit("generate", generate_payload(owner))
        name = queue_for(settings.celery_queue_name, "generate", "preview")
        broker = redis.Redis.from_url(redis_url)
        broker.delete(name)  # Redis restarted without persistence: the message is gone, the row is queued
        waiting = queue.submit("generate", generate_payload(owner))  # its message is still there: a backlog
        time.sleep(0.6)
        assert queue.resend_unclaimed() + other.resend_unclaimed() == [lost]  # one of the two sent it
        assert broker.llen(name) == 2
        assert queue.resend_unclaimed() == other.resend_unclaimed() == []  # in the broker now: not again
        time.sleep(0.6)
        assert queue.resend_unclaimed() == []  # still waiting in the broker: a backlog, not a loss
        with celery_worker(settings):
            done = [queue.wait(job_id, timeout=60) for job_id in (lost, waiting)]
        assert [(status.state, status.attempts) for status in done] == [("completed", 1), ("completed", 1)]
        assert queue.metrics.job_resends._value.get() + other.metrics.job_resends._value.get() == 1
    finally:
        for services in (first, second):
            services.queue.stop()
            services.close()


def _poll(done: Callable[[], bool], timeout_s: float, pause_s: float, why: Callable[[], str] = lambda: "") -> None:
    """Ask ``done`` every ``pause_s`` until it says yes; fail with ``why()`` once ``timeout_s`` has passed."""
    deadline = time.monotonic() + timeout_s
    while not done():
        assert time.monotonic() < deadline, why()
        time.sleep(pause_s)


def _running(queue: CeleryQueue, job_id: str, log: Path, progress: float = 0.1) -> None:
    def started() -> bool:
        status = queue.get(job_id)
        return status is None or (status.state == "running" and status.progress >= progress)

    _poll(started, timeout_s=90, pause_s=0.05, why=log.read_text)


@contextmanager
def _draining_cluster(redis_url: str, tmp_path: Path, drain_s: float) -> Iterator[tuple[Settings, str, CeleryQueue]]:
    """A server's services on Celery with workers that drain for ``drain_s``: settings, a user, the queue."""
    settings = make_settings(tmp_path / "data", **cluster_overrides(redis_url), drain_s=drain_s)
    owner = new_user(settings)
    server = build_services(settings)
    try:
        assert isinstance(server.queue, CeleryQueue)
        yield settings, owner, server.queue
    finally:
        server.queue.stop()
        server.close()


def test_sigterm_drains_a_worker_the_running_job_finishes_and_nothing_new_is_claimed(
        redis_url: str, tmp_path: Path) -> None:
    log = tmp_path / "worker.log"
    with _draining_cluster(redis_url, tmp_path, drain_s=120) as (settings, owner, queue):
        with worker_process(settings, log) as worker:
            wait_for_worker(queue, log)
            running = queue.submit("generate", generate_payload(owner, seconds=4, width=640, height=360))
            _running(queue, running, log)
            os.kill(worker.pid, signal.SIGTERM)
            time.sleep(0.5)
            later = queue.submit("generate", generate_payload(owner))  # while it drains
            assert worker.wait(120) == 0, log.read_text()
        finished = queue.get(running)
        assert finished is not None and (finished.state, finished.attempts) == ("completed", 1)
        left = queue.get(later)
        assert left is not None and (left.state, left.attempts) == ("queued", 0)  # for the next worker
        with worker_process(settings, tmp_path / "next.log"):
            assert queue.wait(later, timeout=60).state == "completed"


def test_a_drain_past_its_deadline_hands_the_job_back(redis_url: str, tmp_path: Path) -> None:
    log = tmp_path / "worker.log"
    with _draining_cluster(redis_url, tmp_path, drain_s=0.5) as (settings, owner, queue):
        with worker_process(settings, log) as worker:
            wait_for_worker(queue, log)
            # long enough to be mid-run a second after SIGTERM however fast this machine is today
            job_id = queue.submit("generate", generate_payload(owner, seconds=30, width=640, height=360))
            _running(queue, job_id, log, progress=0.02)
            os.kill(worker.pid, signal.SIGTERM)
            assert worker.wait(30) == 0, log.read_text()
        handed = queue.get(job_id)
        assert handed is not None and handed.state == "queued" and handed.attempts == 1
        with worker_process(settings, tmp_path / "next.log"):
            final = queue.wait(job_id, timeout=90)
        assert (final.state, final.attempts) == ("completed", 2)  # the second lease counted
