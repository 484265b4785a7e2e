"""``evaluate extract``: per-field precision and recall of extraction against hand annotations.

The gold set (``eval/extract_gold.jsonl``) holds, for every veterinary case report in the shared data, the
PMID and annotations written by reading the title and abstract (no text).  Names are compared through the
clinical lexicon (a gold "nutritional therapy" and an extracted "dietary management" are one concept), breeds
by their words, durations by number and unit.  Outcome status "unknown" counts as no prediction.
Precision = correct / predicted, recall = correct / annotated, summed over records (micro-averaged).

The gold set was annotated before the extractor was written, but it is also the only veterinary set, so the
rules were developed against it and its figures are optimistic.  ``eval/extract_heldout_human.jsonl``
(12 human case reports from the study-type data, treatments and outcome only, annotated before extraction was
run on them and never tuned on) is the out-of-sample check: ``evaluate extract --gold`` that file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import extract
from ..errors import NotFound
from ..ingest.readers import read_path
from ..lexicon import Lexicon
from ..records import Article, Classification, Findings
from ..settings import REPO_DIR

GOLD_FILE = REPO_DIR / "eval" / "extract_gold.jsonl"
HELDOUT_FILE = REPO_DIR / "eval" / "extract_heldout_human.jsonl"
RECORDS = ("vet-case-reports-github/records.jsonl", "studytype-negatives/records.jsonl")
SET_FIELDS = ("signs", "diagnosis", "treatments", "treatment_kinds")
ONE_FIELDS = ("outcome_status", "follow_up", "species", "breed", "age", "sex", "neutered", "animals")
_MIXED = {"mixed breed", "crossbreed", "cross breed", "mongrel", "mixed-breed", "crossbred"}


@dataclass
class FieldScore:
    name: str
    scored: bool = False
    correct: int = 0
    predicted: int = 0
    annotated: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.annotated if self.annotated else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "predicted": self.predicted, "annotated": self.annotated, "correct": self.correct}


@dataclass
class Report:
    records: int
    version: str
    fields: dict[str, FieldScore] = field(default_factory=dict)
    outcome_accuracy: float = 0.0
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"records": self.records, "version": self.version,
                "fields": {k: v.to_json() for k, v in self.fields.items() if v.scored},
                "outcome_status_accuracy": round(self.outcome_accuracy, 3)}


def load_gold(path: Path = GOLD_FILE) -> list[dict[str, Any]]:
    if not path.is_file():
        raise NotFound(f"gold set not found: {path}")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(shared: Path) -> dict[str, Article]:
    """The annotated records: the veterinary case reports, and the human case reports of the held-out check."""
    out: dict[str, Article] = {}
    for name in RECORDS:
        out.update({a.pmid: a for a in read_path(shared / name).records if a.pmid and a.pmid not in out})
    return out


def _canon(lexicon: Lexicon, name: str) -> str:
    c = lexicon.clinical.concept(name)
    return (c.term if c else name).strip().lower()


def _breed(b: str | None) -> frozenset[str] | None:
    if not b:
        return None
    low = b.lower().replace("(dog)", "").replace("(cat)", "").strip()
    if low in _MIXED:
        return frozenset({"mixed", "breed"})
    words = {w for w in re.findall(r"[a-z]+", low.replace("short-haired", "shorthair")) if w not in ("dog", "cat")}
    return frozenset(words)


def _same_breed(a: str | None, b: str | None) -> bool:
    x, y = _breed(a), _breed(b)
    return bool(x and y and (x <= y or y <= x))


def _duration(s: str | None) -> tuple[float, str] | None:
    if not s:
        return None
    m = re.search(r"(\d+(?:\.\d+)?)\s*(day|week|month|year)", s.lower())
    return (float(m.group(1)), m.group(2)) if m else None


def _score_set(fs: FieldScore, pred: Iterable[str], gold: Iterable[str]) -> tuple[set[str], set[str]]:
    p, g = set(pred), set(gold)
    fs.scored = True
    fs.predicted += len(p)
    fs.annotated += len(g)
    fs.correct += len(p & g)
    return p - g, g - p


def _score_one(fs: FieldScore, pred: Any, gold: Any, same: Callable[[Any, Any], bool]) -> bool:
    fs.scored = True
    fs.predicted += pred is not None
    fs.annotated += gold is not None
    ok = pred is not None and gold is not None and same(pred, gold)
    fs.correct += ok
    return ok


def score_record(report: Report, gold: dict[str, Any], f: Findings, lexicon: Lexicon) -> None:
    fs = report.fields
    pmid = gold["pmid"]
    sets = {
        "signs": ([_canon(lexicon, s.term) for s in f.signs], [_canon(lexicon, s) for s in gold.get("signs", [])]),
        "diagnosis": ([_canon(lexicon, d.term) for d in f.diagnosis],
                      [_canon(lexicon, d) for d in gold.get("diagnosis", []) + gold.get("diagnosis_suspected", [])]),
        "treatments": ([_canon(lexicon, t.name) for t in f.treatments],
                       [_canon(lexicon, t["name"]) for t in gold["treatments"]]),
        "treatment_kinds": ([f"{_canon(lexicon, t.name)}/{t.kind}" for t in f.treatments],
                            [f"{_canon(lexicon, t['name'])}/{t['kind']}" for t in gold["treatments"]]),
    }
    for name, (pred, want) in sets.items():
        if name.split("_")[0] not in gold and name != "treatment_kinds":
            continue
        extra, missed = _score_set(fs[name], pred, want)
        if extra or missed:
            report.errors.append(f"{pmid} {name}: extra {sorted(extra)} missed {sorted(missed)}")
    status = None if f.outcome.status == "unknown" else f.outcome.status
    gstatus = None if gold["outcome"]["status"] == "unknown" else gold["outcome"]["status"]
    if not _score_one(fs["outcome_status"], status, gstatus, lambda a, b: a == b) and status != gstatus:
        report.errors.append(f"{pmid} outcome_status: got {f.outcome.status} want {gold['outcome']['status']}")
    _score_one(fs["follow_up"], _duration(f.outcome.follow_up), _duration(gold["outcome"]["follow_up"]),
               lambda a, b: a == b)
    if "signalment" not in gold:
        return
    s, gs = f.signalment, gold["signalment"]
    checks: dict[str, tuple[Any, Any, Callable[[Any, Any], bool]]] = {
        "species": (s.species, gs["species"], lambda a, b: a == b),
        "breed": (s.breed, gs["breed"], _same_breed),
        "age": (s.age, gs["age"], lambda a, b: _duration(a) == _duration(b)),
        "sex": (s.sex, gs["sex"], lambda a, b: a == b),
        "neutered": (s.neutered, gs["neutered"], lambda a, b: a == b),
        "animals": (s.animals, gs["animals"], lambda a, b: a == b),
    }
    for name, (pred, want, same) in checks.items():
        if not _score_one(fs[name], pred, want, same) and (pred is not None or want is not None):
            report.errors.append(f"{pmid} {name}: got {pred!r} want {want!r}")


def classification_for(article: Article, lexicon: Lexicon) -> Classification:
    """The classify stage's verdict (extraction reads its species as a fallback)."""
    try:
        from .. import classify
    except ImportError:  # the classify stage is optional for this evaluation
        return Classification(True, "case report", "animal", (), 0.0, ("classify stage not installed",))
    return classify.classify(article, lexicon)


