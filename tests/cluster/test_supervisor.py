"""``reelforge worker --gpus``: a real process per (faked) GPU, restarted when killed, drained on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from reelforge.errors import InvalidInput
from reelforge.jobs.routing import WorkerRegistry
from reelforge.jobs.supervisor import parse_gpus
from reelforge.settings import Settings
from tests.cluster.conftest import cluster_overrides

ROOT = Path(__file__).resolve().parents[2]


def test_gpu_lists_are_parsed_and_bad_ones_named() -> None:
    settings = Settings(_env_file=None, gpus="0,1,3")  # type: ignore[call-arg]
    assert parse_gpus("all", settings) == ["0", "1", "3"]
    assert parse_gpus("2, 0,2", settings) == ["2", "0"]
    with pytest.raises(InvalidInput, match="gpus: 'all' or GPU indices") as caught:
        parse_gpus("first", settings)
    assert caught.value.data == {"field": "gpus"}
    with pytest.raises(InvalidInput, match="found no GPU"):
        parse_gpus("all", Settings(_env_file=None, gpus=""))  # type: ignore[call-arg]


def _children(supervisor: psutil.Process) -> dict[str, int]:
    """CUDA_VISIBLE_DEVICES -> pid of each live worker child."""
    found = {}
    for child in supervisor.children():
        try:  # a child that just died may vanish while we look
            gpu = child.environ().get("CUDA_VISIBLE_DEVICES")
            if gpu is not None and child.status() != psutil.STATUS_ZOMBIE:
                found[gpu] = child.pid
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def _registered_pids(registry: WorkerRegistry) -> set[int]:
    """The pids of the workers in the registry (a worker's id is ``<pid>-<random>``)."""
    return {int(worker_id.split("-")[0]) for worker_id in registry.workers()}


def _until(condition: object, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


@pytest.mark.redis
def test_a_worker_per_gpu_is_supervised_and_a_killed_one_restarted(redis_url: str, tmp_path: Path) -> None:
    overrides = cluster_overrides(redis_url)
    env = {key: value for key, value in os.environ.items() if not key.startswith("REELFORGE_")}
    env.update({"REELFORGE_QUEUE": "celery", "REELFORGE_REDIS_URL": redis_url, "REELFORGE_GPUS": "0,1",
                "REELFORGE_CELERY_QUEUE_NAME": overrides["celery_queue_name"], "REELFORGE_METRICS_PORT": "0",
                "REELFORGE_DATA_DIR": str(tmp_path / "data"), "REELFORGE_SECRET_KEY": "test-secret",
                "REELFORGE_JOB_HEARTBEAT_S": "0.5", "PYTHONPATH": str(ROOT)})
    log = tmp_path / "supervisor.log"
    with log.open("ab") as out:
        supervisor = subprocess.Popen([sys.executable, "-m", "reelforge.cli", "worker", "--gpus", "all"],
                                      cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        process = psutil.Process(supervisor.pid)
        _until(lambda: set(_children(process)) == {"0", "1"}, 60, log)
        registry = WorkerRegistry(redis_url, overrides["celery_queue_name"], ttl_s=5, remember_s=5)
        _until(lambda: sorted(info["name"] for info in registry.workers().values()) == ["gpu0", "gpu1"], 60, log)
        first = _children(process)
        os.kill(first["1"], signal.SIGKILL)  # a crash of the second GPU's worker
        _until(lambda: _children(process).get("1") not in (None, first["1"]), 30, log)
        assert _children(process)["0"] == first["0"]  # the other one kept running
        assert f"worker gpu1 (pid {first['1']}) exited with -9; restarting" in log.read_text()
        # the new gpu1 worker is up and announced, and the killed one's key has expired (its pid is in the key,
        # so a count of two would also pass with the dead worker's entry, which lives for its TTL)
        _until(lambda: _registered_pids(registry) == set(_children(process).values()), 60, log)
        last = _children(process)
        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(60) == 0, log.read_text()
        for pid in last.values():  # the children drained and exited with it
            assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        assert registry.workers() == {}  # each took itself out of the registry
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
            supervisor.wait(10)
