"""Search from an owner's words: species and signs understood, veterinary case reports ranked and explained.

Public surface: ``search``, ``related``, ``understand`` (and ``describe`` for the
"We understood: ..." line).  Modules: ``query`` (understanding), ``lexical``
(BM25), ``index`` (the per-process cache), ``retrieve`` (lexical, dense and
concept retrieval, evidence), ``fusion`` (named fusion functions), ``explain``
(why each hit matched), ``engine`` (the pipeline).
"""

from __future__ import annotations

from .engine import DEFAULT_OPTIONS, Options, related, search
from .explain import describe
from .query import understand

__all__ = ["DEFAULT_OPTIONS", "Options", "describe", "related", "search", "understand"]
