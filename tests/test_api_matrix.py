"""The API: every endpoint is in the OpenAPI document; every endpoint, for every demo role and for
anonymous callers, answers within scope (404 outside, in the one error shape) and never with a 500."""

from __future__ import annotations

import re

import pytest

from sohoi.api.main import api
from sohoi.core.scoping import restrict

from .test_access_matrix import sample

ROOT = "/api/v1"


def operations():
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            full = re.sub(r"/+", "/", f"{ROOT}/{prefix}/{path}")
            if path and full.endswith("/"):
                full = full[:-1]
            for op in path_view.operations:
                for method in op.methods:
                    yield method, full, op.view_func


def params(path: str) -> list[str]:
    return re.findall(r"{(?:\w+:)?(\w+)}", path)


def fill(path: str, value) -> str:
    return re.sub(r"{(?:\w+:)?\w+}", str(value), path)


def test_every_endpoint_is_in_the_openapi_document(client):
    response = client.get(f"{ROOT}/openapi.json")
    assert response.status_code == 200
    documented = {(m.lower(), p) for p, item in response.json()["paths"].items() for m in item}
    missing = []
    for method, path, _view in operations():
        openapi_path = re.sub(r"{\w+:(\w+)}", r"{\1}", path)
        if (method.lower(), openapi_path) not in documented and (method.lower(), openapi_path + "/") not in documented:
            missing.append(f"{method} {path}")
    assert not missing, missing
    assert len(documented) >= 8


def test_interactive_docs_are_served_from_this_host(client):
    response = client.get(f"{ROOT}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger" in html.lower() and "//cdn" not in html.lower() and "https://" not in html


def test_every_endpoint_with_an_id_declares_its_model():
    missing = [f"{m} {p}" for m, p, view in operations() if params(p) and getattr(view, "scoped_model", None) is None]
    assert not missing, missing


@pytest.mark.django_db
def test_anonymous_callers_get_401_in_the_error_shape(client):
    for method, path, _view in operations():
        response = client.generic(method, fill(path, 1), content_type="application/json", data="{}")
        assert response.status_code == 401, (method, path, response.status_code)
        body = response.json()
        assert set(body) == {"code", "message", "fields"} and body["code"] == "unauthenticated"


@pytest.mark.django_db
def test_lists_for_every_role_never_fail(client, users):
    for method, path, _view in operations():
        if method != "GET" or params(path):
            continue
        for username, user in users.items():
            client.force_login(user)
            response = client.get(path)
            assert response.status_code in (200, 403), (path, username, response.status_code)


@pytest.mark.django_db
def test_objects_answer_exactly_inside_scope_for_every_method(client, users):
    checked_out = 0
    for method, path, view in operations():
        if len(params(path)) != 1:
            continue
        model = view.scoped_model
        pks = sample(model)
        for username, user in users.items():
            allowed = set(restrict(model._default_manager.filter(pk__in=pks), user).values_list("pk", flat=True))
            client.force_login(user)
            for pk in [p for p in pks if p in allowed][:2]:
                if method == "GET":
                    response = client.get(fill(path, pk))
                    assert response.status_code == 200, (path, username, pk, response.status_code)
            for pk in [p for p in pks if p not in allowed][:2]:
                response = client.generic(method, fill(path, pk), content_type="application/json", data="{}")
                assert response.status_code in (404, 422), (method, path, username, pk, response.status_code)
                if response.status_code == 404:
                    assert response.json()["code"] == "not_found"
                checked_out += 1
    assert checked_out > 0


@pytest.mark.django_db
def test_bearer_token_authenticates_and_revocation_stops_it(client, users):
    from django.utils import timezone

    from sohoi.accounts.services import api_token_create

    row, token = api_token_create(actor=users["quantri"], user=users["dandan"], name="Hệ thống báo cáo")
    response = client.get(f"{ROOT}/users/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200 and response.json()["username"] == "dandan"
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    assert client.get(f"{ROOT}/users/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert client.get(f"{ROOT}/users/me", HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 401


@pytest.mark.django_db
def test_bad_query_parameters_get_a_vietnamese_message_naming_the_field(client, users):
    client.force_login(users["quantri"])
    response = client.get(f"{ROOT}/audit?date_from=31-02-2026")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid" and "date_from" in body["fields"] and "date_from" in body["message"]
    response = client.get(f"{ROOT}/units/?page=0")
    assert response.status_code == 422 and "page" in response.json()["fields"]
