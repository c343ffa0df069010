"""The caller's own API tokens through the API (issue 17): create (the secret once), list (never the secret),
revoke; a token works at once and stops at once; another user's token is out of reach."""

from __future__ import annotations

import pytest

from sohoi.accounts.models import ApiToken
from sohoi.core.models import AuditEntry


@pytest.mark.django_db
def test_create_list_use_and_revoke_a_token_through_the_api(login, client):
    api = login("hoi.khuyenhoc")
    created = api.post("/api/v1/users/me/tokens", {"name": "Phần mềm kế toán"}, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    secret, token_id = body["token"], body["id"]
    assert secret.startswith(body["prefix"]) and len(secret) > 30
    assert AuditEntry.objects.filter(action="accounts.api_token.created", target_id=str(token_id)).exists()

    listed = api.get("/api/v1/users/me/tokens").json()
    assert [t["id"] for t in listed["items"]] == [token_id] and "token" not in listed["items"][0]

    client.logout()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/users/me", **auth).json()["username"] == "hoi.khuyenhoc"
    revoked = client.post(f"/api/v1/users/tokens/{token_id}/revoke", content_type="application/json", **auth)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert client.get("/api/v1/users/me", **auth).status_code == 401


@pytest.mark.django_db
def test_a_blank_name_is_refused_in_the_error_shape_and_nothing_is_stored(login):
    before = ApiToken.objects.count()
    response = login("dandan").post("/api/v1/users/me/tokens", {"name": "  "}, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"code", "message", "fields"} and "name" in body["fields"]
    assert ApiToken.objects.count() == before


@pytest.mark.django_db
def test_another_users_token_is_neither_listed_nor_revocable(login, users):
    from sohoi.accounts.services import api_token_create

    row, _secret = api_token_create(actor=None, user=users["hoi.chuthapdo"], name="Của người khác")
    api = login("hoi.khuyenhoc")
    assert row.pk not in [t["id"] for t in api.get("/api/v1/users/me/tokens").json()["items"]]
    response = api.post(f"/api/v1/users/tokens/{row.pk}/revoke", content_type="application/json")
    assert response.status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None
