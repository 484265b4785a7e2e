"""A learned second opinion on the rules' "case report" verdict: does the record's wording read like a case?

The rules find case evidence ("in a dog", "seven sperm whales", "an outbreak in a flock") that surveillance,
food-safety and laboratory papers share.  On records the rules had never seen, about a third of what they accepted
was such a study (sets 41-65, first untouched runs: precision 0.69).  A logistic regression over the record's
words, trained on blind-labelled records (``scripts/train_wording_check.py``), tells the two apart well enough to
veto the rules when it is confident: left out one set at a time, it removed 26 of those 56 wrong acceptances and
none of the 125 right ones.  It only ever vetoes; it never turns a rejection into a case.

The model is a word list (``data/classify_wording.tsv``: word, inverse document frequency, weight), read once at
import; scoring is the same arithmetic scikit-learn's TfidfVectorizer (sublinear tf, l2 norm) and
LogisticRegression do, so ``score`` needs neither library.  No text of any record is stored.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..settings import DATA_DIR

_TOKEN = re.compile(r"[a-z][a-z0-9]+")
FILE = "classify_wording.tsv"
# Fewer known words than this and the check stays silent: a title with a one-line abstract ("Five dogs with
# tumours were operated on") is too little wording to outweigh the rules (every veto on the held-out sets had 119+).
MIN_WORDS = 60


def tokens(text: str) -> list[str]:
    """Lower-case words of two or more characters that start with a letter (numbers and years carry no design)."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class WordingModel:
    intercept: float
    threshold: float  # below this probability the rules' case verdict is vetoed
    idf: dict[str, float]
    weight: dict[str, float]

    def score(self, text: str) -> tuple[float, tuple[str, ...], int]:
        """Probability that the text is a case report's, the words that weighed most against it, and how many of
        its words the model knows."""
        known = [t for t in tokens(text) if t in self.idf]
        counts = Counter(known)
        values = {t: (1.0 + math.log(n)) * self.idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        contrib = {t: v / norm * self.weight[t] for t, v in values.items()}
        z = self.intercept + math.fsum(contrib.values())
        p = 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
        against = tuple(t for t, c in sorted(contrib.items(), key=lambda kv: kv[1]) if c < 0)[:3]
        return p, against, len(known)

    def judge(self, text: str) -> tuple[float, tuple[str, ...]] | None:
        """``score`` without the count, or None when the text has too few known words for the check to speak."""
        p, against, known = self.score(text)
        return (p, against) if known >= MIN_WORDS else None


def load(path: Path = DATA_DIR / FILE) -> WordingModel | None:
    """The packaged model, or None when the file is absent (the rules then decide alone)."""
    if not path.exists():
        return None
    meta: dict[str, float] = {}
    idf: dict[str, float] = {}
    weight: dict[str, float] = {}
    with path.open(encoding="utf-8") as f:
        rows = (line.rstrip("\n").split("\t") for line in f if not line.startswith("#") and line.strip())
        next(rows, None)  # the column names
        for word, a, b in rows:
            if word.startswith("@"):
                meta[word[1:]] = float(a)
            else:
                idf[word], weight[word] = float(a), float(b)
    return WordingModel(meta["intercept"], meta["threshold"], idf, weight)


def dump(model: WordingModel, path: Path, header: str) -> None:
    """Write a model in the format ``load`` reads (header: comment lines saying how it was made)."""
    with path.open("w", encoding="utf-8") as f:
        f.writelines(f"# {line}\n" for line in header.splitlines())
        f.write("word\tidf\tweight\n")
        f.write(f"@intercept\t{model.intercept!r}\t0\n@threshold\t{model.threshold!r}\t0\n")
        for word in sorted(model.idf):
            f.write(f"{word}\t{model.idf[word]:.6g}\t{model.weight[word]:.6g}\n")


MODEL = load()
