"""Sở Nội vụ (Department of Home Affairs): register a new association from its founding committee, run the
founding dossier through the legal checks, record each deciding document until the association operates,
assign it a dedicated officer, and watch the coverage page change."""

import re

import pytest

from .conftest import choose, flash, shot, sign_in

pytestmark = pytest.mark.e2e

NAME = "Hội Nuôi ong thành phố Cần Thơ"


def _coverage(page) -> dict[str, int]:
    page.goto("/hoi/phan-cong/")
    return {"total": int(page.locator("section.card", has_text="Hội đang hoạt động").locator(".stat").inner_text()),
            "covered": int(page.locator("[data-covered]").inner_text()),
            "uncovered": int(page.locator("[data-uncovered]").inner_text())}


def _record(page, action: str, number: str, date: str, issuer: str) -> None:
    form = page.locator("form[action$='/su-kien/']")
    form.get_by_label("Sự kiện").select_option(label=action)
    form.get_by_label("Số, ký hiệu văn bản").fill(number)
    form.get_by_label("Ngày văn bản").fill(date)
    form.get_by_label("Cơ quan ban hành").fill(issuer)
    with page.expect_navigation():  # the form posts back to its own URL: read the flash of the new page
        form.get_by_role("button", name="Ghi sự kiện").click()
    assert "Đã ghi sự kiện và văn bản quyết định." in flash(page), page.locator("main").inner_text()[:600]


def _status(page) -> str:
    return page.locator("main > p").first.locator(".pill").first.inner_text()