def evaluate(gold: list[dict[str, Any]], articles: dict[str, Article], lexicon: Lexicon) -> Report:
    report = Report(records=0, version=extract.VERSION,
                    fields={n: FieldScore(n) for n in SET_FIELDS + ONE_FIELDS})
    right = 0
    for g in gold:
        article = articles.get(g["pmid"])
        if article is None:
            raise NotFound(f"gold record {g['pmid']} is not in the shared data")
        f = extract.extract(article, classification_for(article, lexicon), lexicon)
        score_record(report, g, f, lexicon)
        right += f.outcome.status == g["outcome"]["status"]
        report.records += 1
    report.outcome_accuracy = right / report.records if report.records else 0.0
    return report


def format_report(r: Report, gold_path: Path, details: bool = False) -> str:
    lines = [f"evaluate extract: {r.records} hand-annotated records ({gold_path.name}), {r.version}",
             f"{'field':<17}{'precision':>10}{'recall':>8}{'f1':>7}{'pred':>6}{'gold':>6}{'correct':>8}"]
    for name, s in r.fields.items():
        if not s.scored:
            continue
        lines.append(f"{name:<17}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.predicted:>6}{s.annotated:>6}"
                     f"{s.correct:>8}")
    lines.append(f"outcome status accuracy (unknown included): {r.outcome_accuracy:.3f}")
    if details and r.errors:
        lines += ["", "differences:"] + [f"  {e}" for e in r.errors]
    return "\n".join(lines)
