"""Roster import: dry run lists every error (row, column, fix), nothing written until the file is clean,
re-import updates instead of duplicating."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from sohoi.associations import services
from sohoi.associations.models import Member
from sohoi.associations.services.roster import COLUMNS
from sohoi.core.models import AuditEntry

HEADER = list(COLUMNS.values())
GOOD = [["Lê Văn Một", "Nam", 1980, "092080001111", "0901000001", "Cá nhân", "05/09/2023", "", "Có"],
        ["Trần Thị Hai", "Nữ", 1990, "092090002222", "", "Danh dự", "2024-01-15",
         "Chi hội Khuyến học Trường THPT Châu Văn Liêm", "Không"]]


def _xlsx(tmp_path, rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    path = tmp_path / "hoi-vien.xlsx"
    book.save(path)
    return path


def _run(users, assoc, path, dry_run=True):
    with open(path, "rb") as f:
        return services.roster_import(actor=users["hoi.khuyenhoc"], association=assoc, upload=f, filename=path.name,
                                      dry_run=dry_run)


@pytest.fixture
def hkh(assoc):
    return assoc("Hội Khuyến học thành phố Cần Thơ")


def test_dry_run_lists_every_error_and_writes_nothing(users, hkh, tmp_path):
    before = Member.objects.count()
    bad = GOOD + [["", "Nữ", 2050, "12345", "", "Cá nhân", "31/02/2024", "Chi hội Không Có", "có lẽ"],
                  ["Lê Văn Một", "Nam", 1980, "092080001111", "", "Vàng", "", "", ""]]
    result = _run(users, hkh, _xlsx(tmp_path, bad), dry_run=False)
    found = {(e.row, e.column) for e in result.errors}
    assert {(4, "Họ và tên"), (4, "Năm sinh"), (4, "Số định danh"), (4, "Ngày vào hội"), (4, "Chi hội"),
            (4, "Đảng viên"), (5, "Số định danh"), (5, "Loại hội viên")} <= found
    messages = " ".join(e.message for e in result.errors)
    assert "31/02" in messages and "dòng 2" in messages  # names the impossible date and the duplicate's first row
    assert Member.objects.count() == before  # all-or-nothing: the good rows were not written either
    assert not any("092080001111" in str(e) for e in result.errors if e.column != "Số định danh")


def test_missing_columns_and_wrong_type(users, hkh, tmp_path):
    result = _run(users, hkh, _xlsx(tmp_path, GOOD, header=HEADER[:3]))
    assert {e.column for e in result.errors} >= {"Số định danh", "Đảng viên"}
    path = tmp_path / "hoi-vien.xls"
    path.write_bytes(b"not excel")
    assert "xlsx" in _run(users, hkh, path).errors[0].message


def test_commit_then_reimport_updates(users, hkh, tmp_path):
    base = hkh.members.count()
    dry = _run(users, hkh, _xlsx(tmp_path, GOOD))
    assert dry.ok and dry.created == 2 and hkh.members.count() == base
    done = _run(users, hkh, _xlsx(tmp_path, GOOD), dry_run=False)
    assert done.ok and hkh.members.count() == base + 2
    m = hkh.members.get(id_number="092090002222")
    assert m.branch.name == "Chi hội Khuyến học Trường THPT Châu Văn Liêm" and m.kind == "honorary"
    changed = [list(GOOD[0]), list(GOOD[1])]
    changed[0][0] = "Lê Văn Một Sửa"
    again = _run(users, hkh, _xlsx(tmp_path, changed), dry_run=False)
    assert (again.created, again.updated) == (0, 2) and hkh.members.count() == base + 2
    assert hkh.members.get(id_number="092080001111").full_name == "Lê Văn Một Sửa"
    entry = AuditEntry.objects.filter(action="associations.member.imported").latest("id")
    assert "092080001111" not in str(entry.changes) + entry.note


def test_csv_with_semicolons_and_bom(users, hkh, tmp_path):
    text = ";".join(HEADER) + "\n" + "Võ Thị Ba;Nữ;1975;;;Cá nhân;01/01/2020;;Không\n"
    path = tmp_path / "hoi-vien.csv"
    path.write_bytes(("\ufeff" + text).encode())
    result = _run(users, hkh, path, dry_run=False)
    assert result.ok and hkh.members.filter(full_name="Võ Thị Ba").exists()


def test_counts_from_roster_replace_reported_counts(hkh):
    from sohoi.associations.selectors import member_counts

    counts = member_counts(hkh)
    assert counts["source"] == "roster" and counts["total"] == hkh.members.count() != hkh.reported_total


def test_staff_of_another_association_cannot_import(users, hkh):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.roster_import(actor=users["hoi.chuthapdo"], association=hkh, upload=io.BytesIO(b""),
                               filename="x.csv")
