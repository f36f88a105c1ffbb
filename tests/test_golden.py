"""Golden articles: the events an ACLED coder takes from a real report, checked field by field.

Each golden event is matched by ``code`` and ``sentence_contains`` (a snippet of its evidence
sentence); every other key present is compared with the Report, so that fields can be added
to the golden file as the stages that fill them land.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.eval import default_data_dir
from sitrep.model import Article, Event, Report

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = ROOT / "docs" / "golden"
GOLDEN_FILES = sorted(GOLDEN_DIR.glob("*.json"))


def _article(golden: dict[str, Any]) -> Article:
    from sitrep.ingest import article_from_text, read_path

    example = ROOT / "examples" / golden["article"]
    if example.exists():
        items = list(read_path(example, published=golden.get("published")))
        assert len(items) == 1 and isinstance(items[0], Article), items
        return items[0]
    shared = default_data_dir() / "articles" / golden["article"]
    if not shared.exists():
        pytest.skip(f"{golden['article']} is in neither examples/ nor the shared data")
    return article_from_text(shared.read_text("utf-8"), published=golden.get("published"))


@pytest.fixture(scope="module", params=GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def golden_report(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Report, Article]:
    from sitrep.pipeline import extract

    golden = json.loads(Path(request.param).read_text("utf-8"))
    article = _article(golden)
    (report,) = list(extract([article]))
    return golden, report, article


def _sentence(article: Article, event: Event) -> str:
    """The text of every mention of the event (the evidence first)."""
    spans = [(event.evidence.start, event.evidence.end)] + [(m.start, m.end) for m in event.mentions]
    return "\n".join(article.text[a:b] for a, b in spans)


def _check_actor(want: Any, got: Any) -> str | None:
    if got is None:
        return f"no actor (wanted {want!r})"
    if isinstance(want, str):
        want = {"name": want}
    for key, value in want.items():
        have = getattr(got, key, None)
        if key in ("name", "text") and isinstance(have, str) and isinstance(value, str):
            if value.lower() not in have.lower():
                return f"actor {key} {have!r} lacks {value!r}"
        elif have != value:
            return f"actor {key} is {have!r}, wanted {value!r}"
    return None


def _check_record(label: str, want: Any, got: Any, main: str) -> str | None:
    """``want`` is a scalar (compared with ``got.<main>``) or a dict of fields."""
    if got is None:
        return f"no {label} (wanted {want!r})"
    if not isinstance(want, dict):
        want = {main: want}
    for key, value in want.items():
        have = getattr(got, key, None)
        if isinstance(value, str) and isinstance(have, str) and key in ("name", "text"):
            if value.lower() not in have.lower():
                return f"{label} {key} {have!r} lacks {value!r}"
        elif have != value:
            return f"{label} {key} is {have!r}, wanted {value!r}"
    return None


def _mismatch(want: dict[str, Any], event: Event) -> str | None:
    """Why ``event`` does not satisfy the golden entry (None when it does)."""
    if "status" in want and event.status != want["status"]:
        return f"status {event.status!r}, wanted {want['status']!r}"
    for side in ("actor1", "actor2"):
        if side in want and (why := _check_actor(want[side], getattr(event, side))):
            return f"{side}: {why}"
    if "location" in want and (why := _check_record("location", want["location"], event.location, "name")):
        return why
    if "date" in want and (why := _check_record("date", want["date"], event.date, "value")):
        return why
    for count in ("fatalities", "injured"):
        if count in want and (why := _check_record(count, want[count], getattr(event, count), "best")):
            return why
    if "attributed_to" in want:
        for source in want["attributed_to"]:
            if not any(source.lower() in s.lower() for s in event.attributed_to):
                return f"attributed_to {event.attributed_to!r} lacks {source!r}"
    return None


@pytest.mark.slow
def test_golden_events_found(golden_report: tuple[dict[str, Any], Report, Article]) -> None:
    golden, report, article = golden_report
    problems = []
    for want in golden["events"]:
        same = [
            e for e in report.events if e.code == want["code"] and want["sentence_contains"] in _sentence(article, e)
        ]
        if not same:
            problems.append(f"missing {want['code']} in sentence with {want['sentence_contains']!r}")
            continue
        reasons = [r for e in same if (r := _mismatch(want, e)) is not None]
        if len(reasons) == len(same):
            problems.append(f"{want['code']} ({want['sentence_contains']!r}): {'; '.join(reasons)}")
    found = [(e.code, e.status, e.evidence.trigger) for e in report.events]
    assert not problems, "\n".join(problems) + f"\nevents: {found}"


@pytest.mark.slow
def test_golden_non_events_absent(golden_report: tuple[dict[str, Any], Report, Article]) -> None:
    golden, report, article = golden_report
    wrong = []
    for absent in golden.get("absent", []):
        codes = set(absent.get("codes") or [])
        for e in report.events:
            if absent["sentence_contains"] in _sentence(article, e) and (not codes or e.code in codes):
                wrong.append(f"{e.code} ({e.evidence.trigger!r}) in {absent['sentence_contains']!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
def test_golden_evidence_offsets(golden_report: tuple[dict[str, Any], Report, Article]) -> None:
    _, report, article = golden_report
    for e in report.events:
        ev = e.evidence
        assert 0 <= ev.start < ev.end <= len(article.text)
        assert ev.trigger_start is not None and ev.trigger_end is not None
        assert ev.start <= ev.trigger_start < ev.trigger_end <= ev.end
        assert article.text[ev.trigger_start : ev.trigger_end] == ev.trigger
