"""``reelforge worker --gpus all|0,1``: one worker process per GPU, each restarted when it dies.

A pipeline holds one GPU and runs one job at a time (diffusers #3672), so a machine with
several GPUs runs several workers. Each child is ``reelforge worker`` with
``CUDA_VISIBLE_DEVICES`` set to its GPU, one job at a time, a name (``gpu0``...) in logs
and metrics, and a metrics port of its own (``metrics_port + N``). A child that exits
(a crash, the OOM killer, ``kill -9``) is started again after a back-off that grows
while it keeps dying. SIGTERM is passed on to every child, which drains (see
:mod:`reelforge.cli.worker`); the supervisor exits when they have.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from types import FrameType

from reelforge.errors import InvalidInput
from reelforge.settings import Settings

__all__ = ["Supervisor", "parse_gpus", "run_supervisor"]

log = logging.getLogger(__name__)
_STABLE_S = 60.0  # a child that ran this long before dying starts again without waiting


def parse_gpus(spec: str, settings: Settings) -> list[str]:
    """The GPU indices ``spec`` names: ``all`` (``settings.gpus``, else what nvidia-smi lists) or ``0,1,...``."""
    text = spec.strip()
    if text == "all":
        text = settings.gpus if settings.gpus is not None else _nvidia_smi_indices()
        if not text.strip():
            raise InvalidInput("gpus: `all` found no GPU on this machine; name them (--gpus 0,1) or set "
                               "REELFORGE_GPUS", field="gpus")
    indices = [part.strip() for part in text.split(",") if part.strip()]
    bad = [index for index in indices if not index.isdigit()]
    if bad or not indices:
        raise InvalidInput(f"gpus: 'all' or GPU indices separated by commas, like 0,1 (got {spec!r})", field="gpus")
    return list(dict.fromkeys(indices))  # in order, once each


def _nvidia_smi_indices() -> str:
    executable = shutil.which("nvidia-smi")
    if executable is None:
        return ""
    listed = subprocess.run([executable, "--query-gpu=index", "--format=csv,noheader"], capture_output=True,
                            text=True, timeout=30, check=False)
    return ",".join(line.strip() for line in listed.stdout.splitlines() if line.strip())


@dataclass
class _Child:
    gpu: str
    slot: int
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    next_start: float = 0.0
    failures: int = 0
    restarts: int = 0


class Supervisor:
    """Keeps one ``reelforge worker`` child per GPU alive until told to stop."""

    def __init__(self, gpus: list[str], settings: Settings, *, restart_delay_s: float = 1.0,
                 max_restart_delay_s: float = 30.0, command: list[str] | None = None) -> None:
        self.settings = settings
        self.children = [_Child(gpu, slot) for slot, gpu in enumerate(gpus)]
        self.restart_delay_s = restart_delay_s
        self.max_restart_delay_s = max_restart_delay_s
        self.command = command or [sys.executable, "-m", "reelforge.cli", "worker"]

    def environment(self, child: _Child) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"CUDA_VISIBLE_DEVICES": child.gpu, "REELFORGE_WORKER_NAME": f"gpu{child.gpu}",
                    "REELFORGE_WORKERS": "1",  # one pipeline, one job at a time
                    "REELFORGE_METRICS_PORT": str(self.settings.metrics_port + child.slot)
                    if self.settings.metrics_port else "0"})
        return env

    def run(self, stop: threading.Event, poll_s: float = 0.2) -> None:
        """Start the children, restart those that exit, and on ``stop`` drain them all."""
        try:
            while not stop.is_set():
                now = time.monotonic()
                for child in self.children:
                    if child.process is None:
                        if now >= child.next_start:
                            self._start(child)
                    elif child.process.poll() is not None:
                        self._exited(child, now)
                stop.wait(poll_s)
        finally:
            self._drain()

    def _start(self, child: _Child) -> None:
        child.process = subprocess.Popen(self.command, env=self.environment(child))
        child.started_at = time.monotonic()
        log.info("supervisor: worker gpu%s started (pid %d)", child.gpu, child.process.pid)

    def _exited(self, child: _Child, now: float) -> None:
        assert child.process is not None
        code = child.process.returncode
        child.failures = 0 if now - child.started_at >= _STABLE_S else child.failures + 1
        delay = min(self.max_restart_delay_s, self.restart_delay_s * 2 ** max(0, child.failures - 1))
        log.warning("supervisor: worker gpu%s (pid %d) exited with %s; restarting in %.1f s",
                    child.gpu, child.process.pid, code, delay)
        child.process, child.next_start = None, now + delay
        child.restarts += 1

    def _drain(self) -> None:
        running = [child.process for child in self.children if child.process is not None]
        for process in running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)  # each drains: finishes or hands back its job
        deadline = time.monotonic() + self.settings.drain_s + 15
        for process in running:
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.error("supervisor: worker pid %d did not drain in time; killing it", process.pid)
                process.kill()
                process.wait(10)


def run_supervisor(settings: Settings, spec: str) -> None:
    """Supervise a worker per GPU in ``spec`` until SIGTERM or SIGINT."""
    supervisor = Supervisor(parse_gpus(spec, settings), settings)
    stop = threading.Event()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("supervisor: %s received, draining the workers", signal.Signals(signum).name)
        stop.set()

    previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        supervisor.run(stop)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
