from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The suite keeps its compiled packs and lemma entries in a cache of its own, not the user's.
os.environ.setdefault("TIPCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="tipcheck-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "corpora"


def corpus_or_skip() -> Path:
    if not (CORPUS / "LABELLING.md").is_file():
        pytest.skip("../shared/corpus is not present (a user's clone has none)")
    return CORPUS


@pytest.fixture(scope="session")
def model_law() -> Path:
    return EXAMPLES / "en" / "model-law" / "statute.txt"


@pytest.fixture(scope="session")
def deficient_law() -> Path:
    return EXAMPLES / "en" / "deficient-law" / "statute.txt"
