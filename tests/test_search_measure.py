"""The measuring commands: ``evaluate search`` figures on the labelled queries, ``bench search`` output shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petcasefinder.benchsearch import bench, perturb
from petcasefinder.evaluate.search import DEFAULT_QUERIES, evaluate, load_queries, ndcg_at, render
from petcasefinder.index.embeddings import get_embedder
from petcasefinder.index.sqlite import Store
from petcasefinder.lexicon import load
from petcasefinder.settings import SearchSettings, Settings


def test_labelled_queries_are_well_formed() -> None:
    qs = load_queries(DEFAULT_QUERIES)
    assert len(qs) >= 60
    assert len({q.species for q in qs if q.species}) >= 8
    assert len({q.id for q in qs}) == len(qs)
    for q in qs:
        assert all(k.isdigit() and g in (1, 2, 3) for k, g in q.relevant.items())
    raw = DEFAULT_QUERIES.read_text(encoding="utf-8")
    assert "abstract" not in raw.lower()


def test_ndcg() -> None:
    assert ndcg_at(["a", "b"], {"a": 3, "b": 1}) == pytest.approx(1.0)
    assert ndcg_at(["b", "a"], {"a": 3, "b": 1}) < 1.0
    assert ndcg_at([], {"a": 1}) == 0.0


def test_full_pipeline_beats_bm25s_with_no_wrong_species(demo_store: Store) -> None:
    embedder, notice = get_embedder(Settings(search=SearchSettings(embeddings="auto")))
    assert embedder is not None, notice
    report = evaluate(demo_store, load(), embedder, load_queries(), variants=False)
    rows = {r["name"]: r for r in report["systems"]}
    assert set(rows) == {"bm25s", "dense", "full"}
    assert rows["full"]["wrong_species_hits"] == 0
    assert rows["full"]["gate_failures"] == 0
    assert report["full_vs_bm25s_ndcg_gain"] >= 0.20
    assert "nDCG@10" in render(report)


def test_bench_prints_the_contract_shape(demo_db: Path) -> None:
    out = bench(80, source_db=demo_db, queries=["my dog is vomiting", "my cat is blocked", "fip"], rounds=1)
    assert set(out) == {"records", "p50_ms", "p95_ms", "p99_ms", "qps", "build_s", "build_records_per_s", "index_load_s",
                        "peak_rss_mb", "baseline"}
    assert set(out["baseline"]) == {"name", "p50_ms", "p95_ms", "p99_ms", "qps"}
    assert out["records"] == 80 and out["baseline"]["name"] == "bm25s"
    json.dumps(out)


def test_perturbed_copies_keep_most_words() -> None:
    import random

    text = "One sentence here. Another sentence follows. A third one ends it."
    out = perturb(text, random.Random(1), shuffle=True)
    assert out != text
    assert set(out.replace(".", "").split()) <= set(text.replace(".", "").split())
