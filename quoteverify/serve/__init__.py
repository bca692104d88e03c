"""``quoteverify serve``: a small local web app around ``audit``.

A user pastes an article URL or its text, adds source URLs or uploads source
files, optionally picks one of the libraries the operator named, and gets the
HTML report in the page with Markdown and JSON downloads.

Security: a server that fetches URLs typed by its users is an SSRF target by
nature.  Every fetch goes through the Fetcher the command line built from its
settings (SSRF guard, size limits, robots.txt), so private addresses are
refused unless the operator passed ``--allow-private``; it binds 127.0.0.1
unless told otherwise; and users may name URLs only, never paths on the
server (uploads are copied to a private temporary folder).

Audits run on a thread pool, so one slow audit does not block other users;
the page polls its job with a meta refresh, so no script is needed.  Starlette,
uvicorn and python-multipart come with the ``[serve]`` extra and are imported
only here: importing the CLI never imports them.
"""

from __future__ import annotations

import re
import secrets
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..article import MAX_ARTICLE_BYTES
from ..errors import InputError, QuoteverifyError
from ..models import Report

if TYPE_CHECKING:
    from .._fetch import Fetcher

# Files and pasted text larger than this are refused, as the command line
# refuses an article file or a fetched body larger than it.
MAX_PART_BYTES = MAX_ARTICLE_BYTES
MAX_FILES = 20
# A request much larger than the parts it may hold is refused before it is read.
MAX_REQUEST_BYTES = MAX_PART_BYTES * 3
MAX_JOBS_KEPT = 200
UPLOAD_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class _Job:
    id: str
    article_label: str
    started: float
    state: str = "queued"  # queued, running, done, error
    report: Report | None = None
    error: str | None = None
    workdir: Path | None = None
    form: dict[str, str] = field(default_factory=dict)


