"""The geo eval gate: scores on a subset of the public corpora stay above pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.eval import check_floors, default_data_dir
from sitrep.eval.geo import read_corpus, reliability
from sitrep.geo.gazetteer import Gazetteer, build

FLOORS = Path(__file__).resolve().parent / "floors" / "geo.json"
LIMIT = 15


@pytest.fixture(scope="module")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One build per test session, shared by the geo test modules (never the user's default file).
    path = tmp_path_factory.getbasetemp() / "sitrep-geo" / "gazetteer.sqlite"
    return path if path.exists() else build(path)


def test_readers_align_gold_spans() -> None:
    folder = default_data_dir() / "geo"
    for name in ("tr-news-dev.xml", "lgl.xml", "GeoVirus.xml"):
        articles = read_corpus(folder / name)
        spans = [t for a in articles for t in a.toponyms]
        assert len(articles) > 30 and len(spans) > 400
        aligned = sum(1 for a in articles for t in a.toponyms if a.text[t.start:t.end] == t.text and t.text)
        assert aligned / len(spans) > 0.97


def test_reliability_table_bins() -> None:
    rows = reliability([(0.95, True), (0.91, False), (0.15, False)], bins=5)
    assert rows[0]["bin"] == "0.0-0.2" and rows[0]["right"] == 0.0
    assert rows[-1]["n"] == 2 and rows[-1]["right"] == 0.5


@pytest.mark.slow
def test_geo_eval_gate(gaz_path: Path) -> None:
    from sitrep.eval.geo import evaluate

    result = evaluate(limit=LIMIT, gaz=Gazetteer.get(gaz_path))
    assert {r["corpus"] for r in result.rows} == {"tr-news", "lgl", "geovirus"}
    failures = check_floors(result.metrics, FLOORS)
    assert not failures, failures


@pytest.mark.slow
def test_gazetteer_cli(gaz_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(main, ["gazetteer", "lookup", "Kharkov", "--path", str(gaz_path)])
    assert out.exit_code == 0 and "706483\tKharkiv" in out.output
    bad = tmp_path / "admin1CodesASCII.txt"
    bad.write_text("SY.09\tAleppo\tAleppo\t170062\nbroken line\n", "utf-8")
    copy = tmp_path / "g.sqlite"
    copy.write_bytes(gaz_path.read_bytes())
    out = runner.invoke(main, ["gazetteer", "import", str(bad), "--path", str(copy)])
    assert out.exit_code == 0, out.output
    assert "admin1CodesASCII.txt:2" in out.output and "1 malformed lines skipped" in out.output
    out = runner.invoke(main, ["gazetteer", "lookup", "Aleppo", "--path", str(copy)])
    assert "170062\tAleppo\tADM1" in out.output


def test_floors_file_is_valid() -> None:
    floors = json.loads(FLOORS.read_text("utf-8"))
    assert all(isinstance(v, float) for k, v in floors.items() if not k.startswith("_"))
