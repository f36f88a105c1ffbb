"""Truce records from real reports: the Aleppo pause of October 2016 (the seed article), and truces written
from public reporting of Yemen (2022) and Nagorno-Karabakh (2020)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ALEPPO, FIXTURES
from sitrep.ceasefires import CSV_COLUMNS, _duration, _other_truce, truces
from sitrep.cli import main
from sitrep.ingest_job import ingest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("truces") / "t.db"
    ingest([ALEPPO, FIXTURES / "truces"], path, progress=False)
    return path


def test_the_aleppo_pause_with_parties_extension_rejection_and_violations(db: Path) -> None:
    aleppo = next(t for t in truces(db) if t.start == "2016-10-20")
    assert aleppo.kind == "unilateral ceasefire" and aleppo.area == "Aleppo" and aleppo.country == "Syria"
    assert any("Syria" in p for p in aleppo.parties) and any("Russia" in p for p in aleppo.parties)
    assert [e.kind for e in aleppo.extensions] == ["humanitarian pause"]
    assert any(r.by and "Rebels" in r.by for r in aleppo.rejections)
    assert all("rejected" in r.evidence or "refused" in r.evidence for r in aleppo.rejections)
    # the June truce's breakdown and length are another truce's, not this one's
    assert aleppo.breakdowns == [] and aleppo.duration is None
    told = {v.evidence: v for v in aleppo.violations}
    jobar = next(v for e, v in told.items() if e and "Jobar" in e)
    assert jobar.sub_event_type == "Armed clash" and jobar.party_involved and jobar.date == "2016-10-21"
    assert any(e and "Castello Road" in e for e in told)
    assert aleppo.during is not None and aleppo.before is not None and aleppo.after is not None


def test_a_truce_told_with_its_length_gets_its_end(db: Path) -> None:
    yemen = next(t for t in truces(db) if t.country == "Yemen")
    assert (yemen.start, yemen.end, yemen.duration) == ("2022-04-02", "2022-06-01", "two-month")


def test_length_and_older_truces() -> None:
    assert _duration("a 72-hour truce began on Monday", 5) == ("72-hour", 3.0)
    assert _duration("since the breakdown of a six-day-long ceasefire in June", 10) is None
    assert _other_truce("the breakdown of a ceasefire between combatants in June", "breakdown", 10)
    assert not _other_truce("the ceasefire collapsed on Monday", "collapsed", 10)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cli_formats(db: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["ceasefires", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert {"kind", "parties", "start", "violations", "before", "during", "after"} <= set(data[0])
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert tuple(rows[0]) == CSV_COLUMNS and any(r["start"] == "2016-10-20" for r in rows)
    else:
        assert "unilateral ceasefire 2016-10-20" in result.stdout and "Jobar" in result.stdout
    assert "truces" in result.stderr
