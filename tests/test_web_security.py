"""The web app against a hostile page and a careless operator (issue 23): cross-site writes,
DNS rebinding, weak tokens, session cookies, open paths, chunked uploads, deep JSON and
analysis off the request path."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient
from web_fixtures import fill, sample

from sitrep.kb.db import open_kb
from sitrep.web import security
from sitrep.web.app import create_app
from sitrep.web.upload import MAX_BYTES

BASE = "http://127.0.0.1:8000"
TOKEN = "a-long-enough-token-for-the-tests-0123456789"
REPORT = (
    "Gunmen attack a bakery in Sabha\nGunmen attacked a bakery in Sabha on 4 May 2024, killing one worker, "
    "police said."
)


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("websec") / "kb.db")
    with open_kb(path) as factory:
        fill(factory, sample())
    return path


@pytest.fixture
def open_client(kb_path):
    with TestClient(create_app(kb_path), base_url=BASE) as c:
        yield c


@pytest.fixture
def token_client(kb_path):
    with TestClient(create_app(kb_path, token=TOKEN), base_url=BASE) as c:
        yield c


def _finished(client, url: str, timeout_s: float = 600) -> dict:
    deadline = time.monotonic() + timeout_s
    while (job := client.get(url).json())["status"] in (
        "queued",
        "running",
    ) and time.monotonic() < deadline:
        time.sleep(0.2)
    return job


# 3. Cross-site writes and DNS rebinding -------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1:9999"},  # another port of the same host is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_a_cross_site_post_is_refused_and_nothing_stored(open_client, headers):
    before = open_client.get("/api/documents").json()["total"]
    r = open_client.post("/api/reports", data={"text": REPORT}, headers=headers)
    assert r.status_code == 403, r.text
    assert open_client.get("/api/documents").json()["total"] == before


def test_a_same_origin_post_goes_through(open_client):
    r = open_client.post(
        "/api/reports",
        data={"text": "   "},
        headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
    )
    assert r.status_code == 422  # past the guard, refused by the upload checks


@pytest.mark.parametrize("host", ["rebind.evil.example", "rebind.evil.example:8000", "10.0.0.5"])
def test_a_foreign_host_header_is_refused(open_client, host):
    assert open_client.get("/api/events", headers={"Host": host}).status_code == 400


def test_hosts_given_at_start_are_served(kb_path):
    with TestClient(
        create_app(kb_path, hosts=["sitrep.example.org"]), base_url="https://sitrep.example.org"
    ) as c:
        assert c.get("/api/events").status_code == 200
        assert c.get("/api/events", headers={"Host": "127.0.0.1"}).status_code == 400


# 9. Token hygiene -------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [" ", "short", "x" * 31, " " + "x" * 40])
def test_weak_tokens_are_refused_with_a_strong_one_suggested(token):
    with pytest.raises(SystemExit) as caught:
        security.check_bind("127.0.0.1", token)
    message = str(caught.value)
    suggested = message.rsplit(" ", 1)[-1]
    assert (
        "at least 32" in message and len(suggested) >= 32 and security.weak_token(suggested) is None
    )
    with pytest.raises(ValueError):
        create_app("unused.db", token=token)


def test_serve_refuses_a_blank_token(monkeypatch):
    from typer.testing import CliRunner

    from sitrep.cli import app

    monkeypatch.setenv("SITREP_TOKEN", " ")
    result = CliRunner().invoke(app, ["serve", "--db", "unused.db"])
    assert result.exit_code != 0 and "at least 32" in str(result.exception)


def _sign_in(client) -> str:
    r = client.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/map"
    return client.cookies[security.CSRF_COOKIE]


def test_the_session_cookie_is_signed_expiring_and_bound_to_the_origin(token_client):
    _sign_in(token_client)
    cookie = token_client.cookies[security.COOKIE]
    set_cookie = token_client.post("/login", data={"token": TOKEN}, follow_redirects=False).headers[
        "set-cookie"
    ]
    assert TOKEN not in set_cookie and "Max-Age=" in set_cookie and "HttpOnly" in set_cookie
    assert token_client.get("/api/events").status_code == 200
    # the same cookie presented to another port of the host (another origin) is refused
    assert token_client.get("/api/events", headers={"Host": "127.0.0.1:9000"}).status_code == 401
    expiry, nonce, mac = cookie.split(".")
    forged = f"{int(expiry) + 10**6}.{nonce}.{mac}"
    token_client.cookies.set(security.COOKIE, forged)
    assert token_client.get("/api/events").status_code == 401


def test_an_expired_session_is_refused(token_client, monkeypatch):
    _sign_in(token_client)
    later = time.time() + security.SESSION_S + 1
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert token_client.get("/api/events").status_code == 401


def test_logout_ends_the_session_even_for_a_replayed_cookie(token_client):
    csrf = _sign_in(token_client)
    cookie = token_client.cookies[security.COOKIE]
    r = token_client.post("/logout", headers={"X-CSRF-Token": csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    token_client.cookies.set(security.COOKIE, cookie)
    assert token_client.get("/api/events").status_code == 401


def test_writes_with_the_cookie_need_the_csrf_token(token_client):
    csrf = _sign_in(token_client)
    assert token_client.post("/api/reports", data={"text": "   "}).status_code == 403
    assert (
        token_client.post(
            "/api/reports", data={"text": "   "}, headers={"X-CSRF-Token": "0" * 64}
        ).status_code
        == 403
    )
    assert (
        token_client.post(
            "/api/reports", data={"text": "   "}, headers={"X-CSRF-Token": csrf}
        ).status_code
        == 422
    )
    bearer = {"Authorization": f"Bearer {TOKEN}"}  # not ambient: no CSRF token needed
    token_client.cookies.clear()
    assert (
        token_client.post("/api/reports", data={"text": "   "}, headers=bearer).status_code == 422
    )


def test_login_is_rate_limited(token_client):
    codes = [
        token_client.post(
            "/login", data={"token": f"wrong-{n}"}, follow_redirects=False
        ).status_code
        for n in range(security.LOGIN_TRIES + 5)
    ]
    assert codes[: security.LOGIN_TRIES] == [303] * security.LOGIN_TRIES
    assert set(codes[security.LOGIN_TRIES :]) == {429}
    r = token_client.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


@pytest.mark.parametrize(
    "path",
    [
        "/loginx",
        "/login/../api/events",
        "/static/app.css/../js/map.js",
        "/static/app.cssx",
        "/static//app.css/..//js/common.js",
    ],
)
def test_open_paths_match_exactly(token_client, path):
    r = token_client.get(path, follow_redirects=False)
    assert r.status_code in (303, 401, 404), (path, r.status_code)
    assert r.status_code != 200
    assert token_client.get("/login").status_code == 200
    assert token_client.get("/static/app.css").status_code == 200


def _raw_get(app, path: str) -> int:
    """The status for ``path`` sent as is: the test client would resolve ``..`` before sending."""
    import asyncio

    answer: list[dict] = []
    calls = 0

    async def receive():
        nonlocal calls
        calls += 1
        if calls > 1:  # the client stays connected until the answer is sent
            await asyncio.Event().wait()
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        answer.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    return answer[0]["status"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/app.css/../js/map.js",
        "/login/../api/events",
        "/static/app.css/../../static/js/common.js",
    ],
)
def test_a_dotted_path_behind_an_open_one_needs_a_sign_in(token_client, path):
    assert _raw_get(token_client.app, path) in (303, 401, 404)
    assert _raw_get(token_client.app, "/static/app.css") == 200


def test_open_path_is_an_exact_match():
    assert security.open_path("/login") and security.open_path("/static/app.css")
    for path in ("/loginx", "/login/x", "/static/app.css/../js/map.js", "/static/app.cssx", "/"):
        assert not security.open_path(path), path


# 4. Upload limit while streaming -----------------------------------------------------------------------


def test_a_chunked_upload_over_the_limit_is_refused_while_streaming(open_client):
    """Driven at the ASGI level, as a server hands over a chunked body: the test client would
    buffer the whole body first, hiding how much the app reads."""
    import asyncio

    chunks, read = 200, 0  # 200 chunks of 64 KB: 13 MB if it were all read
    head = b'--zz\r\nContent-Disposition: form-data; name="text"\r\n\r\n'

    async def receive():
        nonlocal read
        read += 1
        body = head if read == 1 else b"x" * 65536
        return {"type": "http.request", "body": body, "more_body": read <= chunks}

    answer: list[dict] = []

    async def send(message):
        answer.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/reports",
        "raw_path": b"/api/reports",
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1:8000"),
            (b"transfer-encoding", b"chunked"),
            (b"content-type", b"multipart/form-data; boundary=zz"),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    asyncio.run(open_client.app(scope, receive, send))
    assert answer[0]["type"] == "http.response.start" and answer[0]["status"] == 413
    assert read * 65536 < MAX_BYTES * 1.5  # reading stopped soon after the limit


# 5. Deep JSON upload ------------------------------------------------------------------------------------


def test_deeply_nested_json_upload_is_a_422(open_client):
    r = open_client.post(
        "/api/reports", files={"file": ("deep.json", b"[" * 5000, "application/json")}
    )
    assert r.status_code == 422 and "nested too deep" in r.json()["detail"]


# 11. Analysis off the request path -----------------------------------------------------------------------


def test_uploads_are_queued_and_reads_do_not_wait(open_client, monkeypatch):
    import sitrep.web.upload as upload

    gate = threading.Event()
    real = upload.analyse_and_store

    def slow(factory, doc):
        gate.wait(30)
        return real(factory, doc)

    monkeypatch.setattr(upload, "analyse_and_store", slow)
    t = time.monotonic()
    r = open_client.post("/api/reports", data={"text": REPORT})
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] == "queued" and job["status_url"] == f"/api/jobs/{job['job']}"
    assert (
        open_client.get("/api/events").status_code == 200
    )  # reads answer while the analysis waits
    assert open_client.get(job["status_url"]).json()["status"] in ("queued", "running")
    assert time.monotonic() - t < 10
    gate.set()
    done = _finished(open_client, job["status_url"])
    assert done["status"] == "done" and done["created"] is True
    assert open_client.get(f"/api/documents/{done['id']}").status_code == 200
    assert open_client.get("/api/jobs/ffff").status_code == 404
