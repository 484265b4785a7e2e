"""One error tree for the whole project.

    PetCaseError                  anything we raise on purpose; the CLI prints its message on one line
    ├── MalformedRecord           a record or file that cannot be read (names file and position)
    ├── HarvestError              a remote source failed after retries (names URL and status)
    ├── QueryError                a user query we cannot run (empty, too long, no words)
    ├── NotFound                  an unknown PMID / DOI / case id
    ├── StoreUnavailable          the database cannot be opened or migrated
    └── OptionalPartMissing       an optional dependency is not installed (says how to install it)

The CLI turns these into ``click.ClickException``; the web app into one JSON
envelope or one error page.  Anything else escaping is a bug.
"""

from __future__ import annotations


class PetCaseError(Exception):
    """Base of every error the project raises on purpose."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))

    @property
    def message(self) -> str:
        return str(self)


class MalformedRecord(PetCaseError):
    status = 422


class HarvestError(PetCaseError):
    status = 502


class QueryError(PetCaseError):
    status = 400


class NotFound(PetCaseError):
    status = 404


class StoreUnavailable(PetCaseError):
    status = 503


class OptionalPartMissing(PetCaseError):
    status = 501
