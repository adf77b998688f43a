"""API benchmark: latency of GET state and credits at 100 concurrent clients, SSE streams held open,
and time to the first SSE byte, against a reelforge server started here as a subprocess on loopback.

The seed protocol's reference backend is a cloud service this machine cannot reach, so there is no
side-by-side figure; the targets (p99 < 25 ms, 300 streams, first byte < 100 ms) stand in for it.

Clients: 100 asyncio clients in this (second) process, each polling state and credits on a fixed
interval (open loop, as the reference client polls), plus a closed-loop burst for throughput.
"""

from __future__ import annotations

import asyncio
import gc
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

CLIENTS = 100
POLL_INTERVAL_S = 0.5
POLL_SECONDS = 8.0
STREAMS = 300
HOLD_S = 4.0
HEARTBEAT_S = 1.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REELFORGE_DATA_DIR": str(data_dir), "REELFORGE_PUBLIC_URL": f"http://127.0.0.1:{port}",
           "REELFORGE_RATE_LIMIT": "100000/minute", "REELFORGE_ANONYMOUS_TOKEN_ADDRESS_RATE": "100000 per 7 day",
           "REELFORGE_HEARTBEAT_S": str(HEARTBEAT_S), "REELFORGE_WORKERS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "reelforge.api", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("api: the server did not start")


async def _user(client: httpx.AsyncClient, index: int) -> tuple[dict[str, str], str]:
    token = (await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": f"bench-{index}"})).json()
    auth = {"Authorization": f"Bearer {token['data']['token']}"}
    session = (await client.post("/api/tasks/me/with-session/nemo_agent", headers=auth, json={})).json()
    return auth, session["data"]["session_id"]


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")  # nothing was served
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _polling(client: httpx.AsyncClient, users: list[tuple[dict[str, str], str]],
                   reference: bool = False) -> tuple[list[float], int, int]:
    """Each user polls on a fixed schedule, every POLL_INTERVAL_S (a poll whose turn came while the previous one
    was still out goes as soon as that one returns). A latency runs from the poll's scheduled time, so a server
    that falls behind shows it (no coordinated omission). Returns the latencies of the polls answered by the end
    of the run (plus one interval), how many were scheduled and how many failed on the wire. A poll whose
    connection broke (``httpx.ReadError`` and the like, seen under heavy load) is not served: it lowers
    polls_served instead of ending the run. ``reference`` polls /health instead: the same client, server
    framework and loopback with no reelforge work, i.e. the floor this machine can measure."""
    latencies: list[float] = []
    begin = time.monotonic()
    stop = begin + POLL_SECONDS
    scheduled = failed = 0

    async def one(auth: dict[str, str], session_id: str, offset: float) -> None:
        nonlocal scheduled, failed
        ticks = [begin + offset + k * POLL_INTERVAL_S for k in range(int(POLL_SECONDS / POLL_INTERVAL_S) + 1)]
        ticks = [tick for tick in ticks if tick < stop]
        scheduled += len(ticks)
        for index, tick in enumerate(ticks):
            await asyncio.sleep(max(0.0, tick - time.monotonic()))
            path = f"/api/state/nemo_agent/me/{session_id}/latest" if index % 2 else "/api/credits/balance/simple"
            if reference:
                path = "/health"
            try:
                response = await client.get(path, headers=auth)
            except httpx.TransportError:
                failed += 1
                continue
            answered = time.monotonic()
            assert response.status_code == 200, response.text
            if answered <= stop + POLL_INTERVAL_S:
                latencies.append((answered - tick) * 1000)

    await asyncio.gather(*(one(a, s, i * POLL_INTERVAL_S / CLIENTS) for i, (a, s) in enumerate(users)))
    return latencies, scheduled, failed


async def _burst(client: httpx.AsyncClient, users: list[tuple[dict[str, str], str]], seconds: float = 3.0) -> float:
    done = 0
    stop = time.monotonic() + seconds

    async def one(auth: dict[str, str], session_id: str) -> None:
        nonlocal done
        while time.monotonic() < stop:
            try:
                await client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=auth)
            except httpx.TransportError:
                continue  # a broken connection is not throughput
            done += 1

    await asyncio.gather(*(one(a, s) for a, s in users))
    return done / seconds


