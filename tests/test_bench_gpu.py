"""bench/gpu_t2v.py stays runnable between the sessions that have a GPU to run it on.

On a CPU it must refuse in one line and exit 2 (BENCHMARKS.md); its ``--tiny-cpu-dry-run``
drives the same three measured paths (bare diffusers, reelforge defaults, reelforge with its
speed options) on tiny configs and must end with the closing line the benchmark table fixes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

BENCH = Path(__file__).resolve().parents[1] / "bench" / "gpu_t2v.py"


@pytest.mark.skipif(torch.cuda.is_available(), reason="a GPU is here: the real benchmark runs instead")
def test_without_a_gpu_the_benchmark_refuses_in_one_line_with_exit_2() -> None:
    result = subprocess.run([sys.executable, str(BENCH)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gpu_t2v: no CUDA device")


def test_the_dry_run_measures_all_three_paths_and_ends_with_the_closing_line(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCH), "--tiny-cpu-dry-run"], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout.strip().splitlines()
    for path in ("bare diffusers", "reelforge defaults", "reelforge options"):
        assert any(line.startswith(path) for line in out), f"{path!r} not measured:\n{result.stdout}"
    assert re.fullmatch(r"gpu_t2v: defaults/bare=\d+\.\d\d bare/options=\d+\.\d\d peak_gib=\d+\.\d", out[-1]), out[-1]
