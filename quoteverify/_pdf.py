"""Text of a PDF, read in a child process with a memory and a time limit.

A PDF is a program more than a document: a 1 MB file can hold a content
stream that inflates to gigabytes, or a few kilobytes of compressed text
operators that take pdfminer minutes and gigabytes to lay out.  Counting
bytes and operators inside pdfminer would mean patching it; instead the
parse runs in ``python -m quoteverify._pdf`` with an address-space limit
(RLIMIT_AS), a CPU-time limit (RLIMIT_CPU) and a wall-clock timeout, and
its output is capped.  A PDF that hits a limit is a source error that says
which, never a crashed or stalled run.  See docs/SECURITY.md.
"""

from __future__ import annotations

import json
import subprocess
import sys

from ._decode import _PDF_HYPHEN_RE, _PDF_SPACES_RE, NotText

# Enough for any real transcript (pdfminer needs ~150 MB for a 300-page
# report); the parent process stays well under 1 GB with the child at this.
PDF_MEMORY_BYTES = 640 * 1024 * 1024
PDF_SECONDS = 30
PDF_MAX_TEXT = 20 * 1024 * 1024  # characters written back, like a fetched body


def pdf_to_text(data: bytes, *, seconds: int = PDF_SECONDS, memory: int = PDF_MEMORY_BYTES) -> str:
    """pdfminer.six first (it keeps a two-column quote contiguous), pypdf when
    pdfminer cannot parse the file.  A PDF with no text layer (a scan), one
    that cannot be parsed, or one that exceeds a limit raises ``NotText``."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "quoteverify._pdf", str(seconds), str(memory)],
            input=data,
            capture_output=True,
            # CPU time is the child's own limit; this catches a child that waits.
            timeout=seconds + 5,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise NotText(f"PDF took longer than {seconds} s to read: refused") from None
    except OSError as exc:
        raise NotText(f"cannot start the PDF reader ({exc.strerror or exc})") from None
    try:
        result = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        result = {}
    if "text" in result:
        text = str(result["text"])
    elif "error" in result:
        raise NotText(str(result["error"]))
    elif proc.returncode < 0 and -proc.returncode in _cpu_signals():
        raise NotText(f"PDF took more than {seconds} s of CPU to read: refused")
    else:
        # Killed or crashed without a word: out of memory is the usual cause.
        raise NotText(_too_big(memory))
    if not text.strip():
        raise NotText("PDF has no text layer (a scanned image?): cannot be read without OCR")
    return text


def _cpu_signals() -> set[int]:
    import signal

    return {s for s in (getattr(signal, "SIGXCPU", None), signal.SIGKILL) if s is not None}


def _too_big(memory: int) -> str:
    mib = memory // (1024 * 1024)
    return f"PDF needs more than {mib} MiB to read: refused (a decompression bomb?)"


def _limit(seconds: int, memory: int) -> None:
    try:
        import resource
    except ImportError:  # not on POSIX: the parent's timeout still applies
        return
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def _extract(data: bytes) -> str:
    import io
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        from pdfminer.high_level import extract_text

        text = extract_text(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        try:
            import pypdf

            reader = pypdf.PdfReader(io.BytesIO(data))
            text = "\n\f".join(page.extract_text() or "" for page in reader.pages)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise NotText(f"unreadable PDF ({type(exc).__name__})") from None
    text = text[:PDF_MAX_TEXT].replace("\r\n", "\n")
    text = _PDF_HYPHEN_RE.sub(r"\1", text)
    return _PDF_SPACES_RE.sub(" ", text).replace("\f", "\n\n")


def main() -> int:
    seconds, memory = int(sys.argv[1]), int(sys.argv[2])
    _limit(seconds, memory)
    data = sys.stdin.buffer.read()
    try:
        out = {"text": _extract(data)}
    except NotText as exc:
        out = {"error": str(exc)}
    except MemoryError:
        out = {"error": _too_big(memory)}
    sys.stdout.write(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
