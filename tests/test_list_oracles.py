"""Lists and exports return exactly the rows each role may see. The expected ids are computed here by a
separate, hand-written oracle written from the rules in docs/security.md (never by `restrict()` or the
permission layer), and compared with what the API list endpoints return, page by page."""

from __future__ import annotations

import pytest
from django.db.models import Q

from sohoi.accounts.models import User
from sohoi.directives.choices import Secrecy
from sohoi.directives.models import Assignment, Document

pytestmark = pytest.mark.django_db

READ_ALL = {"standing_committee", "mass_mobilisation", "propaganda", "admin"}


def _roles(user: User) -> set[str]:
    return set(user.role_links.values_list("role", flat=True)) | ({"admin"} if user.is_superuser else set())


def _ids(client, url: str) -> set[int]:
    ids: set[int] = set()
    page = 1
    while True:
        response = client.get(url, {"page": page, "page_size": 500})
        assert response.status_code == 200, (url, response.status_code)
        body = response.json()
        ids |= {row["id"] for row in body["items"]}
        if page * 500 >= body["count"]:
            return ids
        page += 1


def _secret_readable(user: User) -> set[int]:
    secret = Document.objects.exclude(secrecy="normal")
    return set(secret.filter(Q(created_by=user) | Q(readers=user)).values_list("pk", flat=True))


def expected_documents(user: User) -> set[int]:
    """Normal documents: everything for the read-all roles; otherwise what the user registered, what the
    user's unit (or a unit under it) issued or was assigned. Secret ones: named readers and registrar only."""
    normal = Document.objects.filter(secrecy="normal")
    if not _roles(user) & READ_ALL:
        mine = Q(created_by=user)
        if user.unit_id:
            path = user.unit.path
            assigned = Assignment.objects.filter(unit__path__startswith=path).values("task__document")
            mine |= Q(issuer__path__startswith=path) | Q(pk__in=assigned)
        normal = normal.filter(mine)
    return set(normal.values_list("pk", flat=True)) | _secret_readable(user)


def expected_assignments(user: User) -> set[int]:
    docs = expected_documents(user)
    rows = Assignment.objects.filter(task__document__in=docs)
    if not _roles(user) & READ_ALL:
        if not user.unit_id:
            return set()
        path = user.unit.path
        rows = rows.filter(Q(unit__path__startswith=path) | Q(task__document__issuer__path__startswith=path))
    return set(rows.values_list("pk", flat=True))


def expected_users(user: User) -> set[int]:
    if _roles(user) & READ_ALL:
        return set(User.objects.values_list("pk", flat=True))
    if not user.unit_id:
        return set()
    return set(User.objects.filter(unit__path__startswith=user.unit.path).values_list("pk", flat=True))


@pytest.fixture
def secret_document(users):
    """A secret document with one named reader, so that secrecy is part of every comparison."""
    from sohoi.directives.services import document_register

    text = ("THÀNH ỦY CẦN THƠ\n*\nSố 950-CV/TU\nV/v nắm tình hình nội bộ một hội\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Cần Thơ, ngày 03 tháng 3 năm 2014\n\n1 - Ban Dân vận Thành ủy nắm tình hình, báo cáo trước ngày 30/4/2014.\n")
    doc, _ = document_register(actor=users["dandan"], text=text,
                               meta={"secrecy": Secrecy.SECRET, "readers": [users["thuongtruc"]]})
    return doc


@pytest.mark.parametrize("endpoint,oracle", [
    ("/api/v1/directives/documents", expected_documents),
    ("/api/v1/directives/assignments", expected_assignments),
    ("/api/v1/users/", expected_users),
])
def test_api_lists_return_exactly_the_oracles_rows(client, users, secret_document, endpoint, oracle):
    compared = 0
    for username, user in users.items():
        client.force_login(user)
        got, want = _ids(client, endpoint), oracle(user)
        assert got == want, (endpoint, username, sorted(got - want)[:10], sorted(want - got)[:10])
        compared += 1
    assert compared >= 10
    # The secret document is in the lists of its reader and registrar only.
    if endpoint.endswith("/documents"):
        holders = {n for n, u in users.items() if secret_document.pk in oracle(u)}
        assert holders == {"dandan", "thuongtruc"}