def test_home_affairs_takes_a_founding_dossier_to_operating_and_assigns_an_officer(page):
    sign_in(page, "noivu")
    before = _coverage(page)

    # 1. Register the association at "founding committee recognised".
    page.goto("/hoi/")
    page.get_by_role("link", name="Đăng ký hội mới").click()
    page.get_by_label("Tên đầy đủ").fill(NAME)
    choose(page, "Trực thuộc (trong cây tổ chức)", "mat tran to quoc thanh pho can tho",
           "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ")
    page.get_by_label("Lĩnh vực:", exact=True).select_option(label="Kinh tế - doanh nghiệp")
    page.get_by_label("Lĩnh vực hoạt động chính").fill("Nuôi ong, chế biến và tiêu thụ sản phẩm từ ong")
    page.get_by_label("Phạm vi hoạt động").select_option(label="Tỉnh, thành phố")
    page.get_by_label("Địa bàn").select_option(label="Thành phố Cần Thơ")
    page.get_by_label("Trụ sở").fill("Số 5 đường Lý Tự Trọng, phường Ninh Kiều, thành phố Cần Thơ")
    page.get_by_label("Số quyết định công nhận ban vận động").fill("15/QĐ-SNV")
    page.get_by_label("Ngày công nhận ban vận động").fill("2025-01-10")
    page.get_by_label("Số thành viên ban vận động").fill("7")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/ho-so-thanh-lap/")
    assert "Đã đăng ký hội ở bước “đã công nhận ban vận động”." in flash(page)

    # 2. The founding dossier: what is missing fails, with its legal basis.
    checks = page.locator("table", has_text="Căn cứ pháp lý").first
    members_row = checks.locator("tbody tr", has_text="Số người (tổ chức) đăng ký thành lập")
    assert "Không đạt" in members_row.inner_text()
    assert "Không đạt" in checks.locator("tbody tr", has_text="Thành phần hồ sơ bắt buộc").inner_text()
    page.get_by_label("Số người (tổ chức) đăng ký tham gia").fill("62")
    for item in ["Đơn đề nghị thành lập hội", "Dự thảo điều lệ", "Danh sách ban vận động thành lập hội",
                 "Phiếu lý lịch tư pháp của trưởng ban vận động", "Văn bản xác nhận nơi dự kiến đặt trụ sở"]:
        page.get_by_label(item).check()
    page.get_by_label("Ngày nộp hồ sơ").fill("2025-03-03")
    page.get_by_label("Ngày nhận đủ hồ sơ hợp lệ").fill("2025-03-10")
    page.get_by_role("button", name="Lưu và kiểm tra lại").click()
    assert "Đã lưu hồ sơ; kết quả kiểm tra bên dưới đã cập nhật." in flash(page)
    assert "Xét theo quy định có hiệu lực ngày nộp hồ sơ 03/03/2025." in page.locator("main").inner_text()
    checks = page.locator("table", has_text="Căn cứ pháp lý").first
    for condition in ["Số người (tổ chức) đăng ký thành lập", "Số thành viên ban vận động",
                      "Thành phần hồ sơ bắt buộc", "Tên không trùng", "Lĩnh vực hoạt động chính không trùng"]:
        row = checks.locator("tbody tr", has_text=condition)
        assert row.locator("td").nth(1).inner_text() == "Đạt", row.inner_text()
    members_row = checks.locator("tbody tr", has_text="Số người (tổ chức) đăng ký thành lập")
    assert "Có 62, cần ít nhất 50" in members_row.inner_text()
    assert "Nghị định 126/2024/NĐ-CP" in members_row.inner_text()  # filed after 26/11/2024
    shot(page, "noi-vu-kiem-tra-phap-ly")

    # 3. Each step with its deciding document, until the association operates.
    page.get_by_role("link", name=NAME).click()
    assert _status(page) == "Đã công nhận ban vận động"
    _record(page, "Nộp hồ sơ thành lập", "01/ĐN-BVĐ", "2025-03-03", "Ban vận động thành lập Hội Nuôi ong")
    assert _status(page) == "Đã nộp hồ sơ thành lập"
    _record(page, "Quyết định cho phép thành lập", "245/QĐ-UBND", "2025-04-01", "Ủy ban nhân dân thành phố Cần Thơ")
    assert _status(page) == "Đã được cho phép thành lập"
    _record(page, "Tổ chức đại hội lần đầu", "01/NQ-ĐH", "2025-05-15", "Đại hội Hội Nuôi ong thành phố Cần Thơ")
    assert _status(page) == "Đã tổ chức đại hội lần đầu"
    _record(page, "Phê duyệt điều lệ, bắt đầu hoạt động", "310/QĐ-SNV", "2025-06-02", "Sở Nội vụ")
    assert _status(page) == "Đang hoạt động"
    page.get_by_role("tab", name="Quyết định, kế thừa").click()
    steps = page.locator("#panel-docs tbody tr")
    assert steps.count() == 4
    permit = steps.filter(has_text="Quyết định cho phép thành lập")
    assert "245/QĐ-UBND, 01/04/2025" in permit.inner_text()
    assert "Đã nộp hồ sơ thành lập → Đã được cho phép thành lập" in permit.inner_text()
    shot(page, "noi-vu-hoi-dang-hoat-dong")

    # 4. The coverage page: one more operating association, and it has no officer yet.
    after = _coverage(page)
    assert after["total"] == before["total"] + 1
    assert after["uncovered"] == before["uncovered"] + 1
    uncovered = page.locator("h2:has-text('Hội chưa có cán bộ theo dõi') + ul")
    assert uncovered.get_by_role("link", name=NAME).count() == 1
    officer_row = page.locator("table tbody tr", has_text="Đinh Thu Hà")
    workload = int(officer_row.locator("td").nth(1).inner_text())

    # 5. Assign a dedicated officer from the association's page.
    uncovered.get_by_role("link", name=NAME).click()
    page.get_by_role("tab", name="Theo dõi").click()
    page.get_by_role("link", name="Phân công cán bộ theo dõi").click()
    choose(page, "Cán bộ theo dõi", "thu ha", "Đinh Thu Hà")
    page.get_by_label("Từ ngày").fill("2025-06-02")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã phân công cán bộ theo dõi." in flash(page)
    page.get_by_role("tab", name="Theo dõi").click()
    assert "Đinh Thu Hà: 02/06/2025 – nay" in page.locator("#panel-monitor").inner_text()

    # 6. Coverage again: covered, off the uncovered list, on the officer's workload.
    final = _coverage(page)
    assert final["uncovered"] == before["uncovered"]
    assert final["covered"] == before["covered"] + 1
    assert page.locator("h2:has-text('Hội chưa có cán bộ theo dõi') + ul").get_by_role("link", name=NAME).count() == 0
    assert int(page.locator("table tbody tr", has_text="Đinh Thu Hà").locator("td").nth(1).inner_text()) == workload + 1
    recent = page.locator("h2:has-text('Phân công gần đây') + .table-wrap tbody tr", has_text=NAME)
    assert re.fullmatch(rf"{NAME}\s+Đinh Thu Hà\s+02/06/2025\s+—", recent.inner_text().strip())
    shot(page, "noi-vu-phan-cong-theo-doi")
