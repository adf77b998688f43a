"""Services own what they build: closing them unloads the warm models and closes the database's connections."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from reelforge.services.context import build_services
from reelforge.settings import Settings
from tests._server import make_settings

_BACKEND = "reelforge.generate.diffusers_backend"


class _RecordingModel:
    """Stands in for the diffusers backend at its import seam (no weights here); counts unloads."""

    name = "diffusers"

    def __init__(self) -> None:
        self.unloads = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> _RecordingModel:
        return cls()

    def unload(self) -> None:
        self.unloads += 1


def test_closing_services_unloads_the_models_they_kept_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType(_BACKEND)
    module.DiffusersGenerator = _RecordingModel  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, _BACKEND, module)
    svc = build_services(make_settings(tmp_path, model="/models/wan"))
    model = svc.generators.get()
    assert isinstance(model, _RecordingModel)
    assert svc.generators.get() is model  # warm between jobs
    svc.close()
    assert model.unloads == 1
    assert not svc.generators.loaded()


def test_two_services_keep_their_own_generators(tmp_path: Path) -> None:
    first, second = (build_services(make_settings(tmp_path / name)) for name in ("a", "b"))
    try:
        assert first.generators.get() is not second.generators.get()
    finally:
        first.close()
        second.close()
