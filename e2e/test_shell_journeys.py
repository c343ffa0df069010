"""Anyone: sign in, see the home page of one's role, switch language, move through the menu by keyboard,
and use the pages on a laptop and on a phone."""

import pytest

from .conftest import LAPTOP, PHONE, no_horizontal_scroll, shot, sign_in

pytestmark = pytest.mark.e2e

ROLES = [
    ("thuongtruc", "Thường trực Thành ủy"), ("dandan", "Ban Dân vận"), ("noivu", "Sở Nội vụ"),
    ("quanuy.ninhkieu", "Quận ủy Ninh Kiều"), ("hoi.khuyenhoc", "Hội Khuyến học thành phố Cần Thơ"),
]


def test_login_page_rejects_a_wrong_password_in_vietnamese(page):
    page.goto("/")
    assert "/dang-nhap/" in page.url
    page.get_by_label("Tên đăng nhập").fill("dandan")
    page.get_by_label("Mật khẩu").fill("khong-dung")
    page.get_by_role("button", name="Đăng nhập").click()
    assert page.get_by_role("alert").inner_text().startswith("Tên đăng nhập hoặc mật khẩu không đúng")
    shot(page, "dang-nhap-sai-mat-khau")


@pytest.mark.parametrize(("username", "unit_text"), ROLES)
def test_each_role_lands_on_its_home_page(page, username, unit_text):
    sign_in(page, username)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Xin chào")
    assert unit_text in page.locator("main").inner_text()
    shot(page, f"trang-chu-{username.replace('.', '-')}")
    assert not page.console_errors, page.console_errors


def test_language_switch_to_english_and_back(page):
    sign_in(page, "dandan")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "You are working as" in page.locator("main").inner_text()
    shot(page, "trang-chu-tieng-anh")
    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert "Bạn đang làm việc với tư cách" in page.locator("main").inner_text()


def test_keyboard_only_navigation_of_the_main_menu(page):
    sign_in(page, "thuongtruc")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Bỏ qua menu, đến nội dung"
    menu = page.locator("#mainnav a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(menu) >= 2
    reached = []
    for _ in range(len(menu) + 3):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('#mainnav') ? document.activeElement.getAttribute('href') : null")
        if href:
            reached.append(href)
    assert reached == menu  # every menu link, in order, by Tab alone
    target = menu[-2]
    for _ in range(10):  # back, by Shift+Tab alone, to the last-but-one menu item
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == target:
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == target
    page.keyboard.press("Enter")  # Enter on a focused link follows it
    page.wait_for_url(f"**{target}")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_main_pages_fit_without_horizontal_scrolling(page, viewport):
    page.set_viewport_size(viewport)
    sign_in(page, "thuongtruc")
    for path in ["/", "/don-vi/", "/don-vi/nhom/", "/tai-khoan/"]:
        page.goto(path)
        assert no_horizontal_scroll(page), (path, viewport)
    if viewport == PHONE:
        page.goto("/don-vi/")
        shot(page, "dien-thoai-danh-sach-don-vi", full_page=False)
