"""Claim links and the studio cookie, over real HTTP (no browser needed)."""

from __future__ import annotations

import httpx

from tests._server import LiveServer


def _claim(server: LiveServer, token: str, session_id: str) -> str:
    response = server.client.post("/api/auth/claim-token", headers=server.auth(token),
                                  json={"task_id": None, "session_id": session_id})
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["claim_token"].startswith("clm_") and 0 < data["expires_in"] <= 900
    return str(data["claim_token"])


def test_claim_link_opens_that_session_with_a_cookie_and_no_token_in_the_url(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    claim = _claim(server, token, session_id)
    with httpx.Client(base_url=server.url) as browser:
        opened = browser.get(f"/workspace/claim?ct={claim}")
        assert opened.status_code == 303
        assert opened.headers["location"] == f"/?session={session_id}" and "clm_" not in opened.headers["location"]
        cookie = opened.headers.get_list("set-cookie")
        studio = next(c for c in cookie if c.startswith("rf_studio="))
        assert "HttpOnly" in studio and "SameSite=strict" in studio and "Secure" not in studio  # http here
        me = browser.get("/studio/api/session").json()["data"]
        assert me["session_id"] == session_id
        state = browser.get(f"/api/state/nemo_agent/me/{session_id}/latest")
        assert state.status_code == 200 and state.json()["data"]["session_id"] == session_id
        page = browser.get("/").text
        assert token not in page and "rf_" not in browser.cookies.get("rf_studio", "")


def test_a_claim_token_works_once_and_has_no_api_access(server: LiveServer) -> None:
    token = server.token()
    claim = _claim(server, token, server.session(token))
    as_bearer = server.client.get("/api/credits/balance/simple", headers=server.auth(claim))
    assert as_bearer.status_code == 401
    with httpx.Client(base_url=server.url) as browser:
        assert browser.get(f"/workspace/claim?ct={claim}").status_code == 303
    with httpx.Client(base_url=server.url) as browser:
        again = browser.get(f"/workspace/claim?ct={claim}")
        assert again.status_code == 403 and "rf_studio" not in again.headers.get("set-cookie", "")


def test_forged_or_foreign_claims_open_nothing(server: LiveServer) -> None:
    token, other = server.token(), server.token()
    with httpx.Client(base_url=server.url) as browser:
        forged = browser.get("/workspace/claim?ct=clm_forgedforgedforged")
        assert forged.status_code == 403 and "does not work" in forged.text
        assert not browser.cookies
    someone_elses = server.client.post("/api/auth/claim-token", headers=server.auth(other),
                                       json={"session_id": server.session(token)})
    assert someone_elses.status_code == 404 and someone_elses.json()["code"] == 1002


def test_the_cookie_reaches_only_its_own_session(server: LiveServer) -> None:
    token = server.token()
    first, second = server.session(token), server.session(token)
    with httpx.Client(base_url=server.url) as browser:
        browser.get(f"/workspace/claim?ct={_claim(server, token, first)}")
        assert browser.get(f"/api/state/nemo_agent/me/{second}/latest").status_code == 404
        csrf = browser.cookies["rf_csrf"]
        run = browser.post("/run", headers={"X-CSRF-Token": csrf},
                           json={"app_name": "nemo_agent", "user_id": "me", "session_id": second,
                                 "new_message": {"parts": [{"text": "undo"}]}})
        assert run.status_code == 404 and run.json()["code"] == 1002
        for path in (f"/studio/api/sessions/{second}/renders", "/api/render/proxy/lambda/render_elsewhere"):
            other = browser.get(path)
            assert other.status_code == 404 and other.json()["code"] == 1002, path
        assert browser.get(f"/studio/api/sessions/{first}/renders").json()["data"] == {"renders": []}
        # routes the cookie is not for stay unauthenticated
        assert browser.get("/v1/videos").status_code == 401
        assert browser.post("/api/tasks/me/with-session/nemo_agent", headers={"X-CSRF-Token": csrf},
                            json={}).status_code == 401


def test_state_changing_requests_need_the_csrf_token_and_our_origin(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url) as browser:
        started = browser.post("/studio/api/session", json={"language": "zh"})
        assert started.status_code == 200 and started.json()["data"]["language"] == "zh"
        session_id = started.json()["data"]["session_id"]
        body = {"app_name": "reelforge", "user_id": "me", "session_id": session_id,
                "new_message": {"parts": [{"text": "add the title \"Hi\""}]}}
        assert browser.post("/run", json=body).status_code == 403
        assert browser.post("/run", json=body, headers={"X-CSRF-Token": "wrong"}).status_code == 403
        csrf = browser.cookies["rf_csrf"]
        foreign = browser.post("/run", json=body, headers={"X-CSRF-Token": csrf, "Origin": "https://evil.example"})
        assert foreign.status_code == 403
        good = browser.post("/run", json=body, headers={"X-CSRF-Token": csrf, "Origin": server.url})
        assert good.status_code == 200, good.text
        state = browser.get(f"/api/state/reelforge/me/{session_id}/latest").json()["data"]["state"]
        assert any(track["tt"] == 7 for track in state["draft"]["t"])


def test_page_and_assets_are_served_by_the_app_with_a_strict_policy(server: LiveServer) -> None:
    page = server.client.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("js/main.js", "js/api.js", "js/chat.js", "js/timeline.js", "js/i18n.js", "css/studio.css",
                  "logo.svg"):
        response = server.client.get(f"/studio/static/{asset}")
        assert response.status_code == 200, asset
        text = response.text.replace("http://www.w3.org/2000/svg", "")  # a namespace, not a fetch
        assert "http://" not in text and "https://" not in text, f"{asset} points off the server"
    assert server.client.get("/studio/static/../app.py").status_code == 404
