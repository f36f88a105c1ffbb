"""``sitrep ingest`` end to end: real articles, idempotent re-runs, SIGKILL and resume, errors, workers."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitrep.eval import default_data_dir
from sitrep.ingest_job import ingest

TR_NEWS = default_data_dir() / "geo" / "tr-news-dev.xml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not TR_NEWS.exists(), reason="needs ../shared/data/geo/tr-news-dev.xml"),
]


def write_articles(folder: Path, limit: int | None = None) -> list[Path]:
    """TR-News articles as header + text files, the way a user saves them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for art in list(ET.parse(TR_NEWS).getroot().iter("article"))[:limit]:
        title = " ".join((art.findtext("title") or "").split())
        path = folder / f"{art.get('docid')}.txt"
        path.write_text(
            f"Title: {title}\nPublished: {(art.findtext('dltime') or '').strip()}\n"
            f"Source: {(art.findtext('domain') or '').strip()}\n\n{art.findtext('text') or ''}",
            "utf-8",
        )
        paths.append(path)
    return paths


def table_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        tables = ("articles", "reports", "mentions", "events", "errors")
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables}
    finally:
        con.close()


def sitrep(log: Path, *args: str) -> subprocess.Popen[bytes]:
    """``sitrep ARGS`` in a child process, its output in a file (a full pipe would stall it)."""
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "sitrep", *args], stdout=out, stderr=subprocess.STDOUT)


def test_sigkill_then_resume_stores_every_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 40)
    db = tmp_path / "kill.db"
    proc = sitrep(tmp_path / "first.log", "ingest", str(folder), "--db", str(db), "--batch-size", "2", "--quiet")
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = table_counts(db)["articles"]
            except sqlite3.OperationalError:  # tables not created yet
                stored = 0
            if stored >= 2:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    first = table_counts(db)
    assert 1 <= first["articles"] < 40
    rerun = sitrep(tmp_path / "rerun.log", "ingest", str(folder), "--db", str(db), "--quiet")
    rerun.wait(timeout=300)
    said = (tmp_path / "rerun.log").read_text("utf-8")
    assert rerun.returncode == 0, said
    assert f"{first['articles']} already there" in said
    counts = table_counts(db)
    assert counts["articles"] == 40 and counts["reports"] == 40
    con = sqlite3.connect(db)
    dupes = con.execute("select count(*) from (select hash from articles group by hash having count(*) > 1)")
    assert dupes.fetchone()[0] == 0
    # Every mention belongs to one stored article, once.
    orphan = con.execute(
        "select count(*) from mentions m left join articles a on a.pk = m.article_pk where a.pk is null"
    )
    assert orphan.fetchone()[0] == 0
    con.close()


def test_second_run_adds_nothing_and_errors_retry_only_when_changed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 4)
    (folder / "empty.txt").write_text("   \n", "utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01binary")
    db = tmp_path / "s.db"
    first = ingest([folder], db, progress=False)
    assert (first.stored, first.errors, first.already) == (4, 2, 0)
    before = table_counts(db)
    second = ingest([folder], db, progress=False)
    assert (second.stored, second.errors, second.already, second.known_failures) == (0, 0, 4, 2)
    assert table_counts(db) == before
    (folder / "empty.txt").write_text("Title: Fixed\n\nTroops clashed with rebels in the north on Monday.\n", "utf-8")
    third = ingest([folder], db, progress=False)
    assert (third.stored, third.errors, third.known_failures) == (1, 0, 1)
    con = sqlite3.connect(db)
    sources = [r[0] for r in con.execute("select source from errors")]
    assert [Path(s).name for s in sources] == ["blob.txt"]
    assert con.execute("select attempts from errors").fetchone()[0] == 1
    con.close()
    # Asked to, an unchanged failure is tried again (and fails again).
    forced = ingest([folder], db, progress=False, retry_failed=True)
    assert (forced.stored, forced.already, forced.known_failures) == (0, 5, 1)
    con = sqlite3.connect(db)
    assert con.execute("select attempts from errors").fetchone()[0] == 2
    con.close()


def test_workers_store_the_same_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 6)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    serial = ingest([folder], one, progress=False, batch_size=2)
    parallel = ingest([folder], two, workers=2, progress=False, batch_size=2)
    assert (serial.stored, serial.events) == (parallel.stored, parallel.events) == (6, serial.events)

    def rows(db: Path) -> list[tuple[object, ...]]:
        con = sqlite3.connect(db)
        try:
            return con.execute(
                "select a.hash, m.idx, m.code from mentions m join articles a on a.pk = m.article_pk "
                "order by a.hash, m.idx"
            ).fetchall()
        finally:
            con.close()

    assert rows(one) == rows(two)


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep", "query", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"sitrep: no store at {tmp_path / 'none.db'}; run `sitrep ingest` first [missing]"
    ]


def test_jsonl_input_keeps_ids_and_records_bad_lines(tmp_path: Path) -> None:
    texts = [a.read_text("utf-8").split("\n\n", 1)[1] for a in write_articles(tmp_path / "src", 2)]
    feed = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "wire-1", "text": texts[0], "source": "Wire", "published": "2016-12-19"}),
        "{not json",
        json.dumps({"id": "wire-2", "text": texts[1], "source": "Wire"}),
    ]
    feed.write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "j.db"
    first = ingest([feed], db, progress=False)
    assert (first.stored, first.errors) == (2, 1)
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("select article_id from articles")) == ["wire-1", "wire-2"]
    assert con.execute("select source from errors").fetchone()[0] == f"{feed}:2"
    con.close()
    again = ingest([feed], db, progress=False)
    assert (again.stored, again.already, again.errors, again.known_failures) == (0, 2, 0, 1)


def _children(pid: int) -> set[int]:
    """The pids whose parent is ``pid`` (Linux /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_with_their_parent(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 40)
    proc = sitrep(
        tmp_path / "w.log",
        "ingest",
        str(folder),
        "--db",
        str(tmp_path / "w.db"),
        "--workers",
        "2",
        "--batch-size",
        "1",
        "--quiet",
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert proc.poll() is None and workers, "no workers seen before the ingest ended"
    time.sleep(1.0)  # let them start
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


def test_same_text_with_new_metadata_says_what_is_not_applied(tmp_path: Path) -> None:
    text = "Gunmen killed five villagers in Zurmi on Sunday, police said."
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"id": "one", "text": text, "published": "2024-03-05", "source": "A"}) + "\n")
    second = tmp_path / "b.jsonl"
    # the same text with header lines inside, trailing spaces and a new id and source
    body = f"Title: Zurmi\nPublished: 2024-03-05\n\n{text}  \n"
    second.write_text(json.dumps({"id": "two", "text": body, "source": "B"}) + "\n")
    said: list[str] = []
    db = tmp_path / "s.db"
    ingest([first], db, progress=False, on_error=lambda e: said.append(str(e)))
    stats = ingest([second], db, progress=False, on_error=lambda e: said.append(str(e)))
    assert stats.already == 1 and stats.stored == 0
    (line,) = said
    assert "same text as stored article 'one'" in line and "id 'two'" in line and "source 'B'" in line
