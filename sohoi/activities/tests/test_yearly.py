"""Point 5: yearly reports. Deadlines come from the legal rule table; states are computed from dates (moved in
these tests), in Python and SQL alike; two missed years are flagged; bad input leaves nothing behind; the
officer accepts or returns, and the association is notified through core.notify."""

from __future__ import annotations

import base64
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from sohoi.activities import selectors, services, yearly
from sohoi.activities.choices import FilingState
from sohoi.activities.models import YearlyReport
from sohoi.associations.models import LegalRule
from sohoi.core.models import Notification

pytestmark = pytest.mark.django_db
D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _file(actor, a, year, on=None, file=None) -> YearlyReport:
    return services.yearly_report_file(actor=actor, association=a, on=on, file=file, data={
        "year": year, "members": 100, "branches": 3, "activities": "Hoạt động theo điều lệ."})


def test_deadline_is_the_rule_row_and_follows_a_changed_rule():
    assert yearly.deadline(2024)[0] == D(2024, 12, 31)
    rule = yearly.deadline(2025)[1]
    assert rule.code == "yearly_report" and "126/2024" in rule.legal_basis
    LegalRule.objects.filter(pk=rule.pk).update(value="31/03")
    assert yearly.deadline(2025)[0] == D(2026, 3, 31)  # a first-half date is in the following year
    assert yearly.deadline(2023)[0] == D(2023, 12, 31)  # judged by the row valid then (Decree 45/2010)


@pytest.mark.parametrize("on, submitted, expected", [
    (D(2024, 11, 15), None, FilingState.NOT_DUE),
    (D(2024, 12, 10), None, FilingState.DUE),
    (D(2024, 12, 31), None, FilingState.DUE),
    (D(2025, 1, 1), None, FilingState.MISSING),
    (D(2025, 6, 1), D(2024, 12, 31), FilingState.ON_TIME),
    (D(2025, 6, 1), D(2025, 1, 3), FilingState.LATE),
])
def test_states_from_dates(on, submitted, expected):
    assert yearly.state(2024, submitted, on=on) == expected


def test_sql_states_equal_python_states_for_moved_dates(users, kts, kh):
    _file(users["quantri"], kts, 2024, on=D(2025, 1, 20))
    for on in (D(2024, 12, 5), D(2025, 1, 10), D(2025, 2, 1)):
        for a in selectors.filing(user=users["thuongtruc"], year=2024, on=on):
            assert selectors.SQL_STATE[a.track] == yearly.state(2024, a.filed_on, on=on), (a, on)
    counts = selectors.filing_counts(user=users["thuongtruc"], year=2024, on=D(2025, 2, 1))
    assert counts[FilingState.LATE] >= 1 and counts[FilingState.MISSING] >= 1
    rows = {a.pk: a for a in selectors.filing(user=users["thuongtruc"], year=2024, on=D(2025, 2, 1))}
    assert selectors.SQL_STATE[rows[kts.pk].track] == FilingState.LATE


def test_two_missing_years_in_a_row_are_flagged(users, kts, kh):
    on = D(2025, 3, 1)  # last closed report year: 2024
    assert yearly.last_closed_year(on) == 2024
    YearlyReport.objects.filter(association=kts).delete()
    flagged = set(selectors.two_years_missing(user=users["thuongtruc"], on=on).values_list("pk", flat=True))
    assert kts.pk in flagged
    _file(users["quantri"], kts, 2023, on=D(2024, 12, 1))  # only one of the two years now missing
    flagged = set(selectors.two_years_missing(user=users["thuongtruc"], on=on).values_list("pk", flat=True))
    assert kts.pk not in flagged


def test_filing_page_counts_and_lists_a_chosen_state(login, users):
    last = yearly.last_closed_year()
    client = login("thuongtruc")
    summary = client.get("/hoat-dong/bao-cao-nam/tinh-hinh/")
    assert summary.context["page"] is None  # counts only (SQL), no rows
    counts = dict((s.value, n) for s, n, _css in summary.context["counts"])
    assert counts == selectors.filing_counts(user=users["thuongtruc"], year=last)
    missing = client.get("/hoat-dong/bao-cao-nam/tinh-hinh/?state=missing")
    assert missing.context["page"].paginator.count == counts["missing"]
    two = client.get("/hoat-dong/bao-cao-nam/tinh-hinh/?state=two_years")
    names = {a.name for a in two.context["page"]}
    assert "Hội Kiến trúc sư thành phố Cần Thơ" in names and "Hội Khuyến học thành phố Cần Thơ" not in names


def test_demo_has_late_and_missing_reports(users):
    last = yearly.last_closed_year()
    counts = selectors.filing_counts(user=users["thuongtruc"], year=last)
    assert counts[FilingState.LATE] >= 1 and counts[FilingState.MISSING] >= 1 and counts[FilingState.ON_TIME] >= 5
    names = set(selectors.two_years_missing(user=users["thuongtruc"]).values_list("name", flat=True))
    assert "Hội Kiến trúc sư thành phố Cần Thơ" in names and "Hội Khuyến học thành phố Cần Thơ" not in names


