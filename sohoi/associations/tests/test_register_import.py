"""Import of the Department's existing register: every error at once (row, column, fix), nothing written until
the whole file is valid, re-import updates, large files read row by row, progress for the page."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook, load_workbook

from sohoi.associations import services
from sohoi.associations.models import Association, ImportJob
from sohoi.associations.services.register_import import COLUMNS, register_import_job, register_template
from sohoi.core.models import AuditEntry
from sohoi.orgs.models import AdminUnit, Unit, tree_path

HEADER = list(COLUMNS.values())


def row(name, *, field="Khác", scope="Xã, phường", territory="Phường An Bình", number="12/QĐ-UBND",
        day="20/10/2025", status="Đang hoạt động", special="Không", members=120, phone="0292 3800 111",
        email="", website="", agency="", short="", office="Số 1 đường Hòa Bình", issuer="UBND phường"):
    return [name, short, field, scope, territory, office, number, day, issuer, status, special, members, phone,
            email, website, agency]


GOOD = [row("Hội Cây cảnh phường An Bình", members="1.250", email="caycanh@example.vn", website="caycanh.vn"),
        row("Hội Thơ Đường luật thành phố Cần Thơ", scope="Tỉnh, thành phố", territory="", field="Văn học - nghệ thuật",
            agency="Sở Nội vụ", special="Có", status="Bị đình chỉ hoạt động"),
        row("Hội Nuôi ong xã Phong Điền", territory="31299", field="Kinh tế - doanh nghiệp",
            status="Đã công nhận ban vận động", number="", day="")]


def _xlsx(tmp_path, rows, header=HEADER, name="danh-ba.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    path = tmp_path / name
    book.save(path)
    return path


def _run(users, path, dry_run=True, who="noivu"):
    with open(path, "rb") as f:
        return services.register_import(actor=users[who], upload=f, filename=path.name, dry_run=dry_run)


def test_dry_run_lists_every_error_at_once_and_writes_nothing(users, tmp_path):
    before = (Association.objects.count(), Unit.objects.count(), AuditEntry.objects.count())
    bad = [*GOOD,
           row("Hội Cây cảnh phường An Bình", members=-5),                                # 5: duplicate; count < 0
           row("", field="Nấu ăn", territory="Phường Không Có", day="31/02/2024"),         # 6: 4 errors
           row("Hội Khuyen hoc thanh pho Can Tho", scope="Tỉnh, thành phố", territory=""),  # 7: near-duplicate
           row("Hội Nhà báo thành phố Cần Thơ", scope="tinh", territory="Cần Thơ", status="Bị đình chỉ hoạt động",
               field="Nghề nghiệp"),                                                       # 8: status differs
           row("Hội Bơi lội phường An Bình", members="12,5", status="Đã giải thể",
               email="khong-phai-email", phone="gọi chị Lan"),                             # 9: 4 errors
           row("Hội Cờ tướng phường An Bình", scope="Ấp", members=99_999_999, number="")]  # 10: 3 errors
    result = _run(users, _xlsx(tmp_path, bad), dry_run=False)
    found = {(e.row, e.column) for e in result.errors}
    c = COLUMNS
    assert {(5, c["name"]), (5, c["members"]), (6, c["name"]), (6, c["field"]), (6, c["territory"]),
            (6, c["decision_date"]), (7, c["name"]), (8, c["status"]), (9, c["members"]), (9, c["status"]),
            (9, c["email"]), (9, c["phone"]), (10, c["scope_level"]), (10, c["members"]),
            (10, c["decision_number"])} <= found
    assert not any(e.row in (2, 3, 4) for e in result.errors), result.errors
    text = " ".join(str(e) for e in result.errors)
    assert "31/02/2024" in text and "dòng 2" in text and "Hội Khuyến học thành phố Cần Thơ" in text
    assert (Association.objects.count(), Unit.objects.count(), AuditEntry.objects.count()) == before


def test_missing_columns_and_wrong_type_by_content(users, tmp_path):
    result = _run(users, _xlsx(tmp_path, GOOD, header=HEADER[:2] + HEADER[5:]))
    assert {e.column for e in result.errors} == {COLUMNS["field"], COLUMNS["scope_level"], COLUMNS["territory"]}
    assert all(e.row == 1 for e in result.errors)  # optional columns (email ...) may be left out
    pdf = tmp_path / "danh-ba.xlsx"
    pdf.write_bytes(b"%PDF-1.7 not a spreadsheet")
    assert "PDF" in _run(users, pdf).errors[0].message
    renamed = _xlsx(tmp_path, GOOD, name="danh-ba.csv")  # an .xlsx saved under a .csv name
    assert "Excel" in _run(users, renamed).errors[0].message
    text = tmp_path / "danh-ba2.xlsx"
    text.write_text("Tên hội;Lĩnh vực\n", encoding="utf-8")
    assert "văn bản" in _run(users, text).errors[0].message


def test_commit_then_reimport_updates_without_duplicates(users, tmp_path):
    path = _xlsx(tmp_path, GOOD)
    dry = _run(users, path)
    assert dry.ok and (dry.rows, dry.created, dry.updated) == (3, 3, 0)
    assert not Association.objects.filter(name=GOOD[0][0]).exists()
    done = _run(users, path, dry_run=False)
    assert done.ok and done.created == 3
    a = Association.objects.select_related("unit__parent", "territory", "field").get(name=GOOD[0][0])
    ward = AdminUnit.objects.get(name="Phường An Bình", parent__code="92")
    assert (a.territory, a.field.code, a.members_individual, a.website) == (ward, "other", 1250, "https://caycanh.vn")
    assert a.unit.parent.area == ward and a.unit.path == tree_path(a.unit.parent.path, a.unit.pk)
    assert a.name_sort and a.name_folded == "hoi cay canh phuong an binh"
    poets = Association.objects.select_related("unit__parent", "managing_agency").get(name=GOOD[1][0])
    assert poets.status == "suspended" and poets.special_status and poets.managing_agency.name == "Sở Nội vụ"
    assert poets.unit.parent.kind == "fatherland_front"
    bees = Association.objects.get(name=GOOD[2][0])
    assert bees.status == "committee_recognised" and bees.dossier is not None
    entry = AuditEntry.objects.filter(action="associations.register.imported").latest("id")
    assert entry.actor == users["noivu"] and entry.changes["created"] == [None, 3]
    assert "caycanh" not in str(entry.changes) + entry.note  # counts only, never row values

    changed = [list(r) for r in GOOD]
    changed[0][11] = 1300
    again = _run(users, _xlsx(tmp_path, changed), dry_run=False)
    assert (again.created, again.updated) == (0, 3) and Association.objects.filter(name=GOOD[0][0]).count() == 1
    a.refresh_from_db()
    assert a.members_individual == 1300 and a.version == 2


def test_csv_streamed_with_semicolons(users, tmp_path):
    text = ";".join(HEADER) + "\n" + ";".join(str(v) for v in GOOD[0]) + "\n"
    path = tmp_path / "danh-ba.csv"
    path.write_bytes(("\ufeff" + text).encode())
    result = _run(users, path, dry_run=False)
    assert result.ok and Association.objects.filter(name=GOOD[0][0]).exists()


def test_only_the_department_imports(users, tmp_path):
    for who in ("canbonoivu", "dandan", "hoi.khuyenhoc"):
        with pytest.raises(PermissionDenied):
            _run(users, _xlsx(tmp_path, GOOD), who=who)
    assert _run(users, _xlsx(tmp_path, GOOD), who="quantri").ok


def test_template_is_a_valid_import(users, tmp_path):
    path = tmp_path / "mau.xlsx"
    path.write_bytes(register_template())
    assert [c.value for c in next(load_workbook(path).active.iter_rows(max_row=1))] == HEADER
    result = _run(users, path)
    assert result.ok and result.rows == 2


def _large(tmp_path, n):
    """n rows (write-only mode: the test itself stays flat too), all new, spread over the 103 communes."""
    from openpyxl import Workbook as W

    wards = list(AdminUnit.objects.filter(parent__code="92", valid_to__isnull=True).values_list("code", flat=True))
    book = W(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADER)
    for i in range(n):
        sheet.append(row(f"Hội Thử nghiệm số {i}", territory=wards[i % len(wards)], members=i % 5000,
                         number=f"{i}/QĐ-UBND"))
    path = tmp_path / "lon.xlsx"
    book.save(path)
    return path


def test_large_file_is_checked_and_written_in_chunks(users, tmp_path):
    """20,000 rows, to keep the suite reasonable. Speed and memory are the benchmarks' business
    (`make bench`: bench_imports), never a timed assertion here: a busy machine failed it."""
    path = _large(tmp_path, 20_000)
    dry = _run(users, path)
    assert dry.ok and (dry.rows, dry.created) == (20_000, 20_000)
    done = _run(users, path, dry_run=False)
    assert done.ok and Association.objects.filter(name__startswith="Hội Thử nghiệm số ").count() == 20_000
    assert AuditEntry.objects.filter(action="associations.register.imported").count() == 1


def test_background_job_reports_progress_and_removes_its_file(users, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    path = _xlsx(tmp_path, GOOD)
    job = ImportJob.objects.create(created_by=users["noivu"], filename="danh-ba.xlsx", path=str(path), dry_run=False,
                                   total=3)
    assert job.percent == 0 and not job.finished
    job = register_import_job(job.pk)
    assert (job.status, job.done, job.created, job.percent) == ("done", 3, 3, 100)
    assert not path.exists()
    broken = tmp_path / "x.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken zip")
    job = register_import_job(ImportJob.objects.create(created_by=users["noivu"], filename="x.xlsx",
                                                       path=str(broken)).pk)
    assert job.status == "failed" and "Excel" in job.errors[0]["message"]


def test_pages_upload_check_and_poll(login, users, tmp_path):
    page = login("noivu")
    assert page.get("/hoi/nhap-danh-ba/").status_code == 200
    template = page.get("/hoi/nhap-danh-ba/mau.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"
    with open(_xlsx(tmp_path, [*GOOD, row("", day="31/02/2024")]), "rb") as f:
        response = page.post("/hoi/nhap-danh-ba/", {"file": f, "commit": "on"})
    assert response.status_code == 302
    job = ImportJob.objects.latest("id")
    shown = page.get(response["Location"])
    assert shown.status_code == 200 and "31/02/2024" in shown.content.decode() and job.status == "failed"
    partial = page.get(response["Location"], headers={"HX-Request": "true"})
    assert b"<html" not in partial.content and b'data-status="failed"' in partial.content
    assert not Association.objects.filter(name=GOOD[0][0]).exists()
    assert login("canbonoivu").get("/hoi/nhap-danh-ba/").status_code == 403
    assert login("dandan").get(response["Location"]).status_code == 403


def test_api_register_import(login, tmp_path):
    client = login("noivu")
    with open(_xlsx(tmp_path, GOOD), "rb") as f:
        ok = client.post("/api/v1/associations/register-import", {"file": f, "dry_run": "true"})
    assert ok.status_code == 200 and ok.json()["created"] == 3 and ok.json()["dry_run"] is True
    with open(_xlsx(tmp_path, [row("", members=-1)]), "rb") as f:
        bad = client.post("/api/v1/associations/register-import", {"file": f, "dry_run": "false"})
    body = bad.json()
    assert bad.status_code == 400 and body["code"] == "invalid" and len(body["errors"]) == 2
    with open(_xlsx(tmp_path, GOOD), "rb") as f:
        assert login("dandan").post("/api/v1/associations/register-import", {"file": f}).status_code == 403
    assert not Association.objects.filter(name=GOOD[0][0]).exists()


def test_empty_rows_skipped_and_empty_file_refused(users, tmp_path):
    result = _run(users, _xlsx(tmp_path, []))
    assert result.errors and "dòng 2" in result.errors[0].message
    with_blank = _run(users, _xlsx(tmp_path, [GOOD[0], [None] * len(HEADER), GOOD[1]]))
    assert with_blank.ok and with_blank.rows == 2


@pytest.mark.parametrize("members", ["abc", "1e3x", True])
def test_impossible_counts(users, tmp_path, members):
    result = _run(users, _xlsx(tmp_path, [row("Hội Đếm số", members=members)]))
    assert [e.column for e in result.errors] == [COLUMNS["members"]]





def test_imported_units_get_zero_padded_paths_like_the_rest_of_the_tree(users, tmp_path):
    """orgs.models.tree_path pads every step to PATH_WIDTH digits so that text order is tree order; units
    created by the import must too, or they sort before their older siblings and break subtree order."""
    from sohoi.orgs.models import PATH_WIDTH

    assert _run(users, _xlsx(tmp_path, GOOD), dry_run=False).ok
    for name in (GOOD[0][0], GOOD[1][0], GOOD[2][0]):
        unit = Unit.objects.select_related("parent").get(name=name, kind="association")
        assert unit.path == tree_path(unit.parent.path, unit.pk), unit.path
        assert Unit.objects.subtree(unit.parent).filter(pk=unit.pk).exists()
    paths = list(Unit.objects.order_by("path").values_list("path", flat=True))
    assert [p for p in paths if any(len(step) != PATH_WIDTH for step in p.strip("/").split("/"))] == []
