"""District Party committee: record a dissemination session of 752-CV/TU and see its coverage change;
the Mass Mobilisation Board sees the same coverage city-wide."""

import pytest

from .conftest import shot, sign_in

pytestmark = pytest.mark.e2e


def _coverage_url(page) -> str:
    page.goto("/van-ban/?q=752-CV%2FTU")
    page.locator("table tbody tr", has_text="V/v chỉ đạo thực hiện").get_by_role("link").first.click()
    return page.url.split("?")[0].rstrip("/") + "/quan-triet/"


def test_district_committee_records_a_session_and_its_coverage_changes(page):
    sign_in(page, "quanuy.ninhkieu")
    url = _coverage_url(page)
    page.goto(url)
    mine = page.locator("tbody tr", has_text="Quận ủy Ninh Kiều")
    assert mine.get_attribute("data-held") == "0"
    assert page.locator("[data-held]").first.inner_text().strip() == "0"
    shot(page, "quan-uy-quan-triet-chua-to-chuc")

    page.get_by_role("link", name="Ghi buổi quán triệt").click()
    page.locator("[name=held_on]").fill("2012-11-16")
    page.locator("[name=form]").select_option("conference")
    page.locator("[name=title]").fill("Hội nghị quán triệt Chỉ thị 17-CT/TW")
    for name, value in {"planned_cadres": 60, "actual_cadres": 58, "planned_party": 150, "actual_party": 146,
                        "planned_members": 210, "actual_members": 198, "planned_others": 10, "actual_others": 10}.items():
        page.locator(f"[name={name}]").fill(str(value))
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()

    page.goto(url)
    mine = page.locator("tbody tr", has_text="Quận ủy Ninh Kiều")
    assert mine.get_attribute("data-held") == "1"
    assert "16/11/2012" in mine.inner_text()
    assert page.locator("[data-held]").first.inner_text().strip() == "1"
    assert page.locator("[data-actual]").inner_text().strip() == "412"  # 58 + 146 + 198 + 10
    shot(page, "quan-uy-quan-triet-da-ghi")


def test_board_sees_city_wide_coverage_and_who_has_not_disseminated(page):
    sign_in(page, "dandan")
    page.goto(_coverage_url(page))
    in_scope = int(page.locator("[data-in-scope]").inner_text())
    held = int(page.locator("[data-held]").first.inner_text())
    not_held = int(page.locator("[data-not-held]").inner_text())
    assert in_scope == held + not_held and in_scope >= 9
    rows = page.locator("tbody tr[data-held]")
    assert rows.count() == in_scope
    assert page.locator("tbody tr[data-held='0']").count() == not_held
    shot(page, "ban-dan-van-do-phu-quan-triet")
