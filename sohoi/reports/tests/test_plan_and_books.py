"""A unit's implementing plan drafted from the upper document (issue 13 part 4) and each unit's document books
(part 5): the plan in its system's format, rewritten for the bodies the unit directs; registered, it is the
child of the upper document in the cascade, numbered from the unit's outgoing book, with its tasks proposed
for the usual review; books number per (unit, book, year), never twice the same number, and a recipient
enters its own copy of a document already in the register."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from sohoi.core.models import AuditEntry
from sohoi.directives.models import Document
from sohoi.reports.books import services as book_services
from sohoi.reports.books.models import Book, BookEntry
from sohoi.reports.books.services import book_entry_add


def _lines(content: bytes) -> list[str]:
    from docx import Document as Docx

    doc = Docx(io.BytesIO(content))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return lines


def _letter() -> Document:
    return Document.objects.get(code="752-CV/TU", is_stub=False)


# The implementing plan ------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_district_committee_drafts_its_plan_in_the_party_format_for_the_bodies_it_directs(login, users):
    letter = _letter()
    client = login("quanuy.ninhkieu")
    page = client.get(reverse("reports:plan_draft", args=[letter.pk])).content.decode()
    assert "Hội Tin học quận Ninh Kiều" in page  # a body seated in its territory, which it directs
    assert "Hội Chữ thập đỏ huyện Phong Điền" not in page  # another district's
    response = client.post(reverse("reports:plan_draft", args=[letter.pk]), {"action": "download"})
    assert response.status_code == 200 and "du-thao-ke-hoach-" in response["Content-Disposition"]
    lines = _lines(response.content)
    text = "\n".join(lines)
    for block in ("THÀNH ỦY CẦN THƠ", "QUẬN ỦY NINH KIỀU", "ĐẢNG CỘNG SẢN VIỆT NAM", "-KH/QU", "KẾ HOẠCH",
                  "Thực hiện Công văn số 752-CV/TU", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "Nơi nhận:", "T/M QUẬN ỦY NINH KIỀU"):
        assert block in text, block
    # Task 1 of the letter ("Cấp ủy đảng các cấp tổ chức quán triệt ...") addressed to the district's bodies.
    assert any(line.startswith("1. Tổ chức quán triệt nội dung Chỉ thị 17-CT/TW") for line in lines)
    assert not any(line.startswith("1. Cấp ủy đảng các cấp") for line in lines)
    assert any(line.startswith("- Đơn vị thực hiện: ") and "Hội Tin học quận Ninh Kiều" in line for line in lines)
    assert not Document.objects.filter(parent=letter, created_by=users["quanuy.ninhkieu"], date=datetime.date.today()).exists()


@pytest.mark.django_db
def test_a_state_body_drafts_its_plan_in_the_decree_30_format(login):
    response = login("ubnd").get(reverse("reports:plan_draft", args=[_letter().pk]) + "?download=1")
    text = "\n".join(_lines(response.content))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số:" in text and "/KH-UBND" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" not in text


@pytest.mark.django_db
def test_the_registered_plan_is_the_child_in_the_cascade_with_its_tasks_proposed_then_confirmed(login, users):
    from sohoi.directives.models import Assignment
    from sohoi.directives.services import document_confirm

    letter = _letter()
    user = users["quanuy.ninhkieu"]
    client = login("quanuy.ninhkieu")
    page = client.get(reverse("reports:plan_draft", args=[letter.pk])).context
    unit_ids = [pk for pk, _name in page["form"].fields["units"].choices][:2]
    task_ids = [pk for pk, _name in page["form"].fields["tasks"].choices]
    response = client.post(reverse("reports:plan_draft", args=[letter.pk]),
                           {"choose": "1", "action": "register", "tasks": task_ids, "units": unit_ids,
                            "subject": "Kế hoạch thực hiện Công văn 752-CV/TU trên địa bàn quận"})
    plan = Document.objects.get(parent=letter, issuer=user.unit, date=datetime.date.today())
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.doc_type == "ke_hoach" and plan.direction == "outgoing" and plan.system == "party"
    entry = BookEntry.objects.get(document=plan)
    assert (entry.unit_id, entry.book, entry.year) == (user.unit_id, Book.OUTGOING, datetime.date.today().year)
    assert plan.code == f"{entry.number}-KH/QU" and plan.number == str(entry.number)
    assert plan.confirmed_at is None
    proposed = plan.proposal["tasks"]
    assert len(proposed) == len(task_ids)
    assert {lead["choice"] for lead in proposed[0]["leads"]} == {f"unit:{pk}" for pk in unit_ids}
    assert AuditEntry.objects.filter(action="reports.plan.registered", target_id=str(plan.pk), actor=user).exists()
    # The usual review confirms them: one assignment per chosen body, within what the district directs.
    document_confirm(actor=user, document=plan)
    assert set(Assignment.objects.filter(task__document=plan).values_list("unit_id", flat=True)) == set(unit_ids)
    cascade = client.get(letter.get_absolute_url()).content.decode()
    assert plan.code in cascade


@pytest.mark.django_db
def test_a_unit_given_no_task_of_the_document_is_refused_and_nothing_is_written(login):
    letter = _letter()
    documents, audit = Document.objects.count(), AuditEntry.objects.count()
    client = login("tuyengiao")
    assert client.get(reverse("reports:plan_draft", args=[letter.pk])).status_code == 403
    response = client.post(reverse("reports:plan_draft", args=[letter.pk]), {"action": "register"})
    assert response.status_code == 403
    assert (Document.objects.count(), AuditEntry.objects.count()) == (documents, audit)


@pytest.mark.django_db
def test_a_body_the_unit_does_not_direct_cannot_be_given_the_plans_task(login):
    from sohoi.orgs.models import Unit

    letter = _letter()
    foreign = Unit.objects.get(name="Hội Chữ thập đỏ huyện Phong Điền")
    documents, entries = Document.objects.count(), BookEntry.objects.count()
    response = login("quanuy.ninhkieu").post(reverse("reports:plan_draft", args=[letter.pk]),
                                             {"choose": "1", "action": "register", "units": [foreign.pk]})
    assert response.status_code == 400
    assert "Đơn vị thực hiện" in response.content.decode()
    assert (Document.objects.count(), BookEntry.objects.count()) == (documents, entries)


@pytest.mark.django_db
def test_nothing_ticked_is_refused_with_a_message_naming_the_field(login):
    letter = _letter()
    documents = Document.objects.count()
    response = login("quanuy.ninhkieu").post(reverse("reports:plan_draft", args=[letter.pk]),
                                             {"choose": "1", "action": "register"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Chưa chọn nhiệm vụ nào" in body and "Chưa chọn đơn vị thực hiện" in body
    assert Document.objects.count() == documents


# Document books -------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_a_recipient_registers_its_own_copy_without_a_second_document(login, users):
    letter = _letter()
    documents = Document.objects.count()
    client = login("huyenuy.phongdien")
    page = client.get(letter.get_absolute_url()).content.decode()
    assert reverse("reports:book_register_incoming", args=[letter.pk]) in page
    response = client.post(reverse("reports:book_register_incoming", args=[letter.pk]), {"note": "Nhận bản giấy"})
    assert response.status_code == 302
    entry = BookEntry.objects.get(document=letter, unit=users["huyenuy.phongdien"].unit)
    assert (entry.book, entry.number, entry.note) == (Book.INCOMING, 1, "Nhận bản giấy")
    assert Document.objects.count() == documents
    # Once per book: a second click is refused with a message and nothing is added.
    client.post(reverse("reports:book_register_incoming", args=[letter.pk]))
    assert BookEntry.objects.filter(document=letter, unit=users["huyenuy.phongdien"].unit).count() == 1
    book = client.get(reverse("reports:book_incoming")).content.decode()
    assert "752-CV/TU" in book and "Sổ văn bản đến" in book


@pytest.mark.django_db
def test_numbers_run_per_unit_book_and_year(users):
    from sohoi.directives.models import Document as Doc

    two = list(Doc.objects.filter(is_stub=False, secrecy="normal").order_by("pk")[:3])
    nk, pd = users["quanuy.ninhkieu"], users["huyenuy.phongdien"]
    year = datetime.date(2026, 3, 1)
    assert book_entry_add(actor=pd, document=two[0], book="incoming", on=year).number == 1
    assert book_entry_add(actor=pd, document=two[1], book="incoming", on=year).number == 2
    assert book_entry_add(actor=nk, document=two[0], book="incoming", on=year).number == 1  # another unit's book
    assert book_entry_add(actor=pd, document=two[2], book="incoming", on=datetime.date(2027, 1, 2)).number == 1


@pytest.mark.django_db
def test_two_clerks_at_once_never_get_the_same_number(users, monkeypatch):
    """The race made deterministic: the number read is already taken by the time of the insert (as when
    another clerk's transaction commits in between). The unique constraint refuses the duplicate, and the
    service takes the following number instead of failing or reusing it."""
    docs = list(Document.objects.filter(is_stub=False, secrecy="normal").order_by("pk")[:2])
    pd = users["huyenuy.phongdien"]
    first = book_entry_add(actor=pd, document=docs[0], book="incoming")
    real = book_services.next_number
    calls = []

    def stale(**kwargs):
        calls.append(1)
        return first.number if len(calls) == 1 else real(**kwargs)

    monkeypatch.setattr(book_services, "next_number", stale)
    second = book_entry_add(actor=pd, document=docs[1], book="incoming")
    assert second.number == first.number + 1 and len(calls) == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        BookEntry.objects.create(unit=pd.unit, book="incoming", year=first.year, number=first.number,
                                 document=docs[1], registered_on=first.registered_on)


@pytest.mark.django_db
def test_the_outgoing_book_holds_only_what_the_unit_issued(users):
    letter = _letter()
    with pytest.raises(PermissionDenied):
        book_entry_add(actor=users["quanuy.ninhkieu"], document=letter, book="outgoing")
    assert not BookEntry.objects.filter(document=letter).exists()
    plan = Document.objects.get(code="45-KH/QU")
    assert book_entry_add(actor=users["quanuy.ninhkieu"], document=plan, book="outgoing").number == 1
    with pytest.raises(ValidationError):
        book_entry_add(actor=users["quanuy.ninhkieu"], document=plan, book="outgoing")


@pytest.mark.django_db
def test_the_book_page_is_bounded_and_prints(login, users, settings):
    settings.SOHOI_PAGE_SIZE = 2  # three entries, two pages
    docs = list(Document.objects.filter(is_stub=False, secrecy="normal").order_by("pk")[:3])
    for d in docs:
        book_entry_add(actor=users["huyenuy.phongdien"], document=d, book="incoming")
    client = login("huyenuy.phongdien")
    first = client.get(reverse("reports:book_incoming")).content.decode()
    assert first.count("<tr>") == 1 + 2 and "Trang 1/2" in first  # the header row and one page of two
    assert "Số đến" in first and "Tên loại và trích yếu nội dung" in first
    assert client.get(reverse("reports:book_incoming") + "?page=2").content.decode().count("<tr>") == 1 + 1
    # The export holds every line of the year, not the page's two.
    from openpyxl import load_workbook

    xlsx = client.get(reverse("reports:book_incoming") + "?export=xlsx")
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "Số đến" and [r[0] for r in rows[2:]] == [1, 2, 3]
    assert AuditEntry.objects.filter(action="reports.book.exported", actor=users["huyenuy.phongdien"]).exists()
    # Another unit's book is its own: Ninh Kieu's incoming book is empty.
    other = login("quanuy.ninhkieu").get(reverse("reports:book_incoming")).content.decode()
    assert "Sổ chưa có văn bản nào trong năm này." in other


# The periodic report's issuer --------------------------------------------------------------------------

@pytest.mark.django_db
def test_the_periodic_report_is_issued_by_the_readers_unit(users):
    from sohoi.reports.documents.build import build
    from sohoi.reports.registry import Filters, Period

    district = "\n".join(_lines(build(Filters(users["quanuy.ninhkieu"], Period.parse("2026-Q3")), "docx",
                                      on=datetime.date(2026, 10, 5))))
    assert "QUẬN ỦY NINH KIỀU" in district and "-BC/QU" in district and "T/M QUẬN ỦY NINH KIỀU" in district
    assert "-BC/BDVTU" not in district and "Quận ủy Ninh Kiều báo cáo" in district
    city = "\n".join(_lines(build(Filters(users["dandan"], Period.parse("2026-Q3")), "docx",
                                  on=datetime.date(2026, 10, 5))))
    assert "BAN DÂN VẬN" in city and "-BC/BDVTU" in city and "T/M BAN DÂN VẬN" in city
    standing = "\n".join(_lines(build(Filters(users["thuongtruc"], Period.parse("2026-Q3")), "docx",
                                      on=datetime.date(2026, 10, 5))))
    assert "-BC/BDVTU" in standing


@pytest.mark.django_db
def test_the_plan_page_and_the_finished_report_show_their_first_page(login, users):
    from sohoi.reports import services
    from sohoi.reports.registry import Period

    page = login("quanuy.ninhkieu").get(reverse("reports:plan_draft", args=[_letter().pk])).content.decode()
    assert "data-preview" in page and "KẾ HOẠCH" in page and "T/M QUẬN ỦY NINH KIỀU" in page
    job = services.report_job_start(actor=users["dandan"], period=Period.parse("2026-Q3"), fmt="docx")
    shown = login("dandan").get(job.get_absolute_url()).content.decode()
    assert "data-preview" in shown and "ĐẢNG CỘNG SẢN VIỆT NAM" in shown and "BÁO CÁO" in shown
