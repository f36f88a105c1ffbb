"""The ingest job: read inputs, run the pipeline (in worker processes if asked), write the store.

One writer (this process) commits each article in its own transaction, so the job
can be killed at any point and run again. Articles already stored and inputs that
failed before and have not changed since are skipped before any parsing.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .errors import InputError, SitrepError
from .ingest import read_paths
from .model import Article, Report
from .pipeline import Timings, extract_items
from .store import DEFAULT_DB, Store, error_fingerprint

__all__ = ["IngestStats", "article_fingerprint", "ingest", "ingest_items", "pipelined"]

Result = Report | SitrepError


@dataclass
class IngestStats:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    already: int = 0
    known_failures: int = 0
    errors: int = 0
    events: int = 0
    merged: int = 0
    seconds: float = 0.0
    # When the first batch was stored, and how many articles it held: the rate after
    # it is the steady throughput, model loading and worker start-up left out.
    warmup: float = 0.0
    warm_stored: int = 0

    @property
    def steady_rate(self) -> float:
        """Articles stored per second after the first batch."""
        span = self.seconds - self.warmup
        return (self.stored - self.warm_stored) / span if span > 0 else 0.0

    def line(self, db: str | Path) -> str:
        """One summary line for the terminal."""
        rate = self.stored / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.stored} articles stored ({rate:.1f}/s), {self.already} already there, "
            f"{self.errors} errors, {self.known_failures} unchanged failures skipped; "
            f"their Reports told {self.events} events, {self.merged} of them joined to an event "
            f"another report had told; store: {db}"
        )


def article_fingerprint(text_hash: str) -> str:
    """The fingerprint of an article the pipeline failed on: its text alone."""
    return hashlib.sha1(f"article\0{text_hash}".encode()).hexdigest()


# --- worker processes: one spaCy pipeline each ---

_worker_nlp: Any = None


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent dies (kill -9 included), so none is left orphaned."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _init_worker() -> None:
    global _worker_nlp
    _die_with_parent()
    from . import nlp

    _worker_nlp = nlp.load()


def _work(batch: list[Article]) -> tuple[list[Result], dict[str, float]]:
    timings = Timings()
    results = list(extract_items(batch, nlp=_worker_nlp, batch_size=len(batch), timings=timings))
    return results, dict(timings)


# --- the job ---


class _Job:
    def __init__(
        self,
        store: Store,
        stats: IngestStats,
        timings: Timings,
        progress: Progress | None,
        on_error: Callable[[SitrepError], None] | None = None,
    ) -> None:
        self.store, self.stats, self.timings, self.progress = store, stats, timings, progress
        self.on_error = on_error
        self.task = None
        if progress is not None:
            self.task = progress.add_task("ingest", total=None, rate=0.0, events=0, errors=0, skipped=0)
        self.t0 = time.perf_counter()

    def tick(self) -> None:
        if self.progress is None or self.task is None:
            return
        s = self.stats
        elapsed = time.perf_counter() - self.t0
        self.progress.update(
            self.task,
            completed=s.stored,
            rate=s.stored / elapsed if elapsed > 0 else 0.0,
            events=s.events,
            errors=s.errors,
            skipped=s.already + s.known_failures,
        )

    def batch_done(self) -> None:
        if self.stats.warm_stored == 0 and self.stats.stored:
            self.stats.warmup = time.perf_counter() - self.t0
            self.stats.warm_stored = self.stats.stored

    def error(self, err: SitrepError, fingerprint: str) -> None:
        with self.timings.stage("store"):
            if self.store.add_error(err, fingerprint):
                self.stats.errors += 1
                if self.on_error is not None:
                    self.on_error(err)
            else:
                self.stats.known_failures += 1
        self.tick()

    def write(self, article: Article, result: Result) -> None:
        if isinstance(result, SitrepError):
            self.error(result, article_fingerprint(article.hash))
            return
        with self.timings.stage("store"):
            done = self.store.add_report(result)
        if done.stored:
            self.stats.stored += 1
            self.stats.events += done.events
            self.stats.merged += done.merged
        else:
            self.stats.already += 1
        self.tick()


def _todo(
    items: Iterable[Article | SitrepError], store: Store, stats: IngestStats, timings: Timings, retry: bool
) -> Iterator[Article | tuple[SitrepError, str]]:
    """Articles and reader errors, each once, less the failures seen before."""
    failed = set() if retry else store.failed_fingerprints()
    seen: set[str] = set()
    it = iter(items)
    while True:
        with timings.stage("read"):
            item = next(it, None)
        if item is None:
            return
        if isinstance(item, Article):
            stats.read += 1
            if item.hash in seen:
                stats.already += 1
                continue
            if article_fingerprint(item.hash) in failed:
                stats.known_failures += 1
                continue
            seen.add(item.hash)
            yield item
        else:
            fp = error_fingerprint(item)
            if fp in failed or fp in seen:
                stats.known_failures += 1
                continue
            seen.add(fp)
            yield item, fp


def _differs(article: Article, stored_id: str, published: str | None, source: str | None) -> str | None:
    """A line saying what of ``article`` is not kept because its text is stored already, else None."""
    changes = []
    if article.id != article.hash and article.id != stored_id:
        changes.append(f"id {article.id!r}")
    if article.published and article.published != published:
        changes.append(f"published {article.published}")
    if article.source and article.source != source:
        changes.append(f"source {article.source!r}")
    if not changes:
        return None
    return (
        f"same text as stored article {stored_id!r} (published {published or 'unknown'}, source "
        f"{source or 'unknown'}): kept as stored; its {', '.join(changes)} not applied"
    )


def _batches(todo: Iterator[Article | tuple[SitrepError, str]], size: int, job: _Job) -> Iterator[list[Article]]:
    """Batches of articles not stored yet; reader errors are written as they come."""
    batch: list[Article] = []

    def unstored() -> list[Article]:
        known = job.store.stored_metadata([a.hash for a in batch])
        job.stats.already += len(known)
        for a in batch:
            if a.hash in known and job.on_error is not None and (note := _differs(a, *known[a.hash])):
                job.on_error(SitrepError(note, source=a.origin or a.id, code="duplicate"))
        if known:
            job.tick()
        return [a for a in batch if a.hash not in known]

    for item in todo:
        if isinstance(item, tuple):
            job.error(*item)
            continue
        batch.append(item)
        if len(batch) >= size:
            if fresh := unstored():
                yield fresh
            batch = []
    if batch and (fresh := unstored()):
        yield fresh


def _run_serial(batches: Iterator[list[Article]], job: _Job) -> None:
    from . import nlp as nlp_mod

    model = nlp_mod.load()
    for batch in batches:
        results = list(extract_items(batch, nlp=model, batch_size=len(batch), timings=job.timings))
        for article, result in zip(batch, results, strict=True):
            job.write(article, result)
        job.batch_done()


# Thread pools of the numeric libraries (OpenBLAS under numpy): with one process per
# core, their extra threads only fight each other for the cores (measured: 25 % more CPU
# per article parsed). A user's own setting wins.
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """Worker processes started inside the block run their numeric libraries on one thread."""
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    for key in _THREAD_VARS:
        os.environ.setdefault(key, "1")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def pipelined(
    batches: Iterator[list[Article]],
    job: _Job,
    submit: Callable[[list[Article]], Any],
    in_flight: int,
    failure: Callable[[BaseException], SitrepError | None],
) -> None:
    """Hand each batch to ``submit`` (which returns a future of ``_work``'s result), keep at most
    ``in_flight`` pending so memory stays bounded on any corpus, and write the results in input order.
    ``failure`` turns a future's exception into the error to raise (None: raise it as it is)."""
    pending: deque[tuple[list[Article], Any]] = deque()

    def drain(until: int) -> None:
        while len(pending) > until:
            batch, handle = pending.popleft()
            try:
                results, stage_times = handle.result()
            except Exception as exc:
                err = failure(exc)
                if err is None:
                    raise
                raise err from None
            for name, seconds in stage_times.items():
                job.timings[name] += seconds
            for article, result in zip(batch, results, strict=True):
                job.write(article, result)
            job.batch_done()

    for batch in batches:
        pending.append((batch, submit(batch)))
        drain(in_flight)
    drain(0)


def _run_parallel(batches: Iterator[list[Article]], job: _Job, workers: int) -> None:
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: safe for spaCy and SQLite

    def failure(exc: BaseException) -> SitrepError | None:
        if not isinstance(exc, BrokenProcessPool):
            return None
        return SitrepError(
            "a worker process died (out of memory?); what was stored is kept: run again to resume", code="worker"
        )

    with _one_blas_thread(), ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker) as pool:
        pipelined(batches, job, lambda batch: pool.submit(_work, batch), 2 * workers, failure)


