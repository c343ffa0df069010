"""Who sees which associations: officers their assigned ones, staff their own, outsiders get 404."""

from __future__ import annotations

from sohoi.associations import selectors
from sohoi.associations.models import Association, Leader, Member


def _names(user):
    return set(selectors.association_queryset(user=user).values_list("name", flat=True))


def test_officer_sees_only_assigned_and_their_branches(users):
    seen = _names(users["canbonoivu"])
    assert "Hội Khuyến học thành phố Cần Thơ" in seen
    assert "Chi hội Khuyến học Trường THPT Châu Văn Liêm" in seen
    assert "Hội Tin học thành phố Cần Thơ" not in seen and "Hội Đông y thành phố Cần Thơ" not in seen
    assert len(seen) == 15  # 13 assigned + 2 branches of them


def test_staff_see_only_their_association_and_branches(users):
    assert _names(users["hoi.khuyenhoc"]) == {"Hội Khuyến học thành phố Cần Thơ",
                                              "Chi hội Khuyến học Trường THPT Châu Văn Liêm"}
    other = Association.objects.get(name="Hội Chữ thập đỏ thành phố Cần Thơ")
    assert not Leader.objects.filter(association=other).filter(
        pk__in=selectors.restrict(Leader.objects.all(), users["hoi.khuyenhoc"]).values("pk")).exists()
    assert not selectors.restrict(Member.objects.all(), users["hoi.chuthapdo"]).exists()


def test_district_party_committee_sees_its_subtree_and_its_territory(users):
    # Synthetic former-district associations sit under the city Fatherland Front (demo_synthetic.py): the
    # district committee sees them through their territory (issue 10), and still nothing of Phong Điền.
    assert _names(users["quanuy.ninhkieu"]) == {
        "Hội Khuyến học quận Ninh Kiều", "Hội Làm vườn quận Ninh Kiều", "Hội Tin học quận Ninh Kiều",
        "Hội Võ thuật cổ truyền quận Ninh Kiều", "Hội Văn nghệ dân gian quận Ninh Kiều"}


def test_department_and_read_all_roles_see_everything(users):
    total = Association.objects.count()
    assert len(_names(users["noivu"])) == total == len(_names(users["dandan"]))


def test_outsider_gets_404_on_detail_page_and_api(login, users):
    other = Association.objects.get(name="Hội Chữ thập đỏ thành phố Cần Thơ")
    client = login("hoi.khuyenhoc")
    assert client.get(f"/hoi/{other.pk}/").status_code == 404
    assert client.get(f"/hoi/{other.pk}/hoi-vien/").status_code == 404
    assert client.get(f"/api/v1/associations/{other.pk}").status_code == 404
    tin_hoc = Association.objects.get(name="Hội Tin học thành phố Cần Thơ")
    assert login("canbonoivu").get(f"/hoi/{tin_hoc.pk}/").status_code == 404
