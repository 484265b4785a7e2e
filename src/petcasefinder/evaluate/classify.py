"""``evaluate classify``: how well the classifier finds veterinary case reports, on labelled data.

The split is fixed in ``eval/classify_split.json`` (written before any rule was tuned): "test" is the
untouched split (StudyTypeTeller "val" records and the vet-lit-radar records of commit af14d2f0), "tune" is
what the rules were developed against.  Gold: the vet-case-reports-github positives are veterinary case
reports with ``species_hint`` as the gold species; every other labelled record is a negative.

A held-out label file (``eval/classify_heldout.jsonl``) adds records labelled by hand before the classifier
ever saw them.  It holds identifiers and labels only: the texts are publishers' and are read from wherever
the user has them (a harvested database or any ingest-format file), never shipped.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import classify
from ..errors import MalformedRecord, NotFound
from ..ingest.readers import read_path
from ..lexicon import Lexicon
from ..records import Article, Classification
from ..settings import REPO_DIR

SPLIT_FILE = REPO_DIR / "eval" / "classify_split.json"
HELDOUT_FILE = REPO_DIR / "eval" / "classify_heldout.jsonl"
SOURCES = {
    "studytype-negatives": ("studytype-negatives/records.jsonl", False),
    "vet-positives": ("vet-case-reports-github/records.jsonl", True),
    "vet-negatives": ("vet-case-reports-github/vet-negatives.jsonl", False),
}


@dataclass(frozen=True)
class Labelled:
    article: Article
    is_vcr: bool
    label: str  # the source's own label: study_type_label, study_type, or "vet case report"
    species: tuple[str, ...]  # gold species of a positive, sorted


@dataclass
class Scores:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    species_ok: int = 0
    species_n: int = 0
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def species_accuracy(self) -> float:
        return self.species_ok / self.species_n if self.species_n else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "split": self.name,
            "records": self.tp + self.fp + self.fn + self.tn,
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "species_exact_match": round(self.species_accuracy, 4),
            "species_checked": self.species_n,
            "confusion": {k: dict(v) for k, v in sorted(self.confusion.items())},
            "errors": self.errors,
        }


def load_split(shared: Path, split_file: Path = SPLIT_FILE) -> dict[str, list[Labelled]]:
    """The labelled records of each split ("test", "tune"), read with the project's own JSONL reader."""
    if not split_file.is_file():
        raise NotFound(f"split file not found: {split_file}")
    split = json.loads(split_file.read_text(encoding="utf-8"))
    out: dict[str, list[Labelled]] = {"test": [], "tune": []}
    for source, (rel, positive) in SOURCES.items():
        path = shared / rel
        if not path.is_file():
            raise NotFound(f"shared data file not found: {path}")
        labels = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                labels[str(d.get("pmid"))] = d
        articles = {a.pmid: a for a in read_path(path).records}
        for name, items in out.items():
            for pmid in split[name].get(source, []):
                if pmid not in articles:
                    raise NotFound(f"{source}: PMID {pmid} of the {name} split is not in {path}")
                d = labels[pmid]
                label = d.get("study_type_label") or d.get("study_type") or "vet case report"
                hint = d.get("species_hint")
                items.append(Labelled(articles[pmid], positive, str(label), (str(hint),) if hint else ()))
    return out