def ingest_items(
    items: Iterable[Article | SitrepError],
    db: str | Path = DEFAULT_DB,
    *,
    workers: int = 1,
    batch_size: int = 16,
    progress: bool = True,
    timings: Timings | None = None,
    console: Console | None = None,
    on_error: Callable[[SitrepError], None] | None = None,
    retry_failed: bool = False,
    dask: str | None = None,
) -> IngestStats:
    """Run the pipeline over ``items`` and store every new article once; ``on_error`` hears
    of each new failure (an unchanged failure from an earlier run is only counted, unless
    ``retry_failed``). ``dask`` ("local", "local:N" or a scheduler address) spreads extraction
    over a Dask cluster (sitrep.cluster); this process still writes every Report."""
    if workers < 1:
        raise SitrepError("--workers must be at least 1", code="usage")
    stats = IngestStats()
    clock = timings if timings is not None else Timings()
    t0 = time.perf_counter()
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f}/s"),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[errors]} errors"),
        TextColumn("{task.fields[skipped]} skipped"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        disable=not progress,
        transient=False,
    )
    with Store(db) as store, bar:
        job = _Job(store, stats, clock, bar if progress else None, on_error)
        batches = _batches(_todo(items, store, stats, clock, retry_failed), max(1, batch_size), job)
        if dask is not None:
            from .cluster import run_dask

            run_dask(batches, job, dask)
        elif workers == 1:
            _run_serial(batches, job)
        else:
            _run_parallel(batches, job, workers)
        job.tick()
    stats.seconds = time.perf_counter() - t0
    return stats


def ingest(
    paths: Sequence[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    workers: int = 1,
    published: str | None = None,
    batch_size: int = 16,
    progress: bool = True,
    timings: Timings | None = None,
    on_error: Callable[[SitrepError], None] | None = None,
    retry_failed: bool = False,
    dask: str | None = None,
) -> IngestStats:
    """Ingest files, folders, JSON Lines and feeds into the store at ``db``; an InputError, and no store
    created, when not one of ``paths`` exists."""
    missing = [str(p) for p in paths if str(p) != "-" and not os.path.lexists(p)]
    if paths and len(missing) == len(paths):
        raise InputError("no such file or folder", source=", ".join(missing), code="missing")
    return ingest_items(
        read_paths(paths, published),
        db,
        workers=workers,
        batch_size=batch_size,
        progress=progress,
        timings=timings,
        on_error=on_error,
        retry_failed=retry_failed,
        dask=dask,
    )
