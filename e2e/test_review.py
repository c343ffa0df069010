"""The review screen can fix anything (issue 15): Ban Dân vận splits a task the parser merged, adds one it
missed, maps an unknown name to a unit (taught as an alias for this issuer), sees the warnings follow the
edits, checks the list of units with their parents, confirms; the next letter of the same issuer resolves
the name by itself and says so."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e

HEADER = """THÀNH ỦY CẦN THƠ
*
Số {code}
V/v tổng kết công tác hội quần chúng năm 2026

ĐẢNG CỘNG SẢN VIỆT NAM

Cần Thơ, ngày 02 tháng 3 năm 2026

Kính gửi: Các hội quần chúng thành phố.

Ban Thường vụ Thành ủy yêu cầu:

"""
# Item 1 holds two duties for two bodies (the parser keeps them as one); item 2 names a body by an old name.
LETTER = HEADER.format(code="815-CV/TU") + """1. Ban Dân vận Thành ủy chủ trì tổng kết công tác hội quần chúng năm \
2026, hoàn thành trước ngày 15/12/2026. Sở Nội vụ rà soát điều lệ các hội, hoàn thành trước ngày 30/9/2026.

2. Ban Tuyên huấn chủ trì tuyên truyền kết quả tổng kết trên báo, đài của thành phố.

Nơi nhận:
- Như trên,
- Lưu Văn phòng Thành ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Văn Bình
"""
NEXT = HEADER.format(code="816-CV/TU") + """1. Ban Tuyên huấn chủ trì biên soạn tài liệu tuyên truyền về các \
hội quần chúng, hoàn thành trước ngày 30/6/2026.

Nơi nhận:
- Lưu Văn phòng Thành ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Văn Bình
"""


def _upload(page, tmp_path, name: str, text: str) -> None:
    letter = tmp_path / name
    letter.write_text(text, encoding="utf-8")
    page.goto("/van-ban/tai-len/")
    page.get_by_label("Tệp văn bản").set_input_files(str(letter))
    page.get_by_role("button", name="Đọc và vào sổ").click()
    page.wait_for_url("**/duyet/")


def test_clerk_splits_a_merged_task_adds_a_missing_one_and_fixes_an_alias(page, tmp_path):
    sign_in(page, "dandan")
    _upload(page, tmp_path, "815-CV-TU.txt", LETTER)
    tasks = page.locator("fieldset[id^=task-]")
    assert tasks.count() == 2
    warnings = page.locator("#review-warnings")
    assert "Nhiệm vụ 2: chưa xác định đơn vị chủ trì" in warnings.inner_text()

    # Split item 1 where the second duty starts: a line break in the text, then "Tách".
    first = tasks.nth(0)
    text = first.get_by_label("Nội dung").input_value()
    cut = text.index("Sở Nội vụ")
    first.get_by_label("Nội dung").fill(text[:cut].strip() + "\n" + text[cut:])
    shot_of(first, "duyet-tach-nhiem-vu")
    with page.expect_navigation():
        first.get_by_role("button", name="Tách").click()
    assert tasks.count() == 3
    second = tasks.nth(1)
    assert second.get_by_label("Nội dung").input_value().startswith("Sở Nội vụ rà soát điều lệ")
    assert not tasks.nth(0).get_by_label("Nội dung").input_value().endswith("30/9/2026.")
    # The new task took the first one's lead and deadline; the clerk gives it its own.
    second.get_by_label("Ban Dân vận Thành ủy").select_option(label="· Sở Nội vụ")
    second.get_by_label("Hạn hoàn thành").fill("30/09/2026")

    # Fix the alias: the old name "Ban Tuyên huấn" is the Propaganda Board today. The warning about it goes
    # as soon as the unit is chosen (the warnings follow the edits without a reload).
    third = tasks.nth(2)
    third.get_by_label("Ban Tuyên huấn").select_option(label="· Ban Tuyên giáo Thành ủy")
    expect(page.locator("#review-warnings")).not_to_contain_text("Nhiệm vụ 2:")
    shot_of(third, "duyet-sua-ten-don-vi")

    # Add the task the parser missed (the letter's last lines ask the Front to take part).
    with page.expect_navigation():
        page.get_by_role("button", name="Thêm nhiệm vụ", exact=True).click()
    assert tasks.count() == 4
    added = tasks.nth(3)
    added.get_by_label("Nội dung").fill("Mặt trận Tổ quốc thành phố phối hợp tổng kết, đánh giá vai trò của các hội.")
    added.get_by_label("Thêm hoặc sửa đơn vị chủ trì").select_option(
        label="Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")
    added.get_by_label("Hạn hoàn thành").fill("31/10/2026")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu bản duyệt", exact=True).last.click()
    assert "Đã lưu bản duyệt" in flash(page)
    assert tasks.nth(3).get_by_label("Hạn hoàn thành").input_value() == "31/10/2026"
    assert tasks.nth(1).get_by_label("Hạn hoàn thành").input_value() == "30/09/2026"
    # The mapped name now shows as chosen by a person, with the unit's full path.
    assert "Thành ủy Cần Thơ › Ban Tuyên giáo Thành ủy" in tasks.nth(2).inner_text()

    # Before confirming: every unit that will get work, with its parent.
    recipients = page.locator("#review-recipients")
    rows = recipients.locator("tbody tr")
    names = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert names == ["Ban Dân vận Thành ủy", "Sở Nội vụ", "Ban Tuyên giáo Thành ủy",
                     "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"]
    assert "Ủy ban nhân dân thành phố Cần Thơ" in rows.nth(1).inner_text()
    assert "Không còn điều gì cần kiểm tra" in page.locator("#review-warnings").inner_text()
    shot(page, "duyet-truoc-khi-xac-nhan")
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận và giao việc").click()
    assert re.search(r"/van-ban/\d+/(#.*)?$", page.url), flash(page)
    assert "Đã xác nhận 4 nhiệm vụ" in flash(page)

    # The next letter of the same issuer: the name resolves by itself, shown as a learned name.
    _upload(page, tmp_path, "816-CV-TU.txt", NEXT)
    only = page.locator("fieldset[id^=task-]").nth(0)
    assert only.get_by_label("Ban Tuyên huấn").locator("option:checked").inner_text().strip() \
        == "· Ban Tuyên giáo Thành ủy"
    assert "tên đã học cho văn bản của Thành ủy Cần Thơ" in only.inner_text()
    assert "theo mặc định" not in only.inner_text()  # the letter gives its deadline
    shot_of(only, "duyet-ten-da-hoc")
