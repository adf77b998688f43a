"""The studio's own CJK font: a subset of the bundled Noto Sans CJK SC, so Chinese shows without system fonts."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTFont

from reelforge.api.studio import STATIC
from reelforge.fonts import common_chinese
from tests._server import LiveServer
from tests.studio._chromium import OUT


def test_the_studio_serves_a_woff_that_draws_its_own_chinese_and_common_text(server: LiveServer) -> None:
    response = server.client.get("/studio/font/cjk.woff", timeout=120)
    assert response.status_code == 200 and response.headers["content-type"] == "font/woff"
    assert response.content[:4] == b"wOFF" and len(response.content) < 4_000_000  # the face is 16 MB
    covered = set(TTFont(io.BytesIO(response.content)).getBestCmap())
    page_chinese = {ch for ch in (STATIC / "js" / "i18n.js").read_text(encoding="utf-8") if "\u4e00" <= ch <= "\u9fff"}
    assert page_chinese and {ord(ch) for ch in page_chinese} <= covered
    assert {ord(ch) for ch in "你好，世界！导出给剪映：城市之梦。"} <= covered
    assert len(common_chinese()) > 7000 and {ord(ch) for ch in common_chinese()} <= covered
    css = (STATIC / "css" / "studio.css").read_text(encoding="utf-8")
    assert "/studio/font/cjk.woff" in css and re.search(r'font-family:[^;]*"reelforge CJK"', css)


@pytest.mark.browser
def test_a_chinese_studio_loads_the_served_font_and_draws_glyphs_not_boxes(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.inner_text("#timeline-heading") == "时间线"
    page.wait_for_function("document.fonts.check('15px \"reelforge CJK\"', '时间线')", timeout=120_000)
    loaded = page.evaluate("""async () => { await document.fonts.ready;
        return [...document.fonts].filter(f => f.family.includes('reelforge CJK')).map(f => f.status); }""")
    assert loaded == ["loaded"]
    # drawn in the served face, distinct characters have distinct shapes (missing glyphs would all be one box)
    widths = page.evaluate("""() => { const c = document.createElement('canvas').getContext('2d');
        c.font = '40px "reelforge CJK"';
        return ['时', '间', '线', '一'].map(ch => c.measureText(ch).actualBoundingBoxRight
                                               - c.measureText(ch).actualBoundingBoxLeft); }""")
    assert len(set(widths)) > 1, widths
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(OUT) / "07-chinese-font.png"))
    context.close()


def test_building_the_subset_closes_the_face_it_read() -> None:
    # subset.load_font keeps the 16 MB face open; left to the collector, a ResourceWarning failed whatever test ran next
    import gc
    import time
    import warnings

    from reelforge.fonts import web_subset

    gc.collect()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        out = web_subset(extra_text=f"𠀀{time.time_ns()}")  # text no cached subset holds: built now
        gc.collect()
    out.unlink()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]
