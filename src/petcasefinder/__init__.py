"""PetCaseFinder: veterinary case reports found from an owner's words, explained and summarised.

The pipeline, one module per stage: ingest -> classify -> extract -> index ->
search -> summarise -> serve.  The supported public names are listed in
``__all__`` (pinned by tests/test_public_api.py); stage modules are imported
lazily so ``import petcasefinder`` stays cheap.
"""

from .errors import (
    HarvestError,
    MalformedRecord,
    NotFound,
    OptionalPartMissing,
    PetCaseError,
    QueryError,
    StoreUnavailable,
)
from .index.sqlite import Store
from .records import (
    Article,
    Case,
    Classification,
    Diagnosis,
    Findings,
    Hit,
    MeshHeading,
    Outcome,
    SearchResponse,
    Sign,
    Signalment,
    Summary,
    SummarySentence,
    Treatment,
    Understood,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Case",
    "Classification",
    "Diagnosis",
    "Findings",
    "HarvestError",
    "Hit",
    "MalformedRecord",
    "MeshHeading",
    "NotFound",
    "OptionalPartMissing",
    "Outcome",
    "PetCaseError",
    "QueryError",
    "SearchResponse",
    "Sign",
    "Signalment",
    "Store",
    "StoreUnavailable",
    "Summary",
    "SummarySentence",
    "Treatment",
    "Understood",
    "__version__",
]
