"""/metrics, /ready and the request timing middleware, on a real server over loopback."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests._server import TINY, LiveServer, free_port
from tests.api.test_workflow import chat

STATE_ROUTE = "/api/state/{app}/me/{session_id}/latest"


def scrape(server: LiveServer) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics: (name, sorted labels) -> value."""
    response = server.client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.text) for sample in family.samples}


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_requests_by_route_template_and_jobs_by_kind(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token, canvas=TINY)  # the job is counted, its clip's size never read
    for _ in range(3):
        assert server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest",
                                 headers=server.auth(token)).status_code == 200
    assert server.client.get("/no/such/route").status_code == 404
    chat(server, token, session_id, "generate a 1-second video of a red kite")

    samples = scrape(server)
    # the template, not the raw path: one series however many sessions poll
    assert value(samples, "reelforge_http_request_duration_seconds_count", method="GET", route=STATE_ROUTE,
                 status="200") == 3
    assert value(samples, "reelforge_http_request_duration_seconds_count", method="GET", route="unmatched",
                 status="404") == 1
    assert not any(session_id in str(labels) for _name, labels in samples)
    assert value(samples, "reelforge_jobs", kind="generate", state="completed") == 1
    assert value(samples, "reelforge_job_duration_seconds_count", kind="generate", outcome="completed") == 1
    assert value(samples, "reelforge_job_wait_seconds_count", kind="generate") == 1
    assert value(samples, "reelforge_credits_frozen") == 0
    assert value(samples, "reelforge_queue_depth", queue="generate") == 0
    assert value(samples, "reelforge_sse_streams_open") == 0


def test_a_studio_cookie_request_is_labelled_by_its_route_too(server: LiveServer) -> None:
    # the studio's middleware hands the routes a copy of the scope: the label must still be the route's
    with httpx.Client(base_url=server.url) as browser:
        session_id = browser.post("/studio/api/session", json={}).json()["data"]["session_id"]
        assert browser.get(f"/api/state/reelforge/me/{session_id}/latest").status_code == 200
    assert value(scrape(server), "reelforge_http_request_duration_seconds_count", method="GET", route=STATE_ROUTE,
                 status="200") == 1


def test_an_open_event_stream_is_counted_until_it_ends(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token, canvas=TINY)  # the stream is counted, its clip's size never read
    body = {"app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
            "new_message": {"parts": [{"text": "generate a 6-second video of a slow tide"}]}}
    seen_open: list[float] = []
    with server.client.stream("POST", "/run_sse", json=body, headers=server.auth(token)) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            if line.startswith("data:") and not seen_open:
                seen_open.append(value(scrape(server), "reelforge_sse_streams_open"))
    assert seen_open == [1]
    samples = scrape(server)
    assert value(samples, "reelforge_sse_streams_open") == 0
    # a stream's length is the user's, not the server's: it stays out of the latency histogram
    assert value(samples, "reelforge_http_request_duration_seconds_count", method="POST", route="/run_sse",
                 status="200") == 0


def test_ready_answers_when_database_queue_and_storage_do(server: LiveServer) -> None:
    assert server.client.get("/health").json()["data"] == {"status": "ok"}
    ready = server.client.get("/ready")
    assert ready.status_code == 200
    assert ready.json() == {"code": 0, "message": "ok", "data": {"database": True, "queue": True, "storage": True}}


def test_ready_says_which_dependency_is_unreachable(server_factory: Callable[..., LiveServer]) -> None:
    # a Celery queue whose Redis is not there: alive (/health) but not ready
    server = server_factory(queue="celery", redis_url=f"redis://127.0.0.1:{free_port()}/0", metrics_port=0)
    assert server.client.get("/health").status_code == 200
    ready = server.client.get("/ready")
    assert ready.status_code == 503
    assert ready.json() == {"code": 503, "message": "not ready: queue unreachable",
                            "data": {"database": True, "queue": False, "storage": True}}

