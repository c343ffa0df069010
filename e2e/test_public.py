"""Anyone, without signing in: the public register of operating associations, and the main pages of documents
and associations on an office laptop and on a phone."""

import re

import pytest
from openpyxl import load_workbook

from .conftest import LAPTOP, PHONE, no_horizontal_scroll, shot, sign_in

pytestmark = pytest.mark.e2e

PUBLIC_COLUMNS = ["Tên hội", "Lĩnh vực", "Phạm vi, địa bàn", "Quyết định thành lập", "Trụ sở"]


def test_public_register_without_signing_in(page, tmp_path):
    page.goto("/")
    assert "/dang-nhap/" in page.url
    page.get_by_role("link", name="Tra cứu danh bạ hội").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Danh bạ hội đang hoạt động"
    assert page.get_by_role("link", name="Đăng xuất").count() == 0
    assert page.locator("table thead th").all_inner_texts() == PUBLIC_COLUMNS
    body = page.locator("main").inner_text()
    shown = page.locator("table tbody tr").count()
    total = int(re.search(r"([\d.]+) dòng", body).group(1).replace(".", ""))
    assert total >= 20 and shown == min(total, 50)  # 50 a page
    # Only operating associations: not the merged one, not the suspended one, not branches.
    for absent in ["Hội Chữ thập đỏ huyện Phong Điền", "Hội Sinh vật cảnh thành phố Cần Thơ", "Chi hội"]:
        assert absent not in body
    # Never a leader, a member or a sensitive field.
    for secret in ["Nguyễn Văn An", "Bùi Thu Hải", "Số định danh", "Đảng viên", "Cán bộ theo dõi"]:
        assert secret not in body
    shot(page, "danh-ba-cong-khai")

    # Search without diacritics.
    page.get_by_label("Tên hội (gõ không dấu cũng được)").fill("hoi khuyen hoc")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url("**q=hoi+khuyen+hoc**")
    rows = page.locator("table tbody tr")
    found = rows.count()
    assert found >= 4  # the hand-made ones and synthetic commune associations
    assert all("Khuyến học" in t for t in rows.locator("td:first-child").all_inner_texts())
    assert "1523/QĐ-UBND, 18/06/2004" in rows.filter(has_text="Hội Khuyến học thành phố Cần Thơ").inner_text()

    # The Excel download is the same filtered list, public columns only.
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải danh bạ (Excel)").click()
    path = tmp_path / "danh-ba.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path, read_only=True).active
    table = [r for r in sheet.iter_rows(values_only=True) if any(r)]
    assert len(table) == 1 + found
    assert not {"Số định danh", "Đảng viên", "Điện thoại"} & {str(c) for c in table[0]}


MAIN_PAGES = ["/van-ban/", "/van-ban/1/", "/van-ban/1/theo-doi/", "/van-ban/giao-viec/", "/van-ban/nhiem-vu/1/",
              "/van-ban/tai-len/", "/van-ban/don-doc/", "/van-ban/bao-cao/cho-xem-xet/",
              "/hoi/", "/hoi/1/", "/hoi/1/hoi-vien/", "/hoi/phan-cong/", "/hoi/canh-bao/", "/hoi/quy-dinh/",
              "/hoi/danh-ba/"]


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_documents_and_associations_pages_fit_the_screen(page, viewport):
    page.set_viewport_size(viewport)
    sign_in(page, "dandan")
    problems = []
    for path in MAIN_PAGES:
        response = page.goto(path)
        assert response.ok, (path, response.status)
        if not no_horizontal_scroll(page):
            problems.append(f"{path}: trang cuộn ngang")
        # Every table sits in a .table-wrap that scrolls inside itself, never wider than the screen.
        loose = page.evaluate("""() => [...document.querySelectorAll('main table')]
            .filter(t => !t.closest('.table-wrap')).length""")
        if loose:
            problems.append(f"{path}: {loose} bảng không nằm trong .table-wrap")
        wide = page.evaluate("""() => [...document.querySelectorAll('main .table-wrap')]
            .filter(w => w.getBoundingClientRect().right > window.innerWidth + 1).length""")
        if wide:
            problems.append(f"{path}: khung bảng rộng hơn màn hình")
    assert not problems, problems


def test_board_and_association_page_on_a_phone(page):
    page.set_viewport_size(PHONE)
    sign_in(page, "thuongtruc")
    page.goto("/van-ban/1/theo-doi/")
    assert no_horizontal_scroll(page)
    wrap = page.locator(".table-wrap").first
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # the table scrolls inside its frame
    shot(page, "dien-thoai-theo-doi-752", full_page=False)
    page.goto("/hoi/1/")
    assert no_horizontal_scroll(page)
    assert page.get_by_role("tab", name="Lãnh đạo").is_visible()
    shot(page, "dien-thoai-trang-hoi", full_page=False)
