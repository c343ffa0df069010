"""Cán bộ hội files the year's finances and yearly report through the web; the officer who follows the
association accepts the report, and the association sees it accepted (issue 12)."""

import datetime
import re

import pytest

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e

ASSOCIATION = "Hội Khuyến học thành phố Cần Thơ"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_association_files_finances_and_report_and_the_officer_accepts(page, page_as):
    year = datetime.date.today().year
    sign_in(page, "hoi.khuyenhoc")
    page.goto("/hoi/")
    page.get_by_role("link", name=ASSOCIATION).click()
    page.get_by_role("tab", name="Hoạt động, tài chính").click()
    page.get_by_role("link", name="Mở trang hoạt động của hội").click()
    assert page.get_by_role("heading", level=1).inner_text() == ASSOCIATION

    page.get_by_role("link", name="Báo cáo tài chính năm").click()
    page.get_by_label("Năm tài chính").fill(str(year))
    page.get_by_label("Hội phí (đồng)").fill("400000000")
    page.get_by_label("Tài trợ, ủng hộ (đồng)").fill("2500000000")
    page.get_by_label("Hỗ trợ của Nhà nước (đồng)").fill("400000000")
    page.get_by_label("Tổng thu (đồng)").fill("3200000000")  # 100 million short of the lines
    page.get_by_label("Chi hoạt động, chương trình (đồng)").fill("2000000000")
    page.get_by_label("Chi lương, phụ cấp (đồng)").fill("900000000")
    page.get_by_label("Tổng chi (đồng)").fill("2900000000")
    page.get_by_label("Số người làm việc hưởng lương").fill("9")
    page.get_by_label("Trong đó: hưởng lương từ ngân sách Nhà nước").fill("3")
    page.get_by_role("button", name="Lưu").click()
    assert "chênh 100.000.000 đồng" in page.locator("form.card").inner_text()  # named, nothing stored
    page.get_by_label("Tổng thu (đồng)").fill("3300000000")
    shot_of(page.locator("form.card"), "hoat-dong-tai-chinh")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã ghi báo cáo tài chính." in flash(page)
    totals = page.locator("#finance table tbody tr").filter(has_text=str(year))
    assert re.search(r"3\.300\.000\.000", totals.inner_text())

    page.get_by_role("link", name="Nộp báo cáo năm").click()
    page.get_by_label("Năm báo cáo").fill(str(year))
    page.get_by_label("Kết quả hoạt động chính").fill("Trao 1.250 suất học bổng; 312 dòng họ học tập.")
    page.get_by_label("Tệp báo cáo").set_input_files({"name": "bao-cao-nam.pdf", "mimeType": "application/pdf",
                                                     "buffer": PDF})
    page.get_by_role("button", name="Lưu").click()
    assert "Đã nộp báo cáo năm." in flash(page)
    report_url = page.url
    assert "Đã nộp, chờ xem xét" in page.locator("[data-status]").inner_text()

    officer = page_as("canbonoivu")
    officer.goto(report_url)
    shot(officer, "hoat-dong-bao-cao-nam-xem-xet")
    officer.get_by_role("button", name="Chấp nhận").click()
    assert "Đã ghi." in flash(officer)
    assert officer.locator("[data-status]").inner_text() == "Đã chấp nhận"

    page.goto(report_url)
    assert page.locator("[data-status]").inner_text() == "Đã chấp nhận"
    page.goto("/thong-bao/")
    assert f"Báo cáo năm {year} của {ASSOCIATION} đã được chấp nhận" in page.locator("main").inner_text()
