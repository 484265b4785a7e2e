"""The search pipeline: understand -> species filter -> retrieve (lexical, dense, concepts) -> fuse ->
keep only candidates with real evidence -> explain -> (optional) summary.

Species is a hard filter applied inside every retriever (a cat query never ranks a dog); a query that
names no species searches all and says so.  Evidence, i.e. no padding: a case is shown only if it shows
one of the owner's signs (in its extracted findings or in its text), or its text holds enough of the
owner's words and signs (idf-weighted), or its vector is close in meaning on its own (``min_dense``).
Per-query work is proportional to the candidates; corpus-wide structures live in ``index.py``.

``related`` runs the same pipeline with a case's own signs, diagnosis and vector as the query.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from ..errors import NotFound, QueryError
from ..index.embeddings import Embedder, get_embedder
from ..index.sqlite import Store
from ..lexicon import Lexicon
from ..lexicon import load as load_lexicon
from ..lexicon.plural import plural
from ..records import Case, Diagnosis, Hit, QuerySign, SearchResponse, Sign, Summary, Understood
from ..settings import Settings
from . import explain, fusion, retrieve
from .index import SEX_CODES, SearchIndex, get_index
from .lexical import tokenize
from .query import Analysis, age_in_years, analyse, words

MAX_LIMIT = 100
RELATED_MIN_DENSE = 0.6


@dataclass(frozen=True)
class Options:
    """Knobs the evaluation compares; the defaults are what users get.

    The evidence thresholds were set by reading the labelled queries, not by a search over them
    (there is no held-out set, say so when quoting figures): ``min_dense`` 0.5 lies above the
    highest cosine any dog or cat query with no fitting case reached (0.47, "my cat has fleas")
    and below the median cosine of the cases judged relevant (0.52); ``min_coverage`` 0.4 made
    no difference between 0.3 and 0.5 on those queries.
    """

    fusion: str = "rrf"
    weights: Mapping[str, float] = field(default_factory=lambda: dict(fusion.DEFAULT_WEIGHTS))
    retrievers: tuple[str, ...] = ("lexical", "dense", "concepts")
    min_coverage: float = 0.4  # share of the owner's other words (idf-weighted) a text-only match needs
    min_dense: float | None = 0.5  # cosine that counts as a close match in meaning on its own (None: never)
    boost_breed: float = 0.10
    boost_age: float = 0.05
    boost_sex: float = 0.03
    negated_penalty: float = 0.5


DEFAULT_OPTIONS = Options()


def normalise_species(species: str | None, lexicon: Lexicon) -> str | None:
    s = (species or "").strip()
    if not s:
        return None
    found = lexicon.species.find(s)
    return found[0].species if found else s.lower()


def _embedder(embedder: Embedder | None) -> tuple[Embedder | None, str | None]:
    if embedder is not None:
        return embedder, None
    found: tuple[Embedder | None, str | None] = get_embedder(Settings.from_env())
    return found


def _species_list(ix: SearchIndex) -> str:
    counts = sorted(((int(m.sum()), sp) for sp, m in ix.species_masks.items()), reverse=True)
    return ", ".join(plural(sp) for n, sp in counts if n) or "none yet"


@dataclass(frozen=True)
class _Query:
    analysis: Analysis
    understood: Understood
    dense_text: str | None = None
    dense_vector: NDArray[np.float32] | None = None
    exclude_row: int | None = None
    empty_notice: str | None = None


def _agreement(ix: SearchIndex, row: int, u: Understood) -> explain.Agreement:
    sps = ix.row_species[row]
    species = u.species if u.species in sps else (sps[0] if sps else None)
    case_breed = ix.breed[row]
    breed = bool(u.breed) and bool(_breed_match(ix, np.asarray([row], dtype=np.int64), u.breed or "")[0])
    if breed and not case_breed:
        case_breed = u.breed
    years = float(ix.age_years[row])
    case_age = None if np.isnan(years) else (f"{years:g} years" if years >= 1 else f"{round(years * 12)} months")
    code = int(ix.sex[row])
    case_sex = {v: k for k, v in SEX_CODES.items()}.get(code)
    return explain.Agreement(
        species=species,
        breed=breed,
        age=explain.age_agrees(u.age, years),
        sex=explain.sex_agrees(u.sex, case_sex),
        case_age=case_age,
        case_sex=case_sex,
        case_breed=case_breed,
    )


def _summarise(cases: list[Case]) -> Summary | None:
    """The summary of what was tried, when the summary module is installed (imported lazily)."""
    try:
        mod = importlib.import_module("petcasefinder.summarise")
    except ImportError:
        return None
    fn = getattr(mod, "summarise", None)
    if not callable(fn):
        return None
    out = fn(cases)
    return out if isinstance(out, Summary) else None


def _run(
    store: Store,
    ix: SearchIndex,
    q: _Query,
    *,
    text: str,
    limit: int,
    lexicon: Lexicon,
    embedder: Embedder | None,
    summarise: bool,
    options: Options,
    notices: list[str],
) -> SearchResponse:
    u, a = q.understood, q.analysis
    if ix.size == 0:
        notices.append("This database has no veterinary case reports yet: run `petcasefinder build` first.")
        return SearchResponse(text, u, (), None, " ".join(notices))
    mask = ix.mask(u.species)
    if q.exclude_row is not None:
        mask = (np.ones(ix.size, dtype=np.bool_) if mask is None else mask.copy())
        mask[q.exclude_row] = False
    if u.species and (mask is None or not mask.any()):
        notices.append(
            f"This collection has no case reports about {plural(u.species)} yet "
            f"(it has: {_species_list(ix)}), so none are shown rather than cases about other animals."
        )
        return SearchResponse(text, u, (), None, " ".join(notices) or None)
    lists: dict[str, retrieve.Ranked] = {}
    if "lexical" in options.retrievers:
        lists["lexical"] = retrieve.lexical(ix, retrieve.lexical_query(a, lexicon), mask)
    if "concepts" in options.retrievers:
        lists["concepts"] = retrieve.concepts(ix, retrieve.concept_terms(a, lexicon), mask)
    if "dense" in options.retrievers and embedder is not None:
        dix = ix.vectors(store, embedder.name)
        if dix.has.any():
            qv = q.dense_vector
            if qv is None:
                qv = embedder.embed([q.dense_text or text])[0]
            pool = [r.rows for r in lists.values()] + [dix.candidates(qv, mask, retrieve.DEPTH)]
            lists["dense"] = retrieve.dense(dix.vectors, dix.has, qv, np.unique(np.concatenate(pool)))
        else:
            notices.append("No stored vectors for matching by meaning yet (run `petcasefinder build`).")
    fused = fusion.select(options.fusion)(lists, options.weights)
    cands = np.asarray(sorted(fused), dtype=np.int64)
    ev = retrieve.evidence(ix, a, lexicon, cands)
    keep = ev.ok(options.min_coverage)
    sims = np.full(len(cands), np.nan)
    if "dense" in lists and len(cands):
        at = np.searchsorted(cands, lists["dense"].rows)
        sims[at] = lists["dense"].scores
        if options.min_dense is not None:
            keep |= np.nan_to_num(sims, nan=-1.0) >= options.min_dense
    base = np.asarray([fused[r] for r in cands.tolist()], dtype=np.float64)
    final = base * _boosts(ix, cands, u, options) * np.where(ev.negated.any(axis=1), options.negated_penalty, 1.0)
    idx = np.flatnonzero(keep)
    idx = idx[np.lexsort((cands[idx], -final[idx]))][:limit]
    rows = [int(cands[i]) for i in idx]
    cases = {c.id: c for c in store.cases([int(ix.ids[r]) for r in rows])}
    hits: list[Hit] = []
    used: list[Case] = []
    for i, row in zip(idx.tolist(), rows, strict=True):
        case = cases.get(int(ix.ids[row]))
        if case is None:
            continue
        matched = [s for j, s in enumerate(u.signs) if ev.signs[i, j]]
        negated = [s for j, s in enumerate(u.negated) if ev.negated[i, j]]
        sign_words = {t for m in matched for t in tokenize(m.term)}
        said = [w for j, w in enumerate(a.words) if ev.words[i, j] and w not in sign_words]
        terms = [t for m in matched for t in retrieve.sign_terms(m, lexicon)] + said
        key = explain.key_sentence(case.article, terms)
        art = case.article
        hits.append(Hit(
            pmid=art.pmid, doi=art.doi, title=art.title, year=art.year, species=ix.row_species[row],
            score=float(final[i]), matched_signs=tuple(explain.sign_label(m) for m in matched),
            why=explain.why(u, _agreement(ix, row, u), matched, negated, said, key,
                            None if np.isnan(sims[i]) else float(sims[i]), owner=q.exclude_row is None),
            journal=art.journal, key_sentence=key,
        ))
        used.append(case)
    if not hits:
        notices.append(q.empty_notice or (
            "No case report in this collection matches what you described. Try other words for the signs "
            "(for example 'drinking a lot' or 'polydipsia'), fewer details at once, or check the species."
        ))
    summary = _summarise(used) if summarise and used else None
    return SearchResponse(text, u, tuple(hits), summary, " ".join(notices) or None)


def _boosts(ix: SearchIndex, cands: NDArray[np.int64], u: Understood, o: Options) -> NDArray[np.float64]:
    """Small multipliers for agreeing signalment (breed, age, sex), vectorised over the candidates."""
    out = np.ones(len(cands), dtype=np.float64)
    if not len(cands):
        return out
    if u.breed:
        out += o.boost_breed * _breed_match(ix, cands, u.breed)
    if u.age:
        years = ix.age_years[cands].astype(np.float64)
        known = ~np.isnan(years)
        if u.age == "senior":
            fits = years >= 8
        elif u.age == "young":
            fits = years <= 2
        else:
            qy = age_in_years(u.age)
            fits = np.abs(years - qy) <= max(1.5, 0.25 * qy) if qy is not None else np.zeros(len(cands), bool)
            known &= qy is not None
        out += o.boost_age * np.where(known, np.where(fits, 1.0, -1.0), 0.0)
    if u.sex and u.sex != "neutered":
        code = SEX_CODES.get(u.sex.split(",")[0].strip(), 0)
        out += o.boost_sex * (ix.sex[cands] == code)
    return out


def _breed_match(ix: SearchIndex, cands: NDArray[np.int64], breed: str) -> NDArray[np.bool_]:
    toks = [t for t in tokenize(breed) if t not in words().stopwords]
    in_text = np.ones(len(cands), dtype=np.bool_) if toks else np.zeros(len(cands), dtype=np.bool_)
    for t in toks:
        in_text &= ix.lexical.matched(t, cands)
    b = breed.lower()
    stated = np.asarray([bool(ix.breed[r]) and (b in str(ix.breed[r]).lower() or str(ix.breed[r]).lower() in b)
                         for r in cands.tolist()], dtype=np.bool_)
    return np.asarray(in_text | stated)


def _check_limit(limit: int) -> int:
    if limit < 1:
        raise QueryError("The number of results must be at least 1.")
    return min(int(limit), MAX_LIMIT)


def search(
    store: Store,
    text: str,
    *,
    species: str | None = None,
    limit: int = 10,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    summarise: bool = True,
    options: Options = DEFAULT_OPTIONS,
) -> SearchResponse:
    """Veterinary case reports matching an owner's description, best first, each explained."""
    lex = lexicon or load_lexicon()
    limit = _check_limit(limit)
    a = analyse(text, lex)
    named = normalise_species(species, lex)
    u = replace(a.understood, species=named or a.understood.species)
    notices: list[str] = []
    if u.species is None:
        notices.append("You didn't say which animal, so cases of every species are shown; "
                       "add the species (for example 'dog' or 'cat') to narrow them.")
    elif not named and len(a.species_said) > 1:
        notices.append(f"You named more than one animal ({', '.join(a.species_said)}); showing "
                       f"{plural(u.species)}. Search again for the others.")
    ix = get_index(store)  # before the model: building the index then needs less peak memory
    emb, emb_notice = (None, None) if "dense" not in options.retrievers else _embedder(embedder)
    if emb_notice:
        notices.append(emb_notice)
    q = _Query(analysis=a, understood=u, dense_text=text)
    return _run(store, ix, q, text=" ".join(text.split()), limit=limit, lexicon=lex, embedder=emb,
                summarise=summarise, options=options, notices=notices)


