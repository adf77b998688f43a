"""reelforge.generate: prompts (and stills) become clips.

``preview`` (procedural numpy, always installed) and ``diffusers`` (model weights,
imported lazily by the registry) implement the same :class:`Generator` protocol.
Importing this package never imports torch.
"""

from reelforge.generate._scene import Palette, Scene, parse_scene
from reelforge.generate.base import Clip, GenerateRequest, Generator
from reelforge.generate.preview import PreviewGenerator
from reelforge.generate.registry import available_backends, forget_generators, get_generator

__all__ = [
    "Clip",
    "GenerateRequest",
    "Generator",
    "Palette",
    "PreviewGenerator",
    "Scene",
    "available_backends",
    "forget_generators",
    "get_generator",
    "parse_scene",
]
