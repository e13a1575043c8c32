"""Schemathesis drives every read operation of the OpenAPI schema with generated requests:
whatever a client sends, the API answers without a server error.

Adding a report runs the whole pipeline per request, so it is left to the upload tests in
test_web_api.py rather than fuzzed here.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from web_fixtures import fill, sample

from sitrep.kb.db import open_kb
from sitrep.web.app import create_app
from sitrep.web.security import LOOPBACK_HOSTS


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web-schema") / "kb.db")
    with open_kb(path) as factory:
        fill(factory, sample())
    # schemathesis calls the app as host "testserver": allowed here, besides the loopback names
    app = create_app(path, hosts=[*LOOPBACK_HOSTS, "testserver"])
    return schemathesis.openapi.from_asgi("/api/openapi.json", app)


schema = schemathesis.pytest.from_fixture("web_schema").exclude(method="POST")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} {case.query}: {response.status_code} {response.text[:300]}"
    )