class _Jobs:
    """Jobs by id, the oldest forgotten past ``MAX_JOBS_KEPT``."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, _Job] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, job: _Job) -> None:
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > MAX_JOBS_KEPT:
                self._jobs.popitem(last=False)

    def get(self, job_id: str) -> _Job | None:
        with self._lock:
            return self._jobs.get(job_id)


class _BadInput(QuoteverifyError):
    """Input the form cannot take; the message is shown in the page."""


def _is_http_url(text: str) -> bool:
    return bool(re.match(r"(?i)^https?://\S+$", text))


def _upload_name(name: str, index: int) -> str:
    base = _SAFE_NAME.sub("_", Path(name or "").name).strip("._") or "source"
    suffix = Path(base).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise _BadInput(
            f"Upload '{name}': only {', '.join(UPLOAD_SUFFIXES)} files can be used as sources."
        )
    return f"{index:02d}-{base}"


def _check_upload(name: str, data: bytes) -> None:
    if not data.strip():
        raise _BadInput(f"Upload '{name}' is empty.")
    if data.startswith(b"%PDF-"):
        return
    # A NUL byte in the first block: an image, an archive or an executable,
    # not a transcript.  Said here rather than as a confusing "not found".
    if b"\x00" in data[:8192]:
        raise _BadInput(
            f"Upload '{name}' is a binary file; upload text, HTML, Markdown or PDF sources."
        )


def _env() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("quoteverify.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def create_app(
    *,
    fetcher: Fetcher,
    libraries: Sequence[str] = (),
    follow_links: bool = True,
    speaker_sources: Any = None,
    workers: int = 4,
) -> Any:
    """The Starlette app; every audit fetches with ``fetcher``."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, RedirectResponse, Response
    from starlette.routing import Route

    from .. import pipeline, report

    env = _env()
    jobs = _Jobs()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="quoteverify-audit")
    libs = [str(x) for x in libraries]

    def page(
        name: str, status: int = 200, headers: dict[str, str] | None = None, **kw: Any
    ) -> HTMLResponse:
        html = env.get_template(name).render(version=__version__, libraries=libs, **kw)
        return HTMLResponse(html, status_code=status, headers=headers)

    def form_page(error: str | None = None, status: int = 200, **values: str) -> HTMLResponse:
        return page("form.html.j2", status=status, error=error, values=values)

    def run_job(job: _Job, article: str, sources: list[str], library: str | None) -> None:
        job.state = "running"
        try:
            job.report = pipeline.run_audit(
                article,
                sources,
                follow_links=follow_links,
                library=library,
                speaker_sources=speaker_sources,
                fetcher=fetcher,
            )
            job.state = "done"
        except InputError as exc:
            job.error = str(exc)
            job.state = "error"
        except Exception as exc:  # noqa: BLE001 - a bug must not take the server down
            job.error = f"internal error: {type(exc).__name__}: {exc} (please report this)"
            job.state = "error"
        finally:
            if job.workdir is not None:
                shutil.rmtree(job.workdir, ignore_errors=True)

    async def home(request: Request) -> Response:
        return form_page()

    async def submit(request: Request) -> Response:
        from starlette.exceptions import HTTPException
        from starlette.formparsers import MultiPartException

        length = request.headers.get("content-length")
        if not (length and length.isdigit()):
            # Browsers always say how long a form is; without it the size cap
            # below could not be enforced before reading.
            return form_page("The form was sent without a length.", status=411)
        if int(length) > MAX_REQUEST_BYTES:
            return form_page(
                f"The form is too large ({int(length) // (1024 * 1024)} MB); the limit is "
                f"{MAX_PART_BYTES // (1024 * 1024)} MB per article or file.",
                status=413,
                headers={"Connection": "close"},
            )
        try:
            form = await request.form(
                max_files=MAX_FILES, max_fields=100, max_part_size=MAX_PART_BYTES
            )
        except (MultiPartException, HTTPException) as exc:
            # Starlette reports a bad or oversized form as a bare 400; say it in the page.
            reason = str(getattr(exc, "detail", None) or exc)
            if "size" in reason.lower():
                reason = (
                    f"The pasted article or an uploaded file is larger than the "
                    f"{MAX_PART_BYTES // (1024 * 1024)} MB limit."
                )
            return form_page(reason, status=413, headers={"Connection": "close"})
        values = {k: form.get(k) for k in ("article", "sources", "library")}
        texts = {k: v if isinstance(v, str) else "" for k, v in values.items()}
        shown = {
            "article": texts["article"][:20000],  # echo back what is small enough to edit
            "sources": texts["sources"][:5000],
            "library": texts["library"],
        }
        workdir = Path(tempfile.mkdtemp(prefix="quoteverify-serve-"))
        try:
            article, label, sources, library = await _read_form(form, texts, workdir)
        except _BadInput as exc:
            shutil.rmtree(workdir, ignore_errors=True)
            await form.close()
            return form_page(str(exc), status=400, **shown)
        await form.close()
        job = _Job(
            id=secrets.token_urlsafe(12),
            article_label=label,
            started=time.monotonic(),
            workdir=workdir,
            form=shown,
        )
        jobs.add(job)
        pool.submit(run_job, job, article, sources, library)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    async def _read_form(
        form: Any, texts: dict[str, str], workdir: Path
    ) -> tuple[str, str, list[str], str | None]:
        text = texts["article"].strip()
        if not text:
            raise _BadInput("Paste an article's URL or its text.")
        if _is_http_url(text):
            article, label = text, text
        elif "\n" not in text and re.match(r"(?i)^[a-z][a-z0-9+.-]*:", text):
            raise _BadInput("Only http and https URLs can be audited.")
        else:
            if len(text.encode("utf-8")) > MAX_PART_BYTES:
                raise _BadInput("The pasted article is larger than the limit.")
            path = workdir / "article.txt"
            path.write_text(text, encoding="utf-8")
            article, label = str(path), "pasted text"
        sources: list[str] = []
        for line in texts["sources"].splitlines():
            ref = line.strip()
            if not ref:
                continue
            if not _is_http_url(ref):
                # Never a path: a user of the server must not make it read its own files.
                raise _BadInput(
                    f"Source '{ref[:200]}' is not an http(s) URL; upload files instead."
                )
            sources.append(ref)
        for i, upload in enumerate(form.getlist("files"), 1):
            if isinstance(upload, str) or not upload.filename:
                continue
            data = await upload.read()
            name = _upload_name(upload.filename, i)
            if len(data) > MAX_PART_BYTES:
                raise _BadInput(
                    f"Upload '{upload.filename}' is larger than the "
                    f"{MAX_PART_BYTES // (1024 * 1024)} MB limit."
                )
            _check_upload(upload.filename, data)
            target = workdir / name
            target.write_bytes(data)
            sources.append(str(target))
        library = texts["library"] or None
        if library is not None and library not in libs:
            raise _BadInput("Pick a library from the list.")
        return article, label, sources, library

    def job_or_404(request: Request) -> _Job | None:
        return jobs.get(request.path_params["job_id"])

    async def job_page(request: Request) -> Response:
        job = job_or_404(request)
        if job is None:
            return form_page("No such audit (the server may have restarted).", status=404)
        if job.state == "error":
            return form_page(job.error, status=422, **job.form)
        if job.state != "done" or job.report is None:
            return page(
                "progress.html.j2",
                job=job,
                elapsed=int(time.monotonic() - job.started),
            )
        links = [
            ("/", "New audit"),
            (f"/jobs/{job.id}/report.md", "Download Markdown"),
            (f"/jobs/{job.id}/report.json", "Download JSON"),
            (f"/jobs/{job.id}/report.html", "Download this page"),
        ]
        return HTMLResponse(report.report_html(job.report, links=links))

    def download(kind: str) -> Any:
        media = {
            "md": "text/markdown; charset=utf-8",
            "json": "application/json",
            "html": "text/html; charset=utf-8",
        }[kind]

        async def endpoint(request: Request) -> Response:
            job = job_or_404(request)
            if job is None or job.report is None:
                return form_page("No such audit (the server may have restarted).", status=404)
            render = {
                "md": report.report_markdown,
                "json": report.report_json,
                "html": report.report_html,
            }[kind]
            return Response(
                render(job.report),
                media_type=media,
                headers={
                    "Content-Disposition": f'attachment; filename="quoteverify-report.{kind}"'
                },
            )

        return endpoint

    app = Starlette(
        routes=[
            Route("/", home),
            Route("/audit", submit, methods=["POST"]),
            Route("/jobs/{job_id}", job_page),
            Route("/jobs/{job_id}/report.md", download("md")),
            Route("/jobs/{job_id}/report.json", download("json")),
            Route("/jobs/{job_id}/report.html", download("html")),
        ]
    )
    app.state.pool = pool
    return app


def serve(
    host: str,
    port: int,
    *,
    fetcher: Fetcher,
    libraries: Sequence[str] = (),
    follow_links: bool = True,
    speaker_sources: Any = None,
) -> None:
    """Run the app on uvicorn until interrupted."""
    import sys

    import uvicorn

    app = create_app(
        fetcher=fetcher,
        libraries=libraries,
        follow_links=follow_links,
        speaker_sources=speaker_sources,
    )
    print(f"quoteverify: serving on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def missing_dependency() -> str | None:
    """The name of a ``[serve]`` dependency that is not installed, if any."""
    import importlib.util

    for module in ("starlette", "uvicorn", "multipart"):
        if importlib.util.find_spec(module) is None:
            return module
    return None


__all__ = [
    "MAX_FILES",
    "MAX_JOBS_KEPT",
    "MAX_PART_BYTES",
    "MAX_REQUEST_BYTES",
    "UPLOAD_SUFFIXES",
    "create_app",
    "missing_dependency",
    "serve",
]
