"""The implementing plan and the document books through the API (issue 17: API parity): the same selectors and
services as the pages /bao-cao/ke-hoach/van-ban/<id>/ and /bao-cao/so-van-ban-den|di/ (permission, numbering,
audit), lists paginated and scoped, errors in the API's one shape with nothing written."""

from __future__ import annotations

import base64
import datetime

import pytest
from django.urls import reverse

from sohoi.core.models import AuditEntry
from sohoi.directives.models import Document
from sohoi.reports.books.models import Book, BookEntry

from .test_plan_and_books import _letter, _lines

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _counts() -> tuple[int, int, int]:
    return Document.objects.count(), BookEntry.objects.count(), AuditEntry.objects.count()


# The implementing plan ------------------------------------------------------------------------------

def _docx(body: dict) -> bytes:
    return base64.b64decode(body["draft"]["content_base64"])


def test_the_plan_read_offers_the_pages_choices_and_its_draft(login):
    letter = _letter()
    client = login("quanuy.ninhkieu")
    page = client.get(reverse("reports:plan_draft", args=[letter.pk]))
    form = page.context["form"]
    body = client.get(f"/api/v1/reports/plans/{letter.pk}").json()
    assert body["may_draft"] and body["subject"].startswith("Thực hiện ")
    assert [t["id"] for t in body["tasks"]] == [pk for pk, _n in form.fields["tasks"].choices]
    assert [(u["id"], u["name"]) for u in body["units"]] == list(form.fields["units"].choices)
    assert body["units_total"] == page.context["units_total"]
    download = client.get(reverse("reports:plan_draft", args=[letter.pk]) + "?download=1")
    assert body["draft"]["filename"] in download["Content-Disposition"]
    assert _lines(_docx(body)) == _lines(download.content)
    # A choice of one task and one body: the same file as the page's form with those boxes ticked.
    task, unit = body["tasks"][0]["id"], body["units"][0]["id"]
    chosen = client.post(reverse("reports:plan_draft", args=[letter.pk]),
                         {"choose": "1", "action": "download", "tasks": [task], "units": [unit]})
    one = client.get(f"/api/v1/reports/plans/{letter.pk}?task_ids={task}&unit_ids={unit}").json()
    assert _lines(_docx(one)) == _lines(chosen.content) != _lines(download.content)
    bad = client.get(f"/api/v1/reports/plans/{letter.pk}?unit_ids=999999")
    assert bad.status_code == 400 and "unit_ids" in bad.json()["fields"]


def test_a_reader_whose_unit_was_given_no_task_is_told_why_and_offered_nothing(login):
    letter = _letter()
    assert login("tuyengiao").get(reverse("reports:plan_draft", args=[letter.pk])).status_code == 403
    body = login("tuyengiao").get(f"/api/v1/reports/plans/{letter.pk}").json()
    assert (body["may_draft"], body["tasks"], body["units"], body["draft"]) == (False, [], [], None)
    assert "Chỉ đơn vị được giao nhiệm vụ của văn bản này" in body["message"]


def test_the_plan_registered_through_the_api_is_the_pages_plan(login, users):
    letter = _letter()
    user = users["quanuy.ninhkieu"]
    client = login("quanuy.ninhkieu")
    options = client.get(f"/api/v1/reports/plans/{letter.pk}").json()
    unit_ids = [u["id"] for u in options["units"]][:2]
    response = client.post(f"/api/v1/reports/plans/{letter.pk}", {
        "task_ids": [t["id"] for t in options["tasks"]], "unit_ids": unit_ids,
        "subject": "Kế hoạch thực hiện Công văn 752-CV/TU (API)"}, content_type=JSON)
    assert response.status_code == 201, response.content
    plan = Document.objects.get(pk=response.json()["id"])
    assert (plan.parent_id, plan.issuer_id, plan.doc_type, plan.subject) == (
        letter.pk, user.unit_id, "ke_hoach", "Kế hoạch thực hiện Công văn 752-CV/TU (API)")
    entry = BookEntry.objects.get(document=plan)
    assert (entry.unit_id, entry.book) == (user.unit_id, Book.OUTGOING)
    assert response.json()["code"] == plan.code == f"{entry.number}-KH/QU"
    assert response.json()["tasks"] == len(plan.proposal["tasks"]) == len(options["tasks"])
    assert {lead["choice"] for lead in plan.proposal["tasks"][0]["leads"]} == {f"unit:{pk}" for pk in unit_ids}
    assert plan.confirmed_at is None
    assert AuditEntry.objects.filter(action="reports.plan.registered", target_id=str(plan.pk), actor=user).exists()


