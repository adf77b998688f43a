"""The HTTP API: the seed protocol over the services (``create_app``, ``serve``)."""

from reelforge.api.app import create_app, serve

__all__ = ["create_app", "serve"]
