"""The fleet gauges read at scrape time: jobs, queue depth and wait, credits frozen, GPU memory."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from prometheus_client.parser import text_string_to_metric_families

from reelforge.metrics import FleetCollector, Metrics
from reelforge.store.db import Database
from reelforge.store.repos import CreditLedger, JobRepo
from reelforge.store.repos.users import UserRepo


def samples(metrics: Metrics) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    text = metrics.render().decode()
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(text) for sample in family.samples}


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'metrics.db'}")
    database.upgrade()
    yield database
    database.dispose()


def test_jobs_queue_wait_and_frozen_credits_come_from_the_database(db: Database) -> None:
    with db.write() as session:
        user = UserRepo(session).create("registered").id
        CreditLedger(session).grant(user, 100, "test")
        jobs = JobRepo(session)
        waiting = jobs.add("generate", {}, user, None, None).id
        jobs.add("render", {}, user, None, None)
        done = jobs.add("render", {}, user, None, None).id
        assert CreditLedger(session).freeze(user, waiting, 7)
    with db.write() as session:
        assert JobRepo(session).claim(done, "w1") and JobRepo(session).finish(done, "w1", {})
    metrics = Metrics()
    metrics.add(FleetCollector(db, lambda: None))
    time.sleep(0.05)
    found = samples(metrics)
    assert found[("reelforge_jobs", (("kind", "generate"), ("state", "queued")))] == 1
    assert found[("reelforge_jobs", (("kind", "render"), ("state", "queued")))] == 1
    assert found[("reelforge_jobs", (("kind", "render"), ("state", "completed")))] == 1
    # without a broker the queued rows are the queue
    assert found[("reelforge_queue_depth", (("queue", "generate"),))] == 1
    assert found[("reelforge_queue_oldest_wait_seconds", (("kind", "generate"),))] >= 0.05
    assert found[("reelforge_credits_frozen", ())] == 7
    with db.write() as session:
        CreditLedger(session).settle(waiting)
    assert samples(metrics)[("reelforge_credits_frozen", ())] == 0


def test_a_broker_s_queue_depths_are_reported_as_given(db: Database) -> None:
    metrics = Metrics()
    metrics.add(FleetCollector(db, lambda: {"rf.cpu": 3, "rf.gen.preview": 0}))
    found = samples(metrics)
    assert found[("reelforge_queue_depth", (("queue", "rf.cpu"),))] == 3
    assert found[("reelforge_queue_depth", (("queue", "rf.gen.preview"),))] == 0


def test_gpu_memory_is_reported_only_by_a_process_that_loaded_torch_with_a_gpu(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    metrics = Metrics()
    metrics.add(FleetCollector(db, worker_label="gpu1"))
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    assert not any(name == "reelforge_gpu_memory_bytes" for name, _ in samples(metrics))
    # no GPU here: a stand-in for torch.cuda at the seam, as a worker with two visible GPUs would see it
    cuda = SimpleNamespace(is_available=lambda: True, device_count=lambda: 2,
                           memory_allocated=lambda index: (index + 1) * 1024**3)
    monkeypatch.setitem(sys.modules, "torch", SimpleNamespace(cuda=cuda))
    found = samples(metrics)
    assert found[("reelforge_gpu_memory_bytes", (("device", "0"), ("worker", "gpu1")))] == 1024**3
    assert found[("reelforge_gpu_memory_bytes", (("device", "1"), ("worker", "gpu1")))] == 2 * 1024**3


def test_a_database_that_is_away_does_not_break_the_scrape(tmp_path: Path) -> None:
    gone = Database(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")  # never migrated: no tables
    metrics = Metrics()
    metrics.add(FleetCollector(gone))
    metrics.job_resends.inc()
    found = samples(metrics)
    assert found[("reelforge_job_resends_total", ())] == 1
    assert not any(name == "reelforge_jobs" for name, _ in found)
    gone.dispose()
