"""The generator pool: preview by default, diffusers lazily, one instance per name, unloaded on close."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from reelforge.errors import BackendUnavailable
from reelforge.generate import GeneratorPool, PreviewGenerator, available_backends
from reelforge.settings import Settings

_BACKEND = "reelforge.generate.diffusers_backend"


def _settings(tmp_path: Path, model: str | None = None) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path, model=model)  # type: ignore[call-arg]


class _FakeDiffusers:
    """Stands in for the real backend module at the import seam (no weights here)."""

    built: list[str | None] = []
    name = "diffusers"

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.unloads = 0

    def unload(self) -> None:
        self.unloads += 1

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
    pool = GeneratorPool(_settings(tmp_path))
    generator = pool.get()
    assert isinstance(generator, PreviewGenerator)
    assert pool.get("preview") is generator   # one instance per pool
    assert GeneratorPool(_settings(tmp_path)).get() is not generator  # no process-wide registry


def test_a_missing_diffusers_backend_is_backend_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, _BACKEND, None)   # what Python does when an import fails
    with pytest.raises(BackendUnavailable, match="models extra"):
        GeneratorPool(_settings(tmp_path, model="/models/wan")).get()
    with pytest.raises(BackendUnavailable):
        GeneratorPool(_settings(tmp_path)).get("diffusers")


def test_a_backend_module_without_the_generator_is_backend_unavailable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, _BACKEND, types.ModuleType(_BACKEND))
    with pytest.raises(BackendUnavailable, match="DiffusersGenerator"):
        GeneratorPool(_settings(tmp_path, model="m")).get("diffusers")


def test_a_configured_model_loads_the_diffusers_backend_once(tmp_path: Path,
                                                             fake_backend: type[_FakeDiffusers]) -> None:
    pool = GeneratorPool(_settings(tmp_path, model="/models/wan"))
    first = pool.get()
    assert pool.get("diffusers") is first
    assert fake_backend.built == ["/models/wan"]
    assert isinstance(pool.get("preview"), PreviewGenerator)


def test_another_model_unloads_the_warm_one(tmp_path: Path, fake_backend: type[_FakeDiffusers]) -> None:
    pool = GeneratorPool(_settings(tmp_path))
    first = pool.get("/models/wan")
    second = pool.get("/models/ltx")
    assert isinstance(first, _FakeDiffusers) and isinstance(second, _FakeDiffusers)
    assert (first.unloads, second.unloads) == (1, 0)
    assert not pool.loaded("/models/wan") and pool.loaded("/models/ltx")


def test_closing_the_pool_unloads_every_generator_it_kept(tmp_path: Path,
                                                          fake_backend: type[_FakeDiffusers]) -> None:
    pool = GeneratorPool(_settings(tmp_path, model="/models/wan"))
    model = pool.get()
    pool.get("preview")
    assert isinstance(model, _FakeDiffusers)
    pool.close()
    assert model.unloads == 1
    assert not pool.loaded() and not pool.loaded("preview")
    assert pool.get() is not model  # asked again, it loads again


def test_a_model_id_as_the_name_selects_that_model(tmp_path: Path, fake_backend: type[_FakeDiffusers]) -> None:
    generator = GeneratorPool(_settings(tmp_path)).get("Wan-AI/Wan2.1-T2V-1.3B-Diffusers")
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


def test_available_backends_say_what_the_pool_keeps_warm(tmp_path: Path) -> None:
    pool = GeneratorPool(_settings(tmp_path))
    assert not {b["name"]: b for b in available_backends(pool.settings, pool)}["preview"]["loaded"]
    pool.get("preview")
    assert {b["name"]: b for b in available_backends(pool.settings, pool)}["preview"]["loaded"]


def test_importing_generate_does_not_import_torch() -> None:
    code = "import sys, reelforge.generate; print('torch' in sys.modules, 'diffusers' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
