"""What the diffusers backend has to work with: packages, device, configured and cached models.

``describe_models(settings)`` backs ``reelforge models``. It never touches the network:
the Hugging Face cache is scanned on disk, and configured models are read from their
folders. It works without torch too (it then says what to install).
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelforge.errors import BackendUnavailable, ReelforgeError
from reelforge.generate._diffusers_families import detect_model
from reelforge.generate._diffusers_magcache import calibration_path
from reelforge.generate._diffusers_memory import estimate_memory, fitting_setting
from reelforge.generate._family_ltx2 import has_latent_upsampler

if TYPE_CHECKING:
    from reelforge.settings import Settings

__all__ = ["describe_models", "require_torch"]

INSTALL_HINT = "pip install 'reelforge[models]'"


def require_torch() -> None:
    """Raise :class:`BackendUnavailable` unless torch and diffusers import."""
    try:
        import diffusers  # noqa: F401
        import torch  # noqa: F401
    except ImportError as exc:
        raise BackendUnavailable(f"the diffusers backend needs torch and diffusers ({exc.name} is missing): "
                                 f"{INSTALL_HINT}", data={"missing": exc.name}) from exc


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def _device() -> dict[str, Any]:
    import torch

    if torch.cuda.is_available():
        index = torch.cuda.current_device()
        props = torch.cuda.get_device_properties(index)
        return {"type": "cuda", "name": props.name, "memory_gib": round(props.total_memory / 2**30, 1),
                "count": torch.cuda.device_count()}
    return {"type": "cpu", "name": "cpu"}


def _attention_backends() -> list[str]:
    """Attention kernels that run offline here: PyTorch's SDPA always, flash/sage when installed."""
    found = ["native (PyTorch SDPA: flash, cuDNN, memory-efficient)"]
    for package, backend in (("flash-attn", "flash"), ("flash-attn-3", "_flash_3"), ("sageattention", "sage")):
        if _version(package) is not None:
            found.append(backend)
    return found


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _describe_folder(folder: Path, settings: Settings | None = None,
                     device: dict[str, Any] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": str(folder), "size_bytes": _folder_size(folder)}
    try:
        capabilities = detect_model(folder)
    except ReelforgeError as exc:
        entry["error"] = exc.message
        return entry
    family = capabilities.family
    entry.update(family=family.name, label=family.label, pipeline=capabilities.pipeline_class,
                 text_to_video=capabilities.text_to_video, image_to_video=capabilities.image_to_video,
                 fps=family.fps, max_frames=family.max_frames, sizes=[f"{w}x{h}" for w, h in family.sizes],
                 lora=family.lora, audio=family.audio, licence=family.licence,
                 latent_upsampler=family.audio and has_latent_upsampler(folder),
                 mag_cache_calibration=str(calibration_path(folder)) if calibration_path(folder).is_file() else None)
    if settings is not None:
        entry["memory"] = _memory(folder, settings, family.vae_float32, device or {})
    return entry


def _memory(folder: Path, settings: Settings, vae_float32: bool, device: dict[str, Any]) -> dict[str, Any]:
    """Weights' GPU memory per memory setting (safetensors headers: counts and dtypes) and what fits."""
    cuda = device.get("type") == "cuda"
    compute_bytes = 4 if settings.dtype == "float32" or (settings.dtype == "auto" and not cuda) else 2
    estimate = estimate_memory(folder, compute_bytes=compute_bytes, text_encoder_cpu=settings.text_encoder_cpu,
                               vae_float32=vae_float32)
    gpu = device.get("memory_gib") if cuda else None
    estimate.update(compute_bytes=compute_bytes, gpu_gib=gpu, fits=fitting_setting(estimate, gpu),
                    note="weights only; activations grow with size and length (the fit keeps 25% + 2 GiB for them)")
    if settings.gguf is not None and settings.gguf.is_file():
        transformer_gib = estimate["components"].get("transformer", 0) * compute_bytes / 2**30
        gguf_gib = settings.gguf.stat().st_size / 2**30
        estimate["weights_gib"]["gguf"] = round(estimate["weights_gib"]["default"] - transformer_gib + gguf_gib, 2)
    return estimate


def _cached_models() -> list[dict[str, Any]]:
    """Diffusers pipelines in the Hugging Face cache (on disk only), with their sizes."""
    try:
        from huggingface_hub import scan_cache_dir
        from huggingface_hub.errors import CacheNotFound
    except ImportError:
        return []
    try:
        cache = scan_cache_dir()
    except CacheNotFound:
        return []
    found = []
    for repo in sorted(cache.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model":
            continue
        snapshots = [rev.snapshot_path for rev in repo.revisions if (rev.snapshot_path / "model_index.json").exists()]
        entry: dict[str, Any] = {"id": repo.repo_id, "size_bytes": repo.size_on_disk,
                                 "diffusers_pipeline": bool(snapshots)}
        if snapshots:
            described = _describe_folder(snapshots[0])
            entry.update({k: v for k, v in described.items() if k not in ("path", "size_bytes")})
        found.append(entry)
    return found


def describe_models(settings: Settings) -> dict[str, Any]:
    """Backends, configured models, device, versions and what the local HF cache holds."""
    report: dict[str, Any] = {
        "backends": ["preview"],
        "configured": {"model": settings.model, "image_model": settings.image_model},
        "versions": {name: _version(name) for name in ("torch", "diffusers", "transformers", "accelerate")},
        "options": {"device": settings.device, "dtype": settings.dtype, "cpu_offload": settings.cpu_offload,
                    "vae_tiling": settings.vae_tiling, "compile": settings.compile,
                    "attention_backend": settings.attention_backend, "step_cache": settings.step_cache,
                    "speed": settings.speed, "memory": settings.memory, "text_encoder_cpu": settings.text_encoder_cpu,
                    "gguf": settings.gguf, "loras": sorted(settings.loras),
                    "attention_backends": _attention_backends()},
    }
    try:
        require_torch()
    except BackendUnavailable as exc:
        report["diffusers"] = {"available": False, "reason": exc.message}
        return report
    report["backends"].append("diffusers")
    report["diffusers"] = {"available": True}
    report["device"] = _device()
    report["local_models"] = [_describe_folder(Path(model).expanduser(), settings, report["device"])
                              for model in (settings.model, settings.image_model)
                              if model and Path(model).expanduser().is_dir()]
    report["hf_cache"] = _cached_models()
    return report
