"""Each protocol error provoked over HTTP: expired token, 2001 with bind_url, 429, the run endpoints."""

from __future__ import annotations

from datetime import timedelta

from reelforge.services.auth import hash_token
from reelforge.store import utcnow
from reelforge.store.repos import TokenRepo
from tests._server import TINY, LiveServer
from tests.api.sse import sse_events, texts


def _run_body(session_id: str, text: str) -> dict[str, object]:
    return {"app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
            "new_message": {"parts": [{"text": text}]}}


def test_an_expired_token_answers_1001(server: LiveServer) -> None:
    token = server.token()
    with server.services.db.write() as db:
        found = TokenRepo(db).active_by_hash(hash_token(token))
        assert found is not None
        TokenRepo(db).expire(found[0].id, utcnow() - timedelta(seconds=1))
    response = server.client.get("/api/credits/balance/simple", headers=server.auth(token))
    assert response.status_code == 401 and response.json()["code"] == 1001


def test_generation_beyond_the_credits_answers_2001_with_a_bind_url(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(anonymous_credits=1)
    token = server.token()
    session_id = server.session(token)
    with server.client.stream("POST", "/run_sse", json=_run_body(session_id, "generate a 3-second video of a forest"),
                              headers=server.auth(token)) as response:
        events = [e for e in sse_events(response) if e is not None]
    (refusal,) = [p["functionResponse"]["response"] for e in events for p in e.get("content", {}).get("parts", [])
                  if "functionResponse" in p]
    assert refusal["code"] == 2001 and refusal["ok"] is False
    assert refusal["bind_url"].startswith(server.url + "/bind?bind=usr_")
    assert texts(events)[-1]
    balance = server.client.get("/api/credits/balance/simple", headers=server.auth(token)).json()["data"]
    assert balance == {"available": 1, "frozen": 0, "total": 1}


def test_too_many_requests_answer_429_with_retry_after(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(rate_limit="3/minute")
    token = server.token()
    codes = [server.client.get("/api/credits/balance/simple", headers=server.auth(token)) for _ in range(4)]
    assert [r.status_code for r in codes] == [200, 200, 200, 429]
    # the real wait: until the oldest of the three leaves the one-minute window
    assert 1 <= int(codes[-1].headers["retry-after"]) <= 60 and codes[-1].json()["code"] == 429


def test_anonymous_tokens_are_rate_limited_per_address(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(anonymous_token_address_rate="2 per 7 day")
    answers = [server.client.post("/api/auth/anonymous-token", headers={"X-Client-Id": f"c{i}"}) for i in range(3)]
    assert [r.status_code for r in answers] == [200, 200, 429]
    assert answers[-1].headers["retry-after"]
    again = server.client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c0"})
    assert again.status_code == 200  # an existing client gets its token back: nothing new is minted


def test_run_sse_for_an_unknown_session_answers_1002_before_streaming(server: LiveServer) -> None:
    token = server.token()
    response = server.client.post("/run_sse", json=_run_body("ses_nothere", "hello"), headers=server.auth(token))
    assert response.status_code == 404 and response.json()["code"] == 1002
    assert response.headers["content-type"].startswith("application/json")


def test_run_accepts_camel_case_and_returns_the_events_as_a_list(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    body = {"appName": "nemo_agent", "userId": "me", "sessionId": session_id, "streaming": False,
            "newMessage": {"role": "user", "parts": [{"text": "show tracks"}]}}
    response = server.client.post("/run", json=body, headers=server.auth(token))
    assert response.status_code == 200
    events = response.json()
    assert isinstance(events, list) and texts(events)
    assert all(e["invocationId"] == events[0]["invocationId"] for e in events)


def test_a_resent_message_runs_once_and_charges_once(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token, canvas=TINY)
    body = _run_body(session_id, "generate a 2-second video of rain on a window")
    first = server.client.post("/run", json=body, headers=server.auth(token)).json()
    second = server.client.post("/run", json=body, headers=server.auth(token)).json()
    assert first[0]["invocationId"] == second[0]["invocationId"]
    balance = server.client.get("/api/credits/balance/simple", headers=server.auth(token)).json()["data"]
    assert balance["available"] == 98
    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token)).json()
    assert len(state["data"]["state"]["generated_media"]) == 1