def title_key(title: str) -> str:
    """A stable key for a title wherever it was copied from: a table of contents, PubMed or Europe PMC differ in
    case, punctuation, markup and the closing full stop, not in words.  Hashed, so a label file names a paper
    without holding its text."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", re.sub(r"<[^>]*>", " ", title)).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def _article_id(a: Article) -> str:
    """How an error names its record: the PMID, else the DOI (a Scopus or Web of Science export has no PMID)."""
    return a.pmid or (f"doi:{a.doi}" if a.doi else f"title:{title_key(a.title)[:12]}")


def _label_id(d: dict[str, Any]) -> str:
    """How a label names its paper in messages: the PMID, else its citation, else the start of its title hash."""
    if d.get("pmid"):
        return str(d["pmid"])
    c = d.get("citation") or {}
    cite = " ".join(str(c[k]) for k in ("journal", "year", "volume", "page") if c.get(k))
    return cite or f"title:{str(d.get('title_sha256'))[:12]}"


def load_labels(path: Path) -> list[dict[str, Any]]:
    """The lines of a held-out label file; each needs is_vcr, a key (a pmid and/or the title_sha256 of
    ``title_key``) and, for positives, the gold species."""
    if not path.is_file():
        raise NotFound(f"label file not found: {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise MalformedRecord(f"{path}:{n}: not JSON ({e.msg})") from e
        if not isinstance(d, dict) or not (d.get("pmid") or d.get("title_sha256")) \
                or not isinstance(d.get("is_vcr"), bool):
            raise MalformedRecord(f"{path}:{n}: each line needs a 'pmid' or 'title_sha256' and a boolean 'is_vcr'")
        if d["is_vcr"] and not d.get("species"):
            raise MalformedRecord(f"{path}:{n}: a veterinary case report needs its gold 'species'")
        out.append(d)
    return out


def heldout(labels: list[dict[str, Any]], articles: Iterable[Article]) -> tuple[list[Labelled], list[str]]:
    """Pair each label with its record text, by PMID or else by title; the labels with no text are returned
    (as PMID or citation), not guessed."""
    by_pmid: dict[str, Article] = {}
    by_title: dict[str, Article] = {}
    for a in articles:
        if a.pmid:
            by_pmid.setdefault(a.pmid, a)
        by_title.setdefault(title_key(a.title), a)
    found: list[Labelled] = []
    missing: list[str] = []
    for d in labels:
        hit = by_pmid.get(str(d["pmid"])) if d.get("pmid") else None
        if hit is None and d.get("title_sha256"):
            hit = by_title.get(str(d["title_sha256"]))
        if hit is None:
            missing.append(_label_id(d))
            continue
        species = tuple(sorted(str(s) for s in d.get("species") or ())) if d["is_vcr"] else ()
        found.append(Labelled(hit, bool(d["is_vcr"]), str(d.get("label") or ("vet case report" if d["is_vcr"]
                                                                          else "other")), species))
    return found, missing


def pubmed_queries(labels: Iterable[dict[str, Any]], batch: int = 100) -> list[str]:
    """PubMed queries that fetch these records (for ``harvest --source pubmed --query``): PMIDs in batches short
    enough for an E-utilities GET URL, and one citation query (journal, volume, first page) per label that has
    no PMID."""
    labels = list(labels)
    ids = [str(d["pmid"]) for d in labels if d.get("pmid")]
    out = [" OR ".join(f"{p}[uid]" for p in ids[i:i + batch]) for i in range(0, len(ids), batch)]
    for d in labels:
        c = d.get("citation") or {}
        if not d.get("pmid") and c.get("journal") and c.get("volume") and c.get("page"):
            out.append(f'"{c["journal"]}"[journal] AND {c["volume"]}[vi] AND {c["page"]}[pg]')
    return out


def score(name: str, records: Iterable[Labelled], lexicon: Lexicon) -> Scores:
    s = Scores(name)
    for r in records:
        c: Classification = classify.classify(r.article, lexicon)
        got = c.is_veterinary_case_report
        s.confusion.setdefault(r.label, Counter())[("accepted: " if got else "rejected: ") + c.article_type] += 1
        if r.is_vcr and got:
            s.tp += 1
            s.species_n += 1
            if tuple(sorted(c.species)) == r.species:
                s.species_ok += 1
            else:
                s.errors.append(f"species {_article_id(r.article)}: gold {', '.join(r.species)}, got {', '.join(c.species)}")
        elif r.is_vcr:
            s.fn += 1
            s.errors.append(f"missed {_article_id(r.article)} ({r.label}): {c.article_type}, {c.patient}; {c.reasons[:2]}")
        elif got:
            s.fp += 1
            s.errors.append(f"false positive {_article_id(r.article)} ({r.label}): {c.article_type}; {c.reasons[:2]}")
        else:
            s.tn += 1
    return s


def history(split_file: Path = SPLIT_FILE) -> list[str]:
    """What was looked at, and when (the split file's own record; shown with the figures)."""
    d = json.loads(split_file.read_text(encoding="utf-8"))
    return [str(x) for x in d.get("history", [])]


def report(scores: list[Scores], notes: list[str] | None = None) -> str:
    """The printed report: headline figures per split, then the confusion table by source label."""
    lines = [f"classifier {classify.VERSION}; 'veterinary case report' (VCR) against the source labels"]
    model = classify.WORDING
    lines += [f"learned wording check: on ({len(model.idf)} words; vetoes a case verdict below {model.threshold:.2f})"
              if model else "learned wording check: off (its word list is missing): the rules decide alone", ""]
    if notes:
        lines += ["history:"] + [f"  - {n}" for n in notes] + [""]
    lines.append(f"{'split':<8}{'records':>8}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>6}{'precision':>11}{'recall':>8}"
                 f"{'F1':>7}{'species exact':>17}")
    for s in scores:
        lines.append(f"{s.name:<8}{s.tp + s.fp + s.fn + s.tn:>8}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.tn:>6}"
                     f"{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
                     f"{f'{s.species_accuracy:.3f} ({s.species_ok}/{s.species_n})':>17}")
    for s in scores:
        lines += ["", f"confusion by source label ({s.name} split): n, accepted as VCR, rejected, top article types"]
        for label, counts in sorted(s.confusion.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            n = sum(counts.values())
            acc = sum(v for k, v in counts.items() if k.startswith("accepted"))
            top = ", ".join(f"{k.split(': ', 1)[1]}{' (VCR)' if k.startswith('accepted') else ''} {v}"
                            for k, v in counts.most_common(3))
            lines.append(f"  {label:<38}{n:>5}{acc:>5}{n - acc:>5}   {top}")
        if s.errors:
            lines.append(f"  errors ({s.name}):")
            lines += [f"    {e}" for e in s.errors]
    return "\n".join(lines)
