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
    from .output import printable

    click.echo(f"sitrep: {printable(message)}", err=True)
    sys.exit(1)


class _Failure(click.ClickException):
    """A library error or an unreadable path, shown as one ``sitrep:`` line with exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        from .output import printable

        click.echo(f"sitrep: {printable(self.message)}", err=True)


class _Group(click.Group):
    """Turns SitrepError and OSError from any command into a _Failure, whoever calls ``main``."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SitrepError as exc:
            raise _Failure(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise _Failure(f"{where}{exc.strerror or exc}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """sitrep: news reports about armed conflict in, an ACLED-style event dataset out.

    \b
    Example:
      sitrep ingest examples --db sitrep.db && sitrep export --db sitrep.db --out events.csv
    """


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
    """Read articles and print one Report per article (nothing is stored).

    \b
    Examples:
      sitrep extract examples/aleppo-ceasefire-2016.txt --published 2016-10-22
      sitrep extract --jsonl articles.jsonl --format jsonl > reports.jsonl
    """
    from .ingest import read_jsonl, read_paths
    from .output import printable, write_reports
    from .pipeline import extract_items

    pub = _published(published)
    if not files and jsonl is None:
        raise click.UsageError("give FILE... or --jsonl IN")
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
            click.echo(f"sitrep: {printable(str(item))}", err=True)
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
    if ok or failed > 1:  # one input that failed has said so in its own line
        click.echo(f"sitrep: {ok} articles read, {failed} errors; their Reports told {events} events", err=True)
    sys.exit(0 if ok else 1)


@main.command("eval")
@click.argument("name")
@click.option("--data", type=click.Path(path_type=Path, exists=True), help="Gold data folder (default ../shared/data).")
@click.option("--limit", type=int, help="Score only the first N documents.")
@click.option("--gate", type=click.Path(path_type=Path, exists=True), help="JSON file of metric floors to check.")
@format_option("table", "json")
def eval_cmd(name: str, data: Path | None, limit: int | None, gate: Path | None, fmt: str) -> None:
    """Score the pipeline on a gold set (events, articles, args, geo, time, dedup).

    \b
    Example:
      sitrep eval articles --gate tests/floors/articles.json
    """
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


@main.group("gazetteer")
def gazetteer_group() -> None:
    """Build, extend and query the offline GeoNames gazetteer.

    \b
    Example:
      sitrep gazetteer lookup Aleppo
    """


@gazetteer_group.command("build")
@click.option("--path", type=click.Path(path_type=Path), help="Gazetteer file (default: $SITREP_GAZETTEER, the cache).")
def gazetteer_build(path: Path | None) -> None:
    """Build the gazetteer from the packaged GeoNames data (replaces the file atomically).

    \b
    Example:
      sitrep gazetteer build --path gazetteer.sqlite
    """
    import time

    from .geo.gazetteer import Gazetteer, build

    started = time.monotonic()
    try:
        target = build(path)
        counts = Gazetteer(target).stats()
    except SitrepError as exc:
        fail(str(exc))
        return
    size = target.stat().st_size / 1e6
    click.echo(f"sitrep: built {target} ({size:.0f} MB, {counts['place']} places, {counts['name']} names) "
               f"in {time.monotonic() - started:.0f} s", err=True)


@gazetteer_group.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--path", type=click.Path(path_type=Path), help="Gazetteer file (default: $SITREP_GAZETTEER, the cache).")
def gazetteer_import(files: tuple[Path, ...], path: Path | None) -> None:
    """Add GeoNames dumps (allCountries/XX .zip or .txt, alternateNamesV2, admin1/admin2 codes).

    \b
    Example:
      sitrep gazetteer import SY.zip admin1CodesASCII.txt
    """
    from .geo.gazetteer import import_dumps

    try:
        stats = import_dumps(files, path)
    except SitrepError as exc:
        fail(str(exc))
        return
    for line in stats.skipped_lines:
        click.echo(f"sitrep: skipped {line}", err=True)
    click.echo(f"sitrep: {stats.places} places, {stats.names} names, {stats.admins} admin units added; "
               f"{stats.skipped} malformed lines skipped", err=True)


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--path", type=click.Path(path_type=Path, exists=True), help="Gazetteer file.")
@click.option("--limit", type=int, default=10, show_default=True)
def gazetteer_lookup(name: str, path: Path | None, limit: int) -> None:
    """The places a name may refer to, most populous first.

    \b
    Example:
      sitrep gazetteer lookup Aleppo --limit 3
    """
    from .geo.gazetteer import Gazetteer, open_default

    try:
        gaz = Gazetteer.get(path) if path else open_default()
        cands = list(gaz.lookup(name)) or list(gaz.lookup_fuzzy(name))
    except SitrepError as exc:
        fail(str(exc))
        return
    for c in cands[:limit]:
        admin1 = gaz.admin_name(c.country, c.admin1) or ""
        click.echo(f"{c.geonameid or '-'}\t{c.name}\t{c.fcode}\t{c.country}\t{admin1}\t"
                   f"{c.latitude}\t{c.longitude}\t{c.population}")


# --- ingest, query, export commands (store) ---


def _filter_options(fn: F) -> F:
    """The filters shared by ``query`` and ``export``."""
    from .model import STATUSES

    options = [
        click.option("--db", default="sitrep.db", show_default=True, help="Store: a SQLite file or a database URL."),
        click.option("--since", help="Events on or after this date (YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this date (YYYY-MM-DD)."),
        click.option("--country", help="ISO code or name of the country."),
        click.option("--admin1", help="First-level administrative division."),
        click.option("--bbox", help="Bounding box WEST,SOUTH,EAST,NORTH in degrees."),
        click.option("--type", "event_type", help="ACLED event type, e.g. 'Battles'."),
        click.option("--sub-type", "sub_event_type", help="ACLED sub-event type or its code, e.g. AIR_STRIKE."),
        click.option("--actor", help="Words in either actor's name."),
        click.option("--min-fatalities", type=int, help="At least this many reported killed."),
        click.option("--status", type=click.Choice(STATUSES), help="Only events of this status."),
        click.option("--text", help="Words in the evidence sentence, place or actors."),
        click.option("--limit", type=int, help="At most this many events."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(opts: dict[str, Any]) -> Any:
    from .store import Filters

    for key in ("since", "until"):
        if opts.get(key) is not None:
            opts[key] = _published(opts[key])
    bbox = opts.pop("bbox", None)
    box = None
    if bbox is not None:
        from .store import parse_bbox

        try:
            box = parse_bbox(bbox)
        except SitrepError as exc:
            raise click.BadParameter(exc.message, param_hint="--bbox") from None
    opts.pop("db", None)
    return Filters(bbox=box, **opts)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", default="sitrep.db", show_default=True, help="Store: a SQLite file or a database URL.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for sources that carry none.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="Articles per batch.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--retry-failed", is_flag=True, help="Try again inputs that failed before, even unchanged.")
@click.option("--dask", "dask_address", metavar="local[:N]|tcp://HOST:PORT",
              help="Extract on a Dask cluster: a new local one (N workers) or a running scheduler (sitrep[dask]).")
def ingest(
    paths: tuple[Path, ...],
    db: str,
    workers: int,
    published: str | None,
    batch_size: int,
    quiet: bool,
    retry_failed: bool,
    dask_address: str | None,
) -> None:
    """Run the pipeline over articles (files, folders, .jsonl, feeds) into the event store.

    Each article is stored once (by content hash): running again adds only what is new.

    \b
    Examples:
      sitrep ingest examples news.jsonl --db sitrep.db --workers 2
      sitrep ingest archive/ --db postgresql://sitrep@db/sitrep --dask tcp://scheduler:8786
    """
    from .ingest_job import ingest as run_ingest
    from .output import printable

    def report(err: SitrepError) -> None:
        click.echo(f"sitrep: {printable(str(err))}", err=True)

    pub = _published(published)
    stats = run_ingest(
        paths,
        db,
        workers=workers,
        published=pub,
        batch_size=batch_size,
        progress=not quiet,
        on_error=report,
        retry_failed=retry_failed,
        dask=dask_address,
    )
    click.echo(f"sitrep: {stats.line(db)}", err=True)
    if stats.read == 0 and stats.errors + stats.known_failures > 0:
        sys.exit(1)  # not one input could be read


@main.command()
@_filter_options
@format_option("table", "json", "jsonl", "csv", "geojson")
def query(db: str, fmt: str, **opts: Any) -> None:
    """Print the stored events that match the filters, whatever their status (the ACLED export
    keeps those that occurred or were announced).

    \b
    Examples:
      sitrep query --country SY --since 2016-10-01 --type Battles
      sitrep query --sub-type AIR_STRIKE --format csv > strikes.csv
    """
    from .output import write_rows
    from .store import query as run_query

    rows = run_query(db, _filters(opts))
    title = f"{len(rows)} stored events (any status)"
    write_rows(rows, fmt, sys.stdout, title=title if fmt == "table" else None)
    if fmt != "table":
        click.echo(f"sitrep: {len(rows)} stored events (any status)", err=True)


@main.command()
@_filter_options
@format_option("acled-csv", "geojson", "parquet", "jsonl", "reports", default="acled-csv")
@click.option("--out", type=click.Path(path_type=Path), help="Output file (default stdout; required for parquet).")
@click.option(
    "--acled-style",
    type=click.Choice(["api", "export-tool"]),
    default="api",
    show_default=True,
    help="acled-csv values as ACLED's API writes them (ISO dates, inter codes as text) or as its export "
    "tool's files do ('28 December 2022', numeric inter codes).",
)
def export(db: str, fmt: str, out: Path | None, acled_style: str, **opts: Any) -> None:
    """Write the stored events as ACLED CSV, GeoJSON, Parquet or JSON Lines, or the Reports of the
    articles that told them. The ACLED CSV holds events that occurred or were announced; the other
    formats hold every stored event that matches, an unknown toll as null.

    \b
    Examples:
      sitrep export --out events.csv --acled-style export-tool
      sitrep export --format geojson --country SY --since 2016-10-01 --out syria.geojson
    """
    from .export import export as run_export

    result = run_export(db, fmt, out, _filters(opts), style=acled_style)
    click.echo(f"sitrep: {result.line(out)}", err=True)


@main.command()
@click.option("--db", default="sitrep.db", show_default=True, help="Store: a SQLite file or a database URL.")
@format_option("table", "json", "csv")
def ceasefires(db: str, fmt: str) -> None:
    """Truces the stored events tell (kind, parties, area, window, extensions, rejections, breakdown) and
    the violent events before, during and after each, with their evidence.

    \b
    Example:
      sitrep ceasefires --db sitrep.db --format json > truces.json
    """
    from .ceasefires import truces, write

    found = truces(db)  # a missing store is a one-line error from the export records it reads
    write(found, fmt, sys.stdout)
    click.echo(f"sitrep: {len(found)} truces", err=True)


@main.command()
@click.option("--db", default="sitrep.db", show_default=True, help="Store: a SQLite file or a database URL.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="SITREP_TOKEN", help="Enable the writing endpoints, guarded by this token.")
def serve(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the read-only API and the web view (map, timeline, evidence) over the store.

    \b
    Example:
      sitrep serve --db sitrep.db --port 8000   # then open http://127.0.0.1:8000/
    """
    from .serve import serve as run_server

    click.echo(f"sitrep: serving {db} at http://{host}:{port}/ (API at /api, Ctrl-C to stop)", err=True)
    run_server(db, host=host, port=port, token=token)


def run() -> None:
    """Console-script entry point (errors become one line: see _Group)."""
    main(standalone_mode=True)
