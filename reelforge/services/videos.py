"""OpenAI's Videos API (the retired Sora API) over reelforge's generate jobs.

A video is a ``generate`` job with no session: the job makes the clip (a media record
whose id follows from the job's), freezes the price in credits at submission and settles
it when done, exactly as a chat generation does. The video id is the job id with the
``video_`` prefix, so nothing new is stored; the job's idempotency key starts with
``v1video:`` so the list finds the caller's videos. The file is the size and length asked:
``size`` is the canvas, ``seconds`` the clip's length.

``expires_at`` is null on purpose. OpenAI sets it to when a video's assets stop being
downloadable; here ``/content`` is read with the caller's bearer token (never a signed,
expiring link, so ``signed_url_ttl_s`` does not apply) and the files stay until the video
is deleted. A self-hosted server that names no expiry promises no false deadline.
"""

from __future__ import annotations

import math
import re
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any

from reelforge.errors import InvalidInput, NotFound
from reelforge.generate.base import LoraChoice, parse_loras
from reelforge.jobs.generate_job import media_id_of
from reelforge.jobs.payloads import GeneratePayload, LoraPick, V1Video, submit_job
from reelforge.services.auth import Principal
from reelforge.services.context import Services
from reelforge.services.credits import freezer, price_of
from reelforge.services.previews import cached_blob, frame_grid, still
from reelforge.store.models import Job, JobState
from reelforge.store.repos import JobRepo, MediaRepo

__all__ = [
    "DEFAULT_MODEL", "DEFAULT_SECONDS", "DEFAULT_SIZE", "canvas_for_size", "content", "create", "delete", "get",
    "list_videos", "parse_seconds", "remix", "resolve_model",
]

DEFAULT_MODEL = "sora-2"
DEFAULT_SECONDS = "4"
DEFAULT_SIZE = "720x1280"
SORA_MODELS = frozenset({"sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-pro-2025-10-06", "sora-2-2025-12-08"})
MAX_SECONDS = 20
MAX_PROMPT = 4000
MIN_SIDE, MAX_SIDE = 128, 1920
MAX_ASPECT = 1920 / 1080        # the widest canvas reelforge exports (16:9 / 9:16)
_KEY_PREFIX = "v1video:"
_SIZE = re.compile(r"^(\d{2,4})x(\d{2,4})$")
# OpenAI's video status of each job state
_STATUS: dict[JobState, str] = {"queued": "queued", "running": "in_progress", "completed": "completed",
                                "failed": "failed", "cancelled": "failed"}


def canvas_for_size(size: str) -> tuple[int, int]:
    """``"1280x720"`` -> (1280, 720): the file is the size asked (the video object says it, so must the file).

    Sides are even (H.264's 4:2:0 needs them so), from 128 to 1920 px, at most 16:9 either way.
    """
    match = _SIZE.match(size.strip())
    if not match:
        raise InvalidInput(f"Invalid size {size!r}: use WIDTHxHEIGHT, e.g. 720x1280 or 1280x720.", field="size")
    width, height = int(match[1]), int(match[2])
    short, long = sorted((width, height))
    if short < MIN_SIDE or long > MAX_SIDE or long / short > MAX_ASPECT + 0.01:
        raise InvalidInput(f"Invalid size {size!r}: sides from {MIN_SIDE} to {MAX_SIDE} px and an aspect ratio of at "
                           "most 16:9.", field="size")
    if width % 2 or height % 2:
        raise InvalidInput(f"Invalid size {size!r}: both sides must be even numbers.", field="size")
    return width, height


def parse_seconds(value: Any) -> tuple[str, int]:
    """The SDK's "4" / "8" / "12", and any whole number of seconds from 1 to ``MAX_SECONDS``."""
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_SECONDS:
        raise InvalidInput(f"Invalid seconds {value!r}: a whole number from 1 to {MAX_SECONDS} (e.g. 4, 8, 12).",
                           field="seconds")
    return text, int(text)


def resolve_model(svc: Services, model: str) -> str | None:
    """The generator name for an API model: Sora names and the configured model -> the default backend."""
    if model in SORA_MODELS or (svc.settings.model and model == svc.settings.model):
        return None
    if model == "preview":
        return "preview"
    allowed = sorted(SORA_MODELS | {"preview"} | ({svc.settings.model} if svc.settings.model else set()))
    raise InvalidInput(f"Invalid model {model!r}: one of {', '.join(allowed)}.", field="model")


