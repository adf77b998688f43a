"""bench/gpu_t2v.py stays runnable between the sessions that have a GPU to run it on.

On a CPU it must refuse in one line and exit 2 (BENCHMARKS.md); its ``--tiny-cpu-dry-run``
drives every family and every measured path (bare diffusers, reelforge's defaults, each speed
preset, MagCache calibrated, LTX-2's latent upsampling, each memory setting with torchao float8,
reelforge's whole path for Wan 2.1, RIFE's interpolation as a share of each clip) on tiny configs
and must end with the closing line the benchmark table fixes. Each timed step is checked to have
run the network (a step that skipped it stops the run), and every run reads its peak memory at the
same points (the first H200 run's 0.006 s/step fp8 row and its 5.4 vs 12.7 GiB peaks).

A lent GPU runs it once, through bench/gpu_session.sh, in about ten minutes: the dry run goes through
that same script, every family's real configuration is built here on the meta device (a config the
installed diffusers or transformers refuses would otherwise show only on the GPU), and a run cut short
(a task past its cap, a process killed mid-task) keeps every figure measured before it.
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
SESSION = ROOT / "bench" / "gpu_session.sh"
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


def _session(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """bench/gpu_session.sh as a lent session runs it, with this Python, its files under ``tmp_path/out``."""
    return subprocess.run(["bash", str(SESSION), *args], capture_output=True, text=True, timeout=900, cwd=tmp_path,
                          env={**_env(), "OUT": str(tmp_path / "out"), "PYTHON": sys.executable, **env})


@pytest.mark.models
def test_the_dry_run_measures_every_family_and_option_and_ends_with_the_closing_line(tmp_path: Path) -> None:
    # the same script a lent GPU session runs (docs/models.md), on tiny configs
    result = _session(tmp_path, "--tiny-cpu-dry-run")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    log = (tmp_path / "out" / "log.txt").read_text()
    assert "FAILED" not in log and "stopped:" not in log, log[-3000:]
    out = [line for line in result.stdout.strip().splitlines() if not line.startswith("gpu_session: ")]
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
    figures = json.loads((tmp_path / "out" / "figures.json").read_text())
    assert figures["rife"]["output_frames"] == 30 and set(figures["rife"]["fraction_of_clip"]) == set(FAMILIES)
    assert set(figures["tasks"].values()) == {"done"} and len(figures["tasks"]) == 2 * len(FAMILIES) + 2
    rows = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    measured = {(r["family"], r["run"]) for r in rows if r["kind"] == "row"}
    assert {(family, "bare") for family in FAMILIES} <= measured and ("wan22_a14b", "fast") in measured
    # the must-have rows of every family come before any other row
    order = [(r["family"], r["run"]) for r in rows if r["kind"] == "row"]
    core = [i for i, (_, run) in enumerate(order) if run in ("bare", "defaults", "fast", "fp8")]
    assert max(core) < min(i for i, (_, run) in enumerate(order) if run not in ("bare", "defaults", "fast", "fp8"))
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


@pytest.mark.models
def test_a_killed_run_is_resumed_and_keeps_every_figure_measured_before_it(tmp_path: Path) -> None:
    # A CUDA fault kills the process mid-task: the script starts gpu_t2v again for the tasks not yet started.
    result = _session(tmp_path, "--tiny-cpu-dry-run", "--families", "cogvideox", "--rows", "core",
                      GPU_T2V_TEST_DIE_IN="rife")
    assert result.returncode == 3, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout.splitlines()
    assert "gpu_session: gpu_t2v ended with status 137; again for the tasks it had not started" in out
    assert "[cogvideox:core] skipped: already done in " + str(tmp_path / "out" / "results.jsonl") + " (--resume)" in [
        line.split(" (--resume)")[0] + " (--resume)" for line in out]
    assert "gpu_t2v: tasks not completed: rife (started)" in out
    assert re.fullmatch(r"gpu_t2v: defaults/bare=\d+\.\d\d .*", [line for line in out if "defaults/bare=" in line][-1])
    rows = [line for line in out if line.startswith("cogvideox     ")]
    assert [line.split()[1] for line in rows] == ["bare", "defaults", "fp8"]   # read back from results.jsonl
    assert {"env.txt", "log.txt", "results.jsonl", "figures.json"} <= {p.name for p in (tmp_path / "out").iterdir()}


def test_a_task_past_its_cap_is_stopped_between_two_python_operations(bench: Any) -> None:
    import time

    started = time.perf_counter()
    with pytest.raises(bench.TaskTimeout, match="past its 0 s cap"), bench.time_cap(0.2):
        while time.perf_counter() - started < 10:   # a denoising loop's Python between its kernels
            sum(range(1000))
    assert time.perf_counter() - started < 2
    with bench.time_cap(None):   # no cap: the dry run's default
        pass


def test_the_summary_of_a_run_cut_off_at_its_limit(bench: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # What a device call killed at its limit leaves: rows of two families, a task started and never ended,
    # and a last line torn mid-write. --summarise prints the table and closing line from it, on any machine.
    lines = [
        {"kind": "task", "task": "wan21:core", "status": "started"},
        {"kind": "row", "family": "wan21", "run": "bare", "encode_s": 1.0, "decode_s": 4.0, "step_s": 1.2,
         "peak_gib": 5.4, "call_peak_gib": 12.7},
        {"kind": "row", "family": "wan21", "run": "defaults", "step_s": 1.23, "peak_gib": 5.4, "call_peak_gib": 12.7,
         "steps": 50.0},
        {"kind": "row", "family": "wan21", "run": "fast", "step_s": 0.6, "peak_gib": 5.4, "call_peak_gib": 12.7,
         "steps": 4.0},
        {"kind": "task", "task": "wan21:core", "status": "done"},
        {"kind": "rife", "rife_s": 6.0, "output_frames": 150, "network_frames": 148, "size": "1920x1080",
         "clip_s": 5, "device": "cuda"},
        {"kind": "task", "task": "wan22_a14b:core", "status": "started"},
        {"kind": "row", "family": "wan22_a14b", "run": "bare", "encode_s": 1.0, "decode_s": 5.0, "step_s": 6.0,
         "peak_gib": 70.0, "call_peak_gib": 80.0},
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines) + '{"kind": "row", "family": "wan22_a1')
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(sys, "argv", ["gpu_t2v.py", "--summarise", str(path), "--json", str(tmp_path / "f.json")])
    try:
        assert bench.main() == 3   # a task never ended: incomplete, not silent
    finally:
        monkeypatch.undo()
    out = capsys.readouterr().out.splitlines()
    assert "gpu_t2v: tasks not completed: wan22_a14b:core (started)" in out
    assert "gpu_t2v: wan22_a14b: no defaults, fast, fp8 row" in out
    assert out[-1] == "gpu_t2v: defaults/bare=1.03 bare/fast=8.78 wan14b_fast_s=0.0 ltx2_fast_s=0.0 peak_gib=70.0"
    assert any(line.startswith("[rife] wan21: interpolation 6.00 s = ") for line in out)
    figures = json.loads((tmp_path / "f.json").read_text())
    assert figures["wan21"]["fast"]["whole_s"] == pytest.approx(1.0 + 4 * 0.6 + 4.0)


def test_the_tasks_put_every_family_s_must_have_rows_first(bench: Any) -> None:
    tasks = bench.plan_tasks(list(bench.FAMILIES), "all")
    assert tasks[:5] == ["wan21:core", "wan21:path", "rife", "wan22_a14b:core", "ltx2:core"]
    assert max(tasks.index(f"{f}:core") for f in bench.FAMILIES) < min(tasks.index(f"{f}:extra") for f in bench.FAMILIES)
    assert bench.plan_tasks(["ltx2"], "core") == ["ltx2:core", "rife"]
    assert bench.cap_of("ltx2:extra", bench.parse_caps("*:extra=60,rife=30")) == 60.0


@pytest.mark.models
@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_builds_at_its_real_size_on_the_meta_device(bench: Any, family: str) -> None:
    # The real configurations run only on a lent GPU: a keyword the installed diffusers or transformers
    # refuses would cost that session its one run. On the meta device they build with no memory.
    pipe = bench.build(family, tiny=False, device="meta")
    params = sum(p.numel() for name in ("transformer", "transformer_2") if getattr(pipe, name, None) is not None
                 for p in getattr(pipe, name).parameters())
    expected = {"wan21": 1.4, "wan22_ti2v": 5.0, "wan22_a14b": 28.6, "ltx2": 18.9, "hunyuan15": 8.3, "cogvideox": 1.7}
    assert params / 1e9 == pytest.approx(expected[family], abs=0.1)
    dtypes = {name: {p.dtype for p in c.parameters()} for name, c in pipe.components.items()
              if isinstance(c, torch.nn.Module)}
    wan_vae = family.startswith("wan")   # Wan's VAE stays in float32, as its pipelines are documented
    assert dtypes == {name: {torch.float32 if wan_vae and name == "vae" else torch.bfloat16} for name in dtypes}
    assert torch.get_default_dtype() == torch.float32   # build() puts it back
