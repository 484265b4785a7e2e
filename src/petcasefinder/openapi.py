"""The OpenAPI 3.1 description of the site's JSON API, served at ``/openapi.json``.

The schemas restate the CLI contracts (``search --json``, ``related --json``,
``case --json``) and the one error envelope; tests validate live responses
against them, so the description cannot drift from what the handlers return,
and ``tests/test_serve.py`` compares these paths with the app's routes (every
route not marked ``include_in_schema=False``, i.e. not an HTML page, is here).
"""

from __future__ import annotations

from typing import Any

from .settings import MAX_QUERY_CHARS


def _nullable(t: str) -> dict[str, Any]:
    return {"type": [t, "null"]}


def _obj(props: dict[str, Any], *, extra: bool = True) -> dict[str, Any]:
    return {"type": "object", "required": sorted(props), "properties": props, "additionalProperties": extra}


_STR_LIST = {"type": "array", "items": {"type": "string"}}
_REF = "#/components/schemas/"

SCHEMAS: dict[str, Any] = {
    "Error": _obj(
        {
            "ok": {"const": False},
            "error": _obj({"status": {"type": "integer"}, "message": {"type": "string"}}, extra=False),
        },
        extra=False,
    ),
    "Understood": _obj(
        {
            "species": _nullable("string"),
            "signs": {"type": "array", "items": _obj({"said": {"type": "string"}, "term": {"type": "string"}})},
            "age": _nullable("string"),
            "sex": _nullable("string"),
            "breed": _nullable("string"),
        }
    ),
    "Hit": _obj(
        {
            "pmid": _nullable("string"),
            "doi": _nullable("string"),
            "title": {"type": "string"},
            "year": _nullable("integer"),
            "species": _STR_LIST,
            "score": {"type": "number"},
            "matched_signs": _STR_LIST,
            "why": {"type": "string"},
        }
    ),
    "Summary": _obj(
        {
            "sentences": {
                "type": "array",
                "items": _obj({"text": {"type": "string"}, "cites": _STR_LIST}),
            },
            "reading_grade": {"type": "number"},
            "cases_used": {"type": "integer", "minimum": 0},
            "caveats": _STR_LIST,
        }
    ),
    "SearchResponse": _obj(
        {
            "query": {"type": "string"},
            "understood": {"$ref": _REF + "Understood"},
            "results": {"type": "array", "items": {"$ref": _REF + "Hit"}},
            "summary": {"anyOf": [{"$ref": _REF + "Summary"}, {"type": "null"}]},
            "notice": _nullable("string"),
        }
    ),
    "Classification": _obj(
        {
            "is_veterinary_case_report": {"type": "boolean"},
            "article_type": {"type": "string"},
            "patient": {"type": "string"},
            "species": _STR_LIST,
            "confidence": {"type": "number"},
            "reasons": _STR_LIST,
        }
    ),
    "Findings": _obj(
        {
            "signalment": _obj(
                {
                    "species": _nullable("string"),
                    "breed": _nullable("string"),
                    "age": _nullable("string"),
                    "sex": _nullable("string"),
                    "neutered": _nullable("boolean"),
                    "animals": _nullable("integer"),
                }
            ),
            "signs": {"type": "array", "items": _obj({k: {"type": "string"} for k in ("term", "lay", "evidence")})},
            "diagnosis": {
                "type": "array",
                "items": _obj({k: {"type": "string"} for k in ("term", "lay", "evidence")}),
            },
            "treatments": {
                "type": "array",
                "items": _obj({k: {"type": "string"} for k in ("name", "kind", "lay", "evidence")}),
            },
            "outcome": _obj(
                {"status": {"type": "string"}, "follow_up": _nullable("string"), "evidence": _nullable("string")}
            ),
        }
    ),
    "Case": _obj(
        {
            "pmid": _nullable("string"),
            "doi": _nullable("string"),
            "title": {"type": "string"},
            "journal": _nullable("string"),
            "year": _nullable("integer"),
            "authors": _STR_LIST,
            "affiliations": _STR_LIST,
            "abstract": {"type": "string"},
            "links": _obj({k: _nullable("string") for k in ("europepmc", "pubmed", "doi")}),
            "classification": {"anyOf": [{"$ref": _REF + "Classification"}, {"type": "null"}]},
            "findings": {"anyOf": [{"$ref": _REF + "Findings"}, {"type": "null"}]},
        }
    ),
}