# Bad input -------------------------------------------------------------------------------------------

def test_year_before_founding_in_the_future_or_twice_is_refused(users, kts, unchanged):
    admin = users["quantri"]
    _file(admin, kts, 2020)
    check = unchanged(YearlyReport)
    for year, words in ((2009, "trước khi hội được thành lập (năm 2010)"),
                        (datetime.date.today().year + 1, "chưa tới"), (2020, "đã nộp báo cáo năm 2020")):
        with pytest.raises(ValidationError) as exc:
            _file(admin, kts, year)
        assert words in exc.value.message_dict["year"][0], year
    check()


@pytest.mark.parametrize("name, data, words", [
    ("bao-cao.pdf", b"day la van ban thuong, khong phai PDF", "không phải PDF, Word"),
    ("bao-cao.exe", b"MZ\x90\x00" + b"\x00" * 100, "không phải PDF, Word"),
    ("bao-cao.pdf", b"", "trống"),
])
def test_attachment_checked_by_content(users, kts, unchanged, name, data, words):
    check = unchanged(YearlyReport)
    with pytest.raises(ValidationError) as exc:
        _file(users["quantri"], kts, 2021, file=(name, data))
    assert words in exc.value.message_dict["attachment"][0]
    check()


@override_settings(SOHOI_MAX_UPLOAD_BYTES=1024)
def test_attachment_over_the_size_limit_is_refused(users, kts, unchanged):
    check = unchanged(YearlyReport)
    with pytest.raises(ValidationError) as exc:
        _file(users["quantri"], kts, 2021, file=("anh.png", PNG + b"\x00" * 2000))
    assert "quá lớn" in exc.value.message_dict["attachment"][0]
    check()


def test_pdf_image_docx_xlsx_are_accepted(users, kts):
    import io

    import openpyxl
    from docx import Document as Docx

    buf = io.BytesIO()
    Docx().save(buf)
    docx = buf.getvalue()
    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    xlsx = buf.getvalue()
    for year, file in zip((2016, 2017, 2018, 2019), (("a.pdf", PDF), ("b.png", PNG), ("c.docx", docx),
                                                     ("d.xlsx", xlsx)), strict=True):
        report = _file(users["quantri"], kts, year, file=file)
        assert report.attachment_name == file[0] and report.attachment


def test_bad_file_through_the_page_and_the_api(login, users, unchanged):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login("hoi.khuyenhoc")
    a = users["hoi.khuyenhoc"].unit.association
    year = datetime.date.today().year
    check = unchanged(YearlyReport)
    page = client.post(f"/hoat-dong/hoi/{a.pk}/bao-cao-nam/nop/", {
        "year": year, "members": 1, "branches": 1, "activities": "Hoạt động",
        "attachment": SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>", content_type="application/pdf")})
    assert page.status_code == 200 and "không phải PDF, Word" in page.content.decode()
    api = client.post("/api/v1/activities/yearly-reports", {
        "association_id": a.pk, "year": year, "activities": "Hoạt động", "attachment_name": "x.pdf",
        "attachment_base64": base64.b64encode(b"plain text").decode()}, content_type="application/json")
    assert api.status_code == 400 and "attachment" in api.json()["fields"]
    check()


# Review by the officer, notification -----------------------------------------------------------------

def test_officer_returns_with_a_comment_and_the_association_is_notified(users, login):
    staff = users["hoi.khuyenhoc"]
    a = staff.unit.association
    report = _file(staff, a, datetime.date.today().year)
    with pytest.raises(PermissionDenied):  # the association cannot accept its own report
        services.yearly_report_transition(actor=staff, report=report, action="accept")
    with pytest.raises(PermissionDenied):  # an officer not assigned to it cannot either
        services.yearly_report_transition(actor=users["canbonoivu.hai"], report=report, action="accept")
    with pytest.raises(ValidationError) as exc:
        services.yearly_report_transition(actor=users["canbonoivu"], report=report, action="return")
    assert "lý do" in exc.value.message_dict["comment"][0]
    before = Notification.objects.filter(user=staff).count()
    client = login("canbonoivu")
    page = client.post(f"/hoat-dong/bao-cao-nam/{report.pk}/", {"action": "return", "comment": "Bổ sung tài chính."})
    assert page.status_code == 302
    report.refresh_from_db()
    assert report.status == "returned" and report.review_comment == "Bổ sung tài chính."
    notes = Notification.objects.filter(user=staff).order_by("-pk")
    assert notes.count() == before + 1 and "bị trả lại" in notes[0].title
    # The association corrects it and submits it again; the filing date stays the first one.
    services.yearly_report_transition(actor=staff, report=report, action="resubmit",
                                      data={"activities": "Đã bổ sung phần tài chính."})
    report.refresh_from_db()
    assert report.status == "submitted" and report.activities == "Đã bổ sung phần tài chính."
    services.yearly_report_transition(actor=users["canbonoivu"], report=report, action="accept")
    report.refresh_from_db()
    assert report.status == "accepted" and report.reviewed_by == users["canbonoivu"]
    assert "đã được chấp nhận" in Notification.objects.filter(user=staff).order_by("-pk")[0].title
