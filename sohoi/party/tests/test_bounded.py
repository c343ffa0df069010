"""The Party pages a page at a time (issue 14 part 2): the committee computed in SQL is the one
`expected_superiors` computes row by row; the core figures' flag count is the rows' own."""

from __future__ import annotations

import pytest

from sohoi.core.deadlines import today
from sohoi.party import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("username", ["dandan", "quanuy.ninhkieu", "thuongtruc"])
def test_superior_in_sql_is_the_nearest_committee(users, username):
    on = today()
    rows = list(selectors.with_superior(selectors.party_associations(user=users[username]), on))
    assert rows
    expected = selectors.expected_superiors(rows, on)
    assert {a.pk: a.superior_id for a in rows} == {pk: u.pk if u else None for pk, u in expected.items()}


def test_eligibility_page_groups_and_counts_match_the_whole_list(login, users):
    whole = selectors.eligibility(user=users["dandan"])
    page = login("dandan").get("/to-chuc-dang/du-dieu-kien/").content.decode()
    assert f'data-eligible>{whole["total"]}<' in page
    shown = 0
    for g in whole["groups"]:
        if g["committee"] and f'{g["committee"]} <span class="muted">' in page:  # a group of the first page
            assert f'{g["committee"]} <span class="muted">({len(g["rows"])})</span>' in page
            shown += 1
    assert shown >= 2


def test_eligibility_task_without_ids_takes_every_eligible_association_of_the_committee(login, users):
    from sohoi.directives.models import Task

    whole = selectors.eligibility(user=users["dandan"])
    group = max((g for g in whole["groups"] if g["committee"]), key=lambda g: len(g["rows"]))
    response = login("dandan").post("/to-chuc-dang/du-dieu-kien/", {"committee": group["committee"].pk,
                                                                     "associations": ""})
    assert response.status_code == 302
    task = Task.objects.get(document__proposal__source="party.eligibility")
    names = [r["association"].name for r in group["rows"]]
    assert len(names) > 1 and all(name in task.text for name in names)


def test_core_flag_count_is_counted_in_sql(users):
    rows = selectors.core_rows(user=users["dandan"])
    assert selectors.core_flagged(user=users["dandan"]) == sum(r["flag"] for r in rows)
    assert selectors.core_flagged(user=users["noivu"]) == 0 and selectors.core_rows(user=users["noivu"]) == []


def test_organisation_form_offers_the_chosen_association_and_the_search_matches_only(login):
    from sohoi.associations.models import Association

    client = login("quanuy.ninhkieu")
    mine = Association.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    blank = client.get("/to-chuc-dang/them/").content.decode()
    assert mine.name not in blank and 'name="association_q"' in blank
    found = client.get("/to-chuc-dang/them/", {"association_q": "khuyen hoc quan ninh kieu"}).content.decode()
    assert f'<option value="{mine.pk}">{mine.name}</option>' in found
    chosen = client.get("/to-chuc-dang/them/", {"association": mine.pk}).content.decode()
    assert f'<option value="{mine.pk}" selected>{mine.name}</option>' in chosen
    far = Association.objects.get(name="Hội Chữ thập đỏ huyện Phong Điền")  # outside the committee's reach
    assert far.name not in client.get("/to-chuc-dang/them/", {"association_q": "chu thap do huyen phong dien",
                                                               "association": far.pk}).content.decode()


def test_organisation_list_superior_by_name_on_page_and_api(login):
    from sohoi.party.models import PartyOrganisation

    org = PartyOrganisation.objects.select_related("superior").exclude(superior=None).order_by("pk").first()
    client = login("dandan")
    page = client.get("/to-chuc-dang/", {"superior_q": org.superior.name}).content.decode()
    assert org.name in page
    api = client.get("/api/v1/party/organisations", {"superior_q": org.superior.name}).json()
    assert org.pk in {row["id"] for row in api["items"]}
    assert api["count"] == PartyOrganisation.objects.filter(superior__name__icontains=org.superior.name).count() or (
        api["count"] > 0)
