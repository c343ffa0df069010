"""Cán bộ hội (an association's own staff): keep the leadership up to date and import the member roster from
the Excel template, seeing every bad row named before anything is written."""

import re

import pytest
from openpyxl import load_workbook

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e

ASSOCIATION = "Hội Khuyến học thành phố Cần Thơ"
NEW_MEMBERS = [
    # Họ và tên, Giới tính, Năm sinh, Số định danh, Điện thoại, Loại hội viên, Ngày vào hội, Chi hội, Đảng viên
    ["Trịnh Bảo Ngọc", "Nữ", 1991, "092191000111", "0912000111", "Cá nhân", "12/01/2024", "", "Không"],
    ["La Văn Phước", "Nam", 1968, "092068000222", "0912000222", "Cá nhân", "31/02/2024", "", "Có"],
    ["Công ty TNHH Sách Tây Đô", "Khác", None, "", "02923800999", "Tổ chức", "05/03/2024", "", "Không"],
]


def _open_own_association(page) -> None:
    page.goto("/hoi/")
    rows = page.locator("table tbody tr")
    # An association's staff see their own association and its branches, nothing else.
    names = {re.sub(r"\s+(đặc thù|chi hội)$", "", rows.nth(i).locator("td").first.inner_text().strip())
             for i in range(rows.count())}
    assert names == {ASSOCIATION, "Chi hội Khuyến học Trường THPT Châu Văn Liêm"}
    page.get_by_role("link", name=ASSOCIATION).click()
    assert page.get_by_role("heading", level=1).inner_text() == ASSOCIATION


def test_association_records_a_new_president_and_reports_it(page):
    sign_in(page, "hoi.khuyenhoc")
    _open_own_association(page)
    page.get_by_role("tab", name="Lãnh đạo").click()
    leaders = page.locator("#panel-leaders tbody tr")
    old = leaders.filter(has_text="Chủ tịch").filter(has_not_text="Phó Chủ tịch")
    assert old.count() == 1 and "Nguyễn Văn An" in old.inner_text()

    page.get_by_role("link", name="Thêm lãnh đạo").click()
    page.get_by_label("Họ và tên").fill("Phan Thị Ngọc Lan")
    page.get_by_label("Chức danh").select_option(label="Chủ tịch")
    page.get_by_label("Giới tính").select_option(label="Nữ")
    page.get_by_label("Năm sinh").fill("1970")
    page.get_by_label("Từ ngày").fill("2026-10-20")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã ghi lãnh đạo hội." in flash(page)

    page.get_by_role("tab", name="Lãnh đạo").click()
    leaders = page.locator("#panel-leaders tbody tr")
    new = leaders.filter(has_text="Phan Thị Ngọc Lan")
    assert re.search(r"Phan Thị Ngọc Lan\s+Chủ tịch\s+20/10/2026\s+—\s+—", new.inner_text())
    # The previous president stepped down the day before, automatically.
    old = leaders.filter(has_text="Nguyễn Văn An")
    assert re.search(r"Nguyễn Văn An\s+Chủ tịch\s+20/09/2022\s+19/10/2026", old.inner_text())

    # Report the change to the managing agency.
    new.locator("input[data-date]").fill("25/10/2026")
    new.get_by_role("button", name="Đã báo cáo").click()
    assert "Đã cập nhật." in flash(page)
    page.get_by_role("tab", name="Lãnh đạo").click()
    new = page.locator("#panel-leaders tbody tr", has_text="Phan Thị Ngọc Lan")
    assert re.search(r"20/10/2026\s+—\s+25/10/2026", new.inner_text())
    shot_of(page.locator("#panel-leaders"), "hoi-lanh-dao")


def test_association_imports_a_roster_with_one_bad_row_then_fixes_it(page, tmp_path):
    sign_in(page, "hoi.khuyenhoc")
    _open_own_association(page)
    before = int(re.match(r"[\d.]+", page.locator("dd", has_text="theo danh sách hội viên").inner_text())
                 .group().replace(".", ""))

    page.get_by_role("tab", name="Hội viên").click()
    page.get_by_role("link", name="Nhập từ Excel/CSV").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu").click()
    template = tmp_path / "mau.xlsx"
    download.value.save_as(template)

    # Fill the template as a clerk would: replace the example row with three members; one date is impossible.
    book = load_workbook(template)
    sheet = book.active
    assert [c.value for c in sheet[1]][:3] == ["Họ và tên", "Giới tính", "Năm sinh"]
    sheet.delete_rows(2, sheet.max_row)
    for row in NEW_MEMBERS:
        sheet.append(row)
    roster = tmp_path / "hoi-vien.xlsx"
    book.save(roster)

    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV").set_input_files(str(roster))
    page.get_by_role("button", name="Tải lên").click()  # a dry run: "Ghi vào hệ thống" left unticked
    # The import is a background job (the worker `sohoi runserver` started); its page polls until it is over.
    result = page.locator("section[role=status][data-status=failed]")
    result.wait_for()
    assert "1 lỗi" in result.inner_text() and "Chưa ghi gì vào hệ thống." in result.inner_text()
    errors = result.locator("tbody tr")
    assert errors.count() == 1
    cells = errors.first.locator("td").all_inner_texts()
    assert cells[0] == "3" and cells[1] == "Ngày vào hội"  # the spreadsheet row of La Văn Phước
    assert "31/02/2024" in cells[2]
    shot(page, "hoi-nhap-hoi-vien-co-loi")

    # Nothing was written.
    import_url = page.url
    page.goto(page.url.replace("/nhap/", "/"))
    assert page.get_by_text("La Văn Phước").count() == 0

    # Fix the date, import for real.
    sheet.cell(row=3, column=7, value="28/02/2024")
    book.save(roster)
    # Signed-in pages are not stored (Cache-Control: no-store), so the browser's Back refetches: open the
    # import page again instead.
    page.goto(import_url)
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV").set_input_files(str(roster))
    page.get_by_label("Ghi vào hệ thống nếu không có lỗi").check()
    page.get_by_role("button", name="Tải lên").click()
    page.wait_for_url(re.compile(r"/hoi/\d+/hoi-vien/$"))
    assert "Đã nhập 3 dòng: 3 mới, 0 cập nhật." in flash(page)
    assert page.get_by_text(f"{before + 3} dòng").count() == 1
    for name in ("Trịnh Bảo Ngọc", "La Văn Phước", "Công ty TNHH Sách Tây Đô"):
        assert page.locator("table tbody tr", has_text=name).count() == 1
    assert "28/02/2024" in page.locator("table tbody tr", has_text="La Văn Phước").inner_text()
    shot(page, "hoi-danh-sach-hoi-vien")

    # Importing the same file again updates; it does not duplicate.
    page.goto(page.url + "nhap/")
    page.get_by_label("Tệp Excel (.xlsx) hoặc CSV").set_input_files(str(roster))
    page.get_by_label("Ghi vào hệ thống nếu không có lỗi").check()
    page.get_by_role("button", name="Tải lên").click()
    assert "Đã nhập 3 dòng: 0 mới, 3 cập nhật." in flash(page)
    assert page.get_by_text(f"{before + 3} dòng").count() == 1
