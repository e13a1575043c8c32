"""The web app's guards: loopback by default, a bearer token for anything else, strict headers.

Reports are sensitive, so a non-loopback bind without ``SITREP_TOKEN`` is refused outright
rather than served open.
"""
from __future__ import annotations

import hmac
import ipaddress

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

COOKIE = "sitrep_token"
# No inline scripts anywhere; styles may be set by the vendored libraries at run time.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
OPEN_PATHS = ("/login", "/static/app.css")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond loopback without a token."""
    if not is_loopback(host) and not token:
        raise SystemExit(f"refusing to bind {host} without SITREP_TOKEN: set a bearer token to serve beyond this machine")


def token_ok(presented: str | None, token: str) -> bool:
    return presented is not None and hmac.compare_digest(presented.encode(), token.encode())


class Guard(BaseHTTPMiddleware):
    """Adds the security headers; with a token set, requires it as a bearer header or the sign-in cookie."""

    def __init__(self, app, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if self.token and not request.url.path.startswith(OPEN_PATHS):
            auth = request.headers.get("authorization", "")
            presented = auth[7:] if auth.lower().startswith("bearer ") else request.cookies.get(COOKIE)
            if not token_ok(presented, self.token):
                if request.url.path.startswith("/api/"):
                    response: Response = JSONResponse({"detail": "a valid bearer token is required"}, status_code=401)
                else:
                    response = RedirectResponse("/login", status_code=303)
                return _secure(response)
        return _secure(await call_next(request))


def _secure(response: Response) -> Response:
    for key, value in HEADERS.items():
        response.headers.setdefault(key, value)
    return response
