"""bench/gpu_t2v.py stays runnable between the sessions that have a GPU to run it on.

On a CPU it must refuse in one line and exit 2 (BENCHMARKS.md); its ``--tiny-cpu-dry-run``
drives every family and every measured path (bare diffusers, reelforge's defaults, each speed
preset, MagCache calibrated, LTX-2's latent upsampling, each memory setting with torchao float8,
reelforge's whole path for Wan 2.1, RIFE's interpolation as a share of each clip) on tiny configs
and must end with the closing line the benchmark table fixes. Each timed step is checked to have
run the network (a step that skipped it stops the run), and every run reads its peak memory at the
same points (the first H200 run's 0.006 s/step fp8 row and its 5.4 vs 12.7 GiB peaks).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("diffusers")

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench" / "gpu_t2v.py"
FAMILIES = ("wan21", "wan22_ti2v", "wan22_a14b", "ltx2", "hunyuan15", "cogvideox")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """bench/gpu_t2v.py as a module (it imports its folder's _gpu_rife)."""
    sys.path.insert(0, str(BENCH.parent))
    try:
        spec = importlib.util.spec_from_file_location("gpu_t2v", BENCH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["gpu_t2v"] = module  # its dataclasses look their module up while defined
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH.parent))
        sys.modules.pop("gpu_t2v", None)
    return module


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


@pytest.mark.skipif(torch.cuda.is_available(), reason="a GPU is here: the real benchmark runs instead")
def test_without_a_gpu_the_benchmark_refuses_in_one_line_with_exit_2() -> None:
    result = subprocess.run([sys.executable, str(BENCH)], capture_output=True, text=True, timeout=120, env=_env())
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gpu_t2v: no CUDA device")


@pytest.mark.models
def test_the_dry_run_measures_every_family_and_option_and_ends_with_the_closing_line(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(BENCH), "--tiny-cpu-dry-run", "--json", str(tmp_path / "f.json")],
                            capture_output=True, text=True, timeout=900, cwd=tmp_path, env=_env())
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout.strip().splitlines()
    assert any(line.startswith("[wan21] whole reelforge path, fast preset: 1 shot(s), 9 frames") for line in out)
    for family in FAMILIES:
        for run in ("bare:", "reelforge defaults:", "reelforge balanced:", "memory fp8:", "memory group_offload:"):
            assert any(line.startswith(f"[{family}] {run}") for line in out), f"{family} {run} missing:\n{result.stdout}"
        for run in ("bare:", "reelforge defaults:", "memory fp8:", "memory group_offload:"):  # no step cache
            [line] = [line for line in out if line.startswith(f"[{family}] {run}")]
            assert re.search(r"with the decode; last block ran in (\d+) of \1 timed transformer calls$", line), line
        fast = any(line.startswith(f"[{family}] reelforge fast:") for line in out)
        assert fast == (family != "cogvideox")  # CogVideoX has no few-step distillation
        mag = any(line.startswith(f"[{family}] reelforge balanced_mag:") for line in out)
        assert mag == (family not in ("ltx2", "hunyuan15"))  # diffusers' MagCache cannot hook their blocks
        torchao = "memory torchao_fp8:" if importlib.util.find_spec("torchao") else "memory torchao_fp8: skipped"
        assert any(line.startswith(f"[{family}] {torchao}") for line in out), f"{family} {torchao} missing"
    assert any(line.startswith("[ltx2] latent upsampling:") and "at 64x64 (3 steps)" in line for line in out)
    rife = [line for line in out if line.startswith("[rife] 1 s of 64x32 from 16 to 30 fps: 28 of 30 frames made")]
    assert len(rife) == 1, result.stdout   # the interpolation section, timed without ffmpeg
    for family in FAMILIES:
        assert any(line.startswith(f"[rife] {family}: interpolation ") and "of its defaults clip" in line
                   for line in out), family
    figures = json.loads((tmp_path / "f.json").read_text())
    assert figures["rife"]["output_frames"] == 30 and set(figures["rife"]["fraction_of_clip"]) == set(FAMILIES)
    assert re.fullmatch(r"gpu_t2v: defaults/bare=\d+\.\d\d bare/fast=\d+\.\d\d wan14b_fast_s=\d+\.\d "
                        r"ltx2_fast_s=\d+\.\d peak_gib=\d+\.\d", out[-1]), out[-1]


@pytest.mark.models
def test_a_timed_step_that_skipped_the_network_is_refused_not_printed(bench: Any) -> None:
    # The first H200 run printed 0.006 s/step for Wan 2.1's fp8 row: MagCache hooks of an earlier row stayed on.
    from diffusers.hooks import MagCacheConfig

    pipe = bench.build("wan21", tiny=True, device="cpu")
    spec = bench.spec_of("wan21", True)
    clock = bench.StepClock(cuda=False)
    bench._bare_call(pipe, "wan21", spec, 3, clock)
    assert clock.verify("plain") == "last block ran in 4 of 4 timed transformer calls"  # cond + uncond, 2 steps

    pipe.transformer.enable_cache(MagCacheConfig(mag_ratios=[1.0] * 6, num_inference_steps=6, threshold=1.0,
                                                 retention_ratio=0.0, max_skip_steps=10))
    stale = bench.StepClock(cuda=False)
    bench._bare_call(pipe, "wan21", spec, 3, stale)
    with pytest.raises(bench.StepNotRun, match=r"ran its last block 0 time\(s\)"):
        stale.verify("stale cache")
    assert stale.verify("a cached row", cached=True) == "last block ran in 0 of 4 timed transformer calls"


def test_the_denoising_peak_is_read_before_the_decode_for_every_run(bench: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # reelforge's rows read the counter at make_frames' closing report, after the VAE decode; the bare row did not.
    readings = iter([1.0, 2.0, 9.0, 9.5])   # two step ends, the closing report, the call's end
    clock = bench.StepClock(cuda=False)
    monkeypatch.setattr(clock, "_peak", lambda: next(readings))
    for _ in range(3):
        clock.step_done()
    clock.finish()
    clock.drop_closing_report()
    assert (clock.denoise_peak, clock.call_peak, len(clock.steps)) == (2.0, 9.5, 2)
