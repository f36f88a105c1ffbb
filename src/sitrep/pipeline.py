"""Runs the stages in DESIGN.md's order over a batch of articles; ``extract()`` is the entry point."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_mod
from .assemble import assemble
from .errors import SitrepError
from .events import fill_arguments, find_events
from .geo import find_places
from .geo.gazetteer import open_default
from .model import Article, Report
from .timex import find_times

__all__ = [
    "BUDGET_ENV",
    "Timings",
    "article_budget",
    "extract",
    "extract_items",
    "extract_text",
    "extract_texts",
    "process",
]

# Seconds one article may take after parsing before it becomes an error line (0: no limit).
BUDGET_ENV = "SITREP_ARTICLE_SECONDS"
DEFAULT_BUDGET = 60.0


class _OverBudget(Exception):
    """Raised by the alarm when an article runs past its budget."""


def article_budget() -> float:
    """The per-article budget in seconds: ``$SITREP_ARTICLE_SECONDS``, else 60."""
    raw = os.environ.get(BUDGET_ENV, "").strip()
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_BUDGET
    except ValueError:
        return DEFAULT_BUDGET


@contextmanager
def _within(seconds: float) -> Iterator[None]:
    """Raise _OverBudget in the block after ``seconds`` (main thread on Unix; elsewhere no limit)."""
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Timings(defaultdict[str, float]):
    """Seconds spent in each stage, summed over a run (for ``make bench``)."""

    def __init__(self) -> None:
        super().__init__(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time spent in the ``with`` block to ``name``."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self[name] += time.perf_counter() - t0


def process(article: Article, doc: Doc, timings: Timings | None = None) -> Report:
    """Run the extraction stages and assembly over one parsed article."""
    clock = timings if timings is not None else Timings()
    with clock.stage("events"):
        events = find_events(doc, article)
    with clock.stage("arguments"):
        tallies = fill_arguments(doc, article, events)
    with clock.stage("geo"):
        places = find_places(doc, article)
    with clock.stage("time"):
        times, warnings = find_times(doc, article)
    with clock.stage("assemble"):
        warnings = list(article.notes) + warnings
        return assemble(article, doc, events, places, times, tallies, warnings)


def extract_items(
    items: Iterable[Article | SitrepError],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    timings: Timings | None = None,
) -> Iterator[Report | SitrepError]:
    """One Report per article, in input order; reader errors pass through in place,
    and an article that fails in a stage, or runs past its budget (``article_budget``), becomes an
    error instead of ending the batch."""
    nlp = nlp or nlp_mod.load()
    budget = article_budget()
    # the gazetteer is built on first use (about a minute): that must not count against the first article
    open_default()
    clock = timings if timings is not None else Timings()
    batch: list[Article | SitrepError] = []

    def run() -> Iterator[Report | SitrepError]:
        articles = [a for a in batch if isinstance(a, Article)]
        with clock.stage("parse"):
            docs = iter(list(nlp_mod.parse((a.text for a in articles), nlp, batch_size)))
        for item in batch:
            if not isinstance(item, Article):
                yield item
                continue
            doc = next(docs)
            try:
                with _within(budget):
                    report = process(item, doc, clock)
            except _OverBudget:
                yield SitrepError(
                    f"took longer than {budget:g} s to code (the per-article budget; set {BUDGET_ENV} to change it)",
                    source=item.origin or item.id,
                    code="timeout",
                )
                continue
            except Exception as exc:  # one broken article must not stop the batch
                first = str(exc).splitlines()[0][:120] if str(exc) else ""
                yield SitrepError(
                    f"extraction failed ({type(exc).__name__}{': ' + first if first else ''})",
                    source=item.origin or item.id,
                    code="pipeline",
                )
                continue
            yield report
        batch.clear()

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from run()
    if batch:
        yield from run()


def extract(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    timings: Timings | None = None,
) -> Iterator[Report]:
    """One Report per article, in order; one spaCy parse per article, batched with ``nlp.pipe``."""
    _not_a_string(articles, "extract() takes an iterable of Articles; for one text use sitrep.extract_text(text)")
    for item in extract_items(articles, nlp=nlp, batch_size=batch_size, timings=timings):
        if isinstance(item, SitrepError):
            raise item
        yield item


def _not_a_string(value: object, message: str) -> None:
    # a str is an iterable of characters: refuse it rather than code each letter
    if isinstance(value, (str, bytes)):
        raise TypeError(message)


def extract_text(
    text: str,
    *,
    published: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Report:
    """The Report of one article's text; ``published`` (YYYY-MM-DD) anchors "on Thursday"."""
    from .ingest import article_from_text

    if not isinstance(text, str):
        raise TypeError(f"extract_text() takes the article's text as a str, not {type(text).__name__}")
    article = article_from_text(text, title=title, published=published, source=source, url=url, origin="<text>")
    return next(extract([article]))


def extract_texts(
    texts: Iterable[str | Article],
    *,
    published: str | None = None,
    source: str | None = None,
    batch_size: int = 32,
) -> Iterator[Report]:
    """One Report per text (or Article), in order, parsed in batches; ``published`` and ``source`` apply to
    every text given as a str."""
    from .ingest import article_from_text

    _not_a_string(texts, "extract_texts() takes an iterable of texts; for one text use sitrep.extract_text(text)")

    def articles() -> Iterator[Article]:
        for i, t in enumerate(texts):
            if isinstance(t, Article):
                yield t
            elif isinstance(t, str):
                yield article_from_text(t, published=published, source=source, origin=f"<text {i}>")
            else:
                raise TypeError(f"extract_texts() takes texts (str) or Articles, not {type(t).__name__}")

    return extract(articles(), batch_size=batch_size)
