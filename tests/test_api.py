"""The Python API of the README: extract_text, extract_texts, to_dataframe, and a str refused where an
iterable of articles is expected."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import sitrep
from sitrep.ingest import article_from_text
from sitrep.store import Store

pytestmark = pytest.mark.slow

TEXT = "Gunmen killed five villagers in Zurmi on Sunday, police said. Troops later arrested two suspects."


def test_public_names() -> None:
    for name in ("extract", "extract_text", "extract_texts", "to_dataframe", "Report", "Article"):
        assert name in sitrep.__all__ and hasattr(sitrep, name)


def test_extract_text_gives_one_report() -> None:
    report = sitrep.extract_text(TEXT, published="2024-03-05", source="Daily Trust")
    assert isinstance(report, sitrep.Report)
    assert report.article.source == "Daily Trust" and report.article.published == "2024-03-05"
    attack = next(e for e in report.events if e.code == "ATTACK")
    assert attack.fatalities.best == 5
    assert attack.date is not None and attack.date.value == "2024-03-03"


@pytest.mark.parametrize("call", [sitrep.extract, sitrep.extract_texts])
def test_a_string_where_an_iterable_is_expected_is_a_type_error(call: object) -> None:
    with pytest.raises(TypeError, match="extract_text"):
        list(call(TEXT))  # type: ignore[operator]


def test_extract_text_refuses_bytes() -> None:
    with pytest.raises(TypeError, match="str"):
        sitrep.extract_text(TEXT.encode())  # type: ignore[arg-type]


def test_extract_texts_keeps_order_and_takes_articles() -> None:
    other = article_from_text("Police fired tear gas at protesters in Nairobi on Tuesday.", id="nbo")
    reports = list(sitrep.extract_texts([TEXT, other], published="2024-03-05"))
    assert [r.article.id for r in reports][1] == "nbo"
    assert reports[0].article.published == "2024-03-05"


def test_to_dataframe_from_reports_and_from_a_store(tmp_path: Path) -> None:
    report = sitrep.extract_text(TEXT, published="2024-03-05")
    frame = sitrep.to_dataframe([report])
    assert len(frame) == len(report.events) >= 1
    assert frame["event_date"].dtype.kind == "M"
    arrest = frame[frame.code == "ARREST"]
    if len(arrest):
        assert arrest["fatalities"].isna().all()  # no toll reported: missing, not 0
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add_report(report)
    stored = sitrep.to_dataframe(db)
    assert len(stored) == len(frame)
    assert {"event_id_cnty", "sub_event_type", "fatalities", "warnings"} <= set(stored.columns)
    assert isinstance(stored, pd.DataFrame)