def _video_id(job_id: str) -> str:
    return "video_" + job_id.removeprefix("job_")


def _job_id(video_id: str) -> str:
    return "job_" + video_id.removeprefix("video_")


def _stamp(moment: datetime | None) -> int | None:
    return int(moment.timestamp()) if moment is not None else None


def _video(job: Job) -> dict[str, Any]:
    """The OpenAI ``Video`` object of a job."""
    payload = GeneratePayload.model_validate(job.payload)
    meta = payload.v1 or V1Video(model=DEFAULT_MODEL, size=DEFAULT_SIZE, seconds=DEFAULT_SECONDS)
    status = _STATUS[job.state]
    video: dict[str, Any] = {
        "id": _video_id(job.id), "object": "video", "created_at": _stamp(job.created_at),
        "completed_at": _stamp(job.updated_at) if status in ("completed", "failed") else None,
        "expires_at": None,  # kept until DELETE: see the module docstring
        "error": None, "model": meta.model,
        "progress": 100 if status == "completed" else int(math.floor(job.progress * 100)),
        "prompt": payload.prompt, "remixed_from_video_id": meta.remixed_from,
        "seconds": meta.seconds, "size": meta.size, "status": status,
    }
    if status == "failed":
        video["error"] = {"code": "generation_failed" if job.state == "failed" else "cancelled",
                          "message": job.error or "generation failed"}
    return video


def _owned_job(db_session: Any, principal: Principal, video_id: str) -> Job:
    job = JobRepo(db_session).get(_job_id(video_id)) if video_id.startswith("video_") else None
    if job is None or job.owner_id != principal.user_id or not (job.idempotency_key or "").startswith(_KEY_PREFIX):
        raise NotFound(f"Video with id '{video_id}' not found.", data={"param": "video_id"})
    return job


def create(svc: Services, principal: Principal, *, prompt: Any, model: Any = None, seconds: Any = None,
           size: Any = None, image: tuple[bytes, str] | None = None, remixed_from: str | None = None,
           seed: int | None = None, loras: Any = None) -> dict[str, Any]:
    """Queue a generation; ``image`` is (bytes, suffix) of an input reference (image-to-video).

    ``loras`` names LoRAs of ``settings.loras`` (``["anime:0.7"]``); unknown names are refused here.
    """
    if not isinstance(prompt, str) or not prompt.strip():
        raise InvalidInput("Missing required parameter: 'prompt'.", field="prompt")
    if len(prompt) > MAX_PROMPT:
        raise InvalidInput(f"Invalid prompt: at most {MAX_PROMPT} characters.", field="prompt")
    model = str(model or DEFAULT_MODEL)
    generator = resolve_model(svc, model)
    seconds_label, whole_seconds = parse_seconds(seconds if seconds is not None else DEFAULT_SECONDS)
    chosen = _known_loras(svc, parse_loras(loras))
    size = str(size or DEFAULT_SIZE)
    width, height = canvas_for_size(size)
    nonce = secrets.token_hex(10)
    image_key = None
    if image is not None:
        data, suffix = image
        image_key = f"v1/references/{nonce}{suffix}"
        svc.blobs.put_stream(image_key, [data])
    payload = GeneratePayload(prompt=prompt.strip(), seconds=whole_seconds, width=width, height=height, fps=30,
                              seed=seed if seed is not None else secrets.randbelow(2**31), generator=generator,
                              image_key=image_key, owner_id=principal.user_id,
                              loras=tuple(LoraPick(name=c.name, scale=c.scale) for c in chosen),
                              v1=V1Video(model=model, size=size, seconds=seconds_label, remixed_from=remixed_from))
    job_id = submit_job(svc.queue, payload, owner_id=principal.user_id, idempotency_key=_KEY_PREFIX + nonce,
                        prepare=freezer(svc, principal, price_of(svc, whole_seconds)))
    return get(svc, principal, _video_id(job_id))


def _known_loras(svc: Services, chosen: tuple[LoraChoice, ...]) -> tuple[LoraChoice, ...]:
    for index, choice in enumerate(chosen):
        if choice.name not in svc.settings.loras:
            known = ", ".join(sorted(svc.settings.loras)) or "none are configured"
            raise InvalidInput(f"Invalid loras[{index}]: no LoRA named {choice.name!r} ({known}).", field="loras")
    return chosen