def related(
    store: Store,
    key: str,
    *,
    limit: int = 10,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    summarise: bool = True,
    options: Options = DEFAULT_OPTIONS,
) -> SearchResponse:
    """Cases like the case ``key``: its signs, diagnosis and vector as the query, same species, itself left out."""
    lex = lexicon or load_lexicon()
    limit = _check_limit(limit)
    aid = store.find(key)
    if aid is None:
        raise NotFound(f"No case with id {key.strip()!r} in this collection.")
    ix = get_index(store)
    row = ix.row_of(aid)
    if row is None:
        raise NotFound(f"{key.strip()} is in the collection but is not a veterinary case report, "
                       "so there are no related cases to show.")
    case = store.case(aid)
    f = case.findings
    signs: dict[str, QuerySign] = {}
    items: list[Sign | Diagnosis] = [*(f.signs if f else ()), *(f.diagnosis if f else ())]
    for item in items:
        signs.setdefault(item.term.lower(), QuerySign(said=item.lay or item.term, term=item.term, lay=item.lay))
    sig = f.signalment if f else None
    sps = ix.row_species[row]
    u = Understood(species=sps[0] if sps else None, signs=tuple(signs.values()),
                   age=sig.age if sig else None, sex=sig.sex if sig else None, breed=sig.breed if sig else None)
    stop = words().stopwords | {"case", "report", "dog", "cat", "canine", "feline"}
    title_words = tuple(dict.fromkeys(w for w in tokenize(case.article.title) if w not in stop and len(w) > 2))
    a = Analysis(understood=u, species_said=sps[:1], words=title_words, negated_words=())
    emb, emb_notice = (None, None) if "dense" not in options.retrievers else _embedder(embedder)
    notices = [emb_notice] if emb_notice else []
    vec = None
    if emb is not None:
        dix = ix.vectors(store, emb.name)
        if dix.has[row]:
            vec = dix.vectors[row].astype(np.float32)
    none = (f"No other case report about {plural(u.species or 'animal')} in this collection shares "
            "this case's signs, diagnosis or title words.")
    q = _Query(analysis=a, understood=u, dense_text=case.article.text, dense_vector=vec, exclude_row=row,
               empty_notice=none)
    # Two abstracts are always somewhat alike in meaning (median cosine between the demo's case reports
    # 0.36, 95th percentile 0.55), so on its own a vector match counts only from 0.6 (top ~2% of pairs).
    return _run(store, ix, q, text=f"related to {case.key}", limit=limit, lexicon=lex, embedder=emb,
                summarise=summarise, options=replace(options, min_dense=RELATED_MIN_DENSE), notices=notices)
