"""Shared fixtures: real SQLite files in tmp_path, the shared data folder, the demo database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from petcasefinder.index.sqlite import Store
from petcasefinder.settings import find_shared_data

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def shared() -> Path:
    p = find_shared_data()
    if p is None:
        pytest.fail("../shared/data not found (set PETCASEFINDER_SHARED_DATA)")
    return p


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """The demo database built once per test session by the same builder README command 1 uses."""
    from petcasefinder.fixtures import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as s:
        build_demo(s, shared)
    return path


@pytest.fixture
def demo_store(demo_db: Path) -> Iterator[Store]:
    s = Store(demo_db)
    yield s
    s.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's chromium driven by Playwright (never a downloaded browser build)."""
    from playwright.sync_api import sync_playwright

    from browser_support import ARGS, CHROMIUM

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