async def _first_byte(client: httpx.AsyncClient, user: tuple[dict[str, str], str], samples: int = 15) -> list[float]:
    auth, session_id = user
    times = []
    for index in range(samples):
        body = {"app_name": "nemo_agent", "session_id": session_id,
                "new_message": {"parts": [{"text": f"show tracks please {index}"}]}}
        started = time.perf_counter()
        async with client.stream("POST", "/run_sse", json=body, headers=auth) as response:
            first_seen = False
            async for _chunk in response.aiter_raw():
                if not first_seen:
                    first_seen = True
                    times.append((time.perf_counter() - started) * 1000)
    return times


async def _streams(base: str, users: list[tuple[dict[str, str], str]]) -> int:
    """Open one generation turn per user; count streams that stay open and get >= 2 heartbeats (or progress)."""
    limits = httpx.Limits(max_connections=STREAMS + 20, max_keepalive_connections=STREAMS + 20)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        healthy = 0

        async def hold(auth: dict[str, str], session_id: str) -> None:
            nonlocal healthy
            body = {"app_name": "nemo_agent", "session_id": session_id,
                    "new_message": {"parts": [{"text": "generate a 30-second video of a calm sea"}]}}
            pings = 0
            try:
                async with client.stream("POST", "/run_sse", json=body, headers=auth) as response:
                    if response.status_code != 200:
                        return
                    with_deadline = time.monotonic() + HOLD_S
                    async for line in response.aiter_lines():
                        # a heartbeat, or a progress event for the one turn whose job is running
                        if line.startswith(": ping") or '"progress"' in line:
                            pings += 1
                        if time.monotonic() >= with_deadline:
                            break
            except (TimeoutError, httpx.TransportError):
                return
            if pings >= 2:
                healthy += 1

        await asyncio.gather(*(hold(a, s) for a, s in users))
        return healthy


async def main() -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        proc = _start_server(Path(folder), port)
        try:
            limits = httpx.Limits(max_connections=CLIENTS + 10, max_keepalive_connections=CLIENTS + 10)
            async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
                users = [await _user(client, i) for i in range(max(CLIENTS, STREAMS))]
                floor, _, _ = await _polling(client, users[:CLIENTS], reference=True)
                # warm-up: one request per client, so the measured run is steady polling, not 100 cold starts
                await asyncio.gather(*(client.get("/api/credits/balance/simple", headers=a) for a, _ in users[:CLIENTS]))
                # the measuring client's own full collections must not show up as server latency
                gc.collect()
                gc.freeze()
                latencies, scheduled, failed = await _polling(client, users[:CLIENTS])
                throughput = await _burst(client, users[:CLIENTS])
                first = await _first_byte(client, users[0])
            streams = await _streams(base, users[:STREAMS])
        finally:
            proc.terminate()
            proc.wait(15)
    p50, p99 = _pct(latencies, 0.5), _pct(latencies, 0.99)
    floor_p99 = _pct(floor, 0.99)
    served = len(latencies) / scheduled
    print(f"GET state/credits, {CLIENTS} clients polling every {POLL_INTERVAL_S} s for {POLL_SECONDS} s: "
          f"{len(latencies)} requests ({served:.0%} of {scheduled} polls, {failed} failed on the wire), "
          f"p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print(f"reference GET /health, same clients and rate: p50 {_pct(floor, 0.5):.1f} ms, "
          f"p99 {floor_p99:.1f} ms (client, framework and loopback alone); state p99 / health p99 = "
          f"{p99 / floor_p99:.2f}")
    print(f"closed-loop GET state, {CLIENTS} clients back to back: {throughput:.0f} requests/s")
    print(f"SSE: {streams}/{STREAMS} streams held {HOLD_S:g} s with heartbeats every {HEARTBEAT_S:g} s")
    print(f"first SSE byte: median {statistics.median(first):.1f} ms over {len(first)} turns")
    print("reference: the cloud backend is not reachable from here; targets p99<25 ms, 300 streams, first byte<100 ms")
    print(f"api: p50_ms={p50:.1f} p99_ms={p99:.1f} p99_ratio={p99 / floor_p99:.2f} polls_served={served:.2f} "
          f"sse_streams={streams} first_byte_ms={statistics.median(first):.1f}")


if __name__ == "__main__":
    asyncio.run(main())
