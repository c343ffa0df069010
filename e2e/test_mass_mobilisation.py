"""Ban Dân vận Thành ủy (mass mobilisation board): put a Party letter into the register, check and correct the
tasks Sổ Hội read from it, confirm them so that every assigned body gets its assignment, and urge a unit whose
work is overdue."""

import re

import pytest

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e

# A synthetic letter in the shape of 752-CV/TU: four numbered duties; item 3 names a body that does not
# exist ("Ban Nội chính Thành ủy"), so the clerk must map it to a unit; item 4 goes to a group of units.
LETTER_801 = """THÀNH ỦY CẦN THƠ
*
Số 801-CV/TU
V/v sơ kết thực hiện Chỉ thị số 17-CT/TW của Ban Bí thư

ĐẢNG CỘNG SẢN VIỆT NAM

Cần Thơ, ngày 05 tháng 11 năm 2026

Kính gửi: - Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy,
- Các hội quần chúng thành phố.

Để sơ kết việc thực hiện Chỉ thị 17-CT/TW, Thường trực Thành ủy yêu cầu các cơ quan, đơn vị thực hiện tốt \
một số nhiệm vụ sau:

1 - Giao Ban Dân vận Thành ủy chủ trì, phối hợp với Ban Tuyên giáo Thành ủy xây dựng đề cương sơ kết, hoàn \
thành trước ngày 15/12/2026.

2 - Sở Nội vụ rà soát, thống kê các hội quần chúng đang hoạt động trên địa bàn thành phố, hoàn thành trước \
ngày 31/12/2026.

3 - Giao Ban Nội chính Thành ủy theo dõi việc kiện toàn tổ chức đảng trong các hội, hoàn thành trước ngày \
31/01/2027.

4 - Các hội quần chúng báo cáo kết quả thực hiện Chỉ thị về Ban Dân vận Thành ủy, định kỳ hằng quý.

Nơi nhận :
- Như trên
- Lưu

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Trần Thanh Mẫn
"""

# A letter that cites the registered 752-CV/TU the way real letters do: by the body that signed it.
LETTER_802 = """THÀNH ỦY CẦN THƠ
*
Số 802-CV/TU
V/v báo cáo kết quả thực hiện Công văn 752-CV/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Cần Thơ, ngày 10 tháng 11 năm 2026

Kính gửi: - Sở Nội vụ.

Thực hiện Công văn số 752-CV/TU ngày 12/10/2012 của Ban Thường vụ Thành ủy, Thường trực Thành ủy đề nghị:

1 - Sở Nội vụ báo cáo kết quả phân công cán bộ theo dõi các hội quần chúng, hoàn thành trước ngày 31/12/2026.

Nơi nhận :
- Như trên
- Lưu

Trần Thanh Mẫn
"""


def _upload(page, tmp_path, name: str, text: str) -> None:
    letter = tmp_path / name
    letter.write_text(text, encoding="utf-8")
    page.goto("/van-ban/")
    page.get_by_role("link", name="Tải lên văn bản").click()
    page.get_by_label("Tệp văn bản").set_input_files(str(letter))
    page.get_by_role("button", name="Đọc và vào sổ").click()
    page.wait_for_url("**/duyet/")


def _count(cell) -> int:
    return int(cell.inner_text().strip())


