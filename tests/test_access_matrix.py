"""Role x URL x object: every registered page, for every demo role, inside and outside its scope.

A page whose URL carries an id must declare the model it shows (`scoped_view(Model)` or a class-based
view's `model`); it must answer 200 exactly for the objects `restrict(user)` allows and 404 for all
others, for GET and POST alike. The API has its own matrix in test_api_matrix.py.
"""

from __future__ import annotations

import pytest

from sohoi.core.scoping import restrict

from .access import fill, walk

SKIP_PREFIXES = ("api/v1/", "static/", "media/")
# Pages that only sign in/out or switch language: checked by their own tests.
NOT_PAGES = {"set_language", "accounts:logout"}


def routes():
    return [r for r in walk() if not r.pattern.startswith(SKIP_PREFIXES) and r.name not in NOT_PAGES]


def sample(model, limit: int = 12):
    """A spread of rows: first, last and evenly between, so rows of different units are included."""
    pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    if len(pks) <= limit:
        return pks
    step = len(pks) / limit
    return sorted({pks[int(i * step)] for i in range(limit)} | {pks[-1]})


def test_every_url_with_an_id_declares_its_model():
    missing = [r.name for r in routes() if r.params and r.model is None]
    assert not missing, f"Declare the model (scoped_view) for: {missing}"


def test_urls_take_at_most_one_id():
    many = [r.name for r in routes() if len(r.params) > 1]
    assert not many, f"Add these multi-id URLs to the matrix explicitly: {many}"


@pytest.mark.django_db
def test_pages_without_ids_for_every_role_and_anonymous(client, users):
    plain = [r for r in routes() if not r.params]
    assert len(plain) >= 5
    for route in plain:
        path = fill(route.pattern, "")
        client.logout()
        response = client.get(path)
        if route.public:
            assert response.status_code in (200, 302, 405), (route.name, response.status_code)
        else:
            assert response.status_code == 302 and "/dang-nhap/" in response["Location"], (route.name, "anonymous")
        for username, user in users.items():
            client.force_login(user)
            response = client.get(path)
            assert response.status_code in (200, 302, 403, 405), (route.name, username, response.status_code)


@pytest.mark.django_db
def test_object_pages_answer_exactly_inside_scope(client, users):
    checked_in = checked_out = 0
    for route in [r for r in routes() if r.params]:
        model = route.model
        pks = sample(model)
        if not pks:
            continue
        for username, user in users.items():
            allowed = set(restrict(model._default_manager.filter(pk__in=pks), user).values_list("pk", flat=True))
            client.force_login(user)
            inside = [pk for pk in pks if pk in allowed][:3]
            outside = [pk for pk in pks if pk not in allowed][:3]
            for pk in inside:
                response = client.get(fill(route.pattern, pk))
                assert response.status_code in (200, 302, 403, 405), (route.name, username, pk, response.status_code)
                checked_in += 1
            for pk in outside:
                path = fill(route.pattern, pk)
                for method in (client.get, client.post):
                    response = method(path)
                    assert response.status_code in (404, 405), (route.name, username, pk, response.status_code)
                checked_out += 1
        client.logout()
        for pk in pks[:2]:
            response = client.get(fill(route.pattern, pk))
            assert response.status_code in (302, 404) if not route.public else True
    assert checked_in > 0 and checked_out > 0


@pytest.mark.django_db
def test_district_committee_cannot_see_another_districts_users(users):
    from sohoi.accounts.models import User

    ninh_kieu = users["quanuy.ninhkieu"]
    visible = set(restrict(User.objects.all(), ninh_kieu).values_list("username", flat=True))
    assert "quanuy.ninhkieu" in visible
    assert "huyenuy.phongdien" not in visible and "dandan" not in visible


@pytest.mark.django_db
def test_read_all_roles_see_everything_and_admin_only_reads_audit(users):
    from sohoi.accounts.models import User
    from sohoi.core.models import AuditEntry

    total = User.objects.count()
    assert restrict(User.objects.all(), users["thuongtruc"]).count() == total
    assert restrict(AuditEntry.objects.all(), users["quantri"]).count() == AuditEntry.objects.count() > 0
    assert restrict(AuditEntry.objects.all(), users["thuongtruc"]).count() == 0


@pytest.mark.django_db
def test_every_model_declares_a_scope_policy():
    from django.apps import apps

    missing = [m.__name__ for m in apps.get_models() if m.__module__.startswith("sohoi.") and not hasattr(m, "SCOPE")]
    assert not missing, f"Models without SCOPE: {missing}"
