"""Fleet benchmark: jobs per minute through Celery + Redis with one worker process, then two, on the same load.

The load is JOBS preview generations (2-second 640x360 clips), all submitted at once to a fresh queue;
the clock runs from the first submission to the last completion, with the workers started and announced
beforehand (start-up is not throughput). The database is a SQLite file and the blobs a folder shared by
every process on this machine, as on one host of a cluster. Both runs happen here, one after the other:
`scaling` (two workers over one) is the figure that counts on a shared machine; on a 2-core machine the
workers compete with each other for the cores, so it stays well under 2.

Needs redis-server on PATH (or REELFORGE_TEST_REDIS_URL) and the [cluster] extra; exits 2 saying why if not.
Closing line: ``fleet: jobs_per_min_1=N jobs_per_min_2=N scaling=N``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from reelforge.jobs.celery_queue import CeleryQueue
from reelforge.services.context import build_services
from reelforge.settings import Settings
from reelforge.store.repos import JobRepo
from reelforge.store.repos.users import UserRepo

JOBS = 24
ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _redis(folder: Path) -> tuple[str, subprocess.Popen[bytes] | None]:
    """A Redis URL: the test one when set, else a redis-server of our own."""
    if os.environ.get("REELFORGE_TEST_REDIS_URL"):
        return os.environ["REELFORGE_TEST_REDIS_URL"], None
    executable = shutil.which("redis-server")
    if executable is None:
        print("fleet: needs redis-server on PATH or REELFORGE_TEST_REDIS_URL; skipped")
        raise SystemExit(2)
    port = _free_port()
    process = subprocess.Popen([executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)
    return f"redis://127.0.0.1:{port}/0", process


def _run(workers: int, env: dict[str, str], folder: Path) -> float:
    """Jobs per minute with ``workers`` worker processes on a queue of their own."""
    queue_name = f"bench-{uuid.uuid4().hex[:6]}"
    env = {**env, "REELFORGE_CELERY_QUEUE_NAME": queue_name}
    settings = Settings(_env_file=None, data_dir=Path(env["REELFORGE_DATA_DIR"]), queue="celery",  # type: ignore[call-arg]
                        redis_url=env["REELFORGE_REDIS_URL"], celery_queue_name=queue_name, secret_key="bench",
                        metrics_port=0)
    services = build_services(settings)
    processes = []
    try:
        queue = services.queue
        assert isinstance(queue, CeleryQueue)
        with services.db.write() as session:
            owner = UserRepo(session).create("registered", name="fleet bench").id
        for index in range(workers):
            with (folder / f"worker-{queue_name}-{index}.log").open("ab") as log:
                processes.append(subprocess.Popen([sys.executable, "-m", "reelforge.cli", "worker"], cwd=ROOT,
                                                  env=env, stdout=log, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + 120
        while len(queue.registry.workers()) < workers:
            if time.monotonic() > deadline:
                raise SystemExit("fleet: the workers did not start")
            time.sleep(0.2)
        started = time.monotonic()
        ids = [queue.submit("generate", {"prompt": f"a paper boat, take {index}", "seconds": 2.0, "width": 640,
                                         "height": 360, "fps": 24, "seed": index, "owner_id": owner})
               for index in range(JOBS)]
        finals = [queue.wait(job_id, timeout=900) for job_id in ids]
        elapsed = time.monotonic() - started
        failed = [status for status in finals if status.state != "completed"]
        if failed:
            raise SystemExit(f"fleet: {len(failed)} jobs did not complete: {failed[0]}")
        with services.db.read() as session:
            rows = [JobRepo(session).get(job_id) for job_id in ids]
            workers_used = {row.worker for row in rows if row is not None}
        print(f"{workers} worker(s): {JOBS} generations in {elapsed:.1f} s on {len(workers_used)} worker(s): "
              f"{JOBS / elapsed * 60:.1f} jobs/min")
        return JOBS / elapsed * 60
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(60)
        services.queue.stop()
        services.close()


def main() -> None:
    try:
        import celery  # noqa: F401  (the [cluster] extra)
        import redis  # noqa: F401
    except ImportError:
        print("fleet: needs the [cluster] extra (celery, redis); skipped")
        raise SystemExit(2) from None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url, server = _redis(folder)
        env = {key: value for key, value in os.environ.items() if not key.startswith("REELFORGE_")}
        env.update({"PYTHONPATH": str(ROOT), "REELFORGE_QUEUE": "celery", "REELFORGE_REDIS_URL": url,
                    "REELFORGE_DATA_DIR": str(folder / "data"), "REELFORGE_SECRET_KEY": "bench",
                    "REELFORGE_WORKERS": "1", "REELFORGE_METRICS_PORT": "0", "REELFORGE_JOB_HEARTBEAT_S": "1"})
        try:
            one = _run(1, env, folder)
            two = _run(2, env, folder)
        finally:
            if server is not None:
                server.kill()
                server.wait(10)
    print(f"on {os.cpu_count()} cores, shared: the two workers split the same CPUs")
    print(f"fleet: jobs_per_min_1={one:.1f} jobs_per_min_2={two:.1f} scaling={two / one:.2f}")


if __name__ == "__main__":
    main()
