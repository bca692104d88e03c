"""JSON Schemas (draft 2020-12) for the configuration file and the JSON report.

``quoteverify schema config`` lets editors autocomplete and check
``quoteverify.toml`` (Taplo, Even Better TOML and the JSON Schema Store read JSON
Schemas for TOML); ``quoteverify schema report`` lets consumers validate
``audit --format json``.  The configuration's schema is built from ``config.KEYS``,
the one list of keys, so it cannot fall behind; the report's follows
``report/_json.py`` and is checked against real output by the test suite.
"""

from __future__ import annotations

import json
from typing import Any, get_args

from . import __version__
from .config import KEYS, REPORT_FORMATS, Key
from .errors import InternalError
from .models import (
    VERDICT_ORDER,
    ArticleFormat,
    DiffOpKind,
    QuoteKind,
    SourceStatus,
    SpeakerType,
    Verdict,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Where the schemas are published: schemas/*.schema.json in the repository, kept
# equal to this module's output by tests/test_schema.py.  The raw address, so that
# an editor given the $id (Taplo's "#:schema URL") receives JSON, not a web page.
BASE = "https://raw.githubusercontent.com/quoteverify/quoteverify/main/schemas"

_STRING = {"type": "string"}
_INT = {"type": "integer"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _string_or_list(item: dict[str, Any]) -> dict[str, Any]:
    # A lone string is accepted where a list is (config._strings).
    listed = {"type": "array", "items": item}
    return {"anyOf": [item, listed]}


def _key_schema(spec: Key) -> dict[str, Any]:
    nonempty = {"type": "string", "minLength": 1, "pattern": r"\S"}
    kind = spec.kind
    out: dict[str, Any]
    if kind == "bool":
        out = {"type": "boolean"}
    elif kind in ("number", "integer"):
        out = {"type": kind}
        if spec.minimum is not None:
            bound = "minimum" if spec.minimum_inclusive else "exclusiveMinimum"
            out[bound] = int(spec.minimum) if kind == "integer" else spec.minimum
    elif kind == "choice":
        out = {"enum": list(spec.choices)}
    elif kind == "str":
        out = {"type": "string", "pattern": r"^[^\x00-\x1f\x7f]*$"}
    elif kind == "url":
        out = {"type": "string", "format": "uri", "pattern": "^https?://[^/]"}
    elif kind == "path":
        out = dict(nonempty)
    elif kind in ("globs", "sources", "paths"):
        out = _string_or_list(nonempty)
    elif kind == "reports":
        formats = "|".join(REPORT_FORMATS)
        out = _string_or_list({"type": "string", "pattern": f"^({formats})=.+"})
    elif kind == "statuses":
        code = {"type": "integer", "minimum": 200, "maximum": 599}
        out = {"type": "array", "items": code}
    elif kind == "headers":
        out = {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": {"type": "string", "pattern": r"^[\x20-\x7e]*$"},
            },
        }
    elif kind == "speakers":
        out = {"type": "object", "additionalProperties": _string_or_list(nonempty)}
    else:  # pragma: no cover - a new kind must be described here
        raise InternalError(f"no schema for kind {kind}")
    out["description"] = spec.help + (f" (not set: {spec.unset})" if spec.unset else "")
    if spec.default is not None and spec.default not in ((), {}):
        default = spec.default
        out["default"] = list(default) if isinstance(default, tuple) else default
    return out


def config_schema() -> dict[str, Any]:
    """The schema of ``quoteverify.toml`` (and of ``[tool.quoteverify]``)."""
    return {
        "$schema": DRAFT,
        "$id": f"{BASE}/config.schema.json",
        "title": "quoteverify configuration",
        "description": f"quoteverify.toml, .quoteverify.toml or [tool.quoteverify] "
        f"(quoteverify {__version__}); keys are the long option names",
        "type": "object",
        "properties": {name: _key_schema(spec) for name, spec in KEYS.items()},
        "additionalProperties": False,
    }


def report_schema() -> dict[str, Any]:
    """The schema of ``audit --format json`` (and ``verify --format json``)."""
    note = {
        "type": "object",
        "properties": {"code": _STRING, "text": _STRING},
        "required": ["code", "text"],
        "additionalProperties": False,
    }
    speaker = {
        "type": "object",
        "properties": {
            "name": _STRING,
            "mention": _STRING,
            "start": _INT,
            "end": _INT,
            "type": {"enum": list(get_args(SpeakerType))},
            "title": _nullable(_STRING),
        },
        "required": ["name", "mention", "start", "end", "type", "title"],
        "additionalProperties": False,
    }
    source_ref = {
        "type": "object",
        "properties": {"url": _STRING, "path": _STRING, "title": _nullable(_STRING)},
        "required": ["title"],
        "additionalProperties": False,
    }
    match = {
        "type": "object",
        "properties": {
            "text": _STRING,
            "start": _INT,
            "end": _INT,
            "line": _nullable(_INT),
            "speaker": _nullable(_STRING),
            "score": {"type": "number"},
            "context_before": _STRING,
            "context_after": _STRING,
            "parts": {"type": "array", "items": {"type": "array", "items": _INT}},
        },
        "required": ["text", "start", "end", "line", "speaker", "score", "parts"],
        "additionalProperties": False,
    }
    diff_op = {
        "type": "object",
        "properties": {
            "op": {"enum": list(get_args(DiffOpKind))},
            "quote": _STRING,
            "source": _STRING,
            "flags": {"type": "array", "items": _STRING},
            "quote_text": _STRING,
            "source_text": _STRING,
        },
        "required": ["op", "quote", "source", "flags", "quote_text", "source_text"],
        "additionalProperties": False,
    }
    quote = {
        "type": "object",
        "properties": {
            "id": _STRING,
            "text": _STRING,
            "start": _INT,
            "end": _INT,
            "closed": {"type": "boolean"},
            "kind": {"enum": list(get_args(QuoteKind))},
            "speaker": _nullable(speaker),
            "cue": _nullable(_STRING),
            "attribution_rule": _nullable(_STRING),
            "notes": {"type": "array", "items": note},
            "verdict": {"enum": [*get_args(Verdict), None]},
            "score": _nullable({"type": "number"}),
            "source": _nullable(source_ref),
            "match": _nullable(match),
            "diff": {"type": "array", "items": diff_op},
            "scores": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"source": _STRING, "score": {"type": "number"}},
                    "required": ["source", "score"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["id", "text", "start", "end", "kind", "speaker", "notes", "verdict"],
        "additionalProperties": False,
    }
    article = {
        "type": "object",
        "properties": {
            "origin": _STRING,
            "url": _nullable(_STRING),
            "format": {"enum": list(get_args(ArticleFormat))},
            "title": _nullable(_STRING),
            "headings": {"type": "array", "items": {"type": "array", "items": _INT}},
            "sources": {"type": "array", "items": _STRING},
            "text": _STRING,
            "warnings": {"type": "array", "items": _STRING},
        },
        "required": ["origin", "url", "format", "title", "headings", "sources", "text"],
        "additionalProperties": False,
    }
    source = {
        "type": "object",
        "properties": {
            **source_ref["properties"],  # type: ignore[dict-item]
            "ref": _STRING,
            "status": {"enum": list(get_args(SourceStatus))},
            "error": _nullable(_STRING),
        },
        "required": ["title", "ref", "status", "error"],
        "additionalProperties": False,
    }
    counts = [*VERDICT_ORDER, "not_judged"]
    return {
        "$schema": DRAFT,
        "$id": f"{BASE}/report.schema.json",
        "title": "quoteverify JSON report",
        "description": f"audit --format json (quoteverify {__version__})",
        "type": "object",
        "properties": {
            "tool": {
                "type": "object",
                "properties": {"name": {"const": "quoteverify"}, "version": _STRING},
                "required": ["name", "version"],
            },
            "article": article,
            "quotes": {"type": "array", "items": quote},
            "sources": {"type": "array", "items": source},
            "summary": {
                "type": "object",
                "properties": {k: {"type": "integer", "minimum": 0} for k in counts},
                "required": counts,
                "additionalProperties": False,
            },
        },
        "required": ["tool", "article", "quotes", "sources", "summary"],
        "additionalProperties": False,
    }


SCHEMAS = {"config": config_schema, "report": report_schema}


def render(name: str) -> str:
    """The named schema as deterministic JSON text."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"
