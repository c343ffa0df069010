"""The attacks on the document register found in issue 10, each replayed with a VALID request: refused,
with the database and the audit trail left as they were; and the same request allowed to the role the
rule names, to prove the refusal comes from the rule and not from bad input."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sohoi.core.models import AuditEntry
from sohoi.directives.choices import ReportStatus, Secrecy
from sohoi.directives.models import Assignment, Document, ProgressReport, Task
from sohoi.directives.services import (
    document_confirm,
    document_register,
    document_review_save,
    document_update,
    progress_report_submit,
    progress_report_transition,
)
from sohoi.orgs.models import Unit, UnitAlias
from sohoi.orgs.selectors import resolve_name

pytestmark = pytest.mark.django_db

CITY_LETTER = """THÀNH ỦY CẦN THƠ
*
Số 801-CV/TU
V/v tổng kết công tác dân vận năm 2013

ĐẢNG CỘNG SẢN VIỆT NAM
Cần Thơ, ngày 02 tháng 12 năm 2013

Kính gửi: Ban Dân vận Thành ủy

1 - Ban Dân vận Thành ủy tổng kết công tác dân vận, báo cáo Thường trực Thành ủy trước ngày 20/12/2013.

Nơi nhận:
- Như trên
- Lưu
"""

DIRECTIVE_17 = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 17-CT/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 28 tháng 8 năm 2012\n\n"
                "CHỈ THỊ\ncủa Ban Bí thư về các hội quần chúng\n\n1 - Văn bản giả do người ngoài điền vào.\n")


def _district_plan(code: str, lead: str) -> str:
    return f"""QUẬN ỦY NINH KIỀU
*
Số {code}
V/v thực hiện công tác dân vận năm 2013

ĐẢNG CỘNG SẢN VIỆT NAM
Ninh Kiều, ngày 10 tháng 12 năm 2013

1 - {lead} chủ trì rà soát các hội trên địa bàn, báo cáo trước ngày 30/12/2013.