def get(svc: Services, principal: Principal, video_id: str) -> dict[str, Any]:
    with svc.db.read() as db_session:
        return _video(_owned_job(db_session, principal, video_id))


def list_videos(svc: Services, principal: Principal, after: str | None, limit: int, order: str) -> dict[str, Any]:
    """A cursor page of the caller's videos by creation time (``after`` = the last id of the previous page)."""
    if order not in ("asc", "desc"):
        raise InvalidInput(f"Invalid order {order!r}: 'asc' or 'desc'.", field="order")
    if not 1 <= limit <= 100:
        raise InvalidInput(f"Invalid limit {limit}: from 1 to 100.", field="limit")
    descending = order == "desc"
    with svc.db.read() as db_session:
        cursor = _owned_job(db_session, principal, after) if after else None
        rows = JobRepo(db_session).page_by_key_prefix(principal.user_id, _KEY_PREFIX, cursor, limit + 1, descending)
    page = [_video(job) for job in rows[:limit]]
    return {"object": "list", "data": page, "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None, "has_more": len(rows) > limit}


def delete(svc: Services, principal: Principal, video_id: str) -> dict[str, Any]:
    """Delete a finished video: its job, its media record and every stored file."""
    with svc.db.write() as db_session:
        job = _owned_job(db_session, principal, video_id)
        if job.state in ("queued", "running"):
            raise InvalidInput(f"Video '{video_id}' is still {_STATUS[job.state]}; delete it once it finished.",
                               field="video_id")
        media = MediaRepo(db_session).get(media_id_of(job.id))
        keys = [key for key in (GeneratePayload.model_validate(job.payload).image_key,) if key]
        if media is not None:
            keys.append(media.storage_key)
            MediaRepo(db_session).delete(media)
        JobRepo(db_session).delete(job)
    for key in keys:
        svc.blobs.delete(key)
    for variant in ("thumbnail", "spritesheet"):
        svc.blobs.delete(f"v1/{video_id}/{variant}.jpg")
    return {"id": video_id, "object": "video.deleted", "deleted": True}


def content(svc: Services, principal: Principal, video_id: str, variant: str) -> tuple[Path, str]:
    """(local file, mime) of a completed video's ``video`` (MP4), ``thumbnail`` or ``spritesheet`` (JPEG)."""
    if variant not in ("video", "thumbnail", "spritesheet"):
        raise InvalidInput(f"Invalid variant {variant!r}: video, thumbnail or spritesheet.", field="variant")
    with svc.db.read() as db_session:
        job = _owned_job(db_session, principal, video_id)
        media = MediaRepo(db_session).get(media_id_of(job.id)) if job.state == "completed" else None
    source = svc.blobs.local_path(media.storage_key) if media is not None else None
    if media is None or source is None or not source.is_file():
        raise NotFound(f"Video '{video_id}' has no content yet (status {_STATUS[job.state]}).",
                       data={"param": "video_id"})
    duration = media.duration_ms or 1000
    if variant == "video":
        return source, media.mime
    if variant == "thumbnail":
        path = cached_blob(svc, f"v1/{video_id}/thumbnail.jpg", lambda out: still(source, out, duration // 2, 360))
    else:
        path = cached_blob(svc, f"v1/{video_id}/spritesheet.jpg", lambda out: frame_grid(source, out, duration))
    return path, "image/jpeg"


def remix(svc: Services, principal: Principal, video_id: str, prompt: Any) -> dict[str, Any]:
    """A new video from a completed one: its model, size, length, seed and reference, with a new prompt."""
    with svc.db.read() as db_session:
        source = _owned_job(db_session, principal, video_id)
    if source.state != "completed":
        raise InvalidInput(f"Video '{video_id}' is {_STATUS[source.state]}; only a completed video can be remixed.",
                           field="video_id")
    payload = GeneratePayload.model_validate(source.payload)
    image = None
    key = payload.image_key
    if key and svc.blobs.exists(key):
        with svc.blobs.open(key) as handle:
            image = (handle.read(), Path(key).suffix)
    return create(svc, principal, prompt=prompt, model=payload.v1.model if payload.v1 else None,
                  seconds=payload.v1.seconds if payload.v1 else None, size=payload.v1.size if payload.v1 else None,
                  image=image, remixed_from=video_id, seed=payload.seed)
