"""API fuzzing (schemathesis) of the site's own OpenAPI description: 0 server errors.

The description is fetched from the running site (``/openapi.json``), exactly as
a client would, from ``petcasefinder serve`` started as a subprocess on a free
loopback port over the demo database plus one hostile record (``serve_data``).
Every operation gets valid and invalid inputs (negative mode: wrong types, out
of range limits, over-long queries, control characters including NUL); a 5xx
answer, or a response that breaks the connection, fails the test.  Examples
are bounded and deterministic so the run stays well under a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from petcasefinder.loadtest import serve
from serve_data import add_hostile, copy_db

MAX_EXAMPLES = 40


@pytest.fixture(scope="module")
def api_base(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("api")
    db = copy_db(demo_db, folder / "api.db")
    add_hostile(db)
    with serve(db, workers=1, log=folder / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def api_schema(api_base: str) -> Any:
    schema = schemathesis.openapi.from_url(api_base + "/openapi.json")
    schema.config.update(base_url=api_base)
    return schema


# schemathesis's own pytest plugin (``from_fixture``) does not run under pytest 9, so each operation the site
# describes is driven through schemathesis's public strategy API (``APIOperation.as_strategy``) inside a
# Hypothesis test here; every operation runs, and all failures are reported together.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_no_server_errors(api_schema: Any, mode: GenerationMode) -> None:
    failures: dict[str, str] = {}
    tested: list[str] = []
    for result in api_schema.get_all_operations():
        op = result.ok()

        @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=op.as_strategy(generation_mode=mode))
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error], timeout=30)

        try:
            run()
            tested.append(op.label)
        except Unsatisfiable:  # e.g. a path parameter whose only invalid value (empty) cannot form a URL
            continue
        except Exception as e:  # noqa: BLE001 - collected, reported below with the operation
            failures[op.label] = " ".join(str(e).split())[:1500]
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())
    assert len(tested) >= 3, tested
    print(f"schemathesis {mode.value}: {len(tested)} operations x {MAX_EXAMPLES} examples, 0 server errors")


def test_description_is_served_and_lists_the_json_twins(api_base: str) -> None:
    import httpx

    doc = httpx.get(api_base + "/openapi.json", timeout=10).json()
    assert doc["openapi"].startswith("3.")
    assert {"/search.json", "/case/{key}.json"} <= set(doc["paths"])
