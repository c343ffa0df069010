"""The Standing Committee's figures (issue 13): the home page's six points, a figure followed to its list, the
dashboard with its charts, the periodic report from the web; a district committee drafts its report on
752-CV/TU and its implementing plan, registers the plan and finds it in its outgoing book."""

import re

import pytest

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e


def test_standing_committee_sees_the_six_points_and_writes_the_report(page):
    sign_in(page, "thuongtruc")
    page.goto("/")
    for n in range(1, 7):
        assert page.get_by_role("heading", name=re.compile(rf"^Điểm {n}\.")).count() == 1
    shot(page, "bao-cao-trang-chu-thuongtruc")
    # A figure is the count of the list behind it.
    card = page.locator("section.card", has=page.get_by_role("heading", name=re.compile(r"^Điểm 4\.")))
    figure = int(card.locator("[data-figure]").inner_text())
    card.locator("[data-figure]").click()
    page.wait_for_url(re.compile(r"/hoi/\?"))
    assert f"{figure}" in page.locator("main").inner_text()

    page.goto("/bao-cao/?period=2026")
    assert page.locator("svg.chart").count() >= 3
    assert not page.console_errors  # nothing blocked by the Content-Security-Policy
    shot(page, "bao-cao-bang-so-lieu")

    page.goto("/bao-cao/bao-cao-dinh-ky/")
    page.get_by_label("Kỳ báo cáo").fill("2026-Q3")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_selector("[data-status=done]", timeout=60000)
    shot_of(page.locator("[data-preview]"), "bao-cao-trang-dau")  # the first page, read back from the .docx
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Tải về")).click()
    assert download.value.suggested_filename.endswith(".docx")


def test_district_committee_drafts_its_report_on_752(page):
    sign_in(page, "huyenuy.phongdien")
    page.goto("/van-ban/viec-cua-don-vi/")
    page.locator("main table tbody tr td:nth-child(2) a").first.click()
    with page.expect_download() as download:
        page.locator("[data-unit-draft]").click()
    assert download.value.suggested_filename.startswith("du-thao-bao-cao-")


def test_district_committee_drafts_its_report_and_its_implementing_plan_on_752(page):
    sign_in(page, "quanuy.ninhkieu")
    page.goto("/van-ban/")
    page.locator("main table").get_by_role("link", name="752-CV/TU").first.click()
    page.wait_for_url(re.compile(r"/van-ban/\d+/$"))
    with page.expect_download() as report:
        page.locator("[data-unit-draft]").click()
    assert report.value.suggested_filename.startswith("du-thao-bao-cao-")

    page.locator("[data-plan-draft]").click()
    page.wait_for_url(re.compile(r"/bao-cao/ke-hoach/van-ban/\d+/"))
    preview = page.locator("[data-preview]")
    assert "KẾ HOẠCH" in preview.inner_text() and "QUẬN ỦY NINH KIỀU" in preview.inner_text()
    assert not page.console_errors
    shot_of(preview, "quan-uy-du-thao-ke-hoach")
    with page.expect_download() as plan:
        page.get_by_role("button", name="Tải dự thảo kế hoạch (Word)").click()
    assert plan.value.suggested_filename.startswith("du-thao-ke-hoach-")

    page.get_by_role("button", name="Vào sổ và ban hành kế hoạch này").click()
    page.wait_for_url(re.compile(r":\d+/van-ban/\d+/$"))  # the new plan's page, not the plan form's URL
    assert "Đã vào sổ văn bản đi kế hoạch" in flash(page)
    heading = page.get_by_role("heading", level=1).inner_text()
    code = re.search(r"\d+-KH/QU", heading).group(0)
    assert page.get_by_role("link", name=re.compile("Duyệt nhiệm vụ đề xuất")).count() == 1
    assert "Sổ văn bản đi: số" in page.locator("[data-book-actions]").inner_text()
    shot(page, "quan-uy-ke-hoach-da-vao-so")

    page.goto("/bao-cao/so-van-ban-di/")
    assert code in page.locator("main table").inner_text()
    shot(page, "quan-uy-so-van-ban-di")
