"""Hostile query strings and form counts never crash a page or an API operation (issue 10, part 4, item 4).

Every URL without an id is asked, by a few roles, with values a person or a script can type into the address
bar: negative years, ids past 64 bits, counts that are not numbers or are absurdly large, negative pages. The
answer may be a page, a redirect, a refusal or a validation error; it must never be a server error (500).
"""

from __future__ import annotations

import django_filters
import pytest

from .access import fill, walk

ROLES = ("thuongtruc", "noivu", "hoi.khuyenhoc")
# Names used by the filters, pagination and forms of the app, plus the usual suspects.
COMMON = ("year", "unit", "count", "page", "page_size", "per_page", "limit", "offset", "status", "field",
          "scope_level", "territory", "q", "sort", "order", "month", "period", "parent", "association",
          "document", "groups", "rows", "kind", "date", "date_from", "date_to", "from", "to", "level", "n",
          "form-TOTAL_FORMS", "form-INITIAL_FORMS", "target_id", "target_type", "action", "actor")
VALUES = ("-5", "9999999999999999999999", "abc", "100000", "-1", "1e400", "0x10", "", "2024-13-45")
SKIP_PREFIXES = ("static/", "media/")
NOT_PAGES = {"set_language", "accounts:logout", "api:openapi-view", "api:openapi-json"}


def _filter_names() -> set[str]:
    """Every query parameter some filter set of the app reads (found by introspection, so new ones count)."""
    import importlib

    from django.apps import apps

    names: set[str] = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("sohoi."):
            continue
        try:
            importlib.import_module(f"{config.name}.filters")
        except ModuleNotFoundError:
            continue
    stack = list(django_filters.FilterSet.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("sohoi."):
            names.update(cls.base_filters)
    return names


def _query_strings() -> list[str]:
    names = sorted(set(COMMON) | _filter_names())
    return ["&".join(f"{n}={v}" for n in names) for v in VALUES]


def _routes():
    return [r for r in walk() if not r.params and not r.pattern.startswith(SKIP_PREFIXES)
            and r.name not in NOT_PAGES]


@pytest.mark.django_db
def test_no_page_or_api_operation_answers_500_to_hostile_query_strings(client, users):
    client.raise_request_exception = False  # a crash must show up as a 500 here, not as an exception
    queries = _query_strings()
    routes = _routes()
    assert len(routes) > 20 and any(r.pattern.startswith("api/v1/") for r in routes)
    failures = []
    for username in ROLES:
        client.force_login(users[username])
        for route in routes:
            path = fill(route.pattern, "")
            for query in queries:
                response = client.get(f"{path}?{query}")
                # readyz answers 503 on purpose when the machine is not ready to serve (its own tests)
                if response.status_code >= 500 and not (route.name == "core:readyz" and response.status_code == 503):
                    failures.append((username, route.name, query[:60], response.status_code))
    if failures:
        pytest.fail("\n".join(sorted({f"{name} ?{query}… -> {status}" for _u, name, query, status in failures})))


@pytest.mark.django_db
def test_every_page_answers_a_valid_request_after_the_hostile_ones(client, users):
    """The walk above proves nothing if every page refused everything: a plain request still works."""
    client.force_login(users["thuongtruc"])
    assert client.get("/").status_code == 200
    response = client.get("/api/v1/associations/?page=1")
    assert response.status_code == 200, response.content[:300]