Nơi nhận:
- Lưu
"""


def _marks():
    return (Document.objects.count(), AuditEntry.objects.count(), Task.objects.count(), Assignment.objects.count())


def _upload(client, text: str, **fields):
    data = {"file": SimpleUploadedFile("vb.txt", text.encode(), content_type="text/plain"),
            "direction": "incoming", "urgency": "normal", "secrecy": "normal", **fields}
    return client.post("/van-ban/tai-len/", data)


def test_association_staff_cannot_register_a_document_issued_by_the_city_committee(login):
    before = _marks()
    response = _upload(login("hoi.khuyenhoc"), CITY_LETTER)
    assert response.status_code == 403
    assert _marks() == before
    # The same upload by the board that keeps the city's register goes through.
    response = _upload(login("dandan"), CITY_LETTER)
    assert response.status_code == 302
    doc = Document.objects.get(code="801-CV/TU")
    assert doc.issuer.name == "Thành ủy Cần Thơ" and doc.created_by.username == "dandan"


def test_a_unit_registers_what_it_issues_itself(login):
    response = _upload(login("quanuy.ninhkieu"), _district_plan("77-KH/QU", "Hội Khuyến học quận Ninh Kiều"),
                       direction="outgoing")
    assert response.status_code == 302
    assert Document.objects.get(code="77-KH/QU").issuer.name == "Quận ủy Ninh Kiều"


def test_only_a_document_manager_fills_a_stub_and_the_stub_keeps_its_registrar(users):
    stub = Document.objects.get(code="17-CT/TW", is_stub=True)
    registrar = stub.created_by_id
    before = _marks()
    for name in ("hoi.khuyenhoc", "quanuy.ninhkieu", "mattran"):
        with pytest.raises(PermissionDenied):
            document_register(actor=users[name], text=DIRECTIVE_17)
    stub.refresh_from_db()
    assert stub.is_stub and stub.text == "" and _marks() == before
    doc, created = document_register(actor=users["tuyengiao"], text=DIRECTIVE_17)
    assert created and doc.pk == stub.pk and not doc.is_stub
    assert doc.created_by_id == registrar  # filling never transfers ownership


def test_only_the_registrar_roles_grade_a_document_secret(users, client):
    staff = users["hoi.khuyenhoc"]
    client.force_login(staff)
    before = _marks()
    text = _district_plan("5-KH/HKH", "Ban Thường vụ Hội").replace("QUẬN ỦY NINH KIỀU", "HỘI KHUYẾN HỌC THÀNH PHỐ CẦN THƠ")
    response = _upload(client, text, direction="outgoing", secrecy="mat", readers=[staff.pk])
    # The upload form offers no secrecy field to staff; the service refuses it anyway.
    with pytest.raises(PermissionDenied):
        document_register(actor=staff, text=text, meta={"direction": "outgoing", "secrecy": Secrecy.SECRET,
                                                         "readers": [staff]})
    doc = Document.objects.filter(code="5-KH/HKH").first()
    if response.status_code == 302:  # registered, but as a normal document
        assert doc is not None and doc.secrecy == Secrecy.NORMAL and not doc.readers.exists()
        marks = _marks()
        with pytest.raises(PermissionDenied):
            document_update(actor=staff, document=doc, data={"secrecy": Secrecy.SECRET, "readers": [staff]})
        doc.refresh_from_db()
        assert doc.secrecy == Secrecy.NORMAL and _marks() == marks
    else:
        assert _marks() == before
    letter = Document.objects.get(code="752-CV/TU")
    document_update(actor=users["dandan"], document=letter,
                    data={"secrecy": Secrecy.SECRET, "readers": [users["thuongtruc"]]})
    letter.refresh_from_db()
    assert letter.secrecy == Secrecy.SECRET


def test_aliases_are_taught_only_by_document_managers_and_only_for_that_issuer(users):
    ninh_kieu = Unit.objects.get(name="Quận ủy Ninh Kiều")
    doc, _ = document_register(actor=users["quanuy.ninhkieu"], text=_district_plan("78-KH/QU", "Công an phường X"),
                               meta={"direction": "outgoing"})
    tasks = doc.proposal["tasks"]
    assert tasks[0]["leads"][0]["choice"] == ""
    tasks[0]["leads"][0]["choice"] = f"unit:{ninh_kieu.pk}"
    aliases = UnitAlias.objects.count()
    document_review_save(actor=users["quanuy.ninhkieu"], document=doc, tasks=tasks)
    assert UnitAlias.objects.count() == aliases  # the choice holds for this document, nothing is learnt
    doc.refresh_from_db()
    assert doc.proposal["tasks"][0]["leads"][0]["choice"] == f"unit:{ninh_kieu.pk}"

    # A manager's mapping is remembered for the issuer it was taught on, and only there.
    city = Unit.objects.get(name="Thành ủy Cần Thơ")
    board = Unit.objects.get(name="Ban Dân vận Thành ủy")
    letter, _ = document_register(actor=users["dandan"], text=CITY_LETTER.replace(
        "1 - Ban Dân vận Thành ủy tổng kết", "1 - Ban Bí thư tổng kết"))
    tasks = letter.proposal["tasks"]
    tasks[0]["leads"] = [{"name": "Ban Bí thư", "choice": f"unit:{board.pk}"}]
    document_review_save(actor=users["dandan"], document=letter, tasks=tasks)
    assert UnitAlias.objects.filter(unit=board, alias="Ban Bí thư", issuer=city).exists()
    assert resolve_name("Ban Bí thư", issuer=city).unit == board
    assert resolve_name("Ban Bí thư").unit is None  # an issuer's name is never read through a taught alias
    assert resolve_name("Ban Bí thư", issuer=ninh_kieu).unit is None


def test_confirmation_assigns_only_to_units_the_issuer_directs(users):
    doc, _ = document_register(actor=users["quanuy.ninhkieu"], text=_district_plan("79-KH/QU", "Sở Nội vụ"),
                               meta={"direction": "outgoing"})
    department = Unit.objects.get(name="Sở Nội vụ")
    tasks = doc.proposal["tasks"]
    tasks[0]["leads"] = [{"name": "Sở Nội vụ", "choice": f"unit:{department.pk}"}]
    document_review_save(actor=users["quanuy.ninhkieu"], document=doc, tasks=tasks)
    before = _marks()
    with pytest.raises(ValidationError) as refused:
        document_confirm(actor=users["quanuy.ninhkieu"], document=doc)
    assert "Sở Nội vụ" in str(refused.value)
    doc.refresh_from_db()
    assert doc.confirmed_at is None and _marks() == before
    # A unit of the committee's own district is directed: the same document confirms.
    own = Unit.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    tasks[0]["leads"] = [{"name": own.name, "choice": f"unit:{own.pk}"}]
    created = document_confirm(actor=users["quanuy.ninhkieu"], document=doc, tasks=tasks)
    assert [a.unit for a in created[0].assignments.all()] == [own]


def test_the_city_letter_reaches_bodies_of_every_branch_seated_in_the_city(users):
    letter = Document.objects.get(code="752-CV/TU")
    roots = {a.unit.path.split("/")[1] for a in Assignment.objects.filter(task__document=letter).select_related("unit")}
    assert len(roots) == 3  # the Party, the People's Committee and the Front: the city committee leads all three


def test_the_author_of_a_report_never_accepts_it(users, client):
    assignment = Assignment.objects.filter(task__document__code="752-CV/TU", unit__name="Sở Nội vụ").first()
    report = progress_report_submit(actor=users["quantri"], assignment=assignment, text="Nhập thay đơn vị.")
    marks = (AuditEntry.objects.count(), ProgressReport.objects.get(pk=report.pk).status)
    client.force_login(users["quantri"])
    response = client.post(f"/van-ban/bao-cao/{report.pk}/xem-xet/", {"action": "accept", "comment": ""})
    assert response.status_code == 403
    assert (AuditEntry.objects.count(), ProgressReport.objects.get(pk=report.pk).status) == marks
    # Another reviewer accepts the same report.
    progress_report_transition(actor=users["dandan"], report=report, action="accept")
    assert ProgressReport.objects.get(pk=report.pk).status == ReportStatus.ACCEPTED
