"""The command line: a thin click shell over the stage functions.

Each area registers its commands in its own module (``cli/ingest.py``,
``cli/classify.py``, ...).  Every error the project raises on purpose becomes
one line on stderr and a non-zero exit; anything else is reported the same way
(with a hint to file a bug) rather than as a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from ..errors import NotFound, PetCaseError, StoreUnavailable
from ..index.sqlite import Store
from ..settings import Settings


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PetCaseError as e:
            raise click.ClickException(str(e)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.ClickException("interrupted") from None
        except BrokenPipeError:
            sys.exit(0)
        except Exception as e:  # noqa: BLE001 - the one boundary where unknown errors become one line
            raise click.ClickException(f"internal error: {type(e).__name__}: {e} (please report this)") from None


@click.group(cls=_Group)
@click.version_option(package_name="petcasefinder")
def main() -> None:
    """PetCaseFinder: veterinary case reports from an owner's words."""


@main.group(cls=_Group)
def evaluate() -> None:
    """Print measured quality figures on labelled data."""


@main.group(cls=_Group)
def bench() -> None:
    """Print performance figures (never asserted by tests)."""


def db_option(f: Any) -> Any:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Database file (default: $PETCASEFINDER_DB, else ./petcasefinder.db).",
    )(f)


def open_store(db: Path | None) -> Store:
    return Store(db or Settings.from_env().db_path)


def existing_db(db: Path | None) -> Path:
    """The database path, which must exist: reading commands never create an empty database."""
    path = Path(db or Settings.from_env().db_path)
    if not path.is_file():
        raise StoreUnavailable(f"database not found: {path.resolve()} (run `petcasefinder build` first, or pass --db)")
    return path


def resolve_keys(store: Store, keys: Iterable[str]) -> list[int]:
    """Row ids for PMIDs/DOIs/PMCIDs as users type them; the first unknown one is a one-line error."""
    ids = []
    for key in keys:
        found = store.find(key)
        if found is None:
            raise NotFound(f"unknown PMID/DOI/PMCID: {key.strip()}")
        ids.append(found)
    return ids


def emit_json(obj: Any, *, lines: bool = False) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, separators=(",", ":") if lines else None, indent=None if lines else 2))


def _register() -> None:
    import importlib

    for name in ("ingest", "classify", "case", "search", "summarise", "serve", "build", "loadtest"):
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{name}":
                raise


_register()
