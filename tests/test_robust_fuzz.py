"""A bounded atheris (libFuzzer) run over the record readers: 0 crashes.

The corpus is seeded at run time, in a temporary folder, from the recorded real
responses (``../shared/data/vet-case-reports-github/recorded-responses/``) plus
one small seed per file derived from it (its first result or article alone), so
the fuzzer spends its time on structure rather than on 250 KB inputs.  Nothing
is copied into the repository.  Length of the run: PETCASEFINDER_FUZZ_SECONDS
(default 30).  A crash leaves its input in the temporary folder, named in the
failure message, to turn into a regression test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from replay_server import recorded_dir

FUZZ_TARGET = Path(__file__).parent / "fuzz" / "fuzz_readers.py"
SECONDS = int(os.environ.get("PETCASEFINDER_FUZZ_SECONDS", "30"))
# tokens of the formats: libFuzzer splices them in, reaching structure that random bytes rarely do
DICTIONARY = [
    "{", "}", "[", "]", "null", "true", "1e999", "\\ud800", "\\u0000", '"resultList"', '"result"', '"hitCount"',
    '"nextCursorMark"', '"authorList"', '"author"', '"fullName"', '"journalInfo"', '"journal"', '"meshHeadingList"',
    '"meshHeading"', '"meshQualifierList"', '"pubTypeList"', '"keywordList"', '"abstractText"', '"title"', '"pmid"',
    '"doi"', '"pmcid"', '"source"', '"MED"', '"PMC"', "<h4>", "</h4>", "<i>", "</i>", "&lt;i&gt;", "&amp;", "<br/>",
    "<PubmedArticle>", "</PubmedArticle>", "<PubmedBookArticle>", "<MedlineCitation>", "<Article>", "<ArticleTitle>",
    '<AbstractText Label="METHODS">', "<AbstractText>", "<PMID>", "<ELocationID EIdType=\"doi\">", "<MedlineDate>",
    "<!DOCTYPE", "<!ENTITY", "<![CDATA[", "<responseWrapper>", "<resultList>", "<result>", "</result>",
    "<rdf:Description>", "<html>", "\xef\xbb\xbf",
]


def _small_seeds(src: Path) -> dict[str, bytes]:
    """One small, well-formed seed per recorded file: its first result or article on its own."""
    seeds: dict[str, bytes] = {}
    for f in sorted(src.iterdir()):
        data = f.read_bytes()
        if f.suffix == ".json":
            obj = json.loads(data)
            results = (obj.get("resultList") or {}).get("result") or []
            if results:
                obj["resultList"]["result"] = results[:1]
                seeds[f.stem + "_one.json"] = json.dumps(obj, ensure_ascii=False).encode()
        elif f.suffix == ".xml":
            root = ET.fromstring(data)
            for parent in (root, root.find("resultList"), root.find("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF")):
                if parent is not None and len(parent) > 1:
                    keep = [c for c in parent if c.tag.endswith(("PubmedArticle", "result", "Description"))][:1]
                    for c in list(parent):
                        if c.tag.endswith(("PubmedArticle", "result", "Description")) and c not in keep:
                            parent.remove(c)
            seeds[f.stem + "_one.xml"] = ET.tostring(root, encoding="utf-8")
    return seeds


def _dict_line(token: str) -> str:
    escaped = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else f"\\x{ord(c):02x}"
                      for c in token.encode("utf-8").decode("latin-1"))
    return f'"{escaped}"'


@pytest.mark.slow
@pytest.mark.timeout(SECONDS + 120)
def test_fuzz_readers_finds_no_crash(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus, out = tmp_path / "corpus", tmp_path / "artifacts"
    corpus.mkdir()
    out.mkdir()
    src = recorded_dir()
    for f in src.iterdir():
        (corpus / f.name).write_bytes(f.read_bytes())  # a temporary copy; the fuzzer adds to its corpus folder
    for name, body in _small_seeds(src).items():
        (corpus / name).write_bytes(body)
    (tmp_path / "formats.dict").write_text("\n".join(_dict_line(t) for t in DICTIONARY) + "\n")
    cmd = [sys.executable, str(FUZZ_TARGET), str(corpus), f"-max_total_time={SECONDS}", f"-artifact_prefix={out}/",
           f"-dict={tmp_path / 'formats.dict'}", "-timeout=20", "-rss_limit_mb=2048", "-print_final_stats=1"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=SECONDS + 90, check=False, cwd=tmp_path,
                       env={**os.environ, "PYTHONHASHSEED": "0"})
    found = sorted(p.name for p in out.iterdir())
    tail = "\n".join(r.stderr.splitlines()[-40:])
    assert r.returncode == 0 and not found, f"fuzzing crashed (inputs kept in {out}: {found}):\n{tail}"
    runs = re.search(r"Done (\d+) runs", r.stderr)
    assert runs and int(runs.group(1)) > 0, tail
    print(f"atheris: {runs.group(1)} inputs in {SECONDS} s, 0 crashes")
