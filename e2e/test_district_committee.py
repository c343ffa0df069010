"""A district Party committee (quận ủy, huyện ủy): see the assignments in its area, report progress on its own
work, and see the mass mobilisation board accept the report."""

import re

import pytest

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e


def test_district_committee_sees_the_assignments_in_its_area(page):
    sign_in(page, "quanuy.ninhkieu")
    page.goto("/van-ban/")
    page.get_by_role("link", name="Việc của đơn vị tôi").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Việc của đơn vị đang mở: Quận ủy Ninh Kiều"
    assert page.get_by_text("Đơn vị không có việc nào đang mở.").is_visible()  # its 752 duty is done

    page.goto("/van-ban/")
    page.get_by_role("link", name="Theo dõi phân công").click()
    rows = page.locator("table tbody tr")
    units = {rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())}
    # Only its own work and the work it gave the associations of its district, nothing from elsewhere.
    assert units == {"Quận ủy Ninh Kiều", "Hội Khuyến học quận Ninh Kiều"}
    own = rows.filter(has_text="Quận ủy Ninh Kiều").filter(has_text="752-CV/TU")
    assert own.count() == 1 and "Hoàn thành đúng hạn" in own.inner_text()
    plan = rows.filter(has_text="45-KH/QU")
    assert plan.count() == 3
    assert [plan.nth(i).locator("td").nth(3).inner_text() for i in range(3)] == [
        "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, quá hạn"]
    shot(page, "quan-uy-theo-doi-phan-cong")

    # Filter to what is overdue: the open duty of the district's Hội Khuyến học, and the 2012 letter's task
    # the letter gave no deadline, long past its default one (never "on time" forever).
    page.get_by_label("Tình trạng").select_option(label="Chưa hoàn thành, quá hạn")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**state=open_overdue**")
    assert page.locator("table tbody tr").count() == 2
    assert "Hội Khuyến học quận Ninh Kiều" in page.locator("table tbody").inner_text()

    # The district's own plan, 45-KH/QU, rolls up its three tasks.
    page.goto("/van-ban/")
    page.get_by_role("link", name="45-KH/QU").click()
    assert page.locator("#panel-tasks table tbody tr").count() == 3
    assert page.get_by_text("45-KH/QU Kế hoạch · Quận ủy Ninh Kiều · 05/11/2012").count() == 1


def test_district_committee_reports_progress_and_the_board_accepts_it(page, page_as):
    sign_in(page, "huyenuy.phongdien")
    page.goto("/van-ban/viec-cua-don-vi/")
    rows = page.locator("table tbody tr")
    assert rows.count() == 1
    # The 2012 letter set no deadline; its default one (from the rule table) passed long ago.
    assert "752-CV/TU" in rows.inner_text() and "Chưa hoàn thành, quá hạn" in rows.inner_text()
    rows.get_by_role("link").last.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Huyện ủy Phong Điền"
    earlier = page.locator("article", has_text="Trả lại")
    assert "Bổ sung số cán bộ, đảng viên, hội viên" in earlier.inner_text()  # why the last report came back

    page.get_by_label("Nội dung báo cáo").fill(
        "Đã quán triệt Chỉ thị 17-CT/TW tại 7/7 xã, thị trấn: 412 cán bộ, đảng viên và 1.530 hội viên tham dự.")
    page.get_by_label("Tiến độ (%)").fill("85")
    page.get_by_label("Mốc đã đạt").fill("Quán triệt xong ở các xã")
    shot_of(page.locator("form.card"), "huyen-uy-gui-bao-cao")
    page.get_by_role("button", name="Gửi báo cáo").click()
    assert "Đã gửi báo cáo; cơ quan theo dõi sẽ xem xét." in flash(page)
    mine = page.locator("article", has_text="412 cán bộ").first
    assert "85%" in mine.inner_text() and "Chờ xem xét" in mine.inner_text()
    shot(page, "huyen-uy-bao-cao-cho-xem-xet")

    # The mass mobilisation board finds it in its queue and accepts it.
    board = page_as("dandan")
    board.goto("/van-ban/bao-cao/cho-xem-xet/")
    queued = board.locator("table tbody tr", has_text="Huyện ủy Phong Điền")
    assert "85%" in queued.inner_text()
    shot(board, "ban-dan-van-bao-cao-cho-xem-xet")
    queued.get_by_role("link").first.click()
    report = board.locator("article", has_text="412 cán bộ").first
    report.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill("Số liệu đầy đủ.")
    report.get_by_role("button", name="Chấp nhận").click()
    assert "Đã chấp nhận báo cáo." in flash(board)
    assert board.locator("table tbody tr", has_text="Huyện ủy Phong Điền").count() == 0 or \
        "/cho-xem-xet/" not in board.url

    # Back at the district: the report is accepted, with the board's comment.
    page.reload()
    mine = page.locator("article", has_text="412 cán bộ").first
    assert "Đã chấp nhận" in mine.inner_text()
    assert re.search(r"Ý kiến \(Trịnh Ngọc Diệp, \d\d/\d\d/\d{4}\): Số liệu đầy đủ\.", mine.inner_text())


def test_a_progress_bar_shows_the_reported_percentage(page):
    sign_in(page, "huyenuy.phongdien")
    page.goto("/van-ban/viec-cua-don-vi/")
    page.locator("table tbody tr").first.get_by_role("link").last.click()
    report = page.locator("article", has_text="60%").last
    bar = report.locator("progress.bar")
    assert bar.get_attribute("value") == "60" and bar.get_attribute("max") == "100"
    assert bar.evaluate("b => b.position") == pytest.approx(0.60)  # what the browser draws
