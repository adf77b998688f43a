"""Typed commands: what a front end asks of a service, validated once at the edge.

A route takes the request body as one of these models (FastAPI validates it, and a fault answers 400
naming the field, in the protocol's envelope); the CLI and the chat build the same model in Python. Every
model reads its fields in snake_case or camelCase (``sessionId``, ``session_id``) through one alias
generator, as the seed skill and ADK clients each send one of them.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator
from pydantic.alias_generators import to_camel
from pydantic_core import PydanticCustomError

from reelforge.draft.output import OutputFormat, Quality
from reelforge.render.presets import PRESETS, PresetName

__all__ = ["Command", "ExportOutput", "ExportRequest"]


class Command(BaseModel):
    """Base of every request body: snake_case names, camelCase accepted too, unknown keys ignored."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore", frozen=True)


class ExportOutput(Command):
    """The file an export makes; a preset fixes the format (PROTOCOL.md: ``output``)."""

    preset: PresetName | None = None
    format: OutputFormat = "mp4"
    quality: Quality = "high"

    @model_validator(mode="before")
    @classmethod
    def _spelled_any_case(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = {key: value.strip().lower() if isinstance(value, str) and key in ("preset", "format", "quality")
                else value for key, value in data.items()}
        if data.get("preset") == "":
            data["preset"] = None
        preset = PRESETS.get(data["preset"]) if isinstance(data.get("preset"), str) else None
        if preset is not None:  # the preset's container, whatever the format says
            data["format"] = preset.format
        return data


class ExportRequest(Command):
    """``POST /api/render/proxy/lambda``: render ``draft`` of session ``session_id`` as the caller's ``id``."""

    id: str
    session_id: str
    draft: dict[str, Any]
    output: ExportOutput = ExportOutput()

    @field_validator("output", mode="before")
    @classmethod
    def _no_output_is_the_default(cls, value: Any) -> Any:
        return {} if value is None else value

    @field_validator("id")
    @classmethod
    def _render_id(cls, value: str) -> str:
        if not value.strip() or len(value) > 200:
            raise PydanticCustomError("render_id", "a render id is required (e.g. render_<timestamp>)")
        return value
