"""Every command with wrong input: one line and exit 1 for bad values and paths, usage errors exit 2,
`-h` works, every help has an example, and the counts say what they count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.ingest import article_from_text
from sitrep.model import Actor, Event, EventDate, Evidence, Location, Report
from sitrep.store import Store

TEXTS = {
    "fr": ("Police dispersed a march in Paris on Monday.", "PROTEST_WITH_INTER", "Protest with intervention",
           "Protests", Location(name="Paris", latitude=48.85, longitude=2.35, country="FR", precision=1)),
    "sy": ("Rebels clashed with troops in Idlib on Monday.", "ARMED_CLASH", "Armed clash", "Battles",
           Location(name="Idlib", latitude=35.93, longitude=36.63, country="SY", precision=1)),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "s.db"
    with Store(path) as store:
        for key, (text, code, sub, etype, loc) in TEXTS.items():
            art = article_from_text(text, id=key, published="2020-03-03", source="Wire")
            ev = Event(
                id=f"{key}:0",
                event_type=etype,
                sub_event_type=sub,
                code=code,
                status="occurred",
                evidence=Evidence(start=0, end=len(text)),
                date=EventDate(value="2020-03-02", precision=1),
                location=loc,
                actor1=Actor(name="Somebody", inter=1),
            )
            store.add_report(Report(article=art, events=[ev]))
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["extract"],
        ["ingest"],
        ["query"],
        ["export"],
        ["eval"],
        ["gazetteer"],
        ["gazetteer", "build"],
        ["gazetteer", "import"],
        ["gazetteer", "lookup"],
    ],
)
def test_dash_h_works_and_every_help_has_an_example(command: list[str]) -> None:
    code, out, _ = _run(*command, "-h")
    assert code == 0
    assert "Example" in out and "sitrep " in out.split("Example", 1)[1]


def test_extract_without_input_is_a_usage_error() -> None:
    code, _, err = _run("extract")
    assert code == 2 and "give FILE... or --jsonl IN" in err


@pytest.mark.parametrize(
    ("option", "value", "listed"),
    [
        ("--sub-type", "NOPE", "AIR_STRIKE"),
        ("--type", "Battle", "Battles"),
        ("--country", "Narnia", "ISO code"),
    ],
)
@pytest.mark.parametrize("command", ["query", "export"])
def test_unknown_filter_values_are_errors_listing_the_valid_ones(
    db: Path, command: str, option: str, value: str, listed: str
) -> None:
    code, out, err = _run(command, "--db", str(db), option, value)
    assert code == 1 and out == ""
    line = _one_line(err)
    assert value in line and listed in line


def test_filters_apply_to_the_reports_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    code, _, err = _run("export", "--db", str(db), "--format", "reports", "--country", "FR", "--out", str(out))
    assert code == 0
    ids = [json.loads(line)["article"]["id"] for line in out.read_text("utf-8").splitlines()]
    assert ids == ["fr"]
    assert _one_line(err) == f"sitrep: 1 reports written to {out}"


@pytest.mark.parametrize("target", ["folder", "missing/x.csv"])
def test_export_to_a_folder_or_a_missing_folder_is_one_line(db: Path, tmp_path: Path, target: str) -> None:
    (tmp_path / "folder").mkdir()
    code, _, err = _run("export", "--db", str(db), "--out", str(tmp_path / target))
    assert code == 1
    assert str(tmp_path / target) in _one_line(err)


def test_ingest_of_a_missing_file_creates_no_store(tmp_path: Path) -> None:
    store = tmp_path / "new.db"
    code, _, err = _run("ingest", str(tmp_path / "nothing.txt"), "--db", str(store), "--quiet")
    assert code == 1 and "nothing.txt" in _one_line(err)
    assert not store.exists()


def test_counts_say_what_they_count(db: Path, tmp_path: Path) -> None:
    code, out, _ = _run("query", "--db", str(db))
    assert code == 0 and "2 stored events (any status)" in out
    code, _, err = _run("export", "--db", str(db), "--out", str(tmp_path / "e.csv"))
    assert code == 0
    assert _one_line(err) == f"sitrep: 2 events written to {tmp_path / 'e.csv'}"
    code, _, err = _run("export", "--db", str(db), "--format", "geojson", "--out", str(tmp_path / "e.geojson"))
    assert code == 0 and "2 events written" in err


def test_acled_style_is_checked(db: Path) -> None:
    code, _, err = _run("export", "--db", str(db), "--acled-style", "tool")
    assert code == 2 and "export-tool" in err


def test_extract_of_a_device_or_a_fifo_is_one_line(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        code, out, err = _run("extract", path)
        assert code == 1 and out == ""
        assert "not a regular file" in _one_line(err)
