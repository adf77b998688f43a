"""``reelforge users ...`` run as an operator runs it: a subprocess against a data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reelforge.services.auth import issue_anonymous_token
from reelforge.services.context import build_services
from tests._server import make_settings
from tests.test_cli import invoke

REELFORGE = [sys.executable, "-m", "reelforge.cli"]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(data_dir.parent), "REELFORGE_DATA_DIR": str(data_dir),
           "COLUMNS": "200"}
    return subprocess.run([*REELFORGE, "users", *args], cwd=data_dir.parent, env=env, capture_output=True,
                          text=True, timeout=120)


def test_users_bind_grant_and_list_change_the_store_the_server_reads(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    svc = build_services(make_settings(data_dir, anonymous_credits=5, secret_key=None))
    user_id = str(issue_anonymous_token(svc, "client-a", "127.0.0.1")["user_id"])
    svc.close()

    bound = run("bind", user_id, "--credits", "1000", "--name", "Ada", data_dir=data_dir)
    assert bound.returncode == 0, bound.stderr
    assert bound.stdout.strip() == f"bound {user_id} (anonymous -> registered): granted 1000, available=1005"
    granted = run("grant", user_id, "20", data_dir=data_dir)
    assert granted.returncode == 0, granted.stderr
    assert granted.stdout.strip() == f"granted 20 to {user_id}: available=1025"

    listed = run("list", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    (line,) = listed.stdout.strip().splitlines()
    assert line.startswith(f"{user_id}  registered") and "available=1025" in line and "frozen=0" in line
    assert "sessions=0" in line and line.endswith("(Ada)")


def test_an_unknown_user_exits_2_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # bind and grant run as subprocesses above; their refusal comes from the same app in-process (data in tmp_path/data)
    for args in (("bind", "usr_00000000000000000000"), ("grant", "usr_00000000000000000000", "5")):
        result = invoke("users", *args, cwd=tmp_path, monkeypatch=monkeypatch)
        assert result.exit_code == 2, result.stderr
        assert "no user 'usr_00000000000000000000'" in result.stderr and not result.stdout


def test_an_empty_store_lists_no_users(tmp_path: Path) -> None:
    result = run("list", data_dir=tmp_path / "data")
    assert result.returncode == 0 and result.stdout.strip() == "no users yet"