def test_board_uploads_a_letter_corrects_a_lead_confirms_and_sees_the_assignments(page, tmp_path):
    sign_in(page, "dandan")
    _upload(page, tmp_path, "801-CV-TU.txt", LETTER_801)

    # The review screen: four proposed tasks; the unknown body is highlighted for a person to map.
    assert "Đã vào sổ văn bản" in flash(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Duyệt nhiệm vụ – Công văn 801-CV/TU"
    tasks = page.locator("fieldset[id^=task-]")
    assert tasks.count() == 4
    assert tasks.nth(0).get_by_label("Ban Dân vận Thành ủy").locator("option:checked").inner_text().strip() \
        == "· Ban Dân vận Thành ủy"
    assert tasks.nth(0).get_by_label("Ban Tuyên giáo Thành ủy").locator("option:checked").inner_text().strip() \
        == "· Ban Tuyên giáo Thành ủy"
    assert tasks.nth(0).get_by_label("Hạn hoàn thành").input_value() == "15/12/2026"
    assert tasks.nth(3).get_by_label("Định kỳ báo cáo").locator("option:checked").inner_text() == "Hằng quý"
    third = tasks.nth(2)
    assert "Cần chọn đơn vị" in third.locator("legend").inner_text()
    assert third.locator("mark").inner_text() == "Ban Nội chính Thành ủy"
    assert page.locator("fieldset.unresolved").count() == 1  # only item 3 needs a person
    shot(page, "ban-dan-van-duyet-nhiem-vu")

    # Correct the lead of item 3: the letter means the Party Organisation Board.
    third.get_by_label("Ban Nội chính Thành ủy").select_option(label="· Ban Tổ chức Thành ủy")
    shot_of(third, "ban-dan-van-sua-don-vi-chu-tri")
    page.get_by_role("button", name="Xác nhận và giao việc").click()
    page.wait_for_url(re.compile(r"/van-ban/\d+/$"))

    # The document page rolls the new tasks up, one row per task, one count per assigned unit.
    assert "Đã xác nhận 4 nhiệm vụ và giao việc cho các đơn vị." in flash(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Công văn 801-CV/TU"
    rollup = page.locator("#panel-tasks table")
    rows = rollup.locator("tbody tr")
    assert rows.count() == 4
    leads = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(4)]
    assert leads == ["Ban Dân vận Thành ủy", "Sở Nội vụ", "Ban Tổ chức Thành ủy", "Các hội quần chúng"]
    totals = [_count(rows.nth(i).locator("td").last) for i in range(4)]
    assert totals[:3] == [1, 1, 1]
    assert totals[3] >= 20  # "Các hội quần chúng" fanned out to one assignment per association
    not_started = [_count(rows.nth(i).locator("td").nth(2)) for i in range(4)]
    assert not_started == totals  # nothing has been reported yet
    assert _count(rollup.locator("tfoot td").last) == sum(totals)
    assert page.get_by_text("801-CV/TU Công văn · Thành ủy Cần Thơ · 05/11/2026").count() == 1  # in the tree
    shot(page, "ban-dan-van-van-ban-da-giao-viec")

    # Follow the count of item 4 to the assignments behind it: one per association, via the group.
    rows.nth(3).locator("td").last.get_by_role("link").click()
    page.wait_for_url("**/giao-viec/?*")
    assert page.locator("main").get_by_text(f"{totals[3]} dòng").count() == 1
    body = page.locator("table tbody tr")
    assert body.count() == min(totals[3], 50)  # 50 a page
    assert body.filter(has_text="Chưa triển khai").count() == body.count()

    # The task page shows each assignee and how it was assigned.
    page.go_back()
    rows.nth(3).get_by_role("link", name="4.").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Nhiệm vụ 4 – Công văn 801-CV/TU"
    assert "Hằng quý" in page.locator("main").inner_text()
    assert page.get_by_text("qua nhóm Các hội quần chúng").count() == totals[3]
    shot(page, "ban-dan-van-nhiem-vu-giao-cho-cac-hoi")


def test_a_letter_citing_752_links_the_registered_letter(page, tmp_path):
    sign_in(page, "dandan")
    _upload(page, tmp_path, "802-CV-TU.txt", LETTER_802)
    page.goto("/van-ban/?q=752-CV%2FTU")
    codes = page.locator("table tbody tr td:first-child").all_inner_texts()
    assert [c.strip() for c in codes].count("752-CV/TU") == 1, codes  # linked, not a second 752-CV/TU


def test_board_urges_a_unit_with_overdue_work(page):
    sign_in(page, "dandan")
    page.goto("/van-ban/")
    page.get_by_role("link", name="Đôn đốc", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Đôn đốc đơn vị có việc quá hạn"
    row = page.locator("table tbody tr", has_text="Ban Dân vận Thành ủy")
    assert "752-CV/TU – 6" in row.inner_text()
    overdue = int(row.locator("td").nth(1).inner_text())
    assert overdue >= 1
    shot(page, "ban-dan-van-don-doc")

    row.get_by_role("button", name="Gửi nhắc").click()
    assert "Đã gửi 1 thông báo đôn đốc." in flash(page)
    shot(page, "ban-dan-van-da-gui-nhac", full_page=False)
    # Once a day per unit: a second click sends nothing, and says so.
    page.locator("table tbody tr", has_text="Ban Dân vận Thành ủy").get_by_role("button", name="Gửi nhắc").click()
    assert "Không có thông báo nào được gửi" in flash(page)

    # The unit's users see the urge among their notifications.
    page.get_by_role("link", name=re.compile("Thông báo")).click()
    assert page.get_by_text(re.compile(r"Đôn đốc – Quá hạn: Công văn 752-CV/TU – nhiệm vụ 6")).count() >= 1

    # The overdue count leads to the list of those assignments.
    page.goto("/van-ban/don-doc/")
    page.locator("table tbody tr", has_text="Ban Dân vận Thành ủy").locator("td").nth(1).get_by_role("link").click()
    assert page.locator("table tbody tr").count() == overdue
    assert page.locator("table tbody tr").first.inner_text().count("Chưa hoàn thành, quá hạn") == 1
