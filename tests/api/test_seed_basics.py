"""Token, session, credits, state and the error envelope over real HTTP."""

from __future__ import annotations

from tests._server import LiveServer


def test_anonymous_token_needs_a_client_id(server: LiveServer) -> None:
    response = server.client.post("/api/auth/anonymous-token")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == 400 and "X-Client-Id" in body["message"]


def test_same_client_id_gets_the_same_user_and_token(server: LiveServer) -> None:
    first = server.client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "abc"}).json()["data"]
    again = server.client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "abc"}).json()["data"]
    other = server.client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "xyz"}).json()["data"]
    assert first["token"] == again["token"] and first["user_id"] == again["user_id"]
    assert other["token"] != first["token"]
    assert first["credits"] == 100 and set(first["scopes"]) >= {"read", "write", "upload", "render"}


def test_new_session_has_an_empty_1080p_draft(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token)).json()
    assert state["code"] == 0
    draft = state["data"]["state"]["draft"]
    assert draft["t"] == [] and draft["m"]["w"] == 1920 and draft["m"]["h"] == 1080
    assert state["data"]["state"]["canvas_config"] == draft["m"]
    assert state["data"]["state"]["video_infos"] == [] and state["data"]["state"]["generated_media"] == []


def test_credits_balance_of_a_new_user(server: LiveServer) -> None:
    token = server.token()
    body = server.client.get("/api/credits/balance/simple", headers=server.auth(token)).json()
    assert body == {"code": 0, "message": "ok", "data": {"available": 100, "frozen": 0, "total": 100}}


def test_missing_and_bad_tokens_answer_1001(server: LiveServer) -> None:
    missing = server.client.get("/api/credits/balance/simple")
    bad = server.client.get("/api/credits/balance/simple", headers={"Authorization": "Bearer rf_nope"})
    for response in (missing, bad):
        assert response.status_code == 401 and response.json()["code"] == 1001


def test_unknown_session_answers_1002(server: LiveServer) -> None:
    token = server.token()
    response = server.client.get("/api/state/nemo_agent/me/ses_nothere/latest", headers=server.auth(token))
    assert response.status_code == 404 and response.json()["code"] == 1002


def test_malformed_body_names_the_field(server: LiveServer) -> None:
    token = server.token()
    response = server.client.post("/api/tasks/me/with-session/nemo_agent", headers=server.auth(token),
                                  json={"task_name": ["not", "text"]})
    assert response.status_code == 400
    assert response.json()["code"] == 400 and response.json()["data"]["field"] == "task_name"


def test_unknown_path_and_method_use_the_envelope(server: LiveServer) -> None:
    missing = server.client.get("/api/nothing")
    wrong = server.client.get("/api/auth/anonymous-token")
    assert missing.status_code == 404 and missing.json()["code"] == 404
    assert wrong.status_code == 405 and wrong.json()["code"] == 405


def test_openapi_docs_are_served(server: LiveServer) -> None:
    assert server.client.get("/docs").status_code == 200
    assert "/run_sse" in server.client.get("/openapi.json").json()["paths"]
