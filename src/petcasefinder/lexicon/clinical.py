"""The clinical lexicon: signs, diagnoses, drugs, surgery, procedures and diets, in clinical and lay words.

One matcher serves case reports (extraction) and owners' queries (search), so "peeing a lot" and
"polyuria" meet in one concept.  Everything it knows comes from packaged data files (data/PROVENANCE.md):
the hand-written ``*_curated.tsv`` files and the files ``scripts/build_clinical_lexicon.py`` derives from them
plus MeSH 2021, HPO lay synonyms and the drug dictionary (``signs.tsv``, ``diagnoses.tsv``, ``drugs.tsv``,
``procedures.tsv``), the matching rules ``procedures_rules.tsv`` and the context cues ``clinical_cues.tsv``.

Matching is longest-first over normalised word tokens (British and American spellings, simple plurals,
possessives and pronouns folded), never across punctuation, so "weight. Loss" is no weight loss and
"calcium oxalate (CaOx) urolithiasis" is one diagnosis.  Each mention carries whether its clause negates
it ("no vomiting", "without surgery"), hedges it ("suspected", "consistent with") or only says something
looks like it ("mimicking neoplasia", "hypoadrenocorticism-like").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..settings import DATA_DIR
from .mentions import ConceptMention, TreatmentMention

NORM_VERSION = "1"
TREATMENT_KINDS = ("drug", "surgery", "procedure", "diet", "supportive")
_FILES = ("signs.tsv", "diagnoses.tsv", "drugs.tsv", "procedures.tsv")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*")
_CUE_WORD = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*|[;:]")
_PAREN_ABBR = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9\-]{0,11})\s*\)")
_GAP_OK = re.compile(r"[ \t\-/]*")
_SENT_END = re.compile(r"[.!?](?=\s+[A-Z0-9(\"“])|[\n\r]")
_PRONOUNS = {"her": "his", "their": "his", "its": "his", "my": "his", "our": "his", "she": "he", "they": "he"}
_SPELL = {"fibre": "fiber", "centre": "center", "litre": "liter", "metre": "meter", "calibre": "caliber"}
_LIKE = re.compile(r"^\s*-?\s*like\b", re.IGNORECASE)


_OUR = re.compile(r"our(s?)$")
_ISE = re.compile(r"([iy])s(ation|ations|e|ed|es|ing|er|ers)$")


@lru_cache(maxsize=200_000)
def norm_token(token: str) -> str:
    """One word in the form every data file is keyed by (see scripts/build_clinical_lexicon.py)."""
    t = token.lower().replace("’", "'")
    t = t.removesuffix("'s")
    t = _PRONOUNS.get(t.replace("'", ""), t.replace("'", ""))
    if len(t) > 3 and not t.isdigit():
        t = t.replace("ae", "e").replace("oe", "e").replace("sulph", "sulf")
        t = _SPELL.get(t, t)
        if len(t) >= 5:
            t = _OUR.sub(r"or\1", t)
        t = _ISE.sub(r"\1z\2", t)
        if len(t) > 4:
            if t.endswith("ies"):
                t = t[:-3] + "y"
            elif t.endswith("s") and not t.endswith(("ss", "us", "is")):
                t = t[:-1]
    return t


def norm_phrase(phrase: str) -> str:
    """A phrase as the space-joined normalised tokens the index is keyed by."""
    return " ".join(norm_token(w) for w in _WORD.findall(phrase.lower()))


@dataclass(frozen=True)
class Tok:
    norm: str
    start: int
    end: int
    joined: bool  # True when only spaces, hyphens or slashes separate it from the previous token


def tokenize(text: str) -> tuple[list[Tok], dict[int, tuple[str, int, int]]]:
    """Word tokens with offsets, and the one-word bracketed abbreviations found after token i."""
    blank = list(text)
    abbr_spans: list[tuple[str, int, int]] = []
    for m in _PAREN_ABBR.finditer(text):
        abbr_spans.append((m.group(1), m.start(), m.end()))
        blank[m.start() : m.end()] = " " * (m.end() - m.start())
    masked = "".join(blank).lower()
    toks: list[Tok] = []
    prev_end, prev_word = 0, ""
    for m in _WORD.finditer(masked):
        gap = masked[prev_end : m.start()]
        joined = bool(toks) and (
            _GAP_OK.fullmatch(gap) is not None or (len(prev_word) == 1 and re.fullmatch(r"\.\s*", gap) is not None)
        )
        toks.append(Tok(norm_token(m.group()), m.start(), m.end(), joined))
        prev_end, prev_word = m.end(), m.group()
    after: dict[int, tuple[str, int, int]] = {}
    j = 0
    for abbr, a, b in abbr_spans:
        while j < len(toks) and toks[j].end <= a:
            j += 1
        if j:
            after[j - 1] = (abbr, a, b)
    return toks, after


@dataclass(frozen=True)
class Concept:
    """One thing the lexicon knows: its category (sign, diagnosis, drug, procedure) and its words."""

    category: str
    term: str
    lay: str
    kind: str  # sign | diagnosis | drug | surgery | procedure | diet | supportive | diagnostic | other
    klass: str
    generic: bool
    related: tuple[str, ...]
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Cue:
    negated: bool = False
    hedged: bool = False
    mimic: bool = False
    word: str = ""


@dataclass(frozen=True)
class Mention:
    """A concept found in a text, with the clause's verdict on it."""

    start: int
    end: int
    said: str
    concept: Concept
    cue: Cue

    @property
    def term(self) -> str:
        return self.concept.term

    @property
    def kind(self) -> str:
        return self.concept.kind


