"""The web app's guards: loopback by default, a strong token for anything else, strict headers.

Reports are sensitive, so a non-loopback bind without ``SITREP_TOKEN`` is refused outright
rather than served open. On top of the token:

- writes (POST, PUT, PATCH, DELETE) from another site are refused by ``Origin`` and
  ``Sec-Fetch-Site``, in every mode: a page elsewhere cannot make the browser add a report;
- only the hosts the app is served under are answered (``TrustedHostMiddleware`` in the app),
  so a rebinding DNS name cannot read the API;
- a sign-in gives a signed, expiring session cookie bound to the origin, never the token itself,
  plus a CSRF token that writes made with the cookie must echo in ``X-CSRF-Token``
  (``SameSite=Strict`` does not separate two ports of one host);
- ``/login`` is rate-limited per client.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import posixpath
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http import HTTPMethod
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

COOKIE = "sitrep_session"
CSRF_COOKIE = "sitrep_csrf"
CSRF_HEADER = "x-csrf-token"
MIN_TOKEN = 32  # characters; a generated token (secrets.token_urlsafe(32)) has 43
SESSION_S = 8 * 3600  # a sign-in lasts one working day
LOGIN_TRIES = 10  # sign-in attempts per client ...
LOGIN_WINDOW_S = 60  # ... per this many seconds, then 429
# Methods that change the KB: they need the CSRF header and a same-origin request.
UNSAFE = frozenset(
    m.value for m in (HTTPMethod.POST, HTTPMethod.PUT, HTTPMethod.PATCH, HTTPMethod.DELETE)
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
# No inline scripts anywhere; styles may be set by the vendored libraries at run time.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
OPEN_PATHS = frozenset({"/login", "/static/app.css"})


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def weak_token(token: str | None) -> str | None:
    """Why ``token`` is unfit (None when fit, or when no token is set)."""
    if token is None:
        return None
    if len(token.strip()) < MIN_TOKEN or token != token.strip():
        return (
            f"SITREP_TOKEN must be at least {MIN_TOKEN} random characters without surrounding spaces; "
            f"for example: {secrets.token_urlsafe(32)}"
        )
    return None


def check_bind(host: str, token: str | None) -> None:
    """Refuse a weak token, and refuse to serve beyond loopback without a token."""
    problem = weak_token(token)
    if problem:
        raise SystemExit(problem)
    if not is_loopback(host) and not token:
        raise SystemExit(
            f"refusing to bind {host} without SITREP_TOKEN: set a bearer token to serve beyond this machine"
        )


def token_ok(presented: str | None, token: str) -> bool:
    return presented is not None and hmac.compare_digest(presented.encode(), token.encode())


def open_path(path: str) -> bool:
    """Whether ``path`` is served without a sign-in: an exact match once ``..`` and ``//`` are resolved."""
    return posixpath.normpath("/" + path.lstrip("/")) in OPEN_PATHS and ".." not in path.split("/")


def same_origin(request: Request) -> bool:
    """A write from this app's own pages, or from a client that is not a browser (no Origin at all)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower() != ""


@dataclass
class Sessions:
    """Signed sign-in cookies: ``expiry.nonce.mac`` over the origin, keyed from the token.

    Nothing is kept per session but the nonces of sessions signed out before they expired.
    """

    token: str
    revoked: dict[str, float] = field(default_factory=dict)

    def _mac(self, *parts: str) -> str:
        key = hashlib.sha256(b"sitrep-session\x00" + self.token.encode()).digest()
        return hmac.new(key, "\x00".join(parts).encode(), hashlib.sha256).hexdigest()

    def issue(self, host: str) -> tuple[str, str]:
        """A new session cookie for ``host`` and its CSRF token."""
        expiry, nonce = str(int(time.time()) + SESSION_S), secrets.token_urlsafe(16)
        return f"{expiry}.{nonce}.{self._mac('session', expiry, nonce, host)}", self._mac(
            "csrf", nonce
        )

    def nonce(self, cookie: str | None, host: str) -> str | None:
        """The session's nonce when ``cookie`` is genuine, unexpired, not signed out and for ``host``."""
        expiry, nonce, mac = (
            (cookie or "").split(".", 2) if (cookie or "").count(".") == 2 else ("", "", "")
        )
        if not expiry.isdigit() or int(expiry) < time.time() or nonce in self.revoked:
            return None
        return (
            nonce if hmac.compare_digest(mac, self._mac("session", expiry, nonce, host)) else None
        )

    def csrf_ok(self, nonce: str, presented: str | None) -> bool:
        return presented is not None and hmac.compare_digest(presented, self._mac("csrf", nonce))

    def revoke(self, nonce: str) -> None:
        now = time.time()
        self.revoked = {n: t for n, t in self.revoked.items() if t > now}
        self.revoked[nonce] = now + SESSION_S


class LoginLimit:
    """At most ``LOGIN_TRIES`` sign-ins per client address per ``LOGIN_WINDOW_S``."""

    def __init__(self, tries: int = LOGIN_TRIES, window_s: float = LOGIN_WINDOW_S) -> None:
        self.tries, self.window_s = tries, window_s
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait_s(self, client: str) -> float:
        """0 to go ahead (and count this try), else the seconds until the next try is allowed."""
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:  # forget idle clients so the table cannot grow without end
                self._seen = {
                    c: q for c, q in self._seen.items() if q and q[-1] > now - self.window_s
                }
            seen = self._seen.setdefault(client, deque())
            while seen and seen[0] <= now - self.window_s:
                seen.popleft()
            if len(seen) >= self.tries:
                return seen[0] + self.window_s - now
            seen.append(now)
            return 0.0


def _refuse(request: Request, status: int, detail: str) -> Response:
    if request.url.path.startswith("/api/") or status != 401:
        return JSONResponse({"detail": detail}, status_code=status)
    return RedirectResponse("/login", status_code=303)


class Guard(BaseHTTPMiddleware):
    """Security headers on every answer; cross-site writes refused; with a token set, every
    request not on an open path carries it as a bearer header or a signed session cookie."""

    def __init__(self, app, token: str | None, sessions: Sessions | None = None) -> None:
        super().__init__(app)
        self.token = token
        self.sessions = sessions or (Sessions(token) if token else None)

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        unsafe = request.method in UNSAFE
        if unsafe and not same_origin(request):
            return _secure(_refuse(request, 403, "cross-site request refused"))
        if self.sessions is not None and not open_path(request.url.path):
            refused = self._signed_in(request, unsafe)
            if refused is not None:
                return _secure(refused)
        return _secure(await call_next(request))

    def _signed_in(self, request: Request, unsafe: bool) -> Response | None:
        """None when the request may go on, else the answer that refuses it."""
        assert self.sessions is not None and self.token is not None
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return (
                None
                if token_ok(auth[7:], self.token)
                else _refuse(request, 401, "a valid bearer token is required")
            )
        nonce = self.sessions.nonce(request.cookies.get(COOKIE), request.headers.get("host", ""))
        if nonce is None:
            return _refuse(request, 401, "a valid bearer token is required")
        if unsafe and not self.sessions.csrf_ok(nonce, request.headers.get(CSRF_HEADER)):
            return _refuse(
                request,
                403,
                f"missing or wrong CSRF token (send the {CSRF_COOKIE} cookie's value "
                f"as X-CSRF-Token)",
            )
        request.state.session = nonce
        return None


def _secure(response: Response) -> Response:
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    return response