def test_the_oracle_is_not_trivial(users):
    """Each oracle separates roles: some see everything, some a part, some nothing of a given list."""
    sizes = {n: len(expected_documents(u)) for n, u in users.items()}
    assert sizes["thuongtruc"] > sizes["quanuy.ninhkieu"] > 0
    assert len(expected_assignments(users["hoi.khuyenhoc"])) < len(expected_assignments(users["dandan"]))


def _page_ids(client, url: str, pattern: str) -> set[int]:
    import re

    ids: set[int] = set()
    for page in range(1, 50):
        response = client.get(url, {"page": page})
        if response.status_code == 404:
            break
        assert response.status_code == 200, (url, response.status_code)
        found = {int(m) for m in re.findall(pattern, response.content.decode())}
        if not found - ids:
            break
        ids |= found
    return ids


def test_the_register_page_lists_exactly_the_oracles_documents(client, users, secret_document):
    for username, user in users.items():
        client.force_login(user)
        got = _page_ids(client, "/van-ban/", r'href="/van-ban/(\d+)/"')
        assert got == expected_documents(user), (username, got ^ expected_documents(user))


def expected_associations(user: User) -> set[int]:
    """The register: everything for the read-all roles and state management (home affairs, People's
    Committee); otherwise the user's subtree, an officer's assigned associations and their branches, and,
    for a Party committee, the associations seated in its territory (its area and the units under it)."""
    from sohoi.associations.models import Association, OfficerAssignment
    from sohoi.orgs.models import AdminUnit

    roles = _roles(user)
    everyone = Association.objects.all()
    if roles & (READ_ALL | {"home_affairs", "peoples_committee"}):
        return set(everyone.values_list("pk", flat=True))
    q = Q(unit__path__startswith=user.unit.path) if user.unit_id else Q(pk__in=[])
    if "home_affairs_officer" in roles:
        followed = OfficerAssignment.objects.filter(officer=user, ended_on__isnull=True)
        q |= Q(pk__in=followed.values("association")) | Q(unit__parent__in=followed.values("association__unit"))
    if "party_committee" in roles and user.unit_id and user.unit.area_id:
        area = user.unit.area
        below = {area.pk}
        frontier = {area.pk}
        while frontier:
            frontier = set(AdminUnit.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - below
            below |= frontier
        q |= Q(territory__in=below)
    return set(everyone.filter(q).values_list("pk", flat=True))


def test_the_association_register_lists_exactly_the_oracles_rows(client, users):
    for username, user in users.items():
        client.force_login(user)
        got, want = _ids(client, "/api/v1/associations/"), expected_associations(user)
        assert got == want, (username, sorted(got - want)[:10], sorted(want - got)[:10])
    # The territory rule is in play: a district committee sees associations outside its own subtree.
    ninh_kieu = users["quanuy.ninhkieu"]
    from sohoi.associations.models import Association

    outside = Association.objects.exclude(unit__path__startswith=ninh_kieu.unit.path)
    assert outside.filter(pk__in=expected_associations(ninh_kieu)).exists()


def test_the_register_export_holds_exactly_the_oracles_rows(client, users):
    import io

    from openpyxl import load_workbook

    from sohoi.associations.models import Association

    for username in ("hoi.khuyenhoc", "quanuy.ninhkieu", "canbonoivu", "noivu"):
        user = users[username]
        client.force_login(user)
        response = client.get("/hoi/", {"export": "xlsx"})
        assert response.status_code == 200, (username, response.status_code)
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                         else response.content), read_only=True).active
        rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0]]
        start = next(i for i, row in enumerate(rows) if row[0] == "Tên hội") + 1
        names = sorted(str(row[0]).lstrip("'") for row in rows[start:])
        want = sorted(Association.objects.filter(pk__in=expected_associations(user)).values_list("name", flat=True))
        assert names == want, (username, len(names), len(want))
