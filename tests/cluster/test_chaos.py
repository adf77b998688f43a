"""The fleet under chaos, across real processes: PostgreSQL, Redis, an S3 endpoint (moto), two
``reelforge serve`` on two ports, a "GPU" worker (``worker --gpus 0``, the preview model) and a CPU
worker (renders).

50 sessions each generate a clip by chat through one server and export through the other, while
the GPU worker's child is killed (SIGKILL) mid-job, the CPU worker is sent SIGTERM mid-render (and
replaced, as systemd would), and Redis is restarted without persistence. Every job completes
exactly once (one clip, one charge, one render), none is lost, and both servers serve renders.
Media stay tiny (a 192x108 canvas, 1-second clips) so the run fits CI's two cores.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import av
import httpx
import psutil
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import select

from reelforge.jobs.routing import WorkerRegistry
from reelforge.store.db import Database
from reelforge.store.models import CreditEntry, Job, Media
from tests._server import free_port
from tests.api.test_exports import ATTRIBUTION

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(600)]

ROOT = Path(__file__).resolve().parents[2]
SESSIONS = 50
LONG = 4  # these sessions ask for longer clips: a job that is surely running when a worker is killed
CLIENTS = 8


# -- the processes -------------------------------------------------------------------------------

class RedisServer:
    """A redis-server of this test's own, so it can be restarted (no persistence: a restart loses everything)."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        executable = shutil.which("redis-server")
        assert executable is not None
        self.process = subprocess.Popen([executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no", "--dir", str(self.folder)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis

        deadline = time.monotonic() + 20
        while True:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=1).ping()
                return
            except redis.RedisError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # no shutdown save: what a crash or a restart without persistence loses
            self.process.wait(10)


@dataclass
class Fleet:
    env: dict[str, str]
    folder: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def spawn(self, name: str, args: list[str], **extra: str) -> subprocess.Popen[bytes]:
        env = {**self.env, "REELFORGE_DATA_DIR": str(self.folder / name), **extra}
        with (self.folder / f"{name}.log").open("ab") as log:
            process = subprocess.Popen([sys.executable, "-m", "reelforge.cli", *args], cwd=ROOT, env=env,
                                       stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text()[-3000:]}" for path in sorted(self.folder.glob("*.log")))

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


@contextmanager
def fleet(database_url: str, s3_endpoint: str, s3_bucket: str, redis: RedisServer,
          folder: Path) -> Iterator[Fleet]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("REELFORGE_")}
    env.update({
        "PYTHONPATH": str(ROOT), "REELFORGE_QUEUE": "celery", "REELFORGE_REDIS_URL": redis.url,
        "REELFORGE_CELERY_QUEUE_NAME": f"chaos-{uuid.uuid4().hex[:6]}", "REELFORGE_DATABASE_URL": database_url,
        "REELFORGE_STORAGE": "s3", "REELFORGE_S3_BUCKET": s3_bucket, "REELFORGE_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
        "REELFORGE_SECRET_KEY": "chaos-secret", "REELFORGE_JOB_HEARTBEAT_S": "0.5", "REELFORGE_JOB_STALE_S": "3",
        "REELFORGE_JOB_RESEND_S": "3", "REELFORGE_DRAIN_S": "60", "REELFORGE_HEARTBEAT_S": "1",
        "REELFORGE_RATE_LIMIT": "100000/minute", "REELFORGE_ANONYMOUS_TOKEN_CLIENT_RATE": "1000 per 7 day",
        "REELFORGE_ANONYMOUS_TOKEN_ADDRESS_RATE": "1000 per 7 day", "REELFORGE_WORKERS": "1",
    })
    running = Fleet(env, folder)
    try:
        yield running
    finally:
        running.stop()


