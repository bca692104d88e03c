"""``quoteverify batch`` on a real Dask ``LocalCluster`` of 2 worker processes.

Worker processes, not threads: that is what ``batch`` runs by default, and it
proves each task carries all it needs (the fetch options, the sources) to a
process that shares nothing with the CLI.  Starting one takes seconds, so all
but one test share a module-wide cluster through ``--scheduler`` (which is
then tested too); one test starts its own through ``--workers 2``.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quoteverify.cli import main

from .conftest import FIXTURES, SEED, SEED_SOURCE

pytest.importorskip("distributed")

WH = FIXTURES / "whitehouse"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture
def manifest(tmp_path: Path) -> Path:
    """The four White House articles with their transcripts, plus one article
    that cannot be read (binary) and one that does not exist."""
    shutil.copytree(WH / "articles", tmp_path / "articles")
    shutil.copytree(WH / "sources", tmp_path / "sources")
    (tmp_path / "articles" / "broken.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    entries = json.loads((WH / "manifest.json").read_text(encoding="utf-8"))
    # The fixture lists one article twice (with and without its transcript).
    lines = [
        {"id": f"{Path(e['article']).stem}-{n}", "article": e["article"], "sources": e["sources"]}
        for n, e in enumerate(entries, 1)
    ]
    lines.append({"id": "broken", "article": "articles/broken.txt", "sources": []})
    lines.append({"id": "missing", "article": "articles/missing.txt"})
    path = tmp_path / "manifest.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def audit_json(capsys: pytest.CaptureFixture[str], article: str, sources: list[str]) -> str:
    args = ["audit", article, "--format", "json", "--fail-on", "none", "-q", "--no-links"]
    for s in sources:
        args += ["--source", s]
    capsys.readouterr()
    assert main(args) == 0
    return capsys.readouterr().out


def test_each_row_is_byte_identical_to_audit_and_errors_are_rows(
    manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    code = main(["batch", str(manifest), "--output", str(out), "--workers", "2", "--no-links"])
    assert code == 0
    got = rows(out)
    # Input order, whatever order the workers finished in.
    ids = [json.loads(x)["id"] for x in manifest.read_text().splitlines()]
    assert [r["id"] for r in got] == ids
    by_id = {r["id"]: r for r in got}
    assert by_id["broken"]["report"] is None and by_id["broken"]["error"].startswith("article '")
    assert "\n" not in by_id["broken"]["error"]
    assert by_id["missing"]["report"] is None and by_id["missing"]["error"]
    entries = [json.loads(x) for x in manifest.read_text().splitlines()]
    audited = 0
    for entry in entries:
        row = by_id[entry["id"]]
        if row["error"]:
            continue
        sources = [str(manifest.parent / s) for s in entry["sources"]]
        expected = audit_json(capsys, str(manifest.parent / entry["article"]), sources)
        assert json.dumps(row["report"], ensure_ascii=False, indent=2) + "\n" == expected
        assert row["report"]["quotes"], entry["id"]  # something was really judged
        audited += 1
    assert audited == 5


def test_resume_skips_done_ids_and_appends(manifest: Path, tmp_path: Path, scheduler: str) -> None:
    out = tmp_path / "results.jsonl"
    lines = manifest.read_text().splitlines()
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(lines[:2]) + "\n")
    base = ["--output", str(out), "--scheduler", scheduler, "--no-links", "-q"]
    assert main(["batch", str(first), *base]) == 0
    before = out.read_bytes()
    ids = [json.loads(x)["id"] for x in lines]
    assert [r["id"] for r in rows(out)] == ids[:2]
    # A crash had cut the last row short: --resume redoes it, keeps the rest.
    out.write_bytes(before + b'{"id":"helene-gag')
    assert main(["batch", str(manifest), *base, "--resume"]) == 0
    after = out.read_bytes()
    assert after.startswith(before)
    assert [r["id"] for r in rows(out)] == ids
    assert main(["batch", str(manifest), *base, "--resume"]) == 0
    assert out.read_bytes() == after  # nothing left to do


def test_parquet_has_one_row_per_quote(manifest: Path, tmp_path: Path, scheduler: str) -> None:
    import pyarrow.parquet as pq

    jsonl, parquet = tmp_path / "r.jsonl", tmp_path / "r.parquet"
    common = [str(manifest), "--scheduler", scheduler, "--no-links", "-q"]
    assert main(["batch", *common, "--output", str(jsonl)]) == 0
    assert main(["batch", *common, "--output", str(parquet)]) == 0
    table = pq.read_table(parquet).to_pylist()
    expected = []
    for r in rows(jsonl):
        if r["report"] is None:
            expected.append((r["id"], None, None))
        for q in (r["report"] or {}).get("quotes", []):
            expected.append((r["id"], q["id"], q["verdict"]))
    assert [(t["id"], t["quote_id"], t["verdict"]) for t in table] == expected
    assert len(table) > 20
    assert not (tmp_path / "r.parquet.partial").exists()
    # --resume on Parquet: nothing to redo, the same rows.
    assert main(["batch", *common, "--output", str(parquet), "--resume"]) == 0
    assert pq.read_table(parquet).to_pylist() == table


def test_folder_and_glob_inputs_with_shared_sources(tmp_path: Path, scheduler: str) -> None:
    # Absolute paths: the module's cluster was started from another folder, and
    # workers read relative paths from their own working directory.
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        shutil.copy(SEED / "html" / "article.html", docs / f"a{i}.html")
    out = tmp_path / "r.jsonl"
    sources = ["--source", str(SEED_SOURCE), "--no-links"]
    code = main(
        ["batch", str(docs), "--output", str(out), "--scheduler", scheduler, "-q", *sources]
    )
    assert code == 0
    assert [r["id"] for r in rows(out)] == [str(docs / f"a{i}.html") for i in range(3)]
    assert all(r["report"]["quotes"] and r["error"] is None for r in rows(out))
    code = main(
        [
            "batch",
            f"{docs}/a[12].html",
            "--output",
            str(out),
            "--scheduler",
            scheduler,
            "-q",
            *sources,
        ]
    )
    assert code == 0 and len(rows(out)) == 2
    bad = tmp_path / "bad.jsonl"
    assert main(["batch", f"{docs}/none*.html", "--output", str(bad), "-q"]) == 2
    assert not bad.exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "manifest '{m}:1': not JSON"),
        ('{"sources": []}', "manifest '{m}:1': each line needs \"article\""),
        ('{"article": "a.txt", "id": 1}\n{"article": "b.txt", "id": "1"}', "given twice"),
    ],
)
def test_a_bad_manifest_is_one_line_exit_2_and_no_output(
    line: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = tmp_path / "m.jsonl"
    m.write_text(line + "\n")
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(m), "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message.format(m=m) in err
    assert not out.exists()


def test_a_scheduler_that_does_not_answer(
    manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    from quoteverify import batch

    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", 1.0)
    out = tmp_path / "r.jsonl"
    code = main(["batch", str(manifest), "--output", str(out), "--scheduler", "tcp://127.0.0.1:1"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err == "quoteverify: error: scheduler 'tcp://127.0.0.1:1': did not answer within 1 s\n"
    assert not out.exists()


def test_importing_the_cli_loads_no_scale_dependency() -> None:
    code = (
        "import sys, quoteverify.cli as c\n"
        "c._parser().parse_args(['batch', 'x', '--output', 'y.jsonl', '--cache', 'postgresql://h/d'])\n"
        "heavy = {'psycopg', 'psycopg_pool', 'dask', 'distributed', 'pyarrow'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_workers_share_a_postgresql_cache(tmp_path: Path, scheduler: str, pg: str) -> None:
    # Six articles on two workers, all quoting one transcript served on 127.0.0.1:
    # through the shared cache its body is sent once (the others revalidate).
    from .conftest import LocalServer, Route

    text = SEED_SOURCE.read_bytes()
    with LocalServer() as server:
        server.routes["/t.txt"] = Route(text, "text/plain; charset=utf-8", headers={"ETag": '"1"'})
        docs = tmp_path / "docs"
        docs.mkdir()
        for i in range(6):
            shutil.copy(SEED / "html" / "article.html", docs / f"a{i}.html")
        out = tmp_path / "r.jsonl"
        args = ["batch", str(docs), "--output", str(out), "--scheduler", scheduler, "-q"]
        args += ["--source", server.url("/t.txt"), "--no-links", "--allow-private"]
        assert main([*args, "--cache", pg]) == 0
        got = rows(out)
        assert len(got) == 6 and all(r["error"] is None for r in got)
        assert all(r["report"]["sources"][0]["status"] == "ok" for r in got)
        full = [
            p
            for p, h in server.requests
            if p == "/t.txt" and "if-none-match" not in {k.lower() for k in h}
        ]
        assert len(full) == 1


def test_an_unusable_cache_stops_batch_before_any_output(
    manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("psycopg")
    out = tmp_path / "r.jsonl"
    bad = "postgresql://postgres:s3cret@127.0.0.1:1/test"
    assert main(["batch", str(manifest), "--output", str(out), "--cache", bad]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cache 'postgresql://postgres:***@127.0.0.1:1/test'" in err
    assert "s3cret" not in err and not out.exists()


def test_the_progress_bar_counts_articles(monkeypatch) -> None:
    import io

    from rich.console import Console

    from quoteverify import _progress, batch

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=100)
    monkeypatch.setattr(_progress, "console_override", console)
    monkeypatch.delenv("CI", raising=False)
    with batch._Bar(3, True) as bar:
        for ok in (True, False, True):
            bar.advance(ok)
    assert "auditing articles" in buf.getvalue()
    with batch._Bar(3, False) as quiet:
        assert not quiet._inner.shown


def test_a_worker_keeps_one_fetcher_per_batch_options() -> None:
    # A Fetcher cannot travel to a worker; its options do, and the worker
    # builds one from them and keeps it across the batch's tasks (robots.txt
    # verdicts, the cache connection, the run's deadline), as one check does.
    from quoteverify import batch
    from quoteverify._fetch import FetchOptions

    first = batch.worker_fetcher(FetchOptions(retries=1))
    assert batch.worker_fetcher(FetchOptions(retries=1)) is first
    other = batch.worker_fetcher(FetchOptions(retries=2))
    assert other is not first and other.options == FetchOptions(retries=2)
    assert batch.worker_fetcher(FetchOptions(retries=2)) is other


def test_a_worker_prepares_a_shared_source_once_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run in this process: audit_item is what a worker runs for each article.
    from quoteverify import batch
    from quoteverify._fetch import FetchOptions

    monkeypatch.chdir(tmp_path)
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    job = batch.Job(fetch=FetchOptions(cache_path=None), sources=(str(SEED_SOURCE),))
    reports = [json.loads(batch.audit_item(batch.Item(n, n), job).line) for n in ("a.txt", "b.txt")]
    assert [r["error"] for r in reports] == [None, None]
    # The second article is judged from the memo exactly as the first.
    first, second = (r["report"] for r in reports)
    assert first["quotes"] and first["quotes"] == second["quotes"]
    memo = batch.worker_memo(job.run)
    assert memo.preparations == 1
    # Another batch (files may have changed since) starts afresh.
    assert batch.worker_memo(batch.Job(fetch=job.fetch).run) is not memo


def test_a_worker_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from quoteverify import batch
    from quoteverify.models import Source

    monkeypatch.setattr(batch, "_MEMO_SOURCES", 2)
    monkeypatch.setattr(batch, "_MEMO_CHARS", 100)
    memo = batch.worker_memo("run-1")
    assert batch.worker_memo("run-1") is memo
    for ref in ("x", "y", "z"):  # too many sources
        memo[ref] = Source(ref=ref, status="error", error="gone")
    assert batch.worker_memo("run-1") is not memo
    memo = batch.worker_memo("run-1")
    memo["big"] = Source(ref="big", status="ok", text="word " * 30)  # too much text
    assert batch.worker_memo("run-1") is not memo
