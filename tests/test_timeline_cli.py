"""`reelforge timeline export|import` as a user runs it: a draft out to another editor's file and back, rendered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import opentimelineio as otio
import pytest

from reelforge.ffmpeg import ffmpeg_exe
from tests.test_cli import invoke, probe


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "REELFORGE_DATA_DIR": str(cwd / "data"), "COLUMNS": "200",
           "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-m", "reelforge.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two clips and a song beside a draft that cross-dissolves them under music at 35 % and a title."""
    folder = tmp_path_factory.mktemp("project")
    for name, colour in (("a.mp4", "red"), ("b.mp4", "blue")):
        subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", f"color={colour}:size=320x180:rate=25",
                        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:v", "libx264",
                        "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(folder / name)], check=True)
    subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000",
                    "-t", "3", str(folder / "song.wav")], check=True)
    draft = {"v": 1, "m": {"w": 320, "h": 180, "fps": 25, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "a.mp4", "s": 0, "d": 1200, "in": 200},
                                     {"id": "s2", "src": "b.mp4", "s": 1000, "d": 1000, "in": 400,
                                      "m": {"tr": {"type": "fade", "d": 200}}}]},
        {"id": "a1", "tt": 1, "sg": [{"id": "m1", "src": "song.wav", "s": 0, "d": 2000, "m": {"vol": 0.35}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 1000, "m": {"text": "Hello"}}]}]}
    (folder / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["cut.xml", "cut.fcpxml", "cut.edl", "cut.otio"])
def test_timeline_export_then_import_gives_back_the_cut(project: Path, tmp_path: Path, name: str) -> None:
    exported = run("timeline", "export", str(project / "draft.json"), "-o", str(tmp_path / name), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert f"wrote {tmp_path / name}" in exported.stdout
    assert (project / "a.mp4").as_uri() in (tmp_path / name).read_text(encoding="utf-8")
    imported = run("timeline", "import", str(tmp_path / name), "-o", str(tmp_path / "back.json"), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    main = back["t"][0]["sg"]
    assert [Path(s["src"]).name for s in main] == ["a.mp4", "b.mp4"]
    assert [(s["s"], s["d"], s.get("in", 0)) for s in main] == [(0, 1200, 200), (1000, 1000, 400)]
    assert main[1]["m"]["tr"]["d"] == 200
    music = next(t for t in back["t"] if t["tt"] == 1)["sg"][0]
    assert music["m"]["vol"] == pytest.approx(0.35)


def test_an_imported_fcp_xml_renders_the_same_file_as_the_draft(project: Path, tmp_path: Path) -> None:
    assert run("timeline", "export", str(project / "draft.json"), "-o", str(tmp_path / "cut.xml"), cwd=tmp_path
               ).returncode == 0
    assert run("timeline", "import", str(tmp_path / "cut.xml"), "-o", str(tmp_path / "back.json"), cwd=tmp_path
               ).returncode == 0
    for draft, out in ((project / "draft.json", tmp_path / "a.mp4"), (tmp_path / "back.json", tmp_path / "b.mp4")):
        result = run("render", str(draft), "-o", str(out), "--quality", "low", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    first, second = probe(tmp_path / "a.mp4"), probe(tmp_path / "b.mp4")
    assert first["size"] == second["size"] == (320, 180) and first["acodec"] == second["acodec"] == "aac"
    assert first["duration"] == pytest.approx(second["duration"], abs=0.05)


def test_timeline_commands_refuse_what_they_cannot_read(project: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # import and export run as subprocesses above; their refusals come from the same app in-process
    (tmp_path / "cut.xml").write_text("<xmeml><oops", encoding="utf-8")
    bad = invoke("timeline", "import", str(tmp_path / "cut.xml"), "-o", str(tmp_path / "back.json"), cwd=tmp_path,
                 monkeypatch=monkeypatch)
    assert bad.exit_code == 2 and "not a readable FCP 7 XML" in bad.stderr
    unknown = invoke("timeline", "export", str(project / "draft.json"), "-o", str(tmp_path / "cut.capcut"),
                     cwd=tmp_path, monkeypatch=monkeypatch)
    assert unknown.exit_code == 2 and "timeline format" in unknown.stderr


def test_local_chat_export_for_premiere_saves_the_xml_beside_the_draft(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "REELFORGE_DATA_DIR": str(tmp_path / "data"),
           "COLUMNS": "200", "REELFORGE_TWO_STAGE_CHAT": "false", "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    args = [sys.executable, "-m", "reelforge.cli", "chat", "--draft", "draft.json",
            "-m", "generate a 1 second clip of a snowy forest", "-m", "export for Premiere"]
    result = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    saved = tmp_path / "draft.xml"
    assert f"Download: {saved}" in result.stdout.replace("\n", "") and "/api/download/" not in result.stdout
    timeline = otio.adapters.read_from_string(saved.read_text(encoding="utf-8"), "fcp_xml")
    assert len(list(timeline.find_clips())) == 1
