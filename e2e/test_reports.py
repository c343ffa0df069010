"""The Standing Committee's figures (issue 13): the home page's six points, a figure followed to its list, the
dashboard with its charts, the periodic report from the web; a district committee drafts its report on
752-CV/TU."""

import re

import pytest

from .conftest import shot, sign_in

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
