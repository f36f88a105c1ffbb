"""Extraction spread over a Dask cluster (the optional extra ``sitrep[dask]``): each worker loads the
pipeline once, takes batches of articles and sends back their Reports; this process alone writes
them to the store, so ingest stays idempotent and resumable (a re-run skips what is stored).

Nothing here is imported unless ``ingest --dask`` is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .errors import SitrepError

if TYPE_CHECKING:
    from .ingest_job import _Job
    from .model import Article

__all__ = ["connect", "parse_address", "run_dask"]


def parse_address(address: str) -> tuple[str, int | None]:
    """("local", N workers or None for one per core) or (a scheduler address, None)."""
    if address == "local" or address.startswith("local:"):
        _, _, n = address.partition(":")
        if n and (not n.isdigit() or int(n) < 1):
            raise SitrepError(f"--dask local:N needs a number of workers, not {n!r}", code="usage")
        return "local", int(n) if n else None
    if "://" in address or ":" in address:
        return address, None
    raise SitrepError(f"--dask takes local, local:N or a scheduler address (tcp://HOST:PORT), not {address!r}",
                      code="usage")


def _load_pipeline_plugin() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadPipeline(WorkerPlugin):  # type: ignore[misc]
        """Load spaCy and sitrep's lexicons once per worker, before its first batch."""

        name = "sitrep-pipeline"

        def setup(self, worker: Any) -> None:
            from .ingest_job import _init_worker

            _init_worker()

    return LoadPipeline()


@contextmanager
def connect(address: str) -> Iterator[Any]:
    """A Dask client: on a new local cluster of single-threaded worker processes, or on a running scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise SitrepError("--dask needs Dask: pip install 'sitrep[dask]'", code="missing") from exc
    where, workers = parse_address(address)
    if where == "local":
        n = workers or max(1, os.cpu_count() or 1)
        # one thread per worker process: spaCy and the encoder are not faster with shared threads
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,  # type: ignore[no-untyped-call]
                          silence_logs=40) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            client.register_plugin(_load_pipeline_plugin())
            yield client
    else:
        try:
            client = Client(where, timeout="20s")  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise SitrepError(f"cannot reach the Dask scheduler at {where} ({exc})", code="dask") from None
        with client:
            client.register_plugin(_load_pipeline_plugin())
            yield client


def run_dask(batches: Iterator[list[Article]], job: _Job, address: str) -> None:
    """Extract ``batches`` on the cluster at ``address`` and write each Report here, in input order."""
    from .ingest_job import _work, pipelined

    def failure(exc: BaseException) -> SitrepError:  # a worker died or the scheduler went away
        return SitrepError(
            f"a Dask task failed ({type(exc).__name__}); what was stored is kept: run again to resume", code="dask"
        )

    with connect(address) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pipelined(batches, job, lambda batch: client.submit(_work, batch, pure=False), 2 * workers, failure)
