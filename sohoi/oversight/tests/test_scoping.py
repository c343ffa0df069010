"""Who sees what: activities, recommendations and the confidential draft, on the pages and in the API, against
hand-written expected sets from the demo."""

from __future__ import annotations

import pytest

from sohoi.oversight.models import Activity, Recommendation

pytestmark = pytest.mark.django_db
S1, S2 = "Giám sát việc thực hiện chính sách", "Giám sát thường xuyên"
C, INSP = "Phản biện xã hội dự thảo", "Kiểm tra việc thực hiện"
ALL = {S1, S2, C, INSP}
# By hand: lead, participants, examined, addressees, team (demo.py).
EXPECTED = {
    "mattran": {S1, S2, C},  # leads them (Front); the inspection is the Party's
    "dandan": ALL, "thuongtruc": ALL, "tuyengiao": ALL, "quantri": ALL,  # read-all roles
    "quanuy.ninhkieu": {S1, S2, INSP},  # examined in all three and addressed in S1
    "huyenuy.phongdien": {S1, INSP},
    "hoi.khuyenhoc": {S1, S2, C},  # participant
    "hoi.chuthapdo": {S1, C},  # examined in S1 (and addressed), participant in C
    "ubnd": {C},  # the criticised body
    "noivu": set(), "canbonoivu": set(),
}


def _subjects(ids) -> set[str]:
    prefixes = {S1, S2, C, INSP}
    return {next(p for p in prefixes if a.subject.startswith(p)) for a in Activity.objects.filter(pk__in=ids)}


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_activity_list_page_and_api_show_exactly_the_expected_activities(client, users, username):
    client.force_login(users[username])
    api = client.get("/api/v1/oversight/activities?page_size=100").json()
    assert _subjects(a["id"] for a in api["items"]) == EXPECTED[username]
    page = client.get("/giam-sat/").content.decode()
    for a in Activity.objects.all():
        shown = f'href="/giam-sat/{a.pk}/"' in page
        assert shown == (a.pk in {x["id"] for x in api["items"]}), (username, a.subject)
        detail = client.get(f"/giam-sat/{a.pk}/").status_code
        assert detail == (200 if shown else 404), (username, a.subject, detail)


def test_an_addressed_unit_sees_only_what_is_addressed_to_it(client, users, demo):
    client.force_login(users["quanuy.ninhkieu"])
    ids = {r["id"] for r in client.get("/api/v1/oversight/recommendations?page_size=100").json()["items"]}
    expected = set(Recommendation.objects.filter(addressee__name="Quận ủy Ninh Kiều").values_list("pk", flat=True))
    assert ids == expected and ids
    page = client.get(demo(S1).get_absolute_url()).content.decode()
    other = Recommendation.objects.get(addressee__name="Huyện ủy Phong Điền")
    mine = Recommendation.objects.get(addressee__name="Quận ủy Ninh Kiều")
    assert f'id="kn-{mine.pk}"' in page and f'id="kn-{other.pk}"' not in page
    assert client.get(f"/api/v1/oversight/recommendations/{other.pk}").status_code == 404
    assert client.get(f"/giam-sat/kien-nghi/{other.pk}/tra-loi/").status_code == 404


def test_a_confidential_draft_is_read_only_by_participants(client, users, demo):
    act = demo(C)
    Activity.objects.filter(pk=act.pk).update(confidential=True)
    paragraph = act.draft_paragraphs[6]
    for username, reads in (("mattran", True), ("hoi.khuyenhoc", True), ("dandan", False), ("ubnd", False)):
        client.force_login(users[username])
        page = client.get(act.get_absolute_url()).content.decode()
        assert (paragraph in page) == reads, username
        api = client.get(f"/api/v1/oversight/activities/{act.pk}/paragraphs")
        assert api.status_code == (200 if reads else 403), username


def test_the_menu_item_is_live(client, users):
    client.force_login(users["mattran"])
    page = client.get("/").content.decode()
    assert 'href="/giam-sat/"' in page


def test_an_association_reaches_its_oversight_from_its_page_and_sees_only_its_own(client, users):
    from sohoi.associations.models import Association

    assoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    client.force_login(users["hoi.khuyenhoc"])
    page = client.get(f"/hoi/{assoc.pk}/").content.decode()
    link = f"/giam-sat/?unit={assoc.unit_id}"
    assert link in page
    listed = client.get(f"/api/v1/oversight/activities?unit={assoc.unit_id}&page_size=100").json()["items"]
    assert _subjects(a["id"] for a in listed) == {S1, S2, C}


def test_the_addressed_unit_finds_its_waiting_recommendation_on_the_home_page(client, users):
    client.force_login(users["quanuy.ninhkieu"])
    page = client.get("/").content.decode()
    assert "Kiến nghị chờ đơn vị trả lời" in page and f"/giam-sat/don-vi/{users['quanuy.ninhkieu'].unit_id}/" in page
