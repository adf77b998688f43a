"""The one browser launch the studio's tests share: Playwright driving Debian's chromium.

Skipped (with the reason) where /usr/bin/chromium or Playwright is absent: ``apt-get install chromium``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.studio._chromium import ARGS, CHROMIUM, MISSING


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Launched once per test module (a launch costs about a second of CPU); each test opens its own context.
    Not once per session: Playwright's sync API holds an event loop of its own while it runs."""
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()
