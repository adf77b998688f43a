"""Every setting is documented in the README, under its environment variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.settings import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`REELFORGE_{name.upper()}`" not in text]
    assert missing == []


def test_settings_come_from_the_environment_with_the_prefix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REELFORGE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("REELFORGE_PORT", "9123")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.data_dir == tmp_path and settings.port == 9123
    assert settings.effective_database_url == f"sqlite:///{tmp_path / 'reelforge.db'}"
