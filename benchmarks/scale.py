"""Benchmark the scale-out paths: ``batch`` on Dask, and a shared PostgreSQL cache.

    python benchmarks/scale.py --corpus DIR [--articles 2000]
                               [--workers 1,2] [--repeats 3] [--checks 4] [--sources 10]
                               [--postgres URL] [--only batch|cache] [--json]

(a) -- the PostgreSQL *library* -- waits for the library backend (issue 17, part 1).

(b) ``batch`` throughput.  The corpus tarballs are unpacked into a temporary
    folder (never needed by the tests).  The articles: all 529 White House
    round-ups (``articles/``), audited with no source (``--no-links``: their
    links go to other sites), so their run is extraction plus "unverifiable";
    and then White House statements and releases (``statements-releases/``,
    ``briefings-statements/``) that contain a quotation mark, in name order,
    each audited against itself as the source (extraction, source loading,
    indexing, alignment and verdicts of every quote: real work, though every
    quote is found).  The same items run on a ``LocalCluster`` of 1 worker
    process and of 2 (one thread each), in the same run: each cluster is warmed
    up on a few items first (imports), then the whole batch runs ``--repeats``
    times; articles/s is items / wall time from submission to the last row.
    The rows of every run are compared (sha256): the output must not depend on
    the number of workers.  Peak memory per worker: ``ru_maxrss`` of each worker
    process after its runs.
(c) ``--checks`` concurrent ``quoteverify check`` processes share one
    PostgreSQL cache (a fresh schema) and the same ``--sources`` transcripts,
    served by an HTTP server on 127.0.0.1 that counts what it sends.  Cold,
    with ``--max-cache-age``: target one full response per source in total.
    Warm, without it: no full response, every runner revalidates (304).

The machine may be shared with other work: each figure is given as
min/median/max over the repeats.  Prints Markdown (or JSON with ``--json``);
exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify import batch  # noqa: E402
from quoteverify._fetch import FetchOptions  # noqa: E402

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
RATIO_TARGET = 1.7


def spread(values: list[float]) -> dict[str, float]:
    return {
        "min": round(min(values), 3),
        "median": round(statistics.median(values), 3),
        "max": round(max(values), 3),
    }


# --- (b) batch -------------------------------------------------------------------


def unpack(corpus: Path, names: list[str], into: Path) -> None:
    for name in names:
        with tarfile.open(corpus / name) as tar:
            tar.extractall(into, filter="data")


def batch_items(root: Path, n: int) -> list[batch.Item]:
    roundups = sorted((root / "articles").rglob("*.md"))
    statements = sorted(
        p
        for folder in ("statements-releases", "briefings-statements")
        for p in (root / folder).rglob("*.md")
        if any(mark in p.read_text(encoding="utf-8") for mark in '“"')
    )
    items = [batch.Item(id=f"roundup/{p.stem}", article=str(p)) for p in roundups][:n]
    for p in statements[: max(0, n - len(items))]:
        items.append(batch.Item(id=f"statement/{p.stem}", article=str(p), sources=(str(p),)))
    return items


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_batch(items: list[batch.Item], counts: list[int], repeats: int) -> list[dict[str, Any]]:
    """Every worker count on its own cluster, all started first; the repeats
    interleave them (1, 2, 1, 2, ...) so that a burst of load from elsewhere on
    a shared machine hits both alike, and each repeat gives a paired ratio."""
    job = batch.Job(fetch=FetchOptions(progress=False), follow_links=False)
    clusters = [batch.connect(None, n) for n in counts]
    walls: list[list[float]] = [[] for _ in counts]
    digests: list[set[str]] = [set() for _ in counts]
    errors = [0 for _ in counts]
    loads = [0.0 for _ in counts]
    rows: list[str] = []
    try:
        for n, (client, _) in zip(counts, clusters, strict=True):
            batch.run(items[: 4 * n], job, client, lambda r: None)  # warm-up: imports
        cpu_before = [client.run(time.process_time) for client, _ in clusters]
        for _ in range(repeats):
            for i, (client, _) in enumerate(clusters):
                rows.clear()
                started = time.perf_counter()
                summary = batch.run(items, job, client, lambda r: rows.append(r.line))
                walls[i].append(time.perf_counter() - started)
                digests[i].add(hashlib.sha256("".join(rows).encode()).hexdigest())
                errors[i] = summary.errors
                loads[i] = max(loads[i], os.getloadavg()[0])
        rss = [client.run(peak_rss_mb) for client, _ in clusters]
        cpu = [client.run(time.process_time) for client, _ in clusters]
    finally:
        for _, shutdown in clusters:
            shutdown()
    verdicts: Counter[str] = Counter()
    for line in rows:
        report = json.loads(line)["report"]
        for q in (report or {}).get("quotes", []):
            verdicts[q["verdict"] or "not_judged"] += 1
    out = []
    for i, n in enumerate(counts):
        # CPU seconds per article, summed over the workers: equal for 1 and 2
        # workers when the tasks do not contend, whatever the machine's load.
        used = sum(cpu[i][w] - cpu_before[i][w] for w in cpu[i])
        out.append(
            {
                "workers": n,
                "articles": len(items),
                "error_rows": errors[i],
                "wall_s": spread(walls[i]),
                "articles_per_s": spread([len(items) / w for w in walls[i]]),
                "walls": [round(w, 2) for w in walls[i]],
                "peak_rss_mb_per_worker": sorted(round(v, 1) for v in rss[i].values()),
                "worker_cpu_ms_per_article": round(used / (repeats * len(items)) * 1000, 2),
                "load_average_1min_max": round(loads[i], 1),
                "digest": sorted(digests[i]),
                "verdicts": dict(sorted(verdicts.items())),
            }
        )
    return out


# --- (c) shared cache ------------------------------------------------------------


class CountingServer:
    """Serves ``docs`` on 127.0.0.1 with ETags; counts full bodies and 304s."""

    def __init__(self, docs: dict[str, bytes]) -> None:
        self.docs = docs
        self.counts: Counter[str] = Counter()
        self.per_path: Counter[str] = Counter()
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                body = server.docs.get(self.path)
                etag = f'"{hashlib.sha1(body).hexdigest()}"' if body is not None else ""
                with server.lock:
                    if body is None:
                        kind = "robots" if self.path == "/robots.txt" else "missing"
                    elif self.headers.get("If-None-Match") == etag:
                        kind = "not_modified"
                    else:
                        kind = "full"
                        server.per_path[self.path] += 1
                    server.counts[kind] += 1
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if kind == "not_modified":
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                time.sleep(0.05)  # a real site is not instant: lets the runners overlap
                self.send_response(200)
                self.send_header("Content-Type", "text/markdown; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.counts.clear()
            self.per_path.clear()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def quotable_sentence(text: str) -> str | None:
    body = text.split("\n---\n", 1)[-1]
    for para in body.split("\n\n"):
        line = " ".join(para.split())
        if ":" in line[:40] and 15 <= len(line.split()) <= 60 and '"' not in line:
            speech = line.split(":", 1)[1].strip()
            words = speech.split()
            if len(words) >= 12:
                return " ".join(words[:14]).rstrip(",;:")
    return None


def run_cache(
    root: Path, pg: str, n_sources: int, checks: int, repeats: int, work: Path
) -> dict[str, Any]:
    import psycopg

    transcripts = sorted((root / "press-briefings").rglob("*.md"))
    docs: dict[str, bytes] = {}
    articles = work / "articles"
    articles.mkdir()
    for p in transcripts:
        if len(docs) == n_sources:
            break
        text = p.read_text(encoding="utf-8")
        sentence = quotable_sentence(text)
        if sentence is None:
            continue
        docs[f"/t/{p.stem}.md"] = text.encode()
        (articles / f"a{len(docs):02d}.md").write_text(
            f'# Briefing\n\nThe press secretary said: "{sentence}."\n', encoding="utf-8"
        )
    server = CountingServer(docs)
    sources = [
        arg for path in docs for arg in ("--source", f"http://127.0.0.1:{server.port}{path}")
    ]
    admin = psycopg.connect(pg, autocommit=True, connect_timeout=5)
    runs: dict[str, list[dict[str, Any]]] = {"cold": [], "warm": []}
    try:
        for _ in range(repeats):
            schema = f"qv_bench_{uuid.uuid4().hex[:10]}"
            admin.execute(f'CREATE SCHEMA "{schema}"')
            url = f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{schema}"
            try:
                for phase, extra in (("cold", ["--max-cache-age", "3600"]), ("warm", [])):
                    server.reset()
                    cmd = [sys.executable, "-m", "quoteverify", "check", str(articles), *sources]
                    cmd += ["--cache", url, "--allow-private", "--no-links", "--exit-zero"]
                    cmd += ["--format", "concise", "-q", *extra]
                    started = time.perf_counter()
                    procs = [
                        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                        for _ in range(checks)
                    ]
                    outs = [p.communicate(timeout=600) for p in procs]
                    wall = time.perf_counter() - started
                    failed = [
                        e.decode()[-300:]
                        for p, (_, e) in zip(procs, outs, strict=True)
                        if p.returncode
                    ]
                    same = len({o for o, _ in outs}) == 1
                    runs[phase].append(
                        {
                            "wall_s": round(wall, 2),
                            "full": server.counts["full"],
                            "not_modified": server.counts["not_modified"],
                            "robots": server.counts["robots"],
                            "max_full_per_source": max(server.per_path.values(), default=0),
                            "failed_runs": failed,
                            "same_output": same,
                        }
                    )
            finally:
                admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
    finally:
        admin.close()
        server.close()
    return {"checks": checks, "sources": len(docs), "articles": len(docs), "runs": runs}


# --- report ----------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--corpus",
        type=Path,
        required=True,
        help="the folder of the White House corpus's .tar.xz archives (docs/EVIDENCE.md)",
    )
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--checks", type=int, default=4)
    ap.add_argument("--sources", type=int, default=10)
    ap.add_argument("--postgres", default=PG_DEFAULT)
    ap.add_argument("--only", choices=("batch", "cache"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    out: dict[str, Any] = {"targets": []}
    with tempfile.TemporaryDirectory(prefix="qv-scale-") as tmp:
        root = Path(tmp) / "corpus"
        names = ["transcripts.tar.xz"] if args.only == "cache" else []
        if args.only != "cache":
            names += ["articles.tar.xz", "statements.tar.xz"]
        if args.only != "batch":
            names += ["transcripts.tar.xz"] if "transcripts.tar.xz" not in names else []
        unpack(args.corpus, names, root)
        if args.only != "cache":
            items = batch_items(root, args.articles)
            counts = [int(w) for w in args.workers.split(",")]
            results = run_batch(items, counts, args.repeats)
            out["batch"] = results
            if len(results) >= 2:
                # Paired: repeat k of one count against repeat k of the other.
                paired = [
                    a / b for a, b in zip(results[0]["walls"], results[1]["walls"], strict=True)
                ]
                out["batch_ratio_paired"] = spread(paired)
                ratio = round(statistics.median(paired), 2)
                out["batch_ratio"] = ratio
                out["targets"].append(
                    {
                        "what": f"batch {results[1]['workers']} vs {results[0]['workers']} "
                        "workers, median of paired runs",
                        "value": ratio,
                        "target": f">= {RATIO_TARGET}",
                        "ok": ratio >= RATIO_TARGET,
                    }
                )
                same = len({d for r in results for d in r["digest"]}) == 1
                out["targets"].append(
                    {
                        "what": "same rows whatever the workers",
                        "value": same,
                        "target": True,
                        "ok": same,
                    }
                )
        if args.only != "batch":
            cache = run_cache(
                root, args.postgres, args.sources, args.checks, args.repeats, Path(tmp)
            )
            out["cache"] = cache
            cold_ok = all(
                r["full"] == cache["sources"]
                and r["max_full_per_source"] == 1
                and not r["failed_runs"]
                and r["same_output"]
                for r in cache["runs"]["cold"]
            )
            warm_ok = all(r["full"] == 0 and not r["failed_runs"] for r in cache["runs"]["warm"])
            out["targets"].append(
                {
                    "what": f"{args.checks} concurrent checks, cold: each source fetched once",
                    "value": [r["full"] for r in cache["runs"]["cold"]],
                    "target": cache["sources"],
                    "ok": cold_ok,
                }
            )
            out["targets"].append(
                {
                    "what": "warm, no --max-cache-age: no body refetched (304s only)",
                    "value": [r["full"] for r in cache["runs"]["warm"]],
                    "target": 0,
                    "ok": warm_ok,
                }
            )
    ok = all(t["ok"] for t in out["targets"])
    out["ok"] = ok
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(markdown(out))
    return 0 if ok else 1


def markdown(out: dict[str, Any]) -> str:
    lines = []
    for r in out.get("batch", []):
        lines.append(
            f"- batch, {r['workers']} worker(s), {r['articles']} articles "
            f"({r['error_rows']} error rows): {r['articles_per_s']} articles/s, wall "
            f"{r['wall_s']} s, peak RSS per worker {r['peak_rss_mb_per_worker']} MB, "
            f"worker CPU {r['worker_cpu_ms_per_article']} ms/article, "
            f"load average up to {r['load_average_1min_max']}, "
            f"verdicts {r['verdicts']}"
        )
    if "cache" in out:
        c = out["cache"]
        for phase, runs in c["runs"].items():
            lines.append(
                f"- cache, {c['checks']} concurrent checks x {c['sources']} sources, {phase}: "
                + "; ".join(
                    f"{r['full']} full / {r['not_modified']} 304 / {r['robots']} robots, "
                    f"{r['wall_s']} s"
                    for r in runs
                )
            )
    lines.append("")
    lines.append("| figure | value | target | |")
    lines.append("|---|---|---|---|")
    for t in out["targets"]:
        lines.append(
            f"| {t['what']} | {t['value']} | {t['target']} | {'PASS' if t['ok'] else 'MISS'} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
