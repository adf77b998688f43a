"""Job payloads: one model per kind, read from rows stored before the models existed, written back alike."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from reelforge.jobs.payloads import GeneratePayload, Placement, RenderPayload, V1Video

# payloads as services stored them as plain dicts (turns, /v1/videos, exports)
TURN_ROW = {"prompt": "waves", "seconds": 5.0, "width": 1080, "height": 1920, "fps": 30, "seed": 7, "owner_id": "usr_1",
            "session_id": "ses_1", "aspect": "9:16", "placement": {"at": "after", "ref": "s1"},
            "description": "generated 'waves' (5s)"}
V1_ROW = {"prompt": "a fox", "seconds": 4, "width": 720, "height": 1280, "fps": 30, "seed": 3, "generator": None,
          "image_key": None, "owner_id": "usr_1", "session_id": None,
          "v1": {"model": "sora-2", "size": "720x1280", "seconds": "4", "remixed_from": None}}
RENDER_ROW = {"render_id": "rnd_1", "format": "mp4", "quality": "high", "preset": None, "draft": {"v": 1, "t": []}}


def test_rows_stored_as_dicts_read_as_their_kinds_model() -> None:
    turn = GeneratePayload.model_validate(TURN_ROW)
    assert turn.placement == Placement(at="after", ref="s1") and turn.aspect == "9:16" and turn.v1 is None
    v1 = GeneratePayload.model_validate(V1_ROW)
    assert v1.placement is None and v1.v1 == V1Video(model="sora-2", size="720x1280", seconds="4")
    render = RenderPayload.model_validate(RENDER_ROW)
    assert (render.format, render.quality, render.preset) == ("mp4", "high", None)


def test_written_payloads_read_back_equal_and_leave_out_nones() -> None:
    for payload in (GeneratePayload.model_validate(TURN_ROW), GeneratePayload.model_validate(V1_ROW),
                    RenderPayload.model_validate(RENDER_ROW)):
        stored = payload.to_json()
        assert None not in stored.values()
        assert type(payload).model_validate(stored) == payload


def test_each_kind_names_its_handler() -> None:
    assert (GeneratePayload.kind, RenderPayload.kind) == ("generate", "render")


def test_a_payload_missing_what_its_handler_needs_is_refused_by_field() -> None:
    with pytest.raises(ValidationError, match="prompt"):
        GeneratePayload.model_validate({k: v for k, v in TURN_ROW.items() if k != "prompt"})
    with pytest.raises(ValidationError, match="format"):
        RenderPayload.model_validate({**RENDER_ROW, "format": "exe"})
