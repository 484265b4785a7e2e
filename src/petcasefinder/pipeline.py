"""Run the derived stages over a store: classify every record, extract findings for the
veterinary case reports, embed them when the embeddings package is there.

Each stage's result is stored with the code version and the content hash it was
computed from, so re-running does only the work that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import classify, extract
from .index.sqlite import Store
from .lexicon import Lexicon
from .lexicon import load as load_lexicon


@dataclass(frozen=True)
class ProcessCounts:
    classified: int
    extracted: int
    embedded: int
    embed_notice: str | None


def process(
    store: Store,
    lexicon: Lexicon | None = None,
    *,
    embed: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
) -> ProcessCounts:
    lex = lexicon or load_lexicon()
    todo = store.stale("classifications", classify.VERSION)
    for n, (aid, art) in enumerate(store.iter_articles(todo), 1):
        store.save_classification(aid, classify.classify(art, lex), classify.VERSION)
        if progress:
            progress("classify", n, len(todo))
    vcr = set(store.vcr_ids())
    todo_x = [i for i in store.stale("findings", extract.VERSION) if i in vcr]
    for n, case in enumerate(store.cases(todo_x), 1):
        assert case.classification is not None
        store.save_findings(case.id, extract.extract(case.article, case.classification, lex), extract.VERSION)
        if progress:
            progress("extract", n, len(todo_x))
    embedded, notice = 0, None
    if embed:
        from .index import embeddings

        embedded, notice = embeddings.embed_store(store)
    return ProcessCounts(len(todo), len(todo_x), embedded, notice)
