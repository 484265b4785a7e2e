"""Configuration: one frozen object read from the environment once, a section per stage.

Environment variables (all optional):
  PETCASEFINDER_DB            database path (default ./petcasefinder.db)
  PETCASEFINDER_SHARED_DATA   folder holding the shared real records (default: ../shared/data
                              next to the working directory or the checkout)
  PETCASEFINDER_EUROPEPMC_URL Europe PMC REST base URL (tests point it at a local replay server)
  PETCASEFINDER_EUTILS_URL    NCBI E-utilities base URL
  NCBI_API_KEY, NCBI_EMAIL    E-utilities key (raises the rate limit to 10/s) and contact e-mail
  PETCASEFINDER_HTTP_BACKOFF  first retry delay in seconds, doubled per retry (default 1; tests use 0.01)
  PETCASEFINDER_HTTP_TIMEOUT  per-request timeout in seconds (default 30)
  PETCASEFINDER_HTTP_RETRIES  retries after the first attempt (default 5)
  PETCASEFINDER_EMBEDDINGS    "auto" (default), "none" to switch dense retrieval off
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
REPO_DIR = PACKAGE_DIR.parent.parent  # src/petcasefinder -> checkout (editable installs)

DEFAULT_EUROPEPMC_URL = "https://www.ebi.ac.uk/europepmc/webservices/rest"
DEFAULT_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
MAX_QUERY_CHARS = 500


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@dataclass(frozen=True)
class HarvestSettings:
    europepmc_url: str = DEFAULT_EUROPEPMC_URL
    eutils_url: str = DEFAULT_EUTILS_URL
    ncbi_api_key: str | None = None
    email: str = "petcasefinder@example.org"
    tool: str = "petcasefinder"
    timeout_s: float = 30.0
    retries: int = 5
    backoff_s: float = 1.0


@dataclass(frozen=True)
class SearchSettings:
    embeddings: str = "auto"
    max_query_chars: int = MAX_QUERY_CHARS
    default_limit: int = 10


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path("petcasefinder.db")
    shared_data: Path | None = None
    harvest: HarvestSettings = field(default_factory=HarvestSettings)
    search: SearchSettings = field(default_factory=SearchSettings)

    @classmethod
    def from_env(cls) -> Settings:
        key = os.environ.get("NCBI_API_KEY", "").strip() or None
        return cls(
            db_path=Path(_env("PETCASEFINDER_DB", "petcasefinder.db")),
            shared_data=find_shared_data(),
            harvest=HarvestSettings(
                europepmc_url=_env("PETCASEFINDER_EUROPEPMC_URL", DEFAULT_EUROPEPMC_URL).rstrip("/"),
                eutils_url=_env("PETCASEFINDER_EUTILS_URL", DEFAULT_EUTILS_URL).rstrip("/"),
                ncbi_api_key=key,
                email=_env("NCBI_EMAIL", "petcasefinder@example.org"),
                timeout_s=float(_env("PETCASEFINDER_HTTP_TIMEOUT", "30")),
                retries=int(_env("PETCASEFINDER_HTTP_RETRIES", "5")),
                backoff_s=float(_env("PETCASEFINDER_HTTP_BACKOFF", "1.0")),
            ),
            search=SearchSettings(embeddings=_env("PETCASEFINDER_EMBEDDINGS", "auto")),
        )


def find_shared_data() -> Path | None:
    """Locate ``shared/data``: the env var, else a ``shared`` folder beside the cwd or the checkout."""
    explicit = os.environ.get("PETCASEFINDER_SHARED_DATA", "").strip()
    if explicit:
        p = Path(explicit)
        return p if p.is_dir() else None
    for base in (Path.cwd(), REPO_DIR):
        for candidate in (base.parent / "shared" / "data", base / "shared" / "data"):
            if candidate.is_dir():
                return candidate.resolve()
    return None
