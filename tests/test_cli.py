"""The command line, run as a user runs it: the installed entry point in a subprocess.

Each command keeps at least one run in a real subprocess; a test about one answer of a command (an exit
code and its message) runs the same typer app in this process (``invoke``), which spares it the start of
a new interpreter and the import of reelforge and its dependencies (about 2.4 s of CPU each).
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import av
import numpy as np
import pytest
from click.testing import Result
from typer.testing import CliRunner

from reelforge.cli.commands import app
from reelforge.ffmpeg import ffmpeg_exe

REELFORGE = [sys.executable, "-m", "reelforge.cli"]
ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path, env_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "REELFORGE_DATA_DIR": str(env_dir or cwd / "data"),
           "COLUMNS": "200", "PYTHONPATH": str(ROOT)}  # this checkout's code, not the installed one
    return subprocess.run([*REELFORGE, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def run_env(*args: str, cwd: Path, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``run`` with this checkout first on the path (a worktree's code, not an installed copy) and ``extra``."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "REELFORGE_DATA_DIR": str(cwd / "data"), "COLUMNS": "200",
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[1]), os.environ.get("PYTHONPATH", "")]),
           # torch's thread count as the suite's (tests/conftest.py): a second thread only spins on a tiny model
           **{name: os.environ[name] for name in ("OMP_NUM_THREADS",) if name in os.environ},
           **(extra or {})}
    return subprocess.run([*REELFORGE, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def invoke(*args: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """``run`` in this process: the same app, arguments, working folder and environment (no REELFORGE_* but ours)."""
    for name in [name for name in os.environ if name.startswith("REELFORGE_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(cwd)
    env = {"HOME": str(cwd), "REELFORGE_DATA_DIR": str(cwd / "data"), "COLUMNS": "200"}
    return CliRunner().invoke(app, list(args), env=env)


def probe(path: Path) -> dict[str, object]:
    with av.open(str(path)) as container:
        video = next((s for s in container.streams if s.type == "video"), None)
        audio = next((s for s in container.streams if s.type == "audio"), None)
        duration = container.duration / 1_000_000 if container.duration else None
        return {"vcodec": video.codec_context.name if video else None,
                "size": (video.codec_context.width, video.codec_context.height) if video else None,
                "acodec": audio.codec_context.name if audio else None, "duration": duration,
                "comment": container.metadata.get("comment", "")}


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    path = folder / "clip.mp4"
    subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)], check=True)
    return path


def test_generate_writes_a_1080p_h264_mp4_with_sound_track(tmp_path: Path) -> None:
    """The one end-to-end generation: the installed command, the preview model, a real encode and probe."""
    result = run("generate", "a sunset over a mountain lake", "--seconds", "1", "-o", "sunset.mp4", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    info = probe(tmp_path / "sunset.mp4")
    assert info["vcodec"] == "h264" and info["size"] == (1920, 1080) and info["acodec"] == "aac"
    assert abs(float(info["duration"]) - 1.0) < 0.1  # type: ignore[arg-type]
    assert "preview" in str(info["comment"]).lower()
    assert "wrote" in result.stdout


def test_generate_refuses_an_unknown_aspect_with_exit_2(tmp_path: Path) -> None:
    result = run("generate", "a lake", "--aspect", "3:1", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown aspect '3:1'" in result.stderr


def _draft(clip: Path, **overrides: object) -> dict[str, object]:
    draft: dict[str, object] = {"v": 1, "m": {"w": 320, "h": 180, "fps": 30, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": clip.name, "s": 0, "d": 1500, "in": 0}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 1000, "m": {"text": "Hi: 'there' 100%"}}]}]}
    draft.update(overrides)
    return draft


def test_render_a_draft_file_with_local_paths(tmp_path: Path, clip: Path) -> None:
    (tmp_path / clip.name).write_bytes(clip.read_bytes())
    (tmp_path / "d.json").write_text(json.dumps(_draft(clip)))
    result = run("render", "d.json", "-o", "out.webm", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    info = probe(tmp_path / "out.webm")
    assert info["vcodec"] == "vp9" and info["acodec"] == "opus" and info["size"] == (320, 180)


def test_render_bad_json_names_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.json").write_text('{"v": 1,, }')
    result = invoke("render", "d.json", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "d.json is not valid JSON" in result.stderr and "line 1" in result.stderr


def test_render_invalid_draft_names_the_json_path(tmp_path: Path, clip: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = _draft(clip)
    draft["t"][0]["sg"][0]["d"] = -5  # type: ignore[index]
    (tmp_path / "d.json").write_text(json.dumps(draft))
    result = invoke("render", "d.json", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "t[0].sg[0].d: must be > 0 (got -5)" in result.stderr


def test_render_missing_source_names_the_file(tmp_path: Path, clip: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.json").write_text(json.dumps(_draft(clip)))  # the clip is not beside the draft
    result = invoke("render", "d.json", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "clip.mp4" in result.stderr


def test_render_unknown_format_is_bad_input(tmp_path: Path, clip: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.json").write_text(json.dumps(_draft(clip)))
    result = invoke("render", "d.json", "--format", "avi", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "unknown format 'avi'" in result.stderr


def test_render_missing_draft_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke("render", "nope.json", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "nope.json" in result.stderr


def test_models_reports_the_preview_backend(tmp_path: Path) -> None:
    result = run("models", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    names = [backend["name"] for backend in json.loads(result.stdout)["backends"]]
    assert "preview" in names


def test_music_list_and_render_a_style_named_in_chinese(tmp_path: Path) -> None:
    listed = run("music", "list", cwd=tmp_path)
    assert listed.returncode == 0 and "lofi" in listed.stdout and "cinematic" in listed.stdout
    result = run("music", "render", "低保真", "--seconds", "2", "-o", "lofi.wav", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with av.open(str(tmp_path / "lofi.wav")) as container:
        stream = container.streams.audio[0]
        samples = sum(frame.samples for frame in container.decode(stream))
    assert samples == 2 * 48000


def test_music_render_unknown_style_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (a style no name of the library reads: "polka-metal" is rock since metal is)
    result = invoke("music", "render", "polka-waltz", "--seconds", "2", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "polka-waltz" in result.stderr


def test_worker_refuses_without_the_celery_queue(tmp_path: Path) -> None:
    result = run("worker", cwd=tmp_path)
    assert result.returncode == 2 and "REELFORGE_QUEUE=celery" in result.stderr


def test_generate_says_a_title_is_an_edit_before_it_checks_its_inputs(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # the length, shape and option mapping is generate_options' (tests/services/test_local.py): no encode here
    result = invoke("generate", "a red fox running through snow, 2 seconds, vertical, title 'Fox'",
                    "--image", "missing.png", cwd=tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "reelforge chat" in result.stderr  # the title is an edit: it says where to ask for it
    assert "image not found: missing.png" in result.stderr


def test_an_end_frame_the_preview_cannot_honour_is_refused_with_exit_2(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    still = tmp_path / "end.png"
    subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", "color=red:size=64x64", "-frames:v", "1",
                    str(still)], check=True)
    result = invoke("generate", "a lake", "--image", str(still), "--end-image", str(still), cwd=tmp_path,
                    monkeypatch=monkeypatch)
    assert result.exit_code == 2 and "last_image" in result.stderr


@pytest.mark.models
@pytest.mark.parametrize("family", ["ltx2", "hunyuan15"])
def test_generate_with_a_model_folder_runs_the_family_end_to_end(tmp_path: Path, family: str) -> None:
    """A tiny random model saved here, detected and run by `reelforge generate --model` (LTX-2 with its sound)."""
    pytest.importorskip("diffusers")
    tiny = importlib.import_module("tests.generate.tiny_pipelines")
    folder = getattr(tiny, f"save_tiny_{family}")(tmp_path / family)
    env = {"REELFORGE_GENERATION_SIZE": "32x32", "REELFORGE_GENERATION_FPS": "16", "REELFORGE_MAX_SHOT_FRAMES": "9"}
    result = run_env("generate", "a red car at night", "--model", str(folder), "--seconds", "0.5", "--aspect", "1:1",
                     "-o", "clip.mp4", cwd=tmp_path, extra=env)
    assert result.returncode == 0, result.stderr[-2000:]
    facts = probe(tmp_path / "clip.mp4")
    assert facts["vcodec"] == "h264" and facts["size"] == (1080, 1080)
    if family == "ltx2":  # the model's sound went through the mix into the export
        with av.open(str(tmp_path / "clip.mp4")) as container:
            samples = np.concatenate([f.to_ndarray().reshape(-1) for f in container.decode(audio=0)])
        assert float(np.sqrt(np.mean(samples**2))) > 1e-3


@pytest.mark.models
def test_models_calibrate_stores_the_magcache_ratios_beside_the_model_folder(tmp_path: Path) -> None:
    pytest.importorskip("diffusers")
    tiny = importlib.import_module("tests.generate.tiny_pipelines")
    folder = tiny.save_tiny_wan(tmp_path / "wan")
    env = {"REELFORGE_GENERATION_SIZE": "32x32", "REELFORGE_GENERATION_FPS": "16", "REELFORGE_MAX_SHOT_FRAMES": "9"}
    result = run_env("models", "calibrate", "--model", str(folder), "--steps", "4", "--seconds", "0.5",
                     cwd=tmp_path, extra=env)
    assert result.returncode == 0, result.stderr[-2000:]
    stored = json.loads((tmp_path / "wan.magcache.json").read_text())
    assert stored["steps"] == 4 and len(stored["ratios"]["transformer"]) == 4
    assert "wan.magcache.json" in result.stdout


def test_generate_refuses_a_bad_lora_or_speed_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lora = invoke("generate", "a lake", "--lora", "anime:loud", cwd=tmp_path, monkeypatch=monkeypatch)
    speed = invoke("generate", "a lake", "--speed", "warp", cwd=tmp_path, monkeypatch=monkeypatch)
    assert lora.exit_code == speed.exit_code == 2
    assert lora.stderr.strip().splitlines()[-1].endswith("lora: the scale after ':' must be a number (got 'anime:loud')")
    assert "speed: one of quality, balanced, fast (got 'warp')" in speed.stderr