def wait_ready(url: str, fleet_: Fleet, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{url}/ready", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, fleet_.logs()
        time.sleep(0.2)


def scrape(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = httpx.get(url, timeout=10).text
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


# -- one session ---------------------------------------------------------------------------------

@dataclass
class Outcome:
    index: int
    user_id: str = ""
    session_id: str = ""
    generated: dict[str, Any] = field(default_factory=dict)
    credits: dict[str, Any] = field(default_factory=dict)
    export: dict[str, Any] = field(default_factory=dict)
    served_by: str = ""
    video: bytes = b""


def session_run(index: int, servers: list[str]) -> Outcome:
    """Generate through one server, export through the other, download from the exporting one."""
    outcome = Outcome(index)
    generating, exporting = servers[index % 2], servers[(index + 1) % 2]
    with httpx.Client(base_url=generating, timeout=120) as client:
        token = client.post("/api/auth/anonymous-token", headers={"X-Client-Id": f"chaos-{index}-{uuid.uuid4()}"})
        auth = {"Authorization": f"Bearer {token.json()['data']['token']}"}
        created = client.post("/api/tasks/me/with-session/nemo_agent", headers=auth, json={"task_name": "chaos"})
        outcome.session_id = created.json()["data"]["session_id"]
        tiny = {"v": 1, "m": {"w": 192, "h": 108, "fps": 12, "bg": "#000000"}, "t": [{"id": "v0", "tt": 0, "sg": []}]}
        patched = client.patch(f"/apps/nemo_agent/users/me/sessions/{outcome.session_id}", headers=auth,
                               json={"state_delta": {"draft": tiny}})  # generation follows the draft's canvas
        assert patched.status_code == 200, patched.text
        seconds = 8 if index < LONG else 1
        body = {"app_name": "nemo_agent", "user_id": "me", "session_id": outcome.session_id,
                "new_message": {"parts": [{"text": f"generate a {seconds}-second video of kite number {index}"}]}}
        events = client.post("/run", headers=auth, json=body).json()
        responses = [part["functionResponse"]["response"] for event in events
                     for part in event.get("content", {}).get("parts", []) if "functionResponse" in part]
        said = [part["text"] for event in events for part in event.get("content", {}).get("parts", [])
                if "text" in part]
        assert responses and responses[0]["ok"] is True, (index, said, responses)
        outcome.generated = responses[0]
        outcome.credits = client.get("/api/credits/balance/simple", headers=auth).json()["data"]
        draft = client.get(f"/api/state/nemo_agent/me/{outcome.session_id}/latest",
                           headers=auth).json()["data"]["state"]["draft"]
    with httpx.Client(base_url=exporting, timeout=120) as client:
        render_id = f"render_chaos_{index}_{uuid.uuid4().hex[:6]}"
        accepted = client.post("/api/render/proxy/lambda", headers={**auth, **ATTRIBUTION},
                               json={"id": render_id, "sessionId": outcome.session_id, "draft": draft,
                                     "output": {"format": "mp4", "quality": "low"}})
        assert accepted.json()["code"] == 0, accepted.text
        deadline = time.monotonic() + 400
        while True:
            polled = client.get(f"/api/render/proxy/lambda/{render_id}", headers=auth).json()
            if polled["status"] in ("completed", "failed"):
                break
            assert time.monotonic() < deadline, polled
            time.sleep(0.3)
        outcome.export = polled
        assert polled["status"] == "completed" and "output" in polled, (index, polled)
        video = httpx.get(polled["output"]["url"], timeout=60)
        assert video.status_code == 200
        outcome.served_by, outcome.video = exporting, video.content
    return outcome


# -- the chaos -----------------------------------------------------------------------------------

def _until(condition: Callable[[], Any], timeout: float, fleet_: Fleet, poll_s: float = 0.02) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        assert time.monotonic() < deadline, fleet_.logs()
        time.sleep(poll_s)


def _running_job(db: Database, kind: str, pids: set[int], min_progress: float = 0.0) -> Job | None:
    """A job of ``kind`` running right now on one of ``pids`` (worker ids start with the pid)."""
    with db.read() as session:
        for job in session.scalars(select(Job).where(Job.kind == kind, Job.state == "running")):
            if job.worker and int(job.worker.split("-")[0]) in pids and job.progress >= min_progress:
                return job
    return None


def _children(supervisor: subprocess.Popen[bytes]) -> set[int]:
    """The supervisor's live children (one that just died may vanish while we look: skipped)."""
    alive = set()
    for child in psutil.Process(supervisor.pid).children():
        try:
            if child.status() != psutil.STATUS_ZOMBIE:
                alive.add(child.pid)
        except psutil.NoSuchProcess:
            continue
    return alive


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (the chaos test restarts a redis of its own)")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def test_fifty_sessions_survive_a_killed_worker_a_drained_worker_and_a_redis_restart(
        database_url: str, s3_endpoint: str, s3_bucket: str, redis_server: RedisServer, tmp_path: Path) -> None:
    db = Database(database_url)
    ports = [free_port(), free_port()]
    servers = [f"http://127.0.0.1:{port}" for port in ports]
    gpu_metrics, cpu_metrics = free_port(), free_port()
    with ExitStack() as stack:
        stack.callback(db.dispose)
        running = stack.enter_context(fleet(database_url, s3_endpoint, s3_bucket, redis_server, tmp_path))
        for index, port in enumerate(ports):
            running.spawn(f"serve{index}", ["serve", "--port", str(port)], REELFORGE_PUBLIC_URL=servers[index])
        gpu = running.spawn("gpu", ["worker", "--gpus", "0"], REELFORGE_WORKER_KINDS="generate",
                            REELFORGE_WORKER_MODELS="preview", REELFORGE_METRICS_PORT=str(gpu_metrics))
        cpu = running.spawn("cpu", ["worker"], REELFORGE_WORKER_KINDS="render",
                            REELFORGE_METRICS_PORT=str(cpu_metrics))
        for url in servers:
            wait_ready(url, running)
        _until(lambda: len(_children(gpu)) == 1, 60, running)
        gpu_child = next(iter(_children(gpu)))
        # the child announces its model in Redis once warm; before that a generation is refused, rightly
        registry = WorkerRegistry(redis_server.url, running.env["REELFORGE_CELERY_QUEUE_NAME"], ttl_s=5, remember_s=5)
        stack.callback(registry.close)
        _until(lambda: "preview" in registry.served_models(fresh=True), 120, running, 0.2)
        _until(lambda: httpx.get(f"http://127.0.0.1:{cpu_metrics}/metrics", timeout=2).status_code == 200
               if _port_open(cpu_metrics) else False, 60, running)

        outcomes: list[Outcome] = []
        errors: list[BaseException] = []

        def client_loop(indices: list[int]) -> None:
            for index in indices:
                try:
                    outcomes.append(session_run(index, servers))
                except BaseException as exc:  # reported after the run, with the fleet's logs
                    errors.append(exc)

        # the long sessions start first, so the kill below finds one running
        batches = [list(range(client, SESSIONS, CLIENTS)) for client in range(CLIENTS)]
        with ThreadPoolExecutor(CLIENTS) as pool:
            futures = [pool.submit(client_loop, batch) for batch in batches]

            # 1. SIGKILL the GPU worker's child mid-job; the supervisor starts another
            killed = _until(lambda: _running_job(db, "generate", {gpu_child}, 0.05), 120, running)
            os.kill(gpu_child, signal.SIGKILL)
            _until(lambda: _children(gpu) - {gpu_child}, 60, running)

            # 2. SIGTERM the CPU worker mid-render: it finishes that render and exits; a new one replaces it
            drained = _until(lambda: _running_job(db, "render", {cpu.pid}), 240, running)
            cpu.send_signal(signal.SIGTERM)
            assert cpu.wait(90) == 0, running.logs()
            mid_run = scrape(f"{servers[0]}/metrics")  # renders queue up while no CPU worker runs
            replacement = running.spawn("cpu2", ["worker"], REELFORGE_WORKER_KINDS="render",
                                        REELFORGE_METRICS_PORT=str(cpu_metrics))

            # 3. restart Redis without persistence: every message waiting in it is lost
            _until(lambda: len(outcomes) >= 10 or len(outcomes) + len(errors) >= SESSIONS, 300, running, 0.2)
            redis_server.stop()
            time.sleep(1.0)
            redis_server.start()

            for future in futures:
                future.result(timeout=500)
        worker_scrape = scrape(f"http://127.0.0.1:{cpu_metrics}/metrics")
        after = scrape(f"{servers[1]}/metrics")
        assert not errors, ([str(error)[:600] for error in errors[:3]], running.logs())
        assert replacement.poll() is None

        # every session: one clip generated and placed, one charge, one export, served by the other server
        assert sorted(outcome.index for outcome in outcomes) == list(range(SESSIONS))
        for outcome in outcomes:
            seconds = 8 if outcome.index < LONG else 1
            assert outcome.credits == {"available": 100 - seconds, "frozen": 0, "total": 100 - seconds}
            assert outcome.export["output"]["url"].startswith(outcome.served_by)
        assert {outcome.served_by for outcome in outcomes} == set(servers)
        sample = tmp_path / "sample.mp4"
        sample.write_bytes(outcomes[0].video)
        with av.open(str(sample)) as container:
            stream = container.streams.video[0]
            assert (stream.codec_context.width, stream.codec_context.height) == (192, 108)

        with db.read() as session:
            jobs = list(session.scalars(select(Job)))
            media = list(session.scalars(select(Media).where(Media.origin == "generated")))
            entries = list(session.scalars(select(CreditEntry).where(CreditEntry.job_id.is_not(None))))
        assert sorted((job.kind, job.state) for job in jobs) == sorted(
            [("generate", "completed")] * SESSIONS + [("render", "completed")] * SESSIONS)
        assert len(media) == SESSIONS and len({item.session_id for item in media}) == SESSIONS  # one clip each
        charges = sorted(entry.kind for entry in entries)
        assert charges == ["freeze"] * SESSIONS + ["settle"] * SESSIONS  # one charge each, nothing released
        by_id = {job.id: job for job in jobs}
        assert by_id[killed.id].attempts == 2  # its lease expired and another worker took it over
        assert by_id[drained.id].attempts == 1 and by_id[drained.id].worker.startswith(f"{cpu.pid}-")
        # routing: every generation ran on a GPU child, every render on a CPU worker
        cpu_pids = {cpu.pid, replacement.pid}
        assert all(int(job.worker.split("-")[0]) not in cpu_pids for job in jobs if job.kind == "generate")
        assert all(int(job.worker.split("-")[0]) in cpu_pids for job in jobs if job.kind == "render")

        # what /metrics showed: the jobs and the queues the run caused
        assert mid_run[("reelforge_jobs", (("kind", "generate"), ("state", "completed")))] >= 1
        assert any(name == "reelforge_queue_depth" for name, _labels in mid_run)
        assert after[("reelforge_jobs", (("kind", "render"), ("state", "completed")))] == SESSIONS
        assert after[("reelforge_credits_frozen", ())] == 0
        assert worker_scrape[("reelforge_job_duration_seconds_count", (("kind", "render"),
                                                                        ("outcome", "completed")))] >= 1


def _port_open(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
