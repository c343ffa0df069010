"""API parity (issue 17): whatever a page can change, the API can change too.

Each app declares in `<app>/parity.py` a table `PARITY = {"<url name>": "<operation>"}` (the operation as
"METHOD /api/v1/path" spelled as in the OpenAPI document, or an operationId; a tuple when one page offers
several actions) and `EXEMPT = {"<url name>": "<reason>"}` for web-only actions. This test walks the whole
URL configuration, finds every URL that changes data (its view handles a POST, or an operation of the write
matrix, `<app>/tests/operations.py`, posts to it), and fails when one is neither mapped nor exempt, when a
mapped operation is missing from the OpenAPI document of the NinjaAPI, or when a table names a URL that
does not exist or does not change data."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sohoi.api.main import api
from sohoi.core.contributions import app_modules

from .access import walk
from .test_permission_matrix import _page_writes, operations

METHODS = ("get", "post", "put", "patch", "delete")


def _tables() -> tuple[dict[str, tuple[str, ...]], dict[str, str], list[str]]:
    """Every app's PARITY (values as tuples) and EXEMPT, and the URL names declared twice."""
    parity: dict[str, tuple[str, ...]] = {}
    exempt: dict[str, str] = {}
    twice: list[str] = []
    for _config, module in app_modules("parity"):
        for name, ops in getattr(module, "PARITY", {}).items():
            twice += [name] if name in parity or name in exempt else []
            parity[name] = (ops,) if isinstance(ops, str) else tuple(ops)
        for name, reason in getattr(module, "EXEMPT", {}).items():
            twice += [name] if name in parity or name in exempt else []
            exempt[name] = reason
    return parity, exempt, twice


def _web_writes() -> set[str]:
    """URL names of the web app (not the API) that change data: views handling a POST, and the page routes
    the write matrix posts to (it lists every POST route, including views whose POST is in a helper)."""
    routes = {r.name for r in walk() if not r.pattern.startswith(("api/v1/", "static/", "media/"))}
    matrix = {op.route for op in operations() if not op.api and ":" in op.route and " " not in op.route}
    return (_page_writes() | matrix) & routes


def _documented() -> tuple[set[str], set[str]]:
    """("METHOD /path" with and without a trailing slash, operationIds) of the OpenAPI document."""
    schema: dict[str, Any] = api.get_openapi_schema()
    spelled, ids = set(), set()
    for path, item in schema["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            for variant in {path, path.rstrip("/") or path, path + "/"}:
                spelled.add(f"{method.upper()} {re.sub(r'/+', '/', variant)}")
            if op.get("operationId"):
                ids.add(op["operationId"])
    return spelled, ids


def test_every_web_write_has_an_api_operation_or_a_reason():
    parity, exempt, _twice = _tables()
    missing = sorted(_web_writes() - set(parity) - set(exempt))
    assert not missing, ("Pages that change data without an API operation: map each in its app's parity.py "
                         "(PARITY) or say why it is web-only (EXEMPT): " + ", ".join(missing))


def test_every_mapped_operation_is_in_the_openapi_document():
    parity, _exempt, _twice = _tables()
    spelled, ids = _documented()
    unknown = sorted(f"{name} -> {op}" for name, ops in parity.items() for op in ops
                     if op not in ids and op not in spelled)
    assert not unknown, "Operations not in the OpenAPI document: " + "; ".join(unknown)


def test_mapped_operations_change_data():
    parity, _exempt, _twice = _tables()
    reads = sorted(f"{name} -> {op}" for name, ops in parity.items() for op in ops if op.startswith("GET "))
    assert not reads, "A page that changes data maps to a read: " + "; ".join(reads)


def test_tables_name_real_writing_urls_once_and_give_reasons():
    parity, exempt, twice = _tables()
    assert not twice, "Declared twice: " + ", ".join(twice)
    routes = {r.name for r in walk()}
    stale = sorted(set(parity) - routes) + sorted(set(exempt) - routes)
    assert not stale, "parity.py names URLs that do not exist: " + ", ".join(stale)
    assert all(reason.strip() for reason in exempt.values()), "Every exemption needs its reason"
    writes = _web_writes()
    not_writes = sorted(set(parity) - writes)
    assert not not_writes, "parity.py maps URLs that change nothing: " + ", ".join(not_writes)


@pytest.mark.parametrize("name", ["core:holidays", "associations:member_import"])
def test_the_check_would_catch_a_missing_entry(name, monkeypatch):
    """The coverage test can fail: take one mapped page out of its table and it is reported."""
    parity, exempt, _twice = _tables()
    assert name in _web_writes() and name in parity
    monkeypatch.setattr(__import__(__name__, fromlist=["_tables"]), "_tables",
                        lambda: ({k: v for k, v in parity.items() if k != name}, exempt, []))
    with pytest.raises(AssertionError, match=name):
        test_every_web_write_has_an_api_operation_or_a_reason()
