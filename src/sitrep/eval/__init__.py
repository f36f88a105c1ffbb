"""Readers for gold data sets and scorers; ``sitrep eval NAME`` prints one table.

Each scorer is a module ``sitrep.eval.<name>`` with
``evaluate(data: Path | None = None, limit: int | None = None) -> EvalResult``.
The eval gate compares a result's metrics with floors pinned in JSON.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SCORERS", "EvalResult", "check_floors", "default_data_dir", "evaluate"]

SCORERS = ("events", "articles", "args", "geo", "time", "dedup")


@dataclass
class EvalResult:
    """A scorer's table (rows of named columns) and its headline metrics."""

    title: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)


def default_data_dir() -> Path:
    """../shared/data beside the project checkout, where the public gold sets live."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"


def evaluate(name: str, data: Path | None = None, limit: int | None = None) -> EvalResult:
    """Run the scorer called ``name``."""
    if name not in SCORERS:
        raise ValueError(f"unknown eval {name!r}; choose from {', '.join(SCORERS)}")
    module = importlib.import_module(f"sitrep.eval.{name}")
    result: EvalResult = module.evaluate(data=data, limit=limit)
    return result


def check_floors(metrics: dict[str, float], floors_file: Path) -> list[str]:
    """The metrics below their pinned floor, as readable lines (empty when all hold)."""
    floors: dict[str, float] = json.loads(floors_file.read_text("utf-8"))
    failures = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        got = metrics.get(key)
        if got is None or got < floor:
            failures.append(f"{key}: {got} < floor {floor}")
    return failures
