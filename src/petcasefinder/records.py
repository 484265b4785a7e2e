"""The typed, frozen records every pipeline stage passes on.

ingest -> Article; classify -> Classification; extract -> Findings;
search -> SearchResponse (Understood + Hit); summarise -> Summary.
Stages never mutate these; they build new ones.  ``to_json`` methods give the
exact shapes promised by the CLI/JSON contracts, so the CLI and the web app
serialise through one place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class MeshHeading:
    descriptor: str
    major: bool = False
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """One literature record, as read from Europe PMC, PubMed or a JSON Lines file.

    ``raw`` keeps each source's original payload (source name, text) so a record
    can be re-parsed later without re-harvesting.
    """

    title: str
    abstract: str = ""
    pmid: str | None = None
    pmcid: str | None = None
    doi: str | None = None
    journal: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    mesh: tuple[MeshHeading, ...] = ()
    pub_types: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    language: str | None = None
    sources: tuple[str, ...] = ()
    raw: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """The identity used everywhere a case is cited: PMID, else DOI, else PMCID."""
        return self.pmid or self.doi or self.pmcid or ""

    @property
    def text(self) -> str:
        """Title and abstract, the text every text-based stage reads."""
        return f"{self.title}\n{self.abstract}" if self.abstract else self.title

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["raw"] = [list(p) for p in self.raw]
        d["mesh"] = [asdict(m) for m in self.mesh]
        return d


@dataclass(frozen=True)
class Malformed:
    """A record or file that could not be read: where, and why (one line)."""

    file: str
    position: str
    error: str

    def __str__(self) -> str:
        return f"{self.file}:{self.position}: {self.error}"


@dataclass(frozen=True)
class ReadResult:
    """What a reader returns: the good records and every malformed one, none dropped silently.

    ``ids_only`` holds entries that carry identifiers but no title (a Europe PMC
    ``resultType=idlist`` response): they may enrich a stored record with the same
    id but never create a title-less one.
    """

    records: tuple[Article, ...]
    malformed: tuple[Malformed, ...] = ()
    total_hits: int | None = None
    next_cursor: str | None = None
    ids_only: tuple[Article, ...] = ()


@dataclass(frozen=True)
class Classification:
    is_veterinary_case_report: bool
    article_type: str
    patient: str
    species: tuple[str, ...]
    confidence: float
    reasons: tuple[str, ...]

    def to_json(self, article: Article | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if article is not None:
            d.update(pmid=article.pmid, doi=article.doi, title=article.title)
        d.update(
            is_veterinary_case_report=self.is_veterinary_case_report,
            article_type=self.article_type,
            patient=self.patient,
            species=list(self.species),
            confidence=round(self.confidence, 3),
            reasons=list(self.reasons),
        )
        return d


@dataclass(frozen=True)
class Signalment:
    species: str | None = None
    breed: str | None = None
    age: str | None = None
    sex: str | None = None
    neutered: bool | None = None
    animals: int | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sign:
    term: str
    lay: str
    evidence: str


@dataclass(frozen=True)
class Diagnosis:
    term: str
    lay: str
    evidence: str
    certainty: str = "confirmed"  # confirmed | suspected (only ever stated as presumptive/suspected)


@dataclass(frozen=True)
class Treatment:
    name: str
    kind: str  # drug | surgery | procedure | diet | supportive
    lay: str
    evidence: str


@dataclass(frozen=True)
class Outcome:
    status: str = "unknown"  # recovered improved stable relapsed died euthanised unknown
    follow_up: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class Findings:
    signalment: Signalment = field(default_factory=Signalment)
    signs: tuple[Sign, ...] = ()
    diagnosis: tuple[Diagnosis, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    outcome: Outcome = field(default_factory=Outcome)

    def to_json(self) -> dict[str, Any]:
        s = self.signalment
        return {
            "signalment": {
                "species": s.species,
                "breed": s.breed,
                "age": s.age,
                "sex": s.sex,
                "neutered": s.neutered,
                "animals": s.animals,
                "evidence": list(s.evidence),
            },
            "signs": [asdict(x) for x in self.signs],
            "diagnosis": [asdict(x) for x in self.diagnosis],
            "treatments": [asdict(x) for x in self.treatments],
            "outcome": asdict(self.outcome),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Findings:
        s = d.get("signalment") or {}
        return cls(
            signalment=Signalment(
                species=s.get("species"),
                breed=s.get("breed"),
                age=s.get("age"),
                sex=s.get("sex"),
                neutered=s.get("neutered"),
                animals=s.get("animals"),
                evidence=tuple(s.get("evidence") or ()),
            ),
            signs=tuple(Sign(**x) for x in d.get("signs", [])),
            diagnosis=tuple(Diagnosis(**x) for x in d.get("diagnosis", [])),
            treatments=tuple(Treatment(**x) for x in d.get("treatments", [])),
            outcome=Outcome(**(d.get("outcome") or {})),
        )


@dataclass(frozen=True)
class Case:
    """A stored record with what the pipeline learnt about it: what pages and summaries read."""

    id: int
    article: Article
    classification: Classification | None
    findings: Findings | None

    @property
    def key(self) -> str:
        return self.article.key

    def links(self) -> dict[str, str | None]:
        a = self.article
        epmc = None
        if a.pmid:
            epmc = f"https://europepmc.org/article/MED/{a.pmid}"
        elif a.pmcid:
            epmc = f"https://europepmc.org/article/PMC/{a.pmcid}"
        return {
            "europepmc": epmc,
            "pubmed": f"https://pubmed.ncbi.nlm.nih.gov/{a.pmid}/" if a.pmid else None,
            "doi": f"https://doi.org/{a.doi}" if a.doi else None,
        }

    def to_json(self) -> dict[str, Any]:
        """The ``case PMID --json`` contract."""
        a = self.article
        return {
            "pmid": a.pmid,
            "doi": a.doi,
            "title": a.title,
            "journal": a.journal,
            "year": a.year,
            "authors": list(a.authors),
            "affiliations": list(a.affiliations),
            "abstract": a.abstract,
            "links": self.links(),
            "classification": self.classification.to_json(a) if self.classification else None,
            "findings": self.findings.to_json() if self.findings else None,
        }


@dataclass(frozen=True)
class QuerySign:
    said: str
    term: str
    lay: str = ""


@dataclass(frozen=True)
class Understood:
    species: str | None = None
    signs: tuple[QuerySign, ...] = ()
    negated: tuple[QuerySign, ...] = ()
    age: str | None = None
    sex: str | None = None
    breed: str | None = None
    duration: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "species": self.species,
            "signs": [{"said": s.said, "term": s.term} for s in self.signs],
            "age": self.age,
            "sex": self.sex,
            "breed": self.breed,
        }


@dataclass(frozen=True)
class Hit:
    pmid: str | None
    doi: str | None
    title: str
    year: int | None
    species: tuple[str, ...]
    score: float
    matched_signs: tuple[str, ...]
    why: str
    journal: str | None = None
    key_sentence: str | None = None

    @property
    def key(self) -> str:
        return self.pmid or self.doi or ""

    def to_json(self) -> dict[str, Any]:
        return {
            "pmid": self.pmid,
            "doi": self.doi,
            "title": self.title,
            "year": self.year,
            "species": list(self.species),
            "score": round(self.score, 6),
            "matched_signs": list(self.matched_signs),
            "why": self.why,
        }


@dataclass(frozen=True)
class SummarySentence:
    text: str
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    sentences: tuple[SummarySentence, ...]
    reading_grade: float
    cases_used: int
    caveats: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "sentences": [{"text": s.text, "cites": list(s.cites)} for s in self.sentences],
            "reading_grade": round(self.reading_grade, 2),
            "cases_used": self.cases_used,
            "caveats": list(self.caveats),
        }


@dataclass(frozen=True)
class SearchResponse:
    query: str
    understood: Understood
    results: tuple[Hit, ...]
    summary: Summary | None = None
    notice: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "understood": self.understood.to_json(),
            "results": [h.to_json() for h in self.results],
            "summary": self.summary.to_json() if self.summary else None,
            "notice": self.notice,
        }
