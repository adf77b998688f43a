"""The studio in a real browser: Playwright driving Debian's chromium against a real server.

Skipped (with the reason) where /usr/bin/chromium is absent: ``apt-get install chromium``.
Screenshots of the main states land in ``test-output/studio/`` (git-ignored).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import av
import pytest

from tests._server import LiveServer
from tests.studio._chromium import CHROMIUM, MISSING, OUT

PROMPT = "generate a 3 second clip of a sunset over a lake"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING),
]


def _shot(page: Any, name: str, full_page: bool = True) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUT / name), full_page=full_page)


def _say(page: Any, text: str) -> None:
    page.fill("#chat-input", text)
    page.press("#chat-input", "Enter")
    page.wait_for_selector("#send-btn:not([disabled])", timeout=90_000)


def test_prompt_to_clip_title_undo_export_and_download(browser: Any, server: LiveServer, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US", accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert re.search(r"/\?session=ses_", page.url)
    _shot(page, "01-empty.png")

    _say(page, PROMPT)
    page.wait_for_selector("#timeline .seg.video", timeout=60_000)
    # two-stage generation: the clip arrives with scene music and a title from the prompt
    page.wait_for_selector("#timeline .seg.text", timeout=30_000)
    page.wait_for_selector("#timeline .seg.audio", timeout=30_000)
    page.wait_for_selector("#player[src*='preview.mp4']", timeout=30_000)
    assert page.locator(".msg.agent").last.inner_text().strip()
    page.wait_for_timeout(500)
    _shot(page, "02-clip.png")

    _say(page, 'add the title "Golden Hour"')
    page.wait_for_selector("#timeline .seg.text:has-text('Golden Hour')", timeout=30_000)
    page.wait_for_selector("#player-busy", state="hidden", timeout=30_000)
    page.evaluate("document.querySelector('#player').currentTime = 1.5")
    page.wait_for_timeout(700)
    _shot(page, "03-title.png")
    shutil.copyfile(OUT / "03-title.png", OUT / "laptop.png")

    page.click("#undo-btn")
    page.wait_for_selector("#timeline .seg.text:has-text('Golden Hour')", state="detached", timeout=30_000)
    assert page.locator("#timeline .seg.video").count() == 1
    assert page.locator("#timeline .seg.text").count() == 1  # the automatic title stays

    # the music library lists every style with a sample to listen to
    page.wait_for_selector("#styles li audio", timeout=10_000)
    assert page.locator("#styles li").count() >= 8

    page.click("#export-btn")
    page.wait_for_selector("#download-link:not([hidden])", timeout=120_000)
    _shot(page, "04-export.png")
    with page.expect_download() as download:
        page.click("#download-link")
    saved = tmp_path / "export.mp4"
    download.value.save_as(saved)
    with av.open(str(saved)) as container:
        assert container.streams.video[0].codec_context.name == "h264"
        assert float(container.duration or 0) / av.time_base == pytest.approx(3.0, abs=0.3)
    page.wait_for_selector("#renders a", timeout=10_000)

    page.set_viewport_size({"width": 390, "height": 844})  # a phone in portrait
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    _shot(page, "05-phone.png", full_page=False)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, "nothing spills sideways on a phone"
    context.close()


def test_claim_link_opens_the_right_session_and_a_forged_one_does_not(browser: Any, server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token, language="zh")
    run = server.client.post("/run", headers=server.auth(token), json={
        "app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
        "new_message": {"parts": [{"text": 'add the title "Claimed"'}]}})
    assert run.status_code == 200, run.text
    claim = server.client.post("/api/auth/claim-token", headers=server.auth(token),
                               json={"session_id": session_id}).json()["data"]["claim_token"]

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server.url}/workspace/claim?ct={claim}")
    page.wait_for_selector("body[data-ready=true]")
    assert page.url.endswith(f"/?session={session_id}") and "clm_" not in page.url
    page.wait_for_selector("#timeline .seg.text:has-text('Claimed')")
    assert page.inner_text("#timeline-heading") == "时间线"  # follows navigator.language
    assert token not in page.content()
    _shot(page, "06-claimed-zh.png")
    context.close()

    stranger = browser.new_context()
    page = stranger.new_page()
    response = page.goto(f"{server.url}/workspace/claim?ct=clm_{'x' * 43}")
    assert response is not None and response.status == 403
    assert "does not work" in page.inner_text("body")
    _shot(page, "07-forged.png")
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert session_id not in page.url  # a fresh anonymous session, never the claimed one
    assert page.locator("#timeline .seg").count() == 0
    stranger.close()


def test_uploading_photos_offers_a_slideshow_that_builds_moving_clips(browser: Any, server: LiveServer,
                                                                     tmp_path: Path) -> None:
    import subprocess

    from reelforge.ffmpeg import ffmpeg_exe

    photos = []
    for name, colour in (("red.png", "red"), ("blue.png", "blue")):
        photos.append(tmp_path / name)
        subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c={colour}:s=320x240",
                        "-frames:v", "1", str(photos[-1])], check=True)
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    page.set_input_files("#file-input", [str(p) for p in photos])
    chip = page.locator("#suggestions button", has_text="slideshow")
    chip.wait_for(timeout=30_000)
    chip.click()
    page.wait_for_selector("#send-btn:not([disabled])", timeout=90_000)
    page.wait_for_function("document.querySelectorAll('#timeline .seg.video').length === 2", timeout=30_000)
    assert "zoom" in page.locator(".msg.agent").last.inner_text()
    first, second = (page.locator("#timeline .seg.video").nth(i).inner_text() for i in (0, 1))
    assert "zoom in" in first and "zoom out" in second  # the timeline shows each photo's move
    _say(page, "fade out at the end")
    page.wait_for_selector("#timeline .seg.video:has-text('fade out')", timeout=30_000)
    context.close()


def test_a_voice_over_shows_on_its_own_track_and_the_caption_style_is_picked(browser: Any, server: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(server.url + "/")
    page.wait_for_selector("body[data-ready=true]")
    _say(page, "add a voice-over saying Welcome to the coast. The water is warm.")
    voice = page.wait_for_selector("#timeline .track[data-kind=voice] .seg.voice", timeout=30_000)
    assert "Welcome to the coast" in (voice.get_attribute("title") or "")
    assert page.locator("#timeline .track[data-kind=voice] .track-label").inner_text().startswith("Voice")
    assert page.input_value("#caption-style") == "off"
    page.select_option("#caption-style", "highlight")
    page.wait_for_selector("#send-btn:not([disabled])", timeout=30_000)
    page.wait_for_function("document.querySelector('#caption-style').value === 'highlight'", timeout=30_000)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_function("document.querySelector('#caption-style').value === 'highlight'", timeout=30_000)
    _shot(page, "06-voice.png")
    context.close()
