"""Typed commands read the protocol's bodies as clients send them: camelCase or snake_case, any case of names."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reelforge.services.commands import ExportOutput, ExportRequest


def test_one_alias_generator_reads_camel_and_snake_case() -> None:
    camel = ExportRequest.model_validate({"id": "r1", "sessionId": "ses_1", "draft": {}})
    snake = ExportRequest.model_validate({"id": "r1", "session_id": "ses_1", "draft": {}})
    assert camel == snake and camel.session_id == "ses_1" and camel.output == ExportOutput()


def test_output_is_read_in_any_case_and_a_preset_fixes_the_format() -> None:
    body = {"id": "r1", "sessionId": "s", "draft": {}, "output": {"format": "WEBM", "quality": " Low "}}
    assert ExportRequest.model_validate(body).output == ExportOutput(format="webm", quality="low")
    tiktok = ExportRequest.model_validate({**body, "output": {"preset": "TikTok", "format": "exe"}}).output
    assert (tiktok.preset, tiktok.format, tiktok.quality) == ("tiktok", "mp4", "high")
    assert ExportRequest.model_validate({**body, "output": None}).output == ExportOutput()
    assert ExportRequest.model_validate({**body, "output": {"preset": ""}}).output.preset is None


@pytest.mark.parametrize(("body", "field"), [
    ({"id": "  ", "sessionId": "s", "draft": {}}, "id"),
    ({"id": "x" * 201, "sessionId": "s", "draft": {}}, "id"),
    ({"id": "r", "draft": {}}, "sessionId"),
    ({"id": "r", "sessionId": "s", "draft": []}, "draft"),
    ({"id": "r", "sessionId": "s", "draft": {}, "output": {"format": "exe"}}, "output.format"),
    ({"id": "r", "sessionId": "s", "draft": {}, "output": {"preset": "myspace"}}, "output.preset"),
])
def test_a_bad_body_is_refused_naming_the_field(body: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        ExportRequest.model_validate(body)
    assert ".".join(str(part) for part in info.value.errors()[0]["loc"]) == field