def _cue_regex(words: list[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?:^|\s)(" + "|".join(alts) + r")(?=\s|$)")


class ClinicalLexicon:
    """Signs, diagnoses and treatments: find them in text, translate clinical <-> lay, expand queries."""

    def __init__(self, rows: list[list[str]], index: dict[str, int], maxlen: dict[str, int], rules: list[list[str]],
                 cues: dict[str, list[str]]) -> None:
        self._rows = rows  # raw data rows; a Concept is built the first time one is needed
        self._built: dict[int, Concept] = {}
        self._index = index
        self._maxlen = maxlen
        self._by_term: dict[str, int] = {}
        for i, r in enumerate(rows):
            self._by_term.setdefault(r[1].lower(), i)
        self._patterns = [(re.compile(r[1], re.IGNORECASE), r[2], r[3]) for r in rules if r[0] == "regex"]
        self._suffixes = tuple(r[1] for r in rules if r[0] == "suffix")
        self._suffix_stop = frozenset(r[1] for r in rules if r[0] == "stop")
        self._cue = {k: _cue_regex(v) for k, v in cues.items() if k != "breaker"}
        words = sorted((re.escape(w) for w in cues.get("breaker", [])), key=len, reverse=True)
        self._breaker = re.compile(r"(?:^|\s)(?:" + "|".join(words) + r")(?=\s|$)")
        self._dynamic: dict[str, Concept] = {}

    # ---- loading ---------------------------------------------------------------------------------
    @classmethod
    def load(cls, data_dir: Path | None = None) -> ClinicalLexicon:
        """The packaged lexicon, read once per process (per folder)."""
        return _load(data_dir or DATA_DIR)

    # ---- lookups ---------------------------------------------------------------------------------
    def concept(self, term: str) -> Concept | None:
        """The concept a clinical term, synonym or lay phrase names (None when unknown)."""
        i = self._index.get(norm_phrase(term))
        if i is None:
            i = self._by_term.get(term.strip().lower())
        return self._concept(i) if i is not None else self._dynamic.get(term.strip().lower())

    def _concept(self, i: int) -> Concept:
        c = self._built.get(i)
        if c is None:
            cat, term, lay, kind, klass, flags, related, _phrases, syn = self._rows[i]
            c = Concept(cat, term, lay, kind, klass, "generic" in flags, _split(related), _split(syn) or (term,))
            self._built[i] = c
        return c

    def lay_for(self, term: str) -> str:
        """Lay words for a clinical term ("polyuria" -> "peeing a lot"); the term itself when unknown."""
        c = self.concept(term)
        return c.lay if c else term

    def synonyms(self, term: str) -> list[str]:
        """Clinical synonyms and lay phrases of a term, for query expansion ([] when unknown)."""
        c = self.concept(term)
        if c is None:
            return []
        return [s for s in c.synonyms if s.lower() != c.term.lower()]

    def related(self, term: str) -> list[str]:
        c = self.concept(term)
        return list(c.related) if c else []

    def terms(self, kind: str | None = None) -> list[str]:
        """Every canonical term (signs, diagnoses and treatments), or those of one kind or category."""
        keep = ("sign", "diagnosis", *TREATMENT_KINDS)
        out = {r[1] for r in self._rows if (r[3] in keep if kind is None else kind in (r[3], r[0]))}
        return sorted(out)

    # ---- finding -----------------------------------------------------------------------------------
    def find_signs(self, text: str) -> list[ConceptMention]:
        return [self._concept_mention(m) for m in self.mentions(text) if m.kind == "sign"]

    def find_diagnoses(self, text: str) -> list[ConceptMention]:
        return [self._concept_mention(m) for m in self.mentions(text) if m.kind == "diagnosis"]

    def find_treatments(self, text: str) -> list[TreatmentMention]:
        """Drugs, surgery, procedures, diets and supportive care; diagnostic tests are never treatments."""
        return [TreatmentMention(m.start, m.end, m.said, m.term, m.kind, m.concept.lay)
                for m in self.mentions(text) if m.kind in TREATMENT_KINDS]

    def mentions(self, text: str) -> list[Mention]:
        """Every concept mention in text (all categories), in order, each with its context cue."""
        return list(_mentions(self, text))

    @staticmethod
    def _concept_mention(m: Mention) -> ConceptMention:
        return ConceptMention(m.start, m.end, m.said, m.term, m.concept.lay, m.cue.negated, m.cue.hedged)

    def _scan(self, text: str) -> list[tuple[int, int, Concept]]:
        toks, abbr_after = tokenize(text)
        hits: list[tuple[int, int, Concept]] = []
        learned: dict[str, Concept] = {}
        i = 0
        while i < len(toks):
            found = self._longest(toks, i)
            if found is None:
                c = self._suffix_concept(toks[i].norm)
                if c is not None:
                    hits.append((toks[i].start, toks[i].end, c))
                i += 1
                continue
            n, cid = found
            c = self._concept(cid)
            hits.append((toks[i].start, toks[i + n - 1].end, c))
            abbr = abbr_after.get(i + n - 1)
            if abbr and c.kind not in ("other",) and any(ch.isupper() for ch in abbr[0]) and len(abbr[0]) > 1:
                learned[abbr[0]] = c
            i += n
        if learned:
            covered = [(a, b) for a, b, _ in hits]
            for word, c in learned.items():
                for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
                    if not any(a <= m.start() < b for a, b in covered) and text[max(0, m.start() - 1)] != "(":
                        hits.append((m.start(), m.end(), c))
        for rx, name, kind in self._patterns:
            for m in rx.finditer(text):
                c = self.concept(name)
                if c is not None and not any(h[2] is c and h[0] < m.end() and m.start() < h[1] for h in hits):
                    hits.append((m.start(), m.end(), c))
        hits.sort(key=lambda h: (h[0], -h[1]))
        return hits

    def _longest(self, toks: list[Tok], i: int) -> tuple[int, int] | None:
        n_max = min(self._maxlen.get(toks[i].norm, 0), len(toks) - i)
        for n in range(n_max, 0, -1):
            if n > 1 and not toks[i + n - 1].joined:
                continue
            if any(not toks[j].joined for j in range(i + 1, i + n)):
                continue
            cid = self._index.get(" ".join(t.norm for t in toks[i : i + n]))
            if cid is not None:
                return n, cid
        return None

    def _suffix_concept(self, word: str) -> Concept | None:
        """An operation the lists do not name but its word does ("-ectomy", "-ostomy", "-plasty", ...)."""
        if len(word) < 8 or word in self._suffix_stop or not word.endswith(self._suffixes):
            return None
        c = self._dynamic.get(word)
        if c is None:
            c = Concept("procedure", word, f"surgery ({word})", "surgery", "", False, (), (word,))
            self._dynamic[word] = c
        return c

    # ---- context -------------------------------------------------------------------------------------
    def assess(self, text: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()) -> Cue:
        """Does the clause around text[start:end] negate it, hedge it, or say something only looks like it?

        Words inside ``others`` (the spans of other mentions) are not cues: in "isn't eating and vomiting"
        the "isn't" belongs to "isn't eating", not to "vomiting".
        """
        s0 = 0
        for m in _SENT_END.finditer(text, 0, start):
            s0 = m.end()
        m2 = _SENT_END.search(text, end)
        s1 = m2.start() if m2 else len(text)
        left, right = _masked(text, s0, start, others).lower(), _masked(text, end, s1, others).lower()
        cut = list(self._breaker.finditer(left))
        if cut:
            left = left[cut[-1].end() :]
        c2 = self._breaker.search(right)
        if c2:
            right = right[: c2.start()]
        lw = " " + " ".join(_CUE_WORD.findall(left)[-8:]) + " "
        rw = " " + " ".join(_CUE_WORD.findall(right)[:6]) + " "
        if _LIKE.match(text[end:s1]):
            return Cue(negated=True, mimic=True, word="like")
        mimic = self._cue["mimic_pre"].search(" " + " ".join(_CUE_WORD.findall(left)) + " ")
        if mimic:
            return Cue(negated=True, mimic=True, word=mimic.group(1))
        for key, neg in (("negation_pre", True), ("negation_post", True), ("hedge_pre", False), ("hedge_post", False)):
            hit = self._cue[key].search(lw if key.endswith("pre") else rw)
            if hit and not (key == "negation_pre" and _comma_ends_scope(left, hit.group(1), right)):
                return Cue(negated=neg, hedged=not neg, word=hit.group(1))
        return Cue()


def _comma_ends_scope(left: str, cue: str, right: str) -> bool:
    """'no diarrhoea, drinking a lot': a comma after the cue ends it, unless an or-list runs on ('no A, B or C')."""
    at = left.rfind(cue)
    after = left[at + len(cue) :] if at >= 0 else ""
    return "," in after and re.search(r"\b(?:or|nor)\b", after + " " + right) is None


def _masked(text: str, a: int, b: int, spans: tuple[tuple[int, int], ...]) -> str:
    """text[a:b] with the other mentions in it replaced by a neutral word."""
    out, pos = [], a
    for x, y in sorted(spans):
        if y <= a or x >= b:
            continue
        out += [text[pos : max(x, a)], " x "]
        pos = min(y, b)
    out.append(text[pos:b])
    return "".join(out)


@lru_cache(maxsize=512)
def _mentions_cached(lex: ClinicalLexicon, text: str) -> tuple[Mention, ...]:
    hits = lex._scan(text)
    spans = tuple((a, b) for a, b, _ in hits)
    return tuple(Mention(a, b, text[a:b], c, lex.assess(text, a, b, spans)) for a, b, c in hits)


def _mentions(lex: ClinicalLexicon, text: str) -> tuple[Mention, ...]:
    return _mentions_cached(lex, text)


def _split(s: str) -> tuple[str, ...]:
    return tuple(x for x in s.split("|") if x)


def read_table(path: Path) -> list[list[str]]:
    """Rows of a TSV data file without its header and '#' comment lines."""
    with path.open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    return rows[1:]


@lru_cache(maxsize=4)
def _load(data_dir: Path) -> ClinicalLexicon:
    rows: list[list[str]] = []
    index: dict[str, int] = {}
    maxlen: dict[str, int] = {}
    for name in _FILES:
        path = data_dir / name
        with path.open(encoding="utf-8") as f:
            head = f.readline()
            if f"norm_version={NORM_VERSION}" not in head:
                raise RuntimeError(f"{path} was built for another normaliser; run scripts/build_clinical_lexicon.py")
            f.readline()
            for line in f:
                row = line.rstrip("\n").split("\t")
                cid = len(rows)
                rows.append(row)
                for p in row[7].split("|"):
                    if p not in index:
                        index[p] = cid
                        first, _, rest = p.partition(" ")
                        n = rest.count(" ") + 2 if rest else 1
                        if n > maxlen.get(first, 0):
                            maxlen[first] = n
    rules = [(r + ["", "", ""])[:4] for r in read_table(data_dir / "procedures_rules.tsv")]
    cues: dict[str, list[str]] = {}
    for kind, cue in read_table(data_dir / "clinical_cues.tsv"):
        cues.setdefault(kind, []).append(cue)
    return ClinicalLexicon(rows, index, maxlen, rules, cues)


__all__ = ["ClinicalLexicon", "Concept", "Cue", "Mention", "Tok", "norm_phrase", "norm_token", "tokenize"]
