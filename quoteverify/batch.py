"""``quoteverify batch``: audit many articles on a Dask cluster, one task per article.

For a media monitor or a research group auditing a year of coverage.  The work
of one article is exactly ``audit``'s (``pipeline.run_audit`` rendered by
``report.report_json``), run on a ``dask.distributed`` worker: a
``LocalCluster`` on this machine by default, or the cluster behind
``--scheduler``.  Dask is imported only here, so the CLI stays light.

Results are JSON Lines, one row per article in input order::

    {"id": ..., "article": ..., "error": null, "report": {...audit's JSON...}}

``report`` is the very object ``audit --format json`` prints: rendered with
``json.dumps(report, ensure_ascii=False, indent=2) + "\\n"`` it is byte-identical
to that output.  An article that fails is a row with ``error`` set and
``report`` null, never the end of the batch.  ``--resume`` skips the ids
already in the output and appends.  A ``.parquet`` output holds one row per
quote instead (for pandas or DuckDB), written at the end through a temporary
file so that it is never half-written.

Workers read article and source paths themselves: relative paths resolve
against a worker's working directory, which for the default ``LocalCluster`` is
the CLI's.  On a cluster of other machines, give absolute paths on a shared
file system, or URLs.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    from dask.distributed import Client

    from ._fetch import Fetcher, FetchOptions
    from .pipeline import SourceMemo

CONNECT_TIMEOUT = 5.0  # seconds a --scheduler gets to answer
MANIFEST_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Item:
    """One article to audit: ``id`` is unique in the batch (``--resume`` keys on it)."""

    id: str
    article: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Job:
    """What every task needs besides its article: shipped to the workers whole
    (it pickles), so that no worker depends on state set up elsewhere."""

    fetch: FetchOptions
    sources: tuple[str, ...] = ()
    follow_links: bool = True
    library: str | Sequence[str] | None = None  # as pipeline.run_audit takes it
    speaker_sources: Mapping[str, Sequence[str]] | None = None
    # Which batch this is: a worker's sources of an earlier batch (files may
    # have changed since) are never reused for this one.
    run: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True)
class Row:
    id: str
    error: str | None
    line: str  # the JSON Lines row, newline included


@dataclass
class Summary:
    done: int = 0
    errors: int = 0
    skipped: int = 0
    error_ids: list[str] = field(default_factory=list)


# --- which articles ------------------------------------------------------------


def collect_items(
    inputs: Sequence[str],
    *,
    cwd: Path,
    include: Sequence[str],
    exclude: Sequence[str],
) -> list[Item]:
    """Folders, globs and files as ``check`` reads them; URLs as they are; a
    ``.jsonl`` manifest line by line.  Ids must be unique."""
    from . import check

    items: list[Item] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            files = check.collect_files(plain, include=include, exclude=exclude, cwd=cwd)
            items.extend(Item(id=f, article=f) for f in files)
            plain.clear()

    for ref in inputs:
        if ref.lower().startswith(("http://", "https://")):
            flush()
            items.append(Item(id=ref, article=ref))
        elif ref.lower().endswith(MANIFEST_SUFFIXES):
            flush()
            items.extend(_manifest(Path(ref), ref))
        else:
            plain.append(ref)
    flush()
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InputError("batch", item.id, "this id is given twice (ids must be unique)")
        seen.add(item.id)
    return items


def _manifest(path: Path, shown: str) -> Iterator[Item]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError("manifest", shown, exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise InputError("manifest", shown, "not UTF-8 text") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{shown}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError("manifest", where, f"not JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("article"), str):
            raise InputError("manifest", where, 'each line needs "article": a path or URL')
        sources = obj.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise InputError("manifest", where, '"sources" must be a list of strings')
        article = _beside(obj["article"], path)
        ident = obj.get("id", obj["article"])
        if not isinstance(ident, str | int) or isinstance(ident, bool):
            raise InputError("manifest", where, '"id" must be a string or an integer')
        yield Item(str(ident), article, tuple(_beside(s, path) for s in sources))


def _beside(ref: str, manifest: Path) -> str:
    # Paths in a manifest are relative to the manifest, as in a config file.
    if ref.lower().startswith(("http://", "https://")) or ref == "-" or Path(ref).is_absolute():
        return ref
    return os.path.normpath(manifest.parent / ref)


# --- one article (runs on a worker) --------------------------------------------

_worker_lock = threading.Lock()
# The worker process's Fetcher and the options it was built from.
_worker: tuple[FetchOptions, Fetcher] | None = None


def worker_fetcher(options: FetchOptions) -> Fetcher:
    """The Fetcher this worker process audits with: built from the job's
    options on its first task and kept for the next ones (robots.txt verdicts,
    the cache connection and the run's deadline span the batch, as in one
    ``check``); a later batch with other options gets a new one.  A Fetcher
    cannot travel to a worker (it holds a database connection), its options can.
    """
    from ._fetch import Fetcher

    global _worker
    with _worker_lock:
        if _worker is None or _worker[0] != options:
            old, _worker = _worker, (options, Fetcher(options))
            if old is not None:
                old[1].close()
        return _worker[1]


# Sources read and prepared by this worker in the current batch, as ``check``
# keeps them for its run: a source that many articles name (``--source``, a
# shared transcript) was read and prepared again for every article.  Dropped
# when it holds more than this many sources or characters of source text
# (prepared, a source takes tens of bytes per character: about what one
# audit of a 2 MB transcript takes anyway), so that a year of coverage with
# its own sources per article cannot grow a worker without bound.
_MEMO_SOURCES = 64
_MEMO_CHARS = 2_000_000
_memo: tuple[str, SourceMemo] | None = None


def worker_memo(run: str) -> SourceMemo:
    """This worker's ``SourceMemo`` for the batch ``run``: a new one for a new
    batch, or once the current one is full."""
    from .pipeline import SourceMemo

    global _memo
    with _worker_lock:
        if _memo is None or _memo[0] != run or _full(_memo[1]):
            _memo = (run, SourceMemo())
        return _memo[1]


def _full(memo: SourceMemo) -> bool:
    if len(memo) > _MEMO_SOURCES:
        return True
    return sum(len(s.text or "") for s in memo.values()) > _MEMO_CHARS


def audit_item(item: Item, job: Job) -> Row:
    """Audit one article exactly as ``audit --format json`` does; any failure
    becomes the row's one-line ``error``."""
    from . import pipeline, report

    try:
        rep = pipeline.run_audit(
            item.article,
            item.sources or job.sources,
            follow_links=job.follow_links,
            library=job.library,
            speaker_sources=job.speaker_sources,
            memo=worker_memo(job.run),
            fetcher=worker_fetcher(job.fetch),
        )
        body: Any = json.loads(report.report_json(rep))
        error = None
    except InputError as exc:
        body, error = None, str(exc)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end the batch
        body, error = None, f"internal error: {type(exc).__name__}: {exc}"
    if error is not None:
        error = " ".join(error.split())
    return Row(item.id, error, _line(item, error, body))


