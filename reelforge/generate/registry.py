"""Picking a generator by name or configuration: a :class:`GeneratorPool` keeps one warm instance per name.

``preview`` is always there and is the default while ``settings.model`` is unset.
``diffusers`` (or a model directory / hub id given as the name or in ``settings.model``)
imports :mod:`reelforge.generate.diffusers_backend` lazily, so torch is only loaded when
a model is really asked for. A loaded pipeline is expensive, so instances are kept and
shared; creation happens under a lock so two threads never load the same model twice.

The pool belongs to whoever built it (the server's ``Services``, a CLI command): there is no
process-wide registry, and closing the pool unloads every model it holds.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from pathlib import Path
from typing import Any

from reelforge.errors import BackendUnavailable
from reelforge.generate.base import Generator
from reelforge.generate.preview import MODEL as PREVIEW_MODEL
from reelforge.generate.preview import PreviewGenerator
from reelforge.settings import Settings

__all__ = ["GeneratorPool", "available_backends"]

_DIFFUSERS_MODULE = "reelforge.generate.diffusers_backend"


def _resolve(name: str | None, settings: Settings) -> tuple[str, Settings]:
    """The backend a name means, and the settings it should be built from."""
    if name is None or name == "":
        return ("diffusers", settings) if settings.model else ("preview", settings)
    if name == "preview":
        return "preview", settings
    if name == "diffusers":
        return "diffusers", settings
    # Anything else is a model directory or hub id for the diffusers backend.
    return "diffusers", settings.model_copy(update={"model": name})


def _load_diffusers(settings: Settings) -> Generator:
    try:
        module = importlib.import_module(_DIFFUSERS_MODULE)
    except ImportError as exc:
        raise BackendUnavailable(
            f"the diffusers backend cannot be loaded ({exc}); install the models extra: "
            "pip install 'reelforge[models]'", data={"backend": "diffusers"}) from exc
    factory = getattr(module, "DiffusersGenerator", None)
    if factory is None:
        raise BackendUnavailable(f"{_DIFFUSERS_MODULE} has no DiffusersGenerator", data={"backend": "diffusers"})
    try:
        generator: Generator = factory.from_settings(settings)
    except ImportError as exc:  # torch or diffusers imported lazily inside the backend
        raise BackendUnavailable(f"the diffusers backend needs a missing package ({exc})",
                                 data={"backend": "diffusers"}) from exc
    return generator


class GeneratorPool:
    """The warm generators of one owner, by backend and model: at most one diffusers model at a time."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._instances: dict[str, Generator] = {}
        self._lock = threading.Lock()

    def get(self, name: str | None = None) -> Generator:
        """The generator for ``name`` (None = from ``settings.model``), created on first use.

        Raises :class:`BackendUnavailable` when a model backend is asked for but cannot load.
        """
        backend, effective = _resolve(name, self.settings)
        key = _key(backend, effective)
        retired: list[Generator] = []
        with self._lock:
            generator = self._instances.get(key)
            if generator is None:
                if backend == "diffusers":
                    # One model warm at a time: GPU memory holds one pipeline, not one per model ever asked for.
                    retired = [self._instances.pop(k) for k in list(self._instances) if k.startswith("diffusers:")]
                generator = PreviewGenerator.from_settings(self.settings) if backend == "preview" \
                    else _load_diffusers(effective)
                self._instances[key] = generator
        for old in retired:
            _unload(old)
        return generator

    def loaded(self, name: str | None = None) -> bool:
        """Whether the generator ``name`` would come back warm (nothing is loaded to find out)."""
        backend, effective = _resolve(name, self.settings)
        return _key(backend, effective) in self._instances

    def close(self) -> None:
        """Unload every kept generator (each after its running generation, if any) and forget it."""
        with self._lock:
            kept = list(self._instances.values())
            self._instances.clear()
        for generator in kept:
            _unload(generator)


def _key(backend: str, settings: Settings) -> str:
    return "preview" if backend == "preview" else f"diffusers:{settings.model or ''}"


def _unload(generator: Generator) -> None:
    """Free a retired model once its running generation (if any) has finished."""
    lock = getattr(generator, "_lock", None)  # a model backend holds it for the length of a generation
    if lock is None:
        generator.unload()
        return
    with lock:
        generator.unload()


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def available_backends(settings: Settings, pool: GeneratorPool | None = None) -> list[dict[str, Any]]:
    """What is configured and what could run (and, given the pool, what is warm), without importing torch."""
    missing = [m for m in ("torch", "diffusers") if not _installed(m)]
    if not _installed(_DIFFUSERS_MODULE):
        missing.append(_DIFFUSERS_MODULE)
    reason = None
    if missing:
        reason = "not installed: " + ", ".join(missing)
    elif not settings.model:
        reason = "no model configured (set REELFORGE_MODEL to a model directory or id)"
    elif settings.model.startswith(("/", ".", "~")) and not Path(settings.model).expanduser().exists():
        reason = f"model directory not found: {settings.model}"
    return [
        {"name": "preview", "model": PREVIEW_MODEL, "available": True, "default": not settings.model,
         "loaded": pool is not None and pool.loaded("preview"),
         "description": "procedural animated scenes on the CPU; no AI model, no weights"},
        {"name": "diffusers", "model": settings.model, "available": reason is None,
         "default": bool(settings.model), "loaded": pool is not None and bool(settings.model) and pool.loaded("diffusers"),
         "reason": reason, "device": settings.device, "dtype": settings.dtype,
         "description": "a diffusers text/image-to-video pipeline (needs the models extra and weights)"},
    ]
