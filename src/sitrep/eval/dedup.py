"""``sitrep eval dedup``: pairwise precision and recall of merging reports of the same event.

The corpus (tests/data/dedup) holds short reports by several outlets of the same
real events in ``reports/``, with the true clusters in ``clusters.json``. The whole pipeline runs
end to end: the reports are ingested into a fresh store, and two articles count
as merged when some event mention of each went to the same stored event; they
truly belong together when their labelled events overlap.
"""

from __future__ import annotations

import json
import tempfile
from itertools import combinations
from pathlib import Path

from ..dedup import date_span
from ..ingest import read_paths
from ..model import Article, Event
from . import EvalResult

__all__ = ["corpus_dir", "evaluate", "pair_scores"]


def corpus_dir(data: Path | None = None) -> Path:
    """The folder with the reports and clusters.json (default: the project's tests/data/dedup)."""
    candidates = [data, data / "dedup"] if data is not None else []
    candidates.append(Path(__file__).resolve().parents[3] / "tests" / "data" / "dedup")
    for cand in candidates:
        if cand is not None and (cand / "clusters.json").is_file():
            return cand
    raise ValueError("no dedup corpus found: give --data FOLDER holding clusters.json and the reports")


def pair_scores(predicted: dict[str, set[int]], gold: dict[str, set[str]]) -> tuple[int, int, int]:
    """True positive, false positive and false negative article pairs."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        said = bool(predicted.get(a, set()) & predicted.get(b, set()))
        true = bool(gold[a] & gold[b])
        tp += said and true
        fp += said and not true
        fn += true and not said
    return tp, fp, fn


def _mergeable(event: Event) -> bool:
    loc = event.location
    located = loc is not None and (loc.latitude is not None or loc.geonameid is not None or bool(loc.name))
    return located and date_span(event.date) is not None


def evaluate(data: Path | None = None, limit: int | None = None) -> EvalResult:
    """Ingest the corpus into a fresh store and score the merge pair by pair."""
    from ..ingest_job import ingest_items
    from ..store import Store

    folder = corpus_dir(data)
    labels: dict[str, list[str]] = json.loads((folder / "clusters.json").read_text("utf-8"))["articles"]
    files = sorted(folder / "reports" / name for name in labels)[:limit]
    items = list(read_paths(files))
    articles = [a for a in items if isinstance(a, Article)]
    name_of = {a.hash: Path(a.origin).name for a in articles}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dedup.db"
        stats = ingest_items(articles, db, progress=False)
        with Store(db) as store:
            by_hash = store.clusters()
            counts = store.counts()
            mentions = [r for ev in store.events() for r in ev["reports"]]
            with store.engine.connect() as conn:
                from sqlalchemy import select

                from ..store import mentions as mention_table

                stored_events = [Event.from_dict(e) for e in conn.execute(select(mention_table.c.event)).scalars()]
    predicted = {name_of[h]: pks for h, pks in by_hash.items() if h in name_of}
    gold = {Path(f).name: set(labels[Path(f).name]) for f in files}
    tp, fp, fn = pair_scores(predicted, gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    rows = []
    for label in sorted({lab for labs in gold.values() for lab in labs}):
        members = [n for n, labs in gold.items() if label in labs]
        inside = list(combinations(members, 2))
        found = sum(bool(predicted.get(a, set()) & predicted.get(b, set())) for a, b in inside)
        wrong = sum(
            bool(predicted.get(a, set()) & predicted.get(b, set()))
            for a in members
            for b in gold
            if b not in members and not (gold[a] & gold[b])
        )
        rows.append(
            {
                "event": label,
                "articles": len(members),
                "with events": sum(1 for n in members if predicted.get(n)),
                "true pairs": len(inside),
                "found": found,
                "wrong pairs": wrong,
            }
        )
    mergeable = sum(_mergeable(e) for e in stored_events)
    return EvalResult(
        title=f"De-duplication across outlets ({len(files)} reports, {len(rows)} true events)",
        rows=rows,
        metrics={
            "pair_precision": precision,
            "pair_recall": recall,
            "pair_f1": f1,
            "true_pairs": float(tp + fn),
            "predicted_pairs": float(tp + fp),
            "mentions": float(counts["mentions"]),
            "stored_events": float(counts["events"]),
            "mentions_with_date_and_place": mergeable / len(stored_events) if stored_events else 0.0,
            "merged_mentions": float(stats.merged),
            "reports_listed": float(len(mentions)),
        },
    )
