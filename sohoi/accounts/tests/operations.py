"""Writes of the accounts app for the write matrix (tests/test_permission_matrix.py). Oracles by hand:
only the administrator creates users and grants roles; a token is revoked by its owner or the
administrator."""

from __future__ import annotations

from typing import Any

from sohoi.accounts.models import ApiToken, User
from sohoi.orgs.models import Unit
from tests.permission_matrix import Operation


def _new_user(_target: Any) -> dict[str, Any]:
    return {"username": "vanthu.bdv", "full_name": "Lê Thị Văn Thư", "email": "vanthu@demo.sohoi.invalid",
            "position": "Văn thư", "unit": Unit.objects.get(name="Ban Dân vận Thành ủy").pk, "roles": ["clerk"],
            "password": "Sohoi-van-thu-2026!"}


def _token() -> list[ApiToken]:
    from sohoi.accounts.services import api_token_create

    row, _secret = api_token_create(actor=None, user=User.objects.get(username="hoi.khuyenhoc"), name="Kết nối thử")
    return [row]


OPERATIONS = [
    Operation(
        name="accounts.user_create (page)", route="accounts:user_create", url=lambda t: "/tai-khoan/moi/",
        targets=lambda: [None], payload=_new_user, allowed=lambda name, user, t: name == "quantri",
        state=lambda t: User.objects.filter(username="vanthu.bdv").count(), action="accounts.user.created",
        audit_target=False),
    Operation(
        name="accounts.user_roles (page)", route="accounts:user_roles", url=lambda u: f"/tai-khoan/{u.pk}/vai-tro/",
        targets=lambda: [User.objects.get(username="hoi.chuthapdo"), User.objects.get(username="quanuy.ninhkieu")],
        payload=lambda u: {"roles": ["association_staff", "clerk"]}, allowed=lambda name, user, u: name == "quantri",
        state=lambda u: sorted(u.role_links.values_list("role", flat=True)), action="accounts.user.roles_changed"),
    Operation(
        name="accounts.api_token_revoke (page)", route="accounts:api_tokens", url=lambda t: "/tai-khoan/token/",
        targets=_token, payload=lambda t: {"action": "revoke", "token": t.pk},
        allowed=lambda name, user, t: name in {"hoi.khuyenhoc", "quantri"},
        state=lambda t: ApiToken.objects.get(pk=t.pk).revoked_at, action="accounts.api_token.revoked"),
    # The API (issue 17: API parity). Creating one's own token is allowed to every signed-in user, so the matrix
    # (which needs refusals) leaves it to accounts/tests/test_api_tokens_api.py; revoking is here.
    Operation(
        name="accounts.user_create (API)", route="POST /api/v1/users", api=True, url=lambda t: "/api/v1/users/",
        targets=lambda: [None],
        payload=lambda t: {**{k: v for k, v in _new_user(t).items() if k != "unit"},
                           "unit_id": Unit.objects.get(name="Ban Dân vận Thành ủy").pk},
        allowed=lambda name, user, t: name == "quantri",
        state=lambda t: User.objects.filter(username="vanthu.bdv").count(), action="accounts.user.created",
        audit_target=False),
    Operation(
        name="accounts.user_roles (API)", route="PUT /api/v1/users/{user_id}/roles", api=True, method="PUT",
        url=lambda u: f"/api/v1/users/{u.pk}/roles",
        targets=lambda: [User.objects.get(username="hoi.chuthapdo"), User.objects.get(username="quanuy.ninhkieu")],
        payload=lambda u: {"roles": ["association_staff", "clerk"]}, allowed=lambda name, user, u: name == "quantri",
        state=lambda u: sorted(u.role_links.values_list("role", flat=True)), action="accounts.user.roles_changed"),
    Operation(
        name="accounts.api_token_revoke (API)", route="POST /api/v1/users/tokens/{token_id}/revoke", api=True,
        url=lambda t: f"/api/v1/users/tokens/{t.pk}/revoke", targets=_token, payload=lambda t: {},
        allowed=lambda name, user, t: name in {"hoi.khuyenhoc", "quantri"},
        state=lambda t: ApiToken.objects.get(pk=t.pk).revoked_at, action="accounts.api_token.revoked"),
]

