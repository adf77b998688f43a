"""The generator registry: preview by default, diffusers lazily, one instance per name."""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.errors import BackendUnavailable
from reelforge.generate import PreviewGenerator, available_backends, forget_generators, get_generator
from reelforge.settings import Settings

_BACKEND = "reelforge.generate.diffusers_backend"


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    forget_generators()
    yield
    forget_generators()


def _settings(tmp_path: Path, model: str | None = None) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path, model=model)  # type: ignore[call-arg]


class _FakeDiffusers:
    """Stands in for the real backend module at the import seam (no weights here)."""

    built: list[str | None] = []
    name = "diffusers"

    def __init__(self, model: str | None) -> None:
        self.model = model

    @classmethod
    def from_settings(cls, settings: Settings) -> _FakeDiffusers:
        cls.built.append(settings.model)
        return cls(settings.model)


@pytest.fixture
def fake_backend(monkeypatch: pytest.MonkeyPatch) -> type[_FakeDiffusers]:
    module = types.ModuleType(_BACKEND)
    module.DiffusersGenerator = _FakeDiffusers  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, _BACKEND, module)
    _FakeDiffusers.built = []
    return _FakeDiffusers


def test_preview_is_the_default_without_a_model(tmp_path: Path) -> None:
    generator = get_generator(None, _settings(tmp_path))
    assert isinstance(generator, PreviewGenerator)
    assert get_generator("preview", _settings(tmp_path)) is generator   # one instance per process


def test_a_missing_diffusers_backend_is_backend_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, _BACKEND, None)   # what Python does when an import fails
    with pytest.raises(BackendUnavailable, match="models extra"):
        get_generator(None, _settings(tmp_path, model="/models/wan"))
    with pytest.raises(BackendUnavailable):
        get_generator("diffusers", _settings(tmp_path))


def test_a_backend_module_without_the_generator_is_backend_unavailable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, _BACKEND, types.ModuleType(_BACKEND))
    with pytest.raises(BackendUnavailable, match="DiffusersGenerator"):
        get_generator("diffusers", _settings(tmp_path, model="m"))


def test_a_configured_model_loads_the_diffusers_backend_once(tmp_path: Path,
                                                             fake_backend: type[_FakeDiffusers]) -> None:
    settings = _settings(tmp_path, model="/models/wan")
    first = get_generator(None, settings)
    assert get_generator("diffusers", settings) is first
    assert fake_backend.built == ["/models/wan"]
    assert isinstance(get_generator("preview", settings), PreviewGenerator)


def test_a_model_id_as_the_name_selects_that_model(tmp_path: Path, fake_backend: type[_FakeDiffusers]) -> None:
    generator = get_generator("Wan-AI/Wan2.1-T2V-1.3B-Diffusers", _settings(tmp_path))
    assert generator.model == "Wan-AI/Wan2.1-T2V-1.3B-Diffusers"  # type: ignore[attr-defined]
    assert fake_backend.built == ["Wan-AI/Wan2.1-T2V-1.3B-Diffusers"]


def test_available_backends_describe_the_configuration(tmp_path: Path) -> None:
    unset = {b["name"]: b for b in available_backends(_settings(tmp_path))}
    assert unset["preview"]["available"] and unset["preview"]["default"]
    assert not unset["diffusers"]["available"] and not unset["diffusers"]["default"]
    assert unset["diffusers"]["reason"]
    configured = {b["name"]: b for b in available_backends(_settings(tmp_path, model="/models/wan"))}
    assert configured["diffusers"]["default"] and not configured["preview"]["default"]
    assert configured["diffusers"]["model"] == "/models/wan"
    assert not configured["diffusers"]["available"]
    assert "not found" in configured["diffusers"]["reason"] or "not installed" in configured["diffusers"]["reason"]


def test_importing_generate_does_not_import_torch() -> None:
    code = "import sys, reelforge.generate; print('torch' in sys.modules, 'diffusers' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
