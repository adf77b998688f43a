"""The ``reelforge`` command line (filled in by the CLI module)."""


def main() -> None:
    raise SystemExit("reelforge CLI not built yet")
