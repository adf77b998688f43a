"""Picking a generator by name or configuration, one warm instance per name per process.

``preview`` is always there and is the default while ``settings.model`` is unset.
``diffusers`` (or a model directory / hub id given as the name or in ``settings.model``)
imports :mod:`reelforge.generate.diffusers_backend` lazily, so torch is only loaded when
a model is really asked for. A loaded pipeline is expensive, so instances are kept and
shared; creation happens under a lock so two threads never load the same model twice.
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

__all__ = ["available_backends", "forget_generators", "get_generator"]

_DIFFUSERS_MODULE = "reelforge.generate.diffusers_backend"
_instances: dict[str, Generator] = {}
_lock = threading.Lock()


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


def get_generator(name: str | None, settings: Settings) -> Generator:
    """The generator for ``name`` (None = from ``settings.model``), created once per process.

    Raises :class:`BackendUnavailable` when a model backend is asked for but cannot load.
    """
    backend, effective = _resolve(name, settings)
    key = "preview" if backend == "preview" else f"diffusers:{effective.model or ''}"
    retired: list[Generator] = []
    with _lock:
        generator = _instances.get(key)
        if generator is None:
            if backend == "diffusers":
                # One model warm per process: GPU memory holds one pipeline, not one per model ever asked for.
                retired = [_instances.pop(k) for k in list(_instances) if k.startswith("diffusers:")]
            generator = PreviewGenerator() if backend == "preview" else _load_diffusers(effective)
            _instances[key] = generator
    for old in retired:
        _unload(old)
    return generator


def _unload(generator: Generator) -> None:
    """Free a retired model once its running generation (if any) has finished."""
    unload = getattr(generator, "unload", None)
    if not callable(unload):
        return
    lock = getattr(generator, "_lock", None)  # held for the length of a generation
    if lock is None:
        unload()
        return
    with lock:
        unload()


def forget_generators() -> None:
    """Drop the kept instances (tests; a server reloading its configuration)."""
    with _lock:
        _instances.clear()


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def available_backends(settings: Settings) -> list[dict[str, Any]]:
    """What is configured and what could run, without importing torch."""
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
         "loaded": "preview" in _instances,
         "description": "procedural animated scenes on the CPU; no AI model, no weights"},
        {"name": "diffusers", "model": settings.model, "available": reason is None,
         "default": bool(settings.model), "loaded": f"diffusers:{settings.model or ''}" in _instances,
         "reason": reason, "device": settings.device, "dtype": settings.dtype,
         "description": "a diffusers text/image-to-video pipeline (needs the models extra and weights)"},
    ]
