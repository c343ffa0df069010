"""The periodic report: `sohoi report` writes a .docx in the Party's format (header blocks, six sections built
from the registry, "Nơi nhận"), the annex .xlsx, and a .pdf converted by a real LibreOffice; the same from the
web as a background job with progress and a download; the same period on the same data gives the same figures."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from sohoi.reports.documents.pdf import soffice
from sohoi.reports.registry import Filters, Period


def _docx_text(path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return lines


@pytest.mark.django_db
def test_report_docx_has_the_party_format_and_six_sections(tmp_path):
    out = tmp_path / "bc.docx"
    call_command("report", "--period", "2026-Q3", "--format", "docx", "-o", str(out))
    lines = _docx_text(out)
    text = "\n".join(lines)
    for block in ("THÀNH ỦY CẦN THƠ", "BAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/BDVTU", "BÁO CÁO", "Nơi nhận:",
                  "T/M BAN DÂN VẬN", "quý III năm 2026"):
        assert block in text, block
    assert any(line.startswith("Cần Thơ, ngày ") for line in lines)
    for point in range(1, 7):
        assert any(line.startswith(f"{point}. ") for line in lines), point
    assert any(line.startswith("- Hội theo tình trạng: ") for line in lines)


@pytest.mark.django_db
def test_a_new_indicator_adds_to_the_report_without_editing_it(tmp_path, monkeypatch):
    from sohoi.reports import registry

    extra = registry.Indicator(key="test.models", point=5, label="Mô hình hay thử nghiệm", definition="-",
                               compute=lambda f: 7)
    found = dict(registry._registry())
    found[extra.key] = extra
    monkeypatch.setattr(registry, "_registry", lambda: found)
    out = tmp_path / "bc.docx"
    call_command("report", "--period", "2026", "--format", "docx", "-o", str(out))
    assert "- Mô hình hay thử nghiệm: 7 (kỳ trước 7, không đổi)." in _docx_text(out)


@pytest.mark.django_db
def test_same_period_same_data_same_figures(users, tmp_path):
    from sohoi.reports.selectors import sections

    f = Filters(users["thuongtruc"], Period.parse("2026-Q3"))
    assert sections(f) == sections(f)
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    call_command("report", "--period", "2026-Q3", "--format", "docx", "-o", str(a))
    call_command("report", "--period", "2026-Q3", "--format", "docx", "-o", str(b))
    assert _docx_text(a) == _docx_text(b)


@pytest.mark.django_db
def test_report_xlsx_holds_the_annex_tables(tmp_path, users):
    from openpyxl import load_workbook

    area = users["quanuy.ninhkieu"].unit.area
    out = tmp_path / "pl.xlsx"
    call_command("report", "--period", "2026-H1", "--territory", area.code, "--format", "xlsx", "-o", str(out))
    wb = load_workbook(out)
    assert [f"Điểm {n}" for n in range(1, 7)] == wb.sheetnames[:6]
    assert f"Địa bàn: {area}" in wb["Điểm 2"]["A2"].value


@pytest.mark.django_db
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: make install-office")
def test_report_pdf_is_converted_by_libreoffice(tmp_path):
    out = tmp_path / "bc.pdf"
    call_command("report", "--period", "2026-Q3", "--format", "pdf", "-o", str(out))
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000


@pytest.mark.django_db
@pytest.mark.parametrize("args, message", [
    (["--period", "2026-Q5"], "2026-Q3"), (["--period", "2026", "--territory", "NOPE"], "--territory"),
    (["--period", "2026", "--as", "nobody"], "--as")])
def test_bad_arguments_are_named(tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *args, "--format", "docx", "-o", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.django_db
def test_the_web_report_runs_as_a_job_with_progress_and_download(login):
    from docx import Document

    from sohoi.core.models import AuditEntry
    from sohoi.reports.models import ReportJob

    client = login("dandan")
    assert client.get(reverse("reports:report_new")).status_code == 200
    response = client.post(reverse("reports:report_new"), {"period": "2026-Q3", "format": "docx"})
    job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == "done" and job.done == job.total == 2  # tests run tasks immediately
    assert AuditEntry.objects.filter(action="reports.job.created", target_id=str(job.pk)).exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert reverse("reports:report_download", args=[job.pk]) in page
    download = client.get(reverse("reports:report_download", args=[job.pk]))
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in "\n".join(
        p.text for t in Document(io.BytesIO(download.content)).tables for c in t.rows[0].cells for p in c.paragraphs)
    # Someone else's report is not theirs to see (404, not 403).
    assert login("thuongtruc").get(reverse("reports:report_download", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_a_role_that_does_not_report_is_refused_and_nothing_is_stored(login):
    from sohoi.reports.models import ReportJob

    response = login("hoi.khuyenhoc").post(reverse("reports:report_new"), {"period": "2026-Q3", "format": "docx"})
    assert response.status_code == 403 and not ReportJob.objects.exists()


@pytest.mark.django_db
def test_a_bad_period_from_the_web_is_named_and_nothing_is_stored(login):
    from sohoi.reports.models import ReportJob

    response = login("dandan").post(reverse("reports:report_new"), {"period": "2026-Q9", "format": "docx"})
    assert response.status_code == 400 and "2026-Q3" in response.content.decode()
    assert not ReportJob.objects.exists()


def _draft_lines(content) -> list[str]:
    from docx import Document

    doc = Document(io.BytesIO(content))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table.rows[0].cells:
            lines.extend(p.text for p in cell.paragraphs)
    return lines


@pytest.mark.django_db
def test_a_district_committee_drafts_its_report_on_752_in_the_party_format(login, users):
    from sohoi.directives.models import Assignment, Document

    doc = Document.objects.get(code="752-CV/TU")
    user = users["huyenuy.phongdien"]
    mine = Assignment.objects.filter(task__document=doc, unit=user.unit)
    assert mine.exists()
    client = login("huyenuy.phongdien")
    page = client.get(reverse("directives:assignment_detail", args=[mine.first().pk])).content.decode()
    assert reverse("reports:unit_draft", args=[doc.pk]) in page
    response = client.get(reverse("reports:unit_draft", args=[doc.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    lines = _draft_lines(response.content)
    text = "\n".join(lines)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and user.unit.name.upper() in text and "BÁO CÁO" in lines
    assert "Kết quả thực hiện Công văn số 752-CV/TU" in text and "Nơi nhận:" in text
    for a in mine.select_related("task"):
        assert any(line.startswith(f"{a.task.no}. ") for line in lines)


@pytest.mark.django_db
def test_an_association_drafts_in_the_state_format(login, users):
    from sohoi.directives.models import Assignment

    a = Assignment.objects.filter(unit=users["hoi.khuyenhoc"].unit).select_related("task__document").first()
    if a is None:
        pytest.skip("the demo assigns nothing to this association")
    response = login("hoi.khuyenhoc").get(reverse("reports:unit_draft", args=[a.task.document_id]))
    text = "\n".join(_draft_lines(response.content))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text


@pytest.mark.django_db
def test_a_unit_without_an_assignment_on_the_document_is_sent_back(login):
    from sohoi.directives.models import Document

    doc = Document.objects.get(code="752-CV/TU")
    assert login("quantri").get(reverse("reports:unit_draft", args=[doc.pk])).status_code == 403  # no unit
    response = login("thuongtruc").get(reverse("reports:unit_draft", args=[doc.pk]))
    assert response.status_code == 302 and response["Location"] == doc.get_absolute_url()
