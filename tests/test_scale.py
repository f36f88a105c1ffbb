"""Scale-out: ingest on a Dask cluster stores what one process stores, once, and resumes after a kill;
the store against a real PostgreSQL server (SITREP_TEST_PG_URL, set by .ci/run) equals the SQLite run:
ingest twice, kill and resume, two concurrent ingests, query and exports."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from conftest import EXAMPLES
from sitrep.cluster import parse_address
from sitrep.errors import SitrepError
from sitrep.export import export
from sitrep.ingest_job import ingest
from sitrep.store import Store, db_url, metadata, query
from test_ingest_cmd import TR_NEWS, write_articles

pytestmark = pytest.mark.slow
PG = os.environ.get("SITREP_TEST_PG_URL")
needs_pg = pytest.mark.skipif(not PG, reason="set SITREP_TEST_PG_URL to a scratch PostgreSQL db (.ci/run does)")
needs_tr = pytest.mark.skipif(not TR_NEWS.exists(), reason="needs ../shared/data/geo/tr-news-dev.xml")


def _rows(db: str | Path) -> list[tuple[Any, ...]]:
    """The stored events as an analyst sees them, without store-assigned ids and times."""
    keep = ("date", "place", "country", "event_type", "sub_event_type", "status", "actor1", "actor2", "fatalities",
            "evidence")
    return sorted(tuple(r[k] for k in keep) for r in query(db))


def _acled(db: str | Path, tmp: Path) -> list[dict[str, str]]:
    out = tmp / f"acled-{abs(hash(str(db)))}.csv"
    export(db, "acled-csv", out, style="export-tool")
    drop = ("event_id_cnty", "timestamp")
    rows = [{k: v for k, v in r.items() if k not in drop} for r in csv.DictReader(io.StringIO(out.read_text()))]
    return sorted(rows, key=lambda r: sorted(r.items()))


def _fresh_pg() -> str:
    assert PG is not None
    engine = sa.create_engine(db_url(PG))
    metadata.drop_all(engine)
    engine.dispose()
    return PG


def _count_pg(url: str) -> int:
    with Store(url) as store:
        return store.counts()["articles"]


def test_dask_addresses() -> None:
    assert parse_address("local") == ("local", None)
    assert parse_address("local:3") == ("local", 3)
    assert parse_address("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)
    for bad in ("local:x", "local:0", "somewhere"):
        with pytest.raises(SitrepError):
            parse_address(bad)


def test_dask_stores_what_one_process_stores(tmp_path: Path) -> None:
    one, spread = tmp_path / "one.db", tmp_path / "dask.db"
    ingest([EXAMPLES], one, progress=False)
    stats = ingest([EXAMPLES], spread, progress=False, dask="local:2", batch_size=2)
    assert stats.stored == 14 and stats.errors == 0
    assert _rows(spread) == _rows(one)
    again = ingest([EXAMPLES], spread, progress=False, dask="local:2")
    assert (again.stored, again.already) == (0, 14)


@needs_tr
def test_dask_client_killed_then_resumed_stores_every_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 30)
    db = tmp_path / "k.db"
    log = (tmp_path / "first.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db), "--dask",
                             "local:2", "--batch-size", "2", "--quiet"], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                if Store(db).counts()["articles"] >= 2:
                    break
            except SitrepError:
                pass
        time.sleep(0.2)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the client and its local cluster
    proc.wait()
    first = Store(db).counts()["articles"]
    assert 1 <= first < 30
    stats = ingest([folder], db, progress=False)
    assert stats.already == first and stats.stored == 30 - first
    assert Store(db).counts()["articles"] == 30


@needs_pg
def test_postgresql_equals_sqlite_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    url = _fresh_pg()
    lite = tmp_path / "lite.db"
    ingest([EXAMPLES], lite, progress=False)
    first = ingest([EXAMPLES], url, progress=False)
    assert first.stored == 14
    assert _rows(url) == _rows(lite)
    assert _acled(url, tmp_path) == _acled(lite, tmp_path)
    again = ingest([EXAMPLES], url, progress=False)
    assert (again.stored, again.already) == (0, 14)
    assert _count_pg(url) == 14


@needs_pg
@needs_tr
def test_postgresql_kill_resume_and_two_concurrent_ingests(tmp_path: Path) -> None:
    url = _fresh_pg()
    folder = tmp_path / "in"
    write_articles(folder, 30)
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", url, "--batch-size", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if _count_pg(url) >= 2:
                break
        except SitrepError:
            pass
        time.sleep(0.1)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    proc.kill()
    proc.wait()
    first = _count_pg(url)
    assert 1 <= first < 30
    # two ingests of the same folder at once, resuming the killed one: every article exactly once
    both = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    for p in both:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    with Store(url) as store:
        counts = store.counts()
    assert counts["articles"] == 30 and counts["reports"] == 30
    engine = sa.create_engine(db_url(url))
    with engine.connect() as conn:
        dupes = conn.execute(sa.text("select count(*) from (select hash from articles group by hash "
                                     "having count(*) > 1) d")).scalar_one()
    engine.dispose()
    assert dupes == 0