def _json(ref: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": _REF + ref}}}}


_ERRORS = {
    "400": _json("Error", "The request cannot be run (empty or over-long query, bad limit)."),
    "404": _json("Error", "No such case."),
}
_EXPORT_ERRORS = {
    status: {
        "description": f"{resp['description']} The error page (text/html), or the JSON envelope for csl.json.",
        "content": {"text/html": {"schema": {"type": "string"}}} | resp["content"],
    }
    for status, resp in _ERRORS.items()
}
_LIMIT = {
    "name": "limit",
    "in": "query",
    "required": False,
    "schema": {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
}
_KEY = {
    "name": "key",
    "in": "path",
    "required": True,
    "description": "PMID, DOI or PMCID of the case.",
    "schema": {"type": "string", "minLength": 1},
}


_FORMAT = {
    "name": "format",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "enum": ["ris", "bib", "csl.json"]},
}
_ID = {"name": "id", "in": "query", "required": True, "description": "PMID, DOI or PMCID of the case.",
       "schema": {"type": "string", "minLength": 1}}
_Q = {"name": "q", "in": "query", "required": True,
      "description": "The owner's description in everyday words (a query with no word at all is a 400).",
      "schema": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_CHARS}}
_SPECIES = {"name": "species", "in": "query", "required": False, "schema": {"type": "string"}}
_EXPORTS: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "case": ("Citation of one case.", [_FORMAT, _ID]),
    "search": ("Citations of a search's results (same parameters as /search.json).", [_FORMAT, _Q, _SPECIES, _LIMIT]),
    "related": ("Citations of the cases related to one case.", [_FORMAT, _ID, _LIMIT]),
}


def _export(what: str, spec: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    summary, params = spec
    return {
        "get": {
            "operationId": f"export_{what}",
            "summary": summary + " RIS, BibTeX or CSL-JSON, as a download.",
            "parameters": params,
            "responses": {
                "200": {
                    "description": "The citation file.",
                    "content": {
                        "application/x-research-info-systems": {"schema": {"type": "string"}},
                        "application/x-bibtex": {"schema": {"type": "string"}},
                        "application/vnd.citationstyles.csl+json": {"schema": {"type": "array"}},
                    },
                }
            }
            | _EXPORT_ERRORS,
        }
    }


def document() -> dict[str, Any]:
    """The whole OpenAPI document (a fresh dict each call)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "PetCaseFinder",
            "version": "0.1.0",
            "description": "Veterinary case reports found from an owner's words. Every HTML page has a JSON twin "
            "with the same shape as the matching CLI command's --json output. This is not a diagnosis.",
        },
        "paths": {
            "/search.json": {
                "get": {
                    "operationId": "search",
                    "summary": "Search case reports from an owner's description (same shape as `search --json`).",
                    "parameters": [
                        _Q,
                        _SPECIES,
                        _LIMIT,
                    ],
                    "responses": {"200": _json("SearchResponse", "Matching cases, explained and summarised.")}
                    | {"400": _ERRORS["400"]},
                }
            },
            "/case/{key}.json": {
                "get": {
                    "operationId": "case",
                    "summary": "One case with its classification and findings (same shape as `case --json`).",
                    "parameters": [_KEY],
                    "responses": {"200": _json("Case", "The case.")} | _ERRORS,
                }
            },
            "/related/{key}.json": {
                "get": {
                    "operationId": "related",
                    "summary": "Cases related to one case (same shape as `related --json`).",
                    "parameters": [_KEY, _LIMIT],
                    "responses": {"200": _json("SearchResponse", "Related cases.")} | _ERRORS,
                }
            },
            **{f"/export/{what}.{{format}}": _export(what, params) for what, params in _EXPORTS.items()},
            "/openapi.json": {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document.",
                    "responses": {"200": {"description": "OpenAPI 3.1 document.",
                                          "content": {"application/json": {"schema": {"type": "object"}}}}},
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
