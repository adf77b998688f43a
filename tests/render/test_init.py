"""The package's public names are pinned (as httpx pins its exports)."""

from __future__ import annotations

import reelforge.render


def test_public_api_is_exactly_the_documented_names() -> None:
    assert sorted(reelforge.render.__all__) == [
        "EncodeSettings", "Graph", "QUALITY_TABLE", "RenderOptions", "RenderResult", "build_graph",
        "encode_settings", "path_resolver", "render"]
    for name in reelforge.render.__all__:
        assert getattr(reelforge.render, name) is not None
    assert callable(reelforge.render.render)  # the function, not the renderer module
