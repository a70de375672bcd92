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


# A short trafficking law of our own, with a consent clause (tests of baselines and diffs drop it).
CONSENT_LAW = ("Section 4. Trafficking\n(1) A person who recruits, transports or harbours another person by force or "
               "deception for the purpose of exploitation commits an offence and is liable to imprisonment for 15 years.\n"
               "Section 5. Consent\nThe consent of a victim to the intended exploitation is irrelevant where any of the "
               "means in section 4 has been used.\n")


def tipcheck_cli(*args, cwd=ROOT):
    """Run the command line as a user would, in a fresh process."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "tipcheck", *map(str, args)], capture_output=True, text=True, cwd=cwd)

