"""Plain-English summary of what was tried across matching cases, every sentence cited.

``summarise(cases) -> Summary`` builds sentences from the cases' extracted,
evidence-grounded findings (no language model); ``check_support(summary, cases)``
re-reads the sentences and verifies each named finding, outcome, species and
count against the cited cases.  Wording lives in ``data/summary_phrases.json``.
"""

from __future__ import annotations

from .compose import Claim, claims, summarise
from .support import SentenceCheck, SupportReport, check_support

VERSION = "1"

__all__ = ["VERSION", "Claim", "SentenceCheck", "SupportReport", "check_support", "claims", "summarise"]
