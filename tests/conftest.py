from __future__ import annotations

from pathlib import Path

import pytest

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