def _line(item: Item, error: str | None, body: Any) -> str:
    obj = {"id": item.id, "article": item.article, "error": error, "report": body}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- the cluster -----------------------------------------------------------------


def connect(scheduler: str | None, workers: int) -> tuple[Client, Callable[[], None]]:
    """A client on ``scheduler``, or on a new ``LocalCluster`` of ``workers``
    single-threaded worker processes; and the function that shuts it down."""
    import logging

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError(
            "batch", "dask", "needs dask.distributed: pip install 'quoteverify[dask]'"
        ) from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            cause = f"did not answer within {CONNECT_TIMEOUT:g} s" if _timed_out(exc) else exc
            raise InputError("scheduler", scheduler, str(cause).splitlines()[0]) from None
        return client, client.close
    # Processes, one thread each: an audit is pure Python (extraction,
    # alignment) and holds the GIL, so threads would not add throughput.
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError) or "timed out" in str(exc).lower()


def run(
    items: Sequence[Item],
    job: Job,
    client: Client,
    emit: Callable[[Row], None],
    *,
    progress: bool = False,
) -> Summary:
    """Submit every item, ``emit`` the rows in input order as they complete."""
    from dask.distributed import as_completed

    summary = Summary()
    if not items:
        return summary
    futures = client.map(audit_item, list(items), job=job, pure=False)
    position = {f.key: i for i, f in enumerate(futures)}
    ready: dict[int, Row] = {}
    next_out = 0
    with _Bar(len(items), progress) as bar:
        for fut in as_completed(futures):
            i = position[fut.key]
            try:
                row = fut.result()
            except Exception as exc:  # noqa: BLE001 - a worker died (KilledWorker)
                item = items[i]
                why = " ".join(f"worker failed: {type(exc).__name__}: {exc}".split())
                row = Row(item.id, why, _line(item, why, None))
            fut.release()
            ready[i] = row
            summary.done += 1
            if row.error is not None:
                summary.errors += 1
                summary.error_ids.append(row.id)
            bar.advance(row.error is None)
            # Rows go out in input order, so the output does not depend on
            # which worker finished first.
            while next_out in ready:
                emit(ready.pop(next_out))
                next_out += 1
    return summary


class _Bar:
    """``audited M/N`` on a terminal; nothing otherwise (see ``_progress``)."""

    def __init__(self, total: int, enabled: bool) -> None:
        from ._progress import FetchProgress

        self._inner = FetchProgress(total, enabled=enabled)
        # FetchProgress names its bar for fetching; this one counts articles.
        if self._inner.shown:
            self._inner._bar.update(self._inner._task, description="auditing articles")

    def __enter__(self) -> _Bar:
        self._inner.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._inner.__exit__(*exc)

    def advance(self, ok: bool) -> None:
        self._inner.advance(ok)


