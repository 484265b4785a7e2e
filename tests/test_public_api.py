"""The public surface is exactly ``__all__``: an accidental export fails here."""

from __future__ import annotations

import petcasefinder


def test_all_names_exist_and_nothing_else_is_public() -> None:
    public = {n for n in dir(petcasefinder) if not n.startswith("_")}
    submodules = {"errors", "index", "records", "settings", "lexicon", "classify", "extract", "ingest", "search",
                  "summarise", "serve", "cli", "pipeline", "fixtures", "export", "readability", "openapi",
                  "evaluate", "benchsearch", "loadtest"}
    assert set(petcasefinder.__all__) - {"__version__"} == public - submodules
    for name in petcasefinder.__all__:
        assert getattr(petcasefinder, name) is not None
