"""The finished surface (issue 16): a human history, one date widget whatever the browser's language, a
searchable choice, the phone menu, a board that prints every column, and the confirmation before dissolution."""

import re

import pytest

from sohoi.core.lookup import LIMIT

from .bulk_register import name as bulk_name
from .conftest import PASSWORD, PHONE, choose, flash, no_horizontal_scroll, shot, sign_in

pytestmark = pytest.mark.e2e

SUSPENDED = "Hội Sinh vật cảnh thành phố Cần Thơ"  # suspended by the demo: its history has a lifecycle event
TO_DISSOLVE = "Hội Tin học thành phố Cần Thơ"


def _open_association(page, name: str) -> None:
    page.goto("/hoi/?q=" + name.replace(" ", "+"))
    page.get_by_role("link", name=name, exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith(name)


def test_history_tab_shows_no_code_and_no_raw_field_name(page):
    sign_in(page, "noivu")
    _open_association(page, SUSPENDED)
    page.get_by_role("tab", name="Lịch sử").click()
    rows = page.locator("table:has(caption:has-text('Lịch sử thay đổi')) tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        action, changes = cells.nth(2).inner_text(), cells.nth(3).inner_text()
        assert not re.search(r"\b[a-z]+\.[a-z_]+(\.[a-z_]+)*\b", action), action  # no action code
        fields = " ".join(line.split(":")[0] for line in changes.splitlines())
        assert "_" not in fields, changes  # field names, not field_names


def test_date_widget_in_an_english_language_browser(browser, live_server_url):
    context = browser.new_context(locale="en-US", base_url=live_server_url, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    try:
        page.goto("/tai-khoan/dang-nhap/")  # the page comes in English: the browser asks for it
        page.locator("input[name=username]").fill("noivu")
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda u: "/dang-nhap/" not in u)
        _open_association(page, TO_DISSOLVE)
        field = page.locator("input[name=decision_date]")
        assert field.get_attribute("type") == "text" and field.get_attribute("data-date")
        field.fill("5/3/2026")
        field.press("Tab")
        assert field.input_value() == "05/03/2026"  # dd/mm/yyyy, never mm/dd/yyyy
        # Keyboard only: Alt+Down opens the calendar on that day, arrows move, Enter picks.
        field.focus()
        field.press("Alt+ArrowDown")
        calendar = field.locator("xpath=..").locator(".calendar[role=dialog]")
        assert calendar.is_visible()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        assert field.input_value() == "13/03/2026" and not calendar.is_visible()
    finally:
        context.close()


def test_searchable_choice_finds_a_unit_with_its_parent(page):
    sign_in(page, "quantri")
    page.goto("/tai-khoan/moi/")
    select = page.locator("select[name=unit]")
    assert select.locator("option").count() == 1  # never the whole tree in the page
    page.get_by_role("searchbox", name=re.compile("Tìm")).first.fill("dan van thanh")
    option = select.locator("option", has_text=re.compile(r"^Ban Dân vận Thành ủy \("))
    option.first.wait_for(state="attached")
    select.select_option(option.first.get_attribute("value"))
    assert select.input_value() == option.first.get_attribute("value")


BULK = 40_000  # associations added for one journey: the national register's order of size


@pytest.fixture
def big_register(on_server_db):
    """40,000 more associations in the server's database for one journey, removed afterwards (the server and
    its database serve every journey of the run)."""
    on_server_db("bulk_register", "add", str(BULK))
    try:
        yield
    finally:
        on_server_db("bulk_register", "remove")


def test_searchable_choice_on_a_register_of_40000_associations(page, big_register):
    sign_in(page, "quantri")
    page.goto("/to-chuc-dang/them/")
    html = page.content()
    assert page.locator("select[name=association] option").count() == 1  # the empty choice, nothing else
    assert html.count("<option") < 1000 and bulk_name(0) not in html  # the page never carries the register
    answer = page.request.get("/tra-cuu/", params={"nguon": "party-associations", "q": "chi hoi khu vuc"})
    assert answer.ok and len(answer.json()["results"]) == LIMIT  # 40,000 match: one page of them comes back
    wanted = bulk_name(31_414)  # "Chi hội Làm vườn khu vực An Hòa số 31415"
    choose(page, "Hội", "lam vuon an hoa 31415", wanted)
    form = page.locator("main form[method=post]")
    form.locator("input[name=name]").fill("Chi bộ Chi hội Làm vườn An Hòa")
    form.locator("select[name=kind]").select_option("cell")
    form.locator("select[name=superior]").select_option(label="Quận ủy Ninh Kiều")
    form.locator("input[name=decision_number]").fill("45-QĐ/QU")
    form.locator("input[name=decision_date]").fill("02/03/2026")
    form.locator("input[name=decision_issuer]").fill("Ban Thường vụ Quận ủy Ninh Kiều")
    form.get_by_role("button", name="Lưu").click()
    assert "Đã ghi tổ chức đảng" in flash(page)
    assert wanted in page.locator("main").inner_text()  # saved with the association chosen in the search


def test_phone_menu_is_folded_and_codes_stay_whole(page_as):
    page = page_as("dandan", PHONE)
    nav = page.locator("#mainnav")
    assert not nav.is_visible()
    page.get_by_role("button", name="Menu").click()
    assert nav.is_visible() and page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    page.goto("/van-ban/?q=752-CV%2FTU")
    code = page.locator("a.code", has_text="752-CV/TU").first
    assert code.evaluate("e => e.getClientRects().length") == 1  # one line box: never "752-" / "CV/TU"
    assert no_horizontal_scroll(page)
    shot(page, "dien-thoai-danh-sach-van-ban", full_page=False)


def test_print_of_a_board_keeps_every_column(page):
    sign_in(page, "dandan")
    page.goto("/van-ban/?q=752-CV%2FTU")
    page.locator("a.code", has_text="752-CV/TU").first.click()
    page.goto(page.url.rstrip("/") + "/theo-doi/")
    columns = page.locator("table").first.locator("thead th").count()
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 1030, "height": 700})  # A4 landscape less the margins, at 96 dpi
    assert not page.locator(".topbar").is_visible() and page.locator(".printed").is_visible()
    for i in range(page.locator("table").count()):
        table = page.locator("table").nth(i)
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1"), i
    assert page.locator("table").first.locator("thead th").count() == columns
    pdf = page.pdf(format="A4", landscape=True, print_background=False)
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_dissolution_asks_for_confirmation_naming_the_association(page):
    sign_in(page, "noivu")
    _open_association(page, TO_DISSOLVE)
    form = page.locator("form[action$='/su-kien/']")
    assert form.locator("select[name=action]").input_value() == ""  # nothing preselected
    form.locator("select[name=action]").select_option("dissolve")
    form.locator("input[name=decision_number]").fill("99/QĐ-UBND")
    form.locator("input[name=decision_date]").fill("15/10/2026")
    form.locator("input[name=decision_issuer]").fill("Ủy ban nhân dân thành phố Cần Thơ")
    form.locator("textarea[name=note]").fill("Hội tự giải thể theo nghị quyết đại hội bất thường")
    form.get_by_role("button").last.click()
    body = page.locator("main").inner_text()
    assert "không hoàn tác được" in body and TO_DISSOLVE in body
    page.get_by_label(re.compile("Tôi xác nhận")).check()
    page.locator("main form button[type=submit]").last.click()
    assert "Đã ghi sự kiện" in flash(page)
    assert "Đã giải thể" in page.locator("main").inner_text()


def test_file_picker_in_the_pages_language_and_no_browser_bubbles(page):
    sign_in(page, "dandan")
    page.goto("/van-ban/tai-len/")
    assert page.locator(".filepick label").first.inner_text().startswith("Chọn tệp")
    assert page.locator(".filepick").first.inner_text().count("Chưa chọn tệp nào") == 1
    assert page.evaluate("Array.from(document.forms).every(f => f.noValidate)")
    page.locator("main form button[type=submit]").last.click()  # nothing chosen: the server says so, inline
    assert page.locator(".errorlist").count() > 0
