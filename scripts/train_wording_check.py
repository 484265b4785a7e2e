"""Train the classifier's learned wording check (classify/wording.py) from blind-labelled records.

    python scripts/train_wording_check.py --texts /work --sets 41-65 \
        [--baseline DIR] [--threshold 0.15] [--out src/petcasefinder/data/classify_wording.tsv]

Labels come from the repo (eval/classify_heldoutN.jsonl); the texts of set N from TEXTS/heldoutN/records.jsonl
(kept outside the repo: they are not ours to redistribute).  The script first prints a leave-one-set-out table:
for each threshold, how many labelled cases and non-cases the check would veto.  With --baseline DIR (files
N.jsonl: ``petcasefinder classify --json`` output of each set, e.g. the classifier that first ran on it
untouched), it also prints the rules alone against the rules with the veto.  Then it fits on every set and writes
the word list.  Needs scikit-learn (pip install scikit-learn); the package itself does not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from petcasefinder.classify.wording import WordingModel, dump, tokens
from petcasefinder.evaluate.classify import title_key

C = 3.0  # inverse regularisation; 1, 3 and 10 were compared left out one set at a time
GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def _key(d: dict[str, object]) -> str:
    return str(d.get("pmid") or str(d.get("doi") or "").lower() or title_key(str(d["title"])))


def _sets(spec: str) -> list[int]:
    out: list[int] = []
    for part in spec.split(","):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def load_set(n: int, texts: Path) -> list[tuple[str, str, bool]]:
    """(key, title + abstract, is_vcr) for every labelled record of set n whose text we hold."""
    labels: dict[str, bool] = {}
    for line in (ROOT / f"eval/classify_heldout{n}.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        for k in (d.get("pmid"), (d.get("doi") or "").lower(), d.get("title_sha256")):
            if k:
                labels[k] = bool(d["is_vcr"])
    rows = []
    for line in (texts / f"heldout{n}/records.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        y = labels.get(r.get("pmid") or "", labels.get((r.get("doi") or "").lower(), labels.get(title_key(r["title"]))))
        if y is not None:
            rows.append((_key(r), f"{r['title']} {r.get('abstract') or ''}", y))
    return rows


def fit(texts: list[str], ys: list[bool]):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=tokens, min_df=2, sublinear_tf=True)
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(vec.fit_transform(texts), ys)
    return vec, clf


def to_model(vec, clf, threshold: float) -> WordingModel:  # type: ignore[no-untyped-def]
    words = vec.get_feature_names_out()
    return WordingModel(float(clf.intercept_[0]), threshold, {w: float(i) for w, i in zip(words, vec.idf_)},
                        {w: float(c) for w, c in zip(words, clf.coef_[0])})


def _figures(tp: int, fp: int, fn: int) -> str:
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return f"TP {tp:4d} FP {fp:4d} FN {fn:4d}  precision {p:.3f} recall {r:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, required=True)
    ap.add_argument("--sets", required=True, help="e.g. 41-65 or 41-60,62")
    ap.add_argument("--baseline", type=Path)
    ap.add_argument("--threshold", type=float, default=0.15)
    ap.add_argument("--out", type=Path, default=ROOT / "src/petcasefinder/data/classify_wording.tsv")
    a = ap.parse_args()
    data = {n: load_set(n, a.texts) for n in _sets(a.sets)}
    held: dict[tuple[int, str], float] = {}
    for n, left_out in data.items():  # leave one set out
        train = [row for m, rows in data.items() if m != n for row in rows]
        vec, clf = fit([t for _, t, _ in train], [y for _, _, y in train])
        model = to_model(vec, clf, a.threshold)
        for k, text, _ in left_out:
            judged = model.judge(text)
            held[(n, k)] = judged[0] if judged else 1.0  # too few words: the check stays silent
    truth = {(n, k): y for n, rows in data.items() for k, _, y in rows}
    pos = sum(truth.values())
    print(f"{len(truth)} records, {pos} cases, sets {a.sets}; left out one set at a time:")
    print("threshold  cases vetoed  non-cases vetoed")
    for t in GRID:
        print(f"{t:9.2f}  {sum(truth[k] and p < t for k, p in held.items()):12d}"
              f"  {sum(not truth[k] and p < t for k, p in held.items()):16d}")
    if a.baseline:
        accepted = {}
        for n in data:
            for line in (a.baseline / f"{n}.jsonl").open(encoding="utf-8"):
                d = json.loads(line)
                accepted[(n, _key(d))] = bool(d["is_veterinary_case_report"])
        for t in (None, *GRID):
            pred = {k: accepted.get(k, False) and (t is None or held[k] >= t) for k in truth}
            tp = sum(pred[k] and truth[k] for k in truth)
            fp = sum(pred[k] and not truth[k] for k in truth)
            print(f"{'rules alone' if t is None else f'rules + veto below {t:.2f}':26s}"
                  f"{_figures(tp, fp, pos - tp)}")
    texts = [t for rows in data.values() for _, t, _ in rows]
    vec, clf = fit(texts, [y for rows in data.values() for _, _, y in rows])
    header = (f"Learned wording check of the classifier (classify/wording.py): generated by\n"
              f"python scripts/train_wording_check.py --sets {a.sets} --threshold {a.threshold}\n"
              f"from {len(texts)} blind-labelled records ({pos} cases); words with idf and weight only, no text.")
    dump(to_model(vec, clf, a.threshold), a.out, header)
    print(f"wrote {a.out} ({len(vec.idf_)} words)")


if __name__ == "__main__":
    main()
