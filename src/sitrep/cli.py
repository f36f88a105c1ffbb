"""The ``sitrep`` command: thin wrappers over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import SitrepError
from .model import Report

__all__ = ["format_option", "main"]

F = TypeVar("F", bound=Callable[..., Any])


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """The shared ``--format`` option of every command that prints results."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def fail(message: str) -> None:
    """One line on stderr and exit status 1."""
    click.echo(f"sitrep: {message}", err=True)
    sys.exit(1)


@click.group()
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """sitrep: news reports about armed conflict in, an ACLED-style event dataset out."""


def _published(value: str | None) -> str | None:
    from .ingest import normalise_date

    if value is None:
        return None
    iso = normalise_date(value)
    if iso is None or iso != value:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form")
    return iso


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--jsonl", "jsonl", type=click.Path(path_type=Path), help="JSON Lines input, '-' for stdin.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for sources that carry none.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Also write one Report JSON per article here.")
@format_option("json", "jsonl", "table", default="json")
def extract(
    files: tuple[Path, ...], jsonl: Path | None, published: str | None, out_dir: Path | None, fmt: str
) -> None:
    """Read articles and print one Report per article."""
    from .ingest import read_jsonl, read_paths
    from .output import write_reports
    from .pipeline import extract_items

    pub = _published(published)
    if not files and jsonl is None:
        fail("give FILE... or --jsonl IN")
    items: Iterator[Any]
    if jsonl is not None:
        if str(jsonl) == "-":
            items = read_jsonl(sys.stdin, "<stdin>", pub)
        else:
            items = read_paths([jsonl], pub) if jsonl.exists() else iter(
                [SitrepError("no such file", source=str(jsonl), code="missing")]
            )
        if fmt == "json":
            fmt = "jsonl"  # one Report a line, same order as the input
    else:
        items = read_paths(files, pub)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    ok = failed = events = 0
    table_reports: list[Report] = []
    for item in extract_items(items):
        if isinstance(item, SitrepError):
            failed += 1
            click.echo(f"sitrep: {item}", err=True)
            continue
        ok += 1
        events += len(item.events)
        if out_dir is not None:
            name = item.article.id if len(item.article.id) < 80 else item.article.hash
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name)
            (out_dir / f"{safe}.json").write_text(
                json.dumps(item.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
        if fmt == "table":
            table_reports.append(item)
        else:
            write_reports([item], fmt, sys.stdout)
            sys.stdout.flush()
    if fmt == "table":
        write_reports(table_reports, "table", sys.stdout)
    click.echo(f"sitrep: {ok} articles read, {events} events, {failed} errors", err=True)
    sys.exit(0 if ok else 1)


@main.command("eval")
@click.argument("name")
@click.option("--data", type=click.Path(path_type=Path, exists=True), help="Gold data folder (default ../shared/data).")
@click.option("--limit", type=int, help="Score only the first N documents.")
@click.option("--gate", type=click.Path(path_type=Path, exists=True), help="JSON file of metric floors to check.")
@format_option("table", "json")
def eval_cmd(name: str, data: Path | None, limit: int | None, gate: Path | None, fmt: str) -> None:
    """Score the pipeline on a gold set (events, args, geo, time, dedup)."""
    from rich.console import Console

    from .eval import check_floors, evaluate

    try:
        result = evaluate(name, data=data, limit=limit)
    except ValueError as exc:
        fail(str(exc))
        return
    if fmt == "json":
        click.echo(json.dumps({"title": result.title, "rows": result.rows, "metrics": result.metrics}, indent=2))
    else:
        from rich.table import Table

        table = Table(title=result.title)
        columns = list(result.rows[0]) if result.rows else []
        for col in columns:
            table.add_column(col, justify="left" if col == columns[0] else "right")
        for row in result.rows:
            table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row.values()))
        Console(width=160).print(table)
        for key, value in result.metrics.items():
            click.echo(f"{key}: {value:.4f}")
    if gate is not None:
        failures = check_floors(result.metrics, gate)
        if failures:
            fail("eval gate failed: " + "; ".join(failures))


# --- gazetteer commands (geo) ---


# --- ingest, query, export commands (store) ---


def run() -> None:
    """Console-script entry point: library errors become one line and status 1."""
    try:
        main(standalone_mode=True)
    except SitrepError as exc:
        fail(str(exc))
