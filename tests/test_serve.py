"""``serve`` without a browser: what users may and may not name (test_browser.py
drives it in Chromium)."""

from __future__ import annotations

import time
import warnings

import pytest

pytest.importorskip("starlette", reason="the [serve] extra is not installed")

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its test client; httpx (a core dependency) works.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from quoteverify.serve import create_app  # noqa: E402

from .conftest import SEED_SOURCE  # noqa: E402

SAID = 'Ann Lee said "we will fix every road in this city" on Monday.'


@pytest.fixture
def client(tmp_path, fetcher):
    lib = tmp_path / "lib.sqlite"
    with TestClient(create_app(fetcher=fetcher, libraries=[str(lib)])) as c:
        yield c


def _error(resp) -> str:
    assert 'id="error"' in resp.text, resp.text[:500]
    return resp.text.split('id="error">', 1)[1].split("</div>", 1)[0]


def test_form_offers_the_operators_libraries(client, tmp_path) -> None:
    page = client.get("/").text
    assert '<select id="library" name="library">' in page and "lib.sqlite" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"article": ""}, "Paste an article"),
        ({"article": "file:///etc/passwd"}, "Only http and https URLs"),
        ({"article": SAID, "sources": str(SEED_SOURCE)}, "is not an http(s) URL"),
        ({"article": SAID, "library": "/etc/other.sqlite"}, "Pick a library from the list"),
    ],
)
def test_users_name_urls_and_listed_libraries_never_server_paths(client, fields, message) -> None:
    resp = client.post("/audit", data=fields, files={"files": ("", b"", "text/plain")})
    assert resp.status_code == 400
    assert message in _error(resp)


def test_upload_of_an_unknown_kind_is_refused(client) -> None:
    resp = client.post("/audit", data={"article": SAID}, files={"files": ("x.exe", b"MZ", "x")})
    assert resp.status_code == 400 and "only .txt" in _error(resp)


def test_pasted_text_with_an_uploaded_source(client) -> None:
    upload = ("t.txt", SEED_SOURCE.read_bytes(), "text/plain")
    blinken = (
        'Blinken said: "I think one lesson in recent history is that once Russians are in '
        "your house, it's sometimes very difficult to get them to leave.\""
    )
    resp = client.post("/audit", data={"article": blinken}, files={"files": upload},
                       follow_redirects=False)  # fmt: skip
    assert resp.status_code == 303
    job = resp.headers["location"]
    for _ in range(300):
        page = client.get(job).text
        if 'class="text"' in page:
            break
        assert 'http-equiv="refresh"' in page and "<progress" in page
        time.sleep(0.1)
    assert 'data-verdict="verbatim"' in page
    assert client.get(job + "/report.json").json()["quotes"][0]["verdict"] == "verbatim"
    assert client.get("/jobs/nope").status_code == 404
