"""Shared fixtures: paths to the project's examples and the shared gold data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"
ALEPPO = EXAMPLES / "aleppo-ceasefire-2016.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline, loaded once for the test session."""
    from sitrep.nlp import load

    return load()
