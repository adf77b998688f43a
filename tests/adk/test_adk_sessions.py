"""ADK's session routes against a real server, checked against ADK's own field lists."""

from __future__ import annotations

import pytest

from tests._server import LiveServer

# google-adk is not installable here; these are the JSON keys of ADK's ``google.adk.sessions.Session``
# pydantic model (fields id, app_name, user_id, state, events, last_update_time) as its
# ``alias_generator=alias_generators.to_camel`` writes them.
ADK_SESSION_KEYS = {"id", "appName", "userId", "state", "events", "lastUpdateTime"}
# ADK's Event serialises with the same camelCase aliases; these keys every event carries
ADK_EVENT_KEYS = {"id", "invocationId", "author", "timestamp", "actions"}
ADK_ACTIONS_KEYS = {"stateDelta", "artifactDelta", "requestedAuthConfigs"}


def test_list_apps_names_the_configured_agents(server: LiveServer) -> None:
    response = server.client.get("/list-apps")
    assert response.status_code == 200
    assert response.json() == ["nemo_agent", "reelforge"]


def test_create_get_list_patch_delete_speak_adks_session_json(server: LiveServer) -> None:
    headers = server.auth(server.token())
    base = "/apps/reelforge/users/me/sessions"
    created = server.client.post(base, headers=headers, json={"state": {"name": "trip", "language": "zh"}})
    assert created.status_code == 200, created.text
    session = created.json()
    assert set(session) == ADK_SESSION_KEYS
    assert session["appName"] == "reelforge" and session["userId"] == "me" and session["events"] == []
    assert session["state"]["name"] == "trip" and session["state"]["language"] == "zh"
    assert isinstance(session["lastUpdateTime"], float)

    chosen = server.client.post(f"{base}/my-session-1", headers=headers, json={"name": "second"})
    assert chosen.status_code == 200 and chosen.json()["id"] == "my-session-1"
    listed = server.client.get(base, headers=headers).json()
    assert [s["id"] for s in listed] == [session["id"], "my-session-1"]
    assert all(set(s) == ADK_SESSION_KEYS for s in listed)

    draft = {"v": 1, "m": {"w": 1080, "h": 1920, "fps": 30, "bg": "#000000"}, "d": 3000,
             "t": [{"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 3000, "m": {"text": "Hi"}}]}]}
    patched = server.client.patch(f"{base}/{session['id']}", headers=headers, json={"stateDelta": {"draft": draft}})
    assert patched.status_code == 200, patched.text
    assert patched.json()["state"]["draft"]["t"][0]["sg"][0]["m"]["text"] == "Hi"
    assert patched.json()["state"]["draft_version"] == 1

    assert server.client.delete(f"{base}/{session['id']}", headers=headers).status_code == 200
    assert server.client.get(f"{base}/{session['id']}", headers=headers).status_code == 404


def test_a_turn_run_through_run_shows_up_as_the_sessions_events(server: LiveServer) -> None:
    token = server.token()
    headers = server.auth(token)
    session = server.client.post("/apps/nemo_agent/users/me/sessions", headers=headers, json={}).json()
    run = server.client.post("/run", headers=headers, json={
        "appName": "nemo_agent", "userId": "me", "sessionId": session["id"],
        "newMessage": {"role": "user", "parts": [{"text": "add the title \"Hello\""}]}})
    assert run.status_code == 200, run.text
    events = server.client.get(f"/apps/nemo_agent/users/me/sessions/{session['id']}", headers=headers).json()["events"]
    assert events, "the turn's events are recorded on the session"
    assert all(ADK_EVENT_KEYS <= set(event) and ADK_ACTIONS_KEYS <= set(event["actions"]) for event in events)


def test_someone_elses_user_or_session_is_404(server: LiveServer) -> None:
    mine, theirs = server.auth(server.token()), server.auth(server.token())
    session = server.client.post("/apps/reelforge/users/me/sessions", headers=mine, json={}).json()
    assert server.client.get(f"/apps/reelforge/users/me/sessions/{session['id']}", headers=theirs).status_code == 404
    assert server.client.get("/apps/reelforge/users/usr_someone/sessions", headers=mine).status_code == 404
    assert server.client.delete(f"/apps/reelforge/users/me/sessions/{session['id']}", headers=theirs).status_code == 404
    assert server.client.get("/apps/unknown_app/users/me/sessions", headers=mine).status_code == 404
    assert server.client.get("/apps/reelforge/users/me/sessions").status_code == 401


@pytest.mark.parametrize(("body", "field"), [
    ({"stateDelta": {"color": "red"}}, "state.color"),
    ({"stateDelta": {"language": "fr"}}, "state.language"),
    ({"stateDelta": {"draft": {"v": 1, "t": [{"id": "v1", "tt": 0, "sg": [{"id": "s", "s": 0, "d": -5}]}]}}},
     "t[0].sg[0]"),
])
def test_state_changes_reelforge_cannot_keep_are_refused_by_name(server: LiveServer, body: dict, field: str) -> None:
    headers = server.auth(server.token())
    session = server.client.post("/apps/reelforge/users/me/sessions", headers=headers, json={}).json()
    response = server.client.patch(f"/apps/reelforge/users/me/sessions/{session['id']}", headers=headers, json=body)
    assert response.status_code == 400
    assert response.json()["data"]["field"].startswith(field)
