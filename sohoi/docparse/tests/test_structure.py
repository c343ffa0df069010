"""Structure of tasks: sub-items, headings without an action, addressed paragraphs,
and a header found below page furniture (synthetic texts, invented people)."""

from __future__ import annotations

import pytest

from sohoi.docparse import parse_file, parse_text

from .helpers import SEED, fixture


@pytest.fixture(scope="module")
def plan():
    return parse_file(fixture("08-KH-MTTQ-subtasks.txt"))


def test_board_of_a_front_committee_is_the_issuer(plan):
    assert plan["issuer"] == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam quận Bình Thủy"


def test_headings_without_an_action_are_not_tasks(plan):
    numbers = [t["no"] for t in plan["tasks"]]
    # "Nội dung giám sát" gives way to its three sub-items; "Đối tượng", "Thời gian" and the
    # purposes of section I assign nothing.
    assert numbers == ["II.1.a", "II.1.b", "II.1.c", "III.1", "III.2"]


def test_lettered_items_keep_their_own_leads_and_deadlines(plan):
    first = {t["no"]: t for t in plan["tasks"]}
    assert first["II.1.a"]["leads"] == ["Hội Cựu chiến binh quận"]
    assert first["II.1.a"]["deadline"] == "2024-06-30"
    assert first["II.1.b"]["leads"] == ["Hội Liên hiệp Phụ nữ quận"]
    assert first["II.1.b"]["deadline"] == "2024-08-31"
    assert first["II.1.c"]["leads"] == ["Đoàn Thanh niên quận"]
    assert first["II.1.c"]["deadline"] is None


def test_sub_tasks_inherit_the_addressed_body(plan):
    task = next(t for t in plan["tasks"] if t["no"] == "III.1")
    assert task["leads"] == ["Ban Phong trào"]
    subs = task["subtasks"]
    assert [s["no"] for s in subs] == ["III.1.a", "III.1.b"]
    # Neither names a body: both are the Ban's; a bullet under b) does not take over.
    assert [s["leads"] for s in subs] == [["Ban Phong trào"], ["Ban Phong trào"]]
    assert [s["deadline"] for s in subs] == ["2024-04-30", "2024-10-15"]
    assert set(subs[0]) == {"no", "text", "leads", "coordinators", "deadline", "recurrence"}


def test_dash_items_naming_bodies_are_sub_tasks(plan):
    task = next(t for t in plan["tasks"] if t["no"] == "III.2")
    assert [(s["no"], s["leads"]) for s in task["subtasks"]] == [
        ("III.2.1", ["Hội Nông dân quận"]),
        ("III.2.2", ["Hội Chữ thập đỏ quận"]),
    ]
    assert task["leads"] == ["Hội Nông dân quận", "Hội Chữ thập đỏ quận"]


def test_plain_bullets_stay_in_the_text():
    record = parse_file(SEED)
    assert all(t["subtasks"] == [] for t in record["tasks"])


def test_addressed_paragraph_without_numbers_is_a_task():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HẬU GIANG\nSố: 12/UBND-VX\nV/v tuyên truyền\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVị Thanh, ngày 6 tháng 4 năm 2011\n\n"
        "Chủ tịch UBND tỉnh có ý kiến như sau:\n\n"
        "Giao Giám đốc: Sở Tư pháp, Sở Nội vụ phối hợp với các sở, ngành tổ chức tuyên truyền./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
    )
    tasks = parse_text(text)["tasks"]
    assert [(t["no"], t["leads"]) for t in tasks] == [("1", ["Giám đốc Sở Tư pháp", "Giám đốc Sở Nội vụ"])]


def test_header_below_portal_furniture_and_a_lead():
    seed = SEED.read_text(encoding="utf-8")
    furniture = (
        "Trang chủ | Văn bản | Liên hệ\n"
        "Số hiệu: 999/QĐ-UBND Ngày ban hành: 01/01/2020\n"
        "Ngày 12/10/2012, Thành ủy đã ban hành Công văn thực hiện Chỉ thị 17-CT/TW và "
        "Quyết định số 123/QĐ-UBND ngày 01/02/2012 của Ủy ban nhân dân thành phố.\n\n"
    )
    plain, pasted = parse_text(seed), parse_text(furniture + seed)
    for key in ("issuer", "code", "date", "place", "subject", "references", "tasks"):
        assert pasted[key] == plain[key], key


def test_old_style_numbers_before_the_slash():
    text = (
        "BỘ NỘI VỤ******\nVIỆT NAM DÂN CHỦ CỘNG HÒA\nSố: 21-NV\nHà Nội, ngày 21 tháng 01 năm 1965\n"
        "QUYẾT ĐỊNH\nCHO PHÉP HỘI X THÀNH LẬP\n"
        "Căn cứ nghị định số 130 –CP ngày 29 tháng 9 năm 1961 của Hội đồng Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Cho phép Hội X thành lập.\n"
    )
    record = parse_text(text)
    assert (record["code"], record["issuer"], record["system"]) == ("21-NV", "Bộ Nội vụ", "state")
    assert [(r["code"], r["date"]) for r in record["references"]] == [("130-CP", "1961-09-29")]
    # "130" alone in running text is not a citation.
    assert parse_text(text.replace("số 130 –CP", "130 –CP"))["references"] == []
