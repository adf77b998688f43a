"""``python -m reelforge.api [--host H] [--port P]``: the server, configured from ``REELFORGE_*``."""

from __future__ import annotations

import argparse

from reelforge.api.app import serve
from reelforge.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m reelforge.api")
    parser.add_argument("--host")
    parser.add_argument("--port", type=int)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args()
    settings = Settings()
    updates = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    serve(settings.model_copy(update=updates), log_level=args.log_level)


if __name__ == "__main__":
    main()