def test_plan_refusals_name_the_field_and_write_nothing(login):
    from sohoi.orgs.models import Unit

    letter = _letter()
    before = _counts()
    refused = login("tuyengiao").post(f"/api/v1/reports/plans/{letter.pk}", {}, content_type=JSON)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    client = login("quanuy.ninhkieu")
    foreign = Unit.objects.get(name="Hội Chữ thập đỏ huyện Phong Điền")
    response = client.post(f"/api/v1/reports/plans/{letter.pk}", {"unit_ids": [foreign.pk]}, content_type=JSON)
    assert response.status_code == 400 and "unit_ids" in response.json()["fields"]
    response = client.post(f"/api/v1/reports/plans/{letter.pk}", {"task_ids": [], "unit_ids": []}, content_type=JSON)
    body = response.json()
    assert response.status_code == 400 and set(body["fields"]) == {"tasks", "units"}
    assert "Chưa chọn nhiệm vụ nào" in body["fields"]["tasks"][0]
    assert _counts() == before


# Document books -------------------------------------------------------------------------------------

def test_a_recipient_registers_its_copy_and_reads_its_book(login, users):
    letter = _letter()
    documents = Document.objects.count()
    client = login("huyenuy.phongdien")
    response = client.post(f"/api/v1/reports/books/incoming/{letter.pk}", {"note": " Nhận qua API "},
                           content_type=JSON)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["book"], body["number"], body["note"], body["document_code"]) == ("incoming", 1, "Nhận qua API",
                                                                                   "752-CV/TU")
    assert body["subject"] == letter.subject and Document.objects.count() == documents
    assert AuditEntry.objects.filter(action="reports.book.incoming_registered", target_id=str(letter.pk),
                                     actor=users["huyenuy.phongdien"]).exists()
    again = client.post(f"/api/v1/reports/books/incoming/{letter.pk}", {}, content_type=JSON)
    assert again.status_code == 400 and "không vào sổ lần thứ hai" in again.json()["fields"]["document"][0]
    book = client.get(f"/api/v1/reports/books/incoming?year={datetime.date.today().year}").json()
    assert book["count"] == 1 and book["items"][0] == body
    assert client.get(f"/api/v1/reports/books/entries/{body['id']}").json() == body
    # Another unit's book is its own: empty, and the line is out of its scope.
    other = login("quanuy.ninhkieu")
    assert other.get("/api/v1/reports/books/incoming").json()["count"] == 0
    assert other.get(f"/api/v1/reports/books/entries/{body['id']}").status_code == 404


def test_the_outgoing_book_holds_only_what_the_unit_issued(login):
    letter, plan = _letter(), Document.objects.get(code="45-KH/QU")
    client = login("quanuy.ninhkieu")
    before = _counts()
    refused = client.post(f"/api/v1/reports/books/outgoing/{letter.pk}", {}, content_type=JSON)
    assert refused.status_code == 403 and "chính đơn vị của bạn ban hành" in refused.json()["message"]
    assert _counts() == before
    response = client.post(f"/api/v1/reports/books/outgoing/{plan.pk}", {}, content_type=JSON)
    assert response.status_code == 201 and response.json()["number"] == 1
    assert [e["document_code"] for e in client.get("/api/v1/reports/books/outgoing").json()["items"]] == ["45-KH/QU"]


def test_the_book_is_paginated_and_a_line_outside_the_readers_scope_hides_its_subject(login, users):
    from sohoi.reports.books.services import book_entry_add

    docs = list(Document.objects.filter(is_stub=False, secrecy="normal").order_by("pk")[:3])
    for d in docs:
        book_entry_add(actor=users["huyenuy.phongdien"], document=d, book="incoming")
    client = login("huyenuy.phongdien")
    page = client.get("/api/v1/reports/books/incoming?page_size=2").json()
    assert page["count"] == 3 and [e["number"] for e in page["items"]] == [1, 2]
    assert [e["number"] for e in client.get("/api/v1/reports/books/incoming?page=2&page_size=2").json()["items"]] == [3]
    # A line whose document turned secret keeps its number and code but not its subject (as printed).
    hidden = docs[0]
    Document.objects.filter(pk=hidden.pk).update(secrecy="secret")
    items = client.get("/api/v1/reports/books/incoming").json()["items"]
    line = next(e for e in items if e["document_id"] == hidden.pk)
    assert line["subject"] == "" and line["document_code"] == hidden.code and line["secrecy"] == "secret"
