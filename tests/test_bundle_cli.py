"""`reelforge pack` / `reelforge unpack` as a user runs them: a project moves as one zip and renders the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_cli import invoke, probe
from tests.test_timeline_cli import project, run

__all__ = ["project"]  # the fixture, shared with the timeline commands' tests


def test_pack_moves_a_project_as_one_zip_that_unpacks_and_renders_the_same(project: Path, tmp_path: Path) -> None:
    packed = run("pack", str(project / "draft.json"), "-o", str(tmp_path / "project.zip"), cwd=tmp_path)
    assert packed.returncode == 0, packed.stderr
    elsewhere = tmp_path / "other machine"
    elsewhere.mkdir()
    shutil.move(str(tmp_path / "project.zip"), elsewhere / "project.zip")
    unpacked = run("unpack", str(elsewhere / "project.zip"), cwd=elsewhere)
    assert unpacked.returncode == 0, unpacked.stderr
    draft = elsewhere / "project" / "draft.json"
    assert draft.is_file() and sorted(p.name for p in (elsewhere / "project" / "media").iterdir()) == [
        "1-a.mp4", "2-b.mp4", "3-song.wav"]
    for source, out in ((project / "draft.json", tmp_path / "here.mp4"), (draft, tmp_path / "there.mp4")):
        rendered = run("render", str(source), "-o", str(out), "--quality", "low", cwd=tmp_path)
        assert rendered.returncode == 0, rendered.stderr
    here, there = probe(tmp_path / "here.mp4"), probe(tmp_path / "there.mp4")
    assert (here["size"], here["acodec"]) == (there["size"], there["acodec"])
    assert here["duration"] == pytest.approx(there["duration"], abs=0.05)


def test_unpack_refuses_a_busy_folder_and_pack_a_missing_file(project: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # pack and unpack run as subprocesses above; these answers come from the same app in-process
    packed = invoke("pack", str(project / "draft.json"), "-o", str(tmp_path / "p.zip"), cwd=tmp_path,
                    monkeypatch=monkeypatch)
    assert packed.exit_code == 0
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "mine.txt").write_text("keep me", encoding="utf-8")
    busy = invoke("unpack", str(tmp_path / "p.zip"), cwd=tmp_path, monkeypatch=monkeypatch)
    assert busy.exit_code == 2 and "not empty" in busy.stderr
    missing = invoke("pack", str(tmp_path / "nope.json"), cwd=tmp_path, monkeypatch=monkeypatch)
    assert missing.exit_code == 2 and "not found" in missing.stderr
