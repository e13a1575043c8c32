"""The web app: the JSON API, the offline pages and their static files, behind the security guard.

Pages are plain HTML files whose scripts fetch the API; nothing from a report is ever put
into HTML on the server, so there is no server-side template to escape.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from ..kb.db import create, sessions
from . import api, pages, security, upload

HERE = Path(__file__).parent
PAGES = ("map", "graph", "timeline", "documents", "reader", "dossier", "add", "claims", "contradictions", "source")


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The app on the KB at ``db`` (a URL or SQLite path); with ``token`` every request must carry it."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    engine = create(db)
    app = FastAPI(title="sitrep", summary="Conflict reporting as a sourced, mapped picture.", lifespan=lifespan,
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)  # the docs pages load from CDNs
    app.state.sessions = sessions(engine)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for name in PAGES:
        app.add_api_route(f"/{name}", _page(name), methods=["GET"], include_in_schema=False)
    app.add_api_route("/", lambda: RedirectResponse("/map"), methods=["GET"], include_in_schema=False)
    app.add_api_route("/login", _page("login"), methods=["GET"], include_in_schema=False)
    app.add_api_route("/login", _sign_in(token), methods=["POST"], include_in_schema=False)
    app.add_middleware(upload.BodyLimit, path="/api/reports")
    app.add_middleware(security.Guard, token=token)  # added last, so it runs first
    return app


def _page(name: str):
    html = pages.render(name)

    def serve() -> HTMLResponse:
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    serve.__name__ = f"page_{name}"
    return serve


def _sign_in(token: str | None):
    def sign_in(token_field: Annotated[str, Form(alias="token", max_length=1000)] = "") -> Response:
        """A right token sets an HttpOnly, SameSite=Strict cookie and opens the map; a wrong one is refused."""
        if not token:  # an open app needs no sign-in
            return RedirectResponse("/map", status_code=303)
        if not security.token_ok(token_field, token):
            return RedirectResponse("/login?failed=1", status_code=303)
        response = RedirectResponse("/map", status_code=303)
        response.set_cookie(security.COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    return sign_in
