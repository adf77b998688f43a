"""reelforge.render: a draft -> one ffmpeg filter graph -> one file, streamed.

``build_graph`` is pure (tests compare its text); ``render`` resolves the media, writes the
script and title files beside the output and runs ffmpeg once. Probing a file is
:func:`reelforge.media.probe_media`.
"""

from reelforge.render.encode import QUALITY_TABLE, EncodeSettings, RenderOptions, encode_settings
from reelforge.render.graph import Graph, build_graph
from reelforge.render.renderer import RenderResult, path_resolver, render

__all__ = [
    "QUALITY_TABLE",
    "EncodeSettings",
    "Graph",
    "RenderOptions",
    "RenderResult",
    "build_graph",
    "encode_settings",
    "path_resolver",
    "render",
]
