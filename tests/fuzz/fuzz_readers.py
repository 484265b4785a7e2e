"""Coverage-guided fuzzing (atheris / libFuzzer) of the record readers.

Run:  python tests/fuzz/fuzz_readers.py CORPUS_DIR -max_total_time=30 -artifact_prefix=OUT/
(``tests/test_robust_fuzz.py`` does this with a corpus copied from the recorded
responses into a temporary folder.)

A crash is any exception other than the project's own ``PetCaseError``, raised by
``read_bytes`` or by one of the readers, or by serialising a returned record the
way the store writes it (UTF-8 JSON: an unpaired surrogate from a ``\\ud800``
escape passes the readers and then kills the ingest).

``KNOWN`` lists the reader bugs reported and not yet fixed, each with a reproducer.
While a reproducer still fails, exceptions of that exact kind are not counted as
new crashes (``tolerated``), so the run keeps looking for *other* bugs; once the
reproducer passes (the bug is fixed), the tolerance switches itself off and the
entry moves to ``FIXED``, whose reproducers stay as regression inputs.
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache
from typing import Any

_instrument: AbstractContextManager[object] = nullcontext()
if __name__ == "__main__":  # only the fuzz run instruments the package (coverage feedback), never pytest
    import atheris

    _instrument = atheris.instrument_imports(include=["petcasefinder"])

with _instrument:
    from petcasefinder.errors import PetCaseError
    from petcasefinder.ingest.europepmc import read_europepmc_json, read_europepmc_xml
    from petcasefinder.ingest.jsonl import read_json_document, read_jsonl
    from petcasefinder.ingest.pubmed import read_pubmed_xml
    from petcasefinder.ingest.readers import read_bytes
    from petcasefinder.records import ReadResult

Reader = Callable[[bytes, str], ReadResult]
READERS: dict[str, Reader] = {
    "read_bytes": read_bytes,
    "read_europepmc_json": read_europepmc_json,
    "read_europepmc_xml": read_europepmc_xml,
    "read_pubmed_xml": read_pubmed_xml,
    "read_jsonl": read_jsonl,
    "read_json_document": read_json_document,
}


def storable(res: ReadResult) -> None:
    """Serialise every returned record as the store does (``json.dumps(ensure_ascii=False)`` -> UTF-8)."""
    for a in (*res.records, *res.ids_only):
        json.dumps(a.to_json(), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Known:
    """A reported reader bug: its reproducer and the exception it raises."""

    label: str
    where: str
    reproducer: bytes
    exc: type[BaseException]
    message: str  # regex on str(exception)

    def matches(self, e: BaseException) -> bool:
        return isinstance(e, self.exc) and re.search(self.message, str(e)) is not None


_CORE = '{"resultList":{"result":[{"title":"t","pmid":"1",%s}]}}'
FIXED: tuple[Known, ...] = (
    Known("deep-json", "json.loads in ingest/europepmc.py read_europepmc_json, ingest/jsonl.py read_jsonl and "
          "read_json_document (RecursionError is not caught)",
          b'{"resultList": ' + b"[" * 100_000, RecursionError, "recursion"),
    Known("deep-xml", "ingest/europepmc.py _xml_obj/_inner and ingest/pubmed.py _text/ET.tostring recurse per "
          "nesting level (RecursionError is not caught)",
          b"<responseWrapper><resultList><result>" + b"<a>" * 5000 + b"</a>" * 5000
          + b"</result></resultList></responseWrapper>", RecursionError, "recursion"),
    Known("huge-int", "json.loads in ingest/europepmc.py read_europepmc_json (a >4300-digit integer raises a "
          "plain ValueError, not JSONDecodeError)",
          b'{"resultList":{"result":[]},"hitCount":' + b"1" * 5000 + b"}", ValueError, "integer string conversion"),
    Known("non-object-field", "ingest/europepmc.py article_from_result/_authors/_mesh call .get on fields that "
          "may be strings or lists (AttributeError is not caught in _map_results)",
          (_CORE % '"authorList":"x"').encode(), AttributeError, "has no attribute"),
    Known("lone-surrogate", "JSON readers accept an escaped unpaired surrogate (\\ud800); Store.upsert then "
          "raises UnicodeEncodeError, failing the whole ingest (a harvest can never get past that page)",
          _CORE.replace('"t"', '"a\\ud800b"').replace(",%s", "").encode(), UnicodeEncodeError, "surrogates"),
    Known("non-object-journal", "ingest/europepmc.py article_from_result: journalInfo / meshHeadingList given as a "
          "string or a list", (_CORE % '"journalInfo":"x","meshHeadingList":["y"]').encode(), AttributeError,
          "has no attribute"),
)
KNOWN: tuple[Known, ...] = ()  # reported and not yet fixed: none


def reproduces(k: Known) -> bool:
    """Whether the reported bug is still there (its reproducer still raises its exception)."""
    try:
        for reader in READERS.values():
            storable(reader(k.reproducer, k.label))
    except PetCaseError:
        return False
    except BaseException as e:
        if k.matches(e):
            return True
        raise
    return False


@cache
def unfixed() -> tuple[Known, ...]:
    """Known bugs still present; none when PETCASEFINDER_FUZZ_STRICT=1 (count every crash)."""
    if os.environ.get("PETCASEFINDER_FUZZ_STRICT") == "1":
        return ()
    return tuple(k for k in KNOWN if reproduces(k))


def tolerated(e: BaseException) -> Known | None:
    """The still-unfixed known bug this exception is an instance of, if any."""
    return next((k for k in unfixed() if k.matches(e)), None)


def check(data: bytes) -> None:
    """Every reader over ``data``: PetCaseError is fine, a known unfixed bug is skipped, anything else raises."""
    for name, reader in READERS.items():
        try:
            storable(reader(data, name))
        except PetCaseError:
            continue
        except Exception as e:
            if tolerated(e) is None:
                raise


def _one_input(data: bytes) -> None:
    check(data)


# ---- a structure-aware mutator: half the mutations edit a decoded JSON/XML tree ----------------
_HOSTILE_TEXT = ("", " ", "<h4>Methods</h4>x", "&lt;i&gt;x&lt;/i&gt;", "<script>alert(1)</script>", "\x00\x1b[2J",
                 "\u202e\ufeff", "e\u0301\U0001f436", "NaN", "19999", "PMC", "10.1/x", "\n\r\t")
_MARK = "@@RAW@@"


def _hostile_json(rng: random.Random, depth: int = 0) -> object:
    """A value of a kind the reader may not expect where it is put."""
    kind = rng.randrange(10)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False, 0, -1, 2**63, 1.5e308, float("inf")])
    if kind == 2:
        return rng.choice(_HOSTILE_TEXT) * rng.choice([1, 2, 1000])
    if kind == 3 and depth < 3:
        return [_hostile_json(rng, depth + 1) for _ in range(rng.randrange(3))]
    if kind == 4 and depth < 3:
        return {rng.choice(["title", "pmid", "author", "journal", "x"]): _hostile_json(rng, depth + 1)}
    if kind == 5:
        return _MARK + rng.choice(["[" * 3000 + "]" * 3000, "1" * 5000, '"\\ud800"', '"a\\udc00b"', "1e999"])
    return rng.choice(_HOSTILE_TEXT)


def _nodes(obj: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [path]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _nodes(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _nodes(v, (*path, i))
    return out


def _mutate_json(obj: object, rng: random.Random) -> bytes:
    paths = [p for p in _nodes(obj) if p]
    if paths:
        path = rng.choice(paths)
        parent: Any = obj
        for k in path[:-1]:
            parent = parent[k]
        if rng.random() < 0.2 and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = _hostile_json(rng)
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    return re.sub(r'"@@RAW@@((?:[^"\\]|\\.)*)"', lambda m: json.loads(f'"{m.group(1)}"'), text).encode(
        "utf-8", "surrogatepass")


def _mutate_xml(root: ET.Element, rng: random.Random) -> bytes:
    els = list(root.iter())
    el = rng.choice(els)
    kind = rng.randrange(5)
    if kind == 0:
        el.text = rng.choice(_HOSTILE_TEXT) * rng.choice([1, 100])
    elif kind == 1 and len(el):
        el.remove(rng.choice(list(el)))
    elif kind == 2:
        inner = el
        for _ in range(rng.choice([2, 50, 3000])):
            inner = ET.SubElement(inner, rng.choice(["i", "b", "sup", "h4", el.tag]))
        inner.text = "x"
    elif kind == 3:
        el.set(rng.choice(["Label", "IdType", "EIdType", "MajorTopicYN", "ValidYN"]), rng.choice(_HOSTILE_TEXT))
    else:
        el.append(copy.deepcopy(rng.choice(els[1:] or els)))
    return ET.tostring(root, encoding="utf-8")


def _custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
    import atheris

    rng = random.Random(seed)
    if rng.random() < 0.5:
        try:
            if data.lstrip()[:1] in (b"{", b"["):
                return _mutate_json(json.loads(data), rng)[:max_size]
            if data.lstrip()[:1] == b"<":
                return _mutate_xml(ET.fromstring(data), rng)[:max_size]
        except (ValueError, ET.ParseError, RecursionError):
            pass
    out: bytes = atheris.Mutate(data, max_size)
    return out


def main(argv: list[str]) -> None:
    import atheris

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))
    unfixed()  # decided once, before fuzzing starts
    atheris.Setup(argv, _one_input, custom_mutator=_custom_mutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
