"""`sitrep extract`: one Report per article that validates against the committed schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import ALEPPO, EXAMPLES, FIXTURES
from sitrep.cli import main

pytestmark = pytest.mark.slow

SCHEMA = json.loads(resources.files("sitrep.data").joinpath("report.schema.json").read_text("utf-8"))


def test_extract_aleppo_json_validates() -> None:
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(ALEPPO)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["article"]["published"] == "2016-10-22"
    assert report["article"]["source"] == "IBTimes UK"
    text = ALEPPO.read_text("utf-8").split("\n\n", 1)[1]
    for ev in report["events"]:  # offsets index the text as given
        assert 0 <= ev["evidence"]["start"] < ev["evidence"]["end"] <= len(text)
        if ev["evidence"]["trigger"]:
            span = text[ev["evidence"]["start"] : ev["evidence"]["end"]]
            assert ev["evidence"]["trigger"].split()[0] in span
    for place in report["places"]:
        assert text[place["start"] : place["end"]] == place["text"]
    for t in report["times"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_every_example_report_validates(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", "--out", str(out), str(EXAMPLES)])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == len(list(EXAMPLES.glob("*.txt")))
    for report in lines:
        jsonschema.validate(report, SCHEMA)
    assert len(list(out.glob("*.json"))) == len(lines)


def test_jsonl_in_jsonl_out_same_order_ids_kept(tmp_path: Path) -> None:
    src = (FIXTURES / "articles.jsonl").read_text("utf-8").splitlines()
    reversed_in = tmp_path / "in.jsonl"
    reversed_in.write_text("\n".join(reversed(src)) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(reversed_in)])
    assert result.exit_code == 0, result.stderr
    ids = [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()]
    assert ids == ["trnews-1110001", "trnews-1360003", "trnews-1040001"]


def test_published_option_fills_missing_dates(tmp_path: Path) -> None:
    p = tmp_path / "bare.txt"
    p.write_text("Police dispersed protesters in Nairobi on Tuesday.\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", "--published", "2020-03-05", str(p)])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["published"] == "2020-03-05"
    bad = CliRunner().invoke(main, ["extract", "--published", "05/03/2020", str(p)])
    assert bad.exit_code != 0


def test_table_format_has_a_row_per_event() -> None:
    result = CliRunner().invoke(main, ["extract", "--format", "table", str(ALEPPO)])
    assert result.exit_code == 0
    for column in ("date", "place", "type", "actors", "killed", "evidence"):
        assert column in result.stdout
