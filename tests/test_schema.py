"""``quoteverify schema config|report``: JSON Schemas that the real outputs validate
against (every fixture article's JSON report, ``config show``)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from quoteverify.cli import main
from quoteverify.config import KEYS

from .conftest import FIXTURES, ROOT, SEED, SEED_SOURCE

WHITEHOUSE = FIXTURES / "whitehouse"


def schema(capsys, name: str) -> dict:
    assert main(["schema", name]) == 0
    doc = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(doc)
    return doc


def audits() -> list[tuple[str, list[str]]]:
    cases = [
        (str(SEED / "article.txt"), [str(SEED_SOURCE)]),
        (
            str(SEED / "html" / "article.html"),
            [str(SEED / "html" / "state-2022-01-07-blinken-excerpt.html")],
        ),
    ]
    for entry in json.loads((WHITEHOUSE / "manifest.json").read_text(encoding="utf-8")):
        cases.append(
            (str(WHITEHOUSE / entry["article"]), [str(WHITEHOUSE / s) for s in entry["sources"]])
        )
    return cases


@pytest.mark.parametrize(
    ("article", "sources"), audits(), ids=lambda v: Path(v).name if isinstance(v, str) else ""
)
def test_every_fixture_report_validates(capsys, article: str, sources: list[str]) -> None:
    report_schema = schema(capsys, "report")
    args = ["audit", article, "--format", "json", "-q"]
    for src in sources:
        args += ["--source", src]
    assert main(args) in (0, 1)
    doc = json.loads(capsys.readouterr().out)
    assert doc["quotes"], "the fixture has quotations to judge"
    jsonschema.validate(doc, report_schema, cls=jsonschema.Draft202012Validator)


def test_report_schema_rejects_an_unknown_verdict(capsys) -> None:
    report_schema = schema(capsys, "report")
    main(
        ["audit", str(SEED / "article.txt"), "--source", str(SEED_SOURCE), "--format", "json", "-q"]
    )
    doc = json.loads(capsys.readouterr().out)
    doc["quotes"][0]["verdict"] = "close enough"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, report_schema, cls=jsonschema.Draft202012Validator)


def test_config_show_validates_against_the_config_schema(capsys, tmp_path, monkeypatch) -> None:
    config_schema = schema(capsys, "config")
    assert set(config_schema["properties"]) == set(KEYS)
    (tmp_path / "quoteverify.toml").write_text(
        'fail-on = "stitched"\ninclude = "content/**/*.md"\nreport = ["sarif=qv.sarif"]\n'
        'timeout = 5\n[speakers]\n"Antony Blinken" = ["t/blinken.txt"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEVERIFY_CONFIG", raising=False)
    # The file as written validates...
    written = tomllib.loads((tmp_path / "quoteverify.toml").read_text(encoding="utf-8"))
    jsonschema.validate(written, config_schema, cls=jsonschema.Draft202012Validator)
    # ...and so does every effective value `config show` prints.
    assert main(["config", "show"]) == 0
    shown = tomllib.loads(capsys.readouterr().out)
    assert shown["fail-on"] == "stitched"
    jsonschema.validate(shown, config_schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    "bad",
    [
        {"fail_on": "diverged"},
        {"timeout": 0},
        {"format": "xml"},
        {"report": ["pdf=x.pdf"]},
        {"per-host": 0},
        {"user-agent": "a\nb"},
        {"include": [""]},
    ],
)
def test_config_schema_rejects_what_the_loader_rejects(capsys, bad: dict) -> None:
    config_schema = schema(capsys, "config")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, config_schema, cls=jsonschema.Draft202012Validator)


def test_schema_output_is_deterministic(capsys) -> None:
    for name in ("config", "report"):
        main(["schema", name])
        first = capsys.readouterr().out
        main(["schema", name])
        assert capsys.readouterr().out == first


@pytest.mark.parametrize("name", ["config", "report"])
def test_the_published_schema_is_the_commands_output(capsys, name: str) -> None:
    # schemas/ is where the $id points: what editors and consumers download.
    published = ROOT / "schemas" / f"{name}.schema.json"
    main(["schema", name])
    out = capsys.readouterr().out
    assert published.read_text(encoding="utf-8") == out, (
        f"{published.relative_to(ROOT)} is stale: quoteverify schema {name} > {published.relative_to(ROOT)}"
    )
    doc = json.loads(out)
    assert doc["$id"].endswith(f"/schemas/{name}.schema.json")
