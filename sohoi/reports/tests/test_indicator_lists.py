"""Every indicator (each bucket) equals the count of the list it links to, with the same filters, for a
read-all user and a district user: the figure and the list behind it are one query's two faces."""

import pytest

from sohoi.core.deadlines import today
from sohoi.reports.registry import Filters, Period, indicators


def list_count(response) -> int:
    """The count a list page shows: its paginator, or the page's own total (eligibility, coverage)."""
    ctx = response.context
    if "not_held" in ctx:  # a document's dissemination coverage: the units that have not held a session
        return ctx["not_held"]
    if "eligible" in response.templates[0].name or "minimum" in ctx:
        return ctx["total"]
    return ctx["page"].paginator.count


def _filters(user, variant):
    from sohoi.associations.models import Association

    period = Period.parse(str(today().year))
    if variant == "all":
        return Filters(user, period)
    if variant == "district":  # a former district: its communes and successor wards count too
        from sohoi.accounts.models import User

        return Filters(user, period, territory=User.objects.get(username="quanuy.ninhkieu").unit.area)
    field = Association.objects.filter(field__isnull=False).values_list("field", flat=True).first()
    from sohoi.associations.models import FieldOfActivity

    return Filters(user, period, field=FieldOfActivity.objects.get(pk=field))


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["dandan", "quanuy.ninhkieu"])
@pytest.mark.parametrize("variant", ["all", "district", "field"])
def test_every_figure_equals_its_list(client, users, username, variant):
    user = users[username]
    client.force_login(user)
    f = _filters(user, variant)
    compared, nonzero = 0, 0
    for ind in indicators():
        value = ind.compute(f)
        if value is None:
            continue
        cases = [(b, v) for b, _label, v, _prev in _rows(ind, value)] + ([(None, value)] if isinstance(value, int) else [])
        for bucket, expected in cases:
            url = ind.list_url(f, bucket)
            if url is None:
                continue
            response = client.get(url)
            assert response.status_code == 200, (ind.key, bucket, url)
            assert list_count(response) == expected, (ind.key, bucket, url)
            compared += 1
            nonzero += bool(expected)
    assert compared >= 20 and nonzero >= 3


def _rows(ind, value):
    from sohoi.reports.registry import Result

    return Result(ind, value).bucket_rows()


@pytest.mark.django_db
def test_the_territory_filter_covers_a_former_districts_communes(users):
    """The district filter counts the associations of its communes too (area, not an exact match)."""
    from sohoi.associations.models import Association
    from sohoi.core.scoping import area_ids

    district = users["quanuy.ninhkieu"].unit.area
    assert district.kind == "district"
    from sohoi.orgs.models import AdminUnit

    ward = AdminUnit.objects.create(code="T99001", name="Phường Thử", kind="ward", parent=district,
                                    valid_from=district.valid_from, valid_to=district.valid_to).pk
    assert ward in area_ids(district)
    elsewhere = Association.objects.exclude(territory__in=area_ids(district)).order_by("pk").first()
    Association.objects.filter(pk=elsewhere.pk).update(territory_id=ward)
    f = Filters(users["dandan"], Period.parse("2026"), territory=district)
    by_status = next(i for i in indicators() if i.key == "associations.by_status")
    total = sum(by_status.compute(f).values())
    assert total == Association.objects.filter(territory=district).count() + 1
    assert f"area={district.pk}" in by_status.list_url(f, None)
