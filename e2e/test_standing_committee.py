"""Thường trực Thành ủy (Standing Committee): see how 752-CV/TU is being carried out, task by task and unit by
unit, and follow any count to the assignments behind it."""

import re

import pytest

from .conftest import shot, sign_in

pytestmark = pytest.mark.e2e

STATES = ["Chưa triển khai", "Đang thực hiện, trong hạn", "Chưa hoàn thành, quá hạn", "Hoàn thành đúng hạn",
          "Hoàn thành quá hạn"]


def _numbers(row) -> list[int]:
    """The five state counts and the total of one board row."""
    return [int(t.strip()) for t in row.locator("td.num").all_inner_texts()]


def test_standing_committee_follows_752_task_by_task_and_unit_by_unit(page):
    sign_in(page, "thuongtruc")
    page.goto("/van-ban/")
    registered = page.locator("table tbody tr", has_text="752-CV/TU").filter(has_not_text="chưa vào sổ")
    registered.get_by_role("link", name="752-CV/TU", exact=True).click()
    page.get_by_role("link", name="Theo dõi từng nhiệm vụ, từng đơn vị").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Theo dõi thực hiện: Công văn 752-CV/TU"
    headers = page.locator("table").first.locator("thead th").all_inner_texts()
    assert headers == ["Nhiệm vụ", "Chủ trì", *STATES, "Tổng"]

    by_task = page.locator("h2:has-text('Từng nhiệm vụ') + .table-wrap table")
    by_unit = page.locator("h2:has-text('Từng đơn vị') + .table-wrap table")
    tasks = by_task.locator("tbody tr")
    assert tasks.count() == 6
    leads = [tasks.nth(i).locator("td").nth(1).inner_text() for i in range(6)]
    assert leads == ["Cấp ủy đảng các cấp", "Ủy ban nhân dân thành phố Cần Thơ", "Mặt trận Tổ quốc và các đoàn thể",
                     "Sở Nội vụ", "Các hội quần chúng", "Ban Dân vận Thành ủy"]

    # Every row adds up, and both tables agree with the whole-document line.
    task_rows = [_numbers(tasks.nth(i)) for i in range(6)]
    unit_rows = [_numbers(r) for r in by_unit.locator("tbody tr").all()]
    whole = _numbers(by_task.locator("tfoot tr"))
    assert whole == _numbers(by_unit.locator("tfoot tr"))
    for row in task_rows + unit_rows:
        assert sum(row[:5]) == row[5]
    assert [sum(col) for col in zip(*task_rows, strict=True)] == whole
    assert [sum(col) for col in zip(*unit_rows, strict=True)] == whole
    assert whole[2] >= 1  # something is overdue: task 6
    assert 0 < len(unit_rows) <= whole[5]
    shot(page, "thuong-truc-theo-doi-752")
    board_url = page.url

    # Follow a count: the overdue cell of the whole document leads to exactly that many assignments.
    by_task.locator("tfoot td.num").nth(2).get_by_role("link").click()
    page.wait_for_url(re.compile(r"state=open_overdue"))
    listed = page.locator("table tbody tr")
    assert listed.count() == whole[2]
    assert page.get_by_text(f"{whole[2]} dòng").count() == 1
    for i in range(listed.count()):
        assert "752-CV/TU" in listed.nth(i).inner_text()
        assert "Chưa hoàn thành, quá hạn" in listed.nth(i).inner_text()
    overdue = listed.filter(has_text="Ban Dân vận Thành ủy")
    assert overdue.count() == 1
    shot(page, "thuong-truc-danh-sach-qua-han")

    # From the list to the assignment, and from there to the task: lead and coordinator as in the letter.
    overdue.get_by_role("link", name="6").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ban Dân vận Thành ủy"
    assert "Chưa hoàn thành, quá hạn" in page.locator("main > p").first.inner_text()
    page.get_by_role("link", name="Nhiệm vụ 6").click()
    assert "Nhiệm vụ 6 – Công văn 752-CV/TU" in page.locator("h1").inner_text()
    fields = page.locator("main").inner_text()
    assert re.search(r"Chủ trì\s+Ban Dân vận Thành ủy", fields)
    assert re.search(r"Phối hợp\s+Ban Tuyên giáo Thành ủy", fields)

    # A unit's total leads to that unit's assignments for the letter.
    page.goto(board_url)
    row = by_unit.locator("tbody tr", has_text="Huyện ủy Phong Điền")
    total = _numbers(row)[5]
    row.locator("td.num").last.get_by_role("link").click()
    assert page.locator("table tbody tr").count() == total
    assert set(page.locator("table tbody tr td:nth-child(3)").all_inner_texts()) == {"Huyện ủy Phong Điền"}
