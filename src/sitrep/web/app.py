"""The web app: the JSON API, the offline pages and their static files, behind the security guard.

Pages are plain HTML files whose scripts fetch the API; nothing from a report is ever put
into HTML on the server, so there is no server-side template to escape.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..kb.db import create, sessions
from . import api, jobs, pages, records, security, upload

HERE = Path(__file__).parent
PAGES = (
    "map",
    "graph",
    "timeline",
    "documents",
    "reader",
    "dossier",
    "add",
    "claims",
    "contradictions",
    "source",
)


def create_app(
    db: str | None = None, token: str | None = None, hosts: Sequence[str] = security.LOOPBACK_HOSTS
) -> FastAPI:
    """The app on the KB at ``db`` (a URL or SQLite path); with ``token`` every request must carry it.

    ``hosts`` are the names (``Host`` header, port aside) the app answers to; ``"*"`` is any.
    """
    problem = security.weak_token(token)
    if problem:
        raise ValueError(problem)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The contradictions list is the one view that reads the whole KB: build it before the
        # first request asks (on a 10,000-event KB about a second), in the background.
        app.state.warming = threading.Thread(
            target=records.warm, args=(app.state.sessions,), name="sitrep-warm", daemon=True
        )
        app.state.warming.start()
        yield
        app.state.warming.join()  # it reads the KB: done before the engine goes
        app.state.jobs.close()
        engine.dispose()

    engine = create(db)
    app = FastAPI(
        title="sitrep",
        summary="Conflict reporting as a sourced, mapped picture.",
        lifespan=lifespan,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )  # the docs pages load from CDNs
    app.state.sessions = sessions(engine)
    app.state.jobs = jobs.Jobs(app.state.sessions)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for name in PAGES:
        app.add_api_route(f"/{name}", _page(name), methods=["GET"], include_in_schema=False)
    app.add_api_route(
        "/", lambda: RedirectResponse("/map"), methods=["GET"], include_in_schema=False
    )
    app.add_api_route("/login", _page("login"), methods=["GET"], include_in_schema=False)
    signed = security.Sessions(token) if token else None
    app.add_api_route(
        "/login",
        _sign_in(token, signed, security.LoginLimit()),
        methods=["POST"],
        include_in_schema=False,
    )
    app.add_api_route("/logout", _sign_out(signed), methods=["POST"], include_in_schema=False)
    app.add_middleware(upload.BodyLimit, path="/api/reports")
    app.add_middleware(security.Guard, token=token, sessions=signed)
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=list(hosts)
    )  # added last, so it runs first
    return app


def _page(name: str):
    html = pages.render(name)

    def serve() -> HTMLResponse:
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    serve.__name__ = f"page_{name}"
    return serve


def _sign_in(token: str | None, sessions: security.Sessions | None, limit: security.LoginLimit):
    def sign_in(
        request: Request, token_field: Annotated[str, Form(alias="token", max_length=1000)] = ""
    ) -> Response:
        """A right token sets a signed, expiring session cookie (HttpOnly, SameSite=Strict) and a CSRF
        cookie, then opens the map; a wrong one is refused; too many tries are answered 429."""
        if not token or sessions is None:  # an open app needs no sign-in
            return RedirectResponse("/map", status_code=303)
        wait = limit.wait_s(request.client.host if request.client else "?")
        if wait:
            return JSONResponse(
                {"detail": "too many sign-in attempts; wait and try again"},
                status_code=429,
                headers={"Retry-After": str(int(wait) + 1)},
            )
        if not security.token_ok(token_field, token):
            return RedirectResponse("/login?failed=1", status_code=303)
        cookie, csrf = sessions.issue(request.headers.get("host", ""))
        response = RedirectResponse("/map", status_code=303)
        secure = request.url.scheme == "https"
        response.set_cookie(
            security.COOKIE,
            cookie,
            max_age=security.SESSION_S,
            httponly=True,
            samesite="strict",
            secure=secure,
            path="/",
        )
        response.set_cookie(
            security.CSRF_COOKIE,
            csrf,
            max_age=security.SESSION_S,
            samesite="strict",
            secure=secure,
            path="/",
        )
        return response

    return sign_in


def _sign_out(sessions: security.Sessions | None):
    def sign_out(request: Request) -> Response:
        """Ends the session now (it stays refused even if the cookie is replayed) and clears the cookies."""
        nonce = getattr(request.state, "session", None)
        if sessions is not None and nonce:
            sessions.revoke(nonce)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(security.COOKIE, path="/")
        response.delete_cookie(security.CSRF_COOKIE, path="/")
        return response

    return sign_out
