"""The README is also the PyPI page (issue 16): there a relative link or an anchor
leads nowhere, so every link is absolute, and every link into the repository names
a file that exists."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .conftest import ROOT


def source_url() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["urls"]["Source"].rstrip("/")


def tokens(items: list[Token]) -> Iterator[Token]:
    for tok in items:
        yield tok
        yield from tokens(tok.children or [])


def readme_links() -> list[str]:
    md = MarkdownIt("commonmark")
    out = []
    for tok in tokens(md.parse((ROOT / "README.md").read_text(encoding="utf-8"))):
        if tok.type == "link_open":
            out.append(str(tok.attrs["href"]))
        elif tok.type == "image":
            out.append(str(tok.attrs["src"]))
        elif tok.type in ("html_inline", "html_block") and (
            "href=" in tok.content or "src=" in tok.content
        ):
            out.append(tok.content)  # raw HTML links: fail below, write them in Markdown
    return out


def test_every_link_is_absolute() -> None:
    links = readme_links()
    assert links, "the parser found no link at all"
    relative = [h for h in links if not h.startswith(("https://", "http://", "mailto:"))]
    assert not relative, f"relative links break on PyPI: {relative}"


def test_links_into_the_repository_name_existing_files() -> None:
    repo = source_url()
    owner_name = repo.removeprefix("https://github.com/")
    prefixes = (f"{repo}/blob/main/", f"https://raw.githubusercontent.com/{owner_name}/main/")
    inside = [h for h in readme_links() if h.startswith(prefixes)]
    assert inside
    missing = []
    for href in inside:
        path = next(href.removeprefix(p) for p in prefixes if href.startswith(p))
        if not (ROOT / path.split("#", 1)[0]).is_file():
            missing.append(href)
    assert not missing, missing
