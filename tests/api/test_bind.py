"""The 2001 refusal's bind link over real HTTP: the page it opens, and the binding that lifts the refusal."""

from __future__ import annotations

from typing import Any

from reelforge.api.routes_bind import preferred_language
from reelforge.services.accounts import bind_account
from tests._server import TINY, LiveServer
from tests.api.sse import sse_events


def _generate(server: LiveServer, token: str, session_id: str) -> dict[str, Any]:
    body = {"app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
            "new_message": {"parts": [{"text": "generate a 1-second video of a forest"}]}}
    with server.client.stream("POST", "/run_sse", json=body, headers=server.auth(token)) as response:
        assert response.status_code == 200
        events = [e for e in sse_events(response) if e is not None]
    (answer,) = [p["functionResponse"]["response"] for e in events for p in e.get("content", {}).get("parts", [])
                 if "functionResponse" in p and p["functionResponse"]["name"] == "generate_video"]
    return dict(answer)


def test_the_bind_link_explains_binding_and_binding_lifts_the_refusal(server_factory) -> None:  # type: ignore[no-untyped-def]
    # the turn is re-sent word for word after the binding, so turn dedupe must not join the first one
    server: LiveServer = server_factory(anonymous_credits=0, turn_dedupe_s=0, auth_cache_s=0)
    token = server.token()
    session_id = server.session(token, canvas=TINY)  # the granted clip's size is never read
    refusal = _generate(server, token, session_id)
    assert refusal["ok"] is False and refusal["code"] == 2001
    bind_url: str = refusal["bind_url"]
    user_id = bind_url.rsplit("=", 1)[1]
    assert bind_url == f"{server.url}/bind?bind={user_id}"

    page = server.client.get(bind_url.removeprefix(server.url))  # no bearer, no cookie
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f"<code>{user_id}</code>" in page.text
    assert f"reelforge users bind {user_id} --credits 1000" in page.text
    assert "/studio/static/css/studio.css" in page.text and "default-src 'self'" in page.headers["content-security-policy"]
    assert "available" not in page.text.lower() and "session" not in page.text.lower()

    bind_account(server.services, user_id, 10)
    granted = _generate(server, token, session_id)
    assert granted["ok"] is True and granted["credits"] == 1
    balance = server.client.get("/api/credits/balance/simple", headers=server.auth(token)).json()["data"]
    assert balance == {"available": 9, "frozen": 0, "total": 9}


def test_a_forged_id_is_not_reflected(server: LiveServer) -> None:
    forged = "usr_<script>alert(1)</script>"
    page = server.client.get("/bind", params={"bind": forged})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text and "alert(1)" not in page.text
    assert "reelforge users bind" in page.text  # still says what to do
    assert server.client.get("/bind").status_code == 400


def test_the_page_follows_accept_language(server: LiveServer) -> None:
    user_id = "usr_0123456789abcdef0123"
    chinese = server.client.get("/bind", params={"bind": user_id}, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    english = server.client.get("/bind", params={"bind": user_id}, headers={"Accept-Language": "en-US,en;q=0.8"})
    assert '<html lang="zh">' in chinese.text and "免费额度已用完" in chinese.text and user_id in chinese.text
    assert '<html lang="en">' in english.text and "free credits" in english.text
    assert chinese.headers["vary"] == "Accept-Language"


def test_preferred_language_ranks_by_quality() -> None:
    assert preferred_language("en;q=0.5, zh-TW;q=0.8") == "zh"
    assert preferred_language("fr, zh;q=0.1, en;q=0.2") == "en"
    assert preferred_language("zh;q=0, en;q=0.1") == "en"
    assert preferred_language("de-DE") == "en" and preferred_language(None) == "en"
