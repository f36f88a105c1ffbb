"""Bad input: one clear line naming the input, the batch goes on, exit 0 if any succeeded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import FIXTURES
from sitrep.cli import main
from sitrep.ingest import MAX_BYTES

pytestmark = pytest.mark.slow

GOOD = "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said.\n"


def run(*paths: Path) -> Result:
    return CliRunner().invoke(main, ["extract", "--format", "jsonl", *map(str, paths)])


def check_one_bad(tmp_path: Path, bad: Path, reason: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    result = run(bad, good)
    assert result.exit_code == 0, result.output
    errors = [line for line in result.stderr.splitlines() if "errors" not in line]
    assert len(errors) == 1, result.stderr
    assert str(bad) in errors[0] and reason in errors[0]
    reports = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(reports) == 1 and reports[0]["article"]["id"]
    assert "1 articles read" in result.stderr and "1 errors" in result.stderr


def test_binary_file(tmp_path: Path) -> None:
    bad = tmp_path / "photo.txt"
    bad.write_bytes(bytes(range(256)) * 40)
    check_one_bad(tmp_path, bad, "binary")


def test_empty_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    check_one_bad(tmp_path, bad, "empty")


def test_huge_file(tmp_path: Path) -> None:
    bad = tmp_path / "huge.txt"
    line = b"Shelling was reported in the district overnight, residents said.\n"
    with bad.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert bad.stat().st_size >= 50 * 1024 * 1024 > MAX_BYTES
    check_one_bad(tmp_path, bad, "too large")


def test_invalid_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Manifestación en Bogotá contra la reforma.\n".encode("latin-1"))
    check_one_bad(tmp_path, bad, "UTF-8")


def test_malformed_json_line(tmp_path: Path) -> None:
    bad = tmp_path / "in.jsonl"
    bad.write_text('{"id": "a", "text": "Rebels seized the town."}\n{"id": "b", "text": \n', "utf-8")
    result = run(bad)
    assert result.exit_code == 0
    assert [json.loads(x)["article"]["id"] for x in result.stdout.splitlines()] == ["a"]
    errors = [line for line in result.stderr.splitlines() if "malformed JSON" in line]
    assert len(errors) == 1 and f"{bad}:2" in errors[0]


def test_html_without_body(tmp_path: Path) -> None:
    bad = tmp_path / "empty.html"
    bad.write_text("<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
                   "utf-8")
    check_one_bad(tmp_path, bad, "no article body")


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    bad = tmp_path / "news.rss"
    bad.write_text("this is not a feed at all, just words\n", "utf-8")
    check_one_bad(tmp_path, bad, "not an RSS or Atom feed")


def test_missing_file(tmp_path: Path) -> None:
    check_one_bad(tmp_path, tmp_path / "nope.txt", "no such file")


def test_all_bad_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run(bad)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [f"sitrep: {bad}: empty file [empty]"]  # one input, one line


def test_good_inputs_still_processed_in_a_mixed_folder(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "b.txt").write_text(GOOD, "utf-8")
    (tmp_path / "c.rss").write_bytes((FIXTURES / "bbc-europe.rss").read_bytes())
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(tmp_path)])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 4
    assert "4 articles read" in result.stderr and "1 errors" in result.stderr
