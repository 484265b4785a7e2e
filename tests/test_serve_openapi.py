"""The OpenAPI description is checked against the live app with schemathesis.

Generated requests to every operation must never give a 5xx, and every response
must match its documented status codes, content types and JSON schemas.  (The
API is deliberately lenient about input the schema does not forbid, so the
"schema-valid request rejected" / "invalid request accepted" checks are left out.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from starlette.applications import Starlette

from petcasefinder.openapi import document
from petcasefinder.serve import create_app

schema = schemathesis.openapi.from_dict(document())  # the document /openapi.json serves (test_serve checks)


@pytest.fixture(scope="module")
def app(demo_db: Path) -> Starlette:
    """The app over the demo database (built once per session, so the schema cannot load it at import)."""
    return create_app(demo_db)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_matches_its_description(case: schemathesis.Case, app: Starlette) -> None:
    case.call_and_validate(
        app=app,
        excluded_checks=[schemathesis.checks.positive_data_acceptance, schemathesis.checks.negative_data_rejection],
    )