# --- outputs ---------------------------------------------------------------------


def done_ids(output: Path) -> set[str]:
    """Ids already in ``output`` (for ``--resume``); none when it does not exist."""
    if not output.exists():
        return set()
    if _is_parquet(output):
        import pyarrow.parquet as pq

        return {str(v) for v in pq.read_table(output, columns=["id"]).column("id").to_pylist()}
    ids = set()
    with output.open(encoding="utf-8") as fh:
        for line in fh:
            if line.endswith("\n"):  # a row cut short by a crash is redone
                ids.add(json.loads(line)["id"])
    return ids


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() == ".parquet"


class JsonlSink:
    """Appends rows as they come; a crash leaves whole rows plus at most one
    partial last line, which ``open`` trims on ``--resume``."""

    def __init__(self, path: Path, *, append: bool) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        if append and path.exists():
            _trim_partial_line(path)
        self._fh = path.open("a" if append else "w", encoding="utf-8")

    def __call__(self, row: Row) -> None:
        self._fh.write(row.line)
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _trim_partial_line(path: Path) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        path.write_bytes(data[: data.rfind(b"\n") + 1])


PARQUET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("article", "string"),
    ("error", "string"),
    ("quote_id", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("speaker", "string"),
    ("verdict", "string"),
    ("score", "float64"),
    ("source", "string"),
    ("notes", "string"),
)


def quote_rows(row: Row) -> Iterable[dict[str, Any]]:
    """One Parquet row per quote; an article with none (or an error) gets one
    row with no quote, so that ``--resume`` still sees its id."""
    obj = json.loads(row.line)
    base = {"id": obj["id"], "article": obj["article"], "error": obj["error"]}
    quotes = obj["report"]["quotes"] if obj["report"] else []
    if not quotes:
        yield {**base, **{name: None for name, _ in PARQUET_COLUMNS[3:]}}
    for q in quotes:
        source = q["source"] or {}
        yield {
            **base,
            "quote_id": q["id"],
            "kind": q["kind"],
            "text": q["text"],
            "speaker": (q["speaker"] or {}).get("name"),
            "verdict": q["verdict"],
            "score": q["score"],
            "source": source.get("url") or source.get("path"),
            # Notes are {"code", "text"} objects in the JSON contract: one text a line.
            "notes": "\n".join(n["text"] if isinstance(n, dict) else n for n in q["notes"]) or None,
        }


class ParquetSink:
    """Collects the rows, writes the file once at the end (temporary file, then
    rename): Parquet cannot be appended to, and a crash must not leave half."""

    def __init__(self, path: Path, *, append: bool) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path = path
        self._schema = pa.schema([(n, getattr(pa, t)()) for n, t in PARQUET_COLUMNS])
        self._old = pq.read_table(path) if append and path.exists() else None
        self._rows: list[dict[str, Any]] = []

    def __call__(self, row: Row) -> None:
        self._rows.extend(quote_rows(row))

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self._rows, schema=self._schema)
        if self._old is not None:
            table = pa.concat_tables([self._old.cast(self._schema), table])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".partial")
        pq.write_table(table, tmp)
        os.replace(tmp, self.path)


# --- the command -----------------------------------------------------------------


def main(
    inputs: Sequence[str],
    output: Path,
    job: Job,
    *,
    cwd: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    workers: int,
    scheduler: str | None,
    resume: bool,
    quiet: bool,
) -> Summary:
    """Everything that can be refused is checked before the output is opened:
    a bad input, manifest or scheduler leaves no file behind."""
    if workers < 1:
        raise InputError("option", f"--workers {workers}", "must be at least 1")
    if _is_parquet(output):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError(
                "output", str(output), "Parquet needs pyarrow: pip install 'quoteverify[scale]'"
            ) from None
    items = collect_items(inputs, cwd=cwd, include=include, exclude=exclude)
    done = done_ids(output) if resume else set()
    todo = [it for it in items if it.id not in done]
    client, shutdown = connect(scheduler, workers)
    try:
        sink: JsonlSink | ParquetSink
        if _is_parquet(output):
            sink = ParquetSink(output, append=resume)
        else:
            sink = JsonlSink(output, append=resume)
        try:
            # Workers never draw a bar of their own: the batch has one.
            job = replace(job, fetch=replace(job.fetch, progress=False))
            summary = run(todo, job, client, sink, progress=not quiet)
        finally:
            sink.close()
    finally:
        shutdown()
    summary.skipped = len(items) - len(todo)
    if not quiet:
        print(
            f"quoteverify: {output}: {len(items)} articles: {summary.done - summary.errors} "
            f"audited, {summary.errors} errors, {summary.skipped} already done",
            file=sys.stderr,
        )
    return summary
