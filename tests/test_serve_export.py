"""Citation export: RIS, BibTeX and CSL-JSON from Articles (pure functions)."""

from __future__ import annotations

import json

import pytest

from petcasefinder import export
from petcasefinder.errors import QueryError
from petcasefinder.records import Article

A = Article(
    title="Endoscopic reduction of <i>gastrogastric</i> intussusception in a dog {50% & $5_#}.",
    abstract="A 3-year-old dog\nwas treated.",
    pmid="42585566",
    doi="10.1111/x.1",
    journal="J Small Anim Pract",
    year=2026,
    authors=("Jimeno Sandoval JC", "Müller, Anna", "The Study Group"),
)
B = Article(title="Second report", pmid="1", authors=("Jimeno Sandoval JC",), year=2026)


def test_ris_fields_and_record_end() -> None:
    out = export.ris([A, B])
    lines = out.splitlines()
    assert lines[0] == "TY  - JOUR"
    assert "TI  - Endoscopic reduction of gastrogastric intussusception in a dog {50% & $5_#}." in lines
    assert "AU  - Jimeno Sandoval, JC" in lines and "AU  - Müller, Anna" in lines and "AU  - The Study Group" in lines
    assert "PY  - 2026" in lines and "DO  - 10.1111/x.1" in lines and "AN  - PMID:42585566" in lines
    assert "AB  - A 3-year-old dog was treated." in lines
    assert lines.count("ER  - ") == 2 and out.count("TY  - JOUR") == 2


def test_bibtex_escapes_and_unique_keys() -> None:
    out = export.bibtex([A, B, B])
    assert "@article{jimenosandoval2026endoscopic," in out
    assert "@article{jimenosandoval2026second," in out and "@article{jimenosandoval2026secondb," in out
    assert r"\{50\% \& \$5\_\#\}" in out  # braces in a title cannot close the field
    assert "author = {Jimeno Sandoval, JC and Müller, Anna and {The Study Group}}" in out
    bare = out.replace(r"\{", "").replace(r"\}", "")
    assert bare.count("{") == bare.count("}")


def test_csl_json_items() -> None:
    items = json.loads(export.csl_json([A]))
    assert items == [
        {
            "id": "42585566",
            "type": "article-journal",
            "title": "Endoscopic reduction of gastrogastric intussusception in a dog {50% & $5_#}.",
            "author": [
                {"family": "Jimeno Sandoval", "given": "JC"},
                {"family": "Müller", "given": "Anna"},
                {"literal": "The Study Group"},
            ],
            "container-title": "J Small Anim Pract",
            "issued": {"date-parts": [[2026]]},
            "DOI": "10.1111/x.1",
            "PMID": "42585566",
            "URL": "https://pubmed.ncbi.nlm.nih.gov/42585566/",
            "abstract": "A 3-year-old dog was treated.",
        }
    ]


def test_render_by_short_name_and_unknown_format() -> None:
    body, spec = export.render("bib", [A])
    assert spec.media_type == "application/x-bibtex" and body.startswith("@article{")
    with pytest.raises(QueryError, match="unknown export format"):
        export.render("docx", [A])
