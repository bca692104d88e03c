"""What would beautifulsoup4 (lxml parser) cost for the HTML surgery before trafilatura?

Issue 16: use bs4 for the fix-ups (comments, scripts, <figure>, <time>, <q>, <del>,
<br>) if that costs under 10 % of HTML article load time on the fixtures.  This
times, per fixture page, CPU seconds (``time.process_time``; min of N repeats):

- ``load``: today's whole ``html_to_document`` (lxml parse, lxml surgery, trafilatura);
- ``lxml``: today's parse + surgery alone;
- ``bs4``: the same surgery on a BeautifulSoup(..., "lxml") tree, serialised and
  re-parsed by lxml.html for trafilatura (which needs an lxml tree).

The extra cost of the switch is ``bs4 - lxml``; it is printed as a share of ``load``.
Run: ``.venv/bin/python benchmarks/bs4_surgery.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
from warcio.archiveiterator import ArchiveIterator

from quoteverify._decode import _prepare_tree, decode, html_to_document

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 30


def pages() -> list[tuple[str, bytes]]:
    out = [
        (str(p.relative_to(ROOT)), p.read_bytes()) for p in sorted(ROOT.glob("fixtures/**/*.html"))
    ]
    for warc in sorted(ROOT.glob("fixtures/**/*.warc.gz")):
        with warc.open("rb") as fh:
            for rec in ArchiveIterator(fh):
                ctype = rec.http_headers.get_header("Content-Type", "") if rec.http_headers else ""
                if rec.rec_type == "response" and "html" in ctype:
                    out.append(
                        (rec.rec_headers.get_header("WARC-Target-URI"), rec.content_stream().read())
                    )
    return out


def lxml_surgery(data: bytes) -> object:
    tree = lxml.html.document_fromstring(decode(data, None, html=True))
    _prepare_tree(tree)
    return tree


def bs4_surgery(data: bytes) -> object:
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(decode(data, None, html=True), "lxml")
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for el in soup.find_all(["script", "style", "noscript", "template", "del", "s"]):
        el.decompose()
    for el in soup.find_all(["time", "figure", "figcaption", "cite", "mark", "ins"]):
        el.unwrap()
    for el in soup.find_all("q"):
        el.insert(0, "“")
        el.append("”")
        el.unwrap()
    for el in soup.find_all("br"):
        el.insert_after("\n")
    return lxml.html.document_fromstring(str(soup))


def best(fn: Callable[[bytes], object], data: bytes) -> float:
    times = []
    for _ in range(REPEATS):
        t = time.process_time()
        fn(data)
        times.append(time.process_time() - t)
    return min(times)


def main() -> int:
    shares = []
    print(f"{'page':70} {'load ms':>8} {'lxml ms':>8} {'bs4 ms':>8} {'extra':>7}")
    for name, data in pages():
        load = best(lambda d: html_to_document(d), data)
        lx = best(lxml_surgery, data)
        bs = best(bs4_surgery, data)
        share = (bs - lx) / load
        shares.append(share)
        print(f"{name[-70:]:70} {load * 1e3:8.2f} {lx * 1e3:8.2f} {bs * 1e3:8.2f} {share:7.1%}")
    print(f"median extra cost of bs4 surgery: {statistics.median(shares):.1%} of load time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
