"""The seed letter 752-CV/TU, every field exactly (domain.md §1)."""

from __future__ import annotations

import pytest

from sohoi.docparse import KEYS, parse_file, parse_text

from .helpers import SEED

TASK_3_JOIN = "để xây dựng, củng cố, phát huy sức mạnh Khối Đại đoàn kết"


@pytest.fixture(scope="module")
def record():
    return parse_file(SEED)


def test_exactly_the_keys(record):
    assert tuple(record) == KEYS


def test_header(record):
    assert record["system"] == "party"
    assert record["issuer"] == "Thành ủy Cần Thơ"
    assert record["code"] == "752-CV/TU"
    assert record["number"] == "752"
    assert record["symbol"] == "CV/TU"
    assert record["doc_type"] == "cong_van"
    assert record["place"] == "Cần Thơ"
    assert record["date"] == "2012-10-12"
    assert record["subject"] == "V/v chỉ đạo thực hiện Chỉ thị số 17-CT/TW của Ban Bí thư"


def test_recipients(record):
    assert record["recipients"] == [
        "Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy các ban đảng, ban cán sự đảng, đảng đoàn",
        "Mặt trận Tổ quốc và các đoàn thể, các hội quần chúng thành phố",
    ]


def test_references(record):
    assert record["references"] == [{"code": "17-CT/TW", "date": "2012-08-28", "issuer": "Ban Bí thư"}]


def test_tasks(record):
    tasks = record["tasks"]
    assert [t["no"] for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert [t["leads"] for t in tasks] == [
        ["Cấp ủy đảng các cấp"],
        ["Ủy ban nhân dân thành phố"],
        ["Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội"],
        ["Sở Nội vụ"],
        ["Các hội quần chúng"],
        ["Ban Dân vận Thành ủy"],
    ]
    assert [t["coordinators"] for t in tasks] == [[], [], [], [], [], ["Ban Tuyên giáo Thành ủy"]]
    assert [t["deadline"] for t in tasks] == [None] * 6
    assert [t["recurrence"] for t in tasks] == [None, None, None, None, None, "periodic"]
    for task in tasks:
        assert set(task) == {"no", "text", "leads", "coordinators", "deadline", "recurrence", "subtasks"}
        assert task["subtasks"] == []


def test_task_texts_are_whole_paragraphs(record):
    tasks = record["tasks"]
    assert tasks[0]["text"].startswith("Cấp ủy đảng các cấp tổ chức quán triệt nội dung Chỉ thị 17-CT/TW")
    assert tasks[0]["text"].endswith("chính sách, pháp luật của Nhà nước và điều lệ hội.")
    assert TASK_3_JOIN in tasks[2]["text"]
    assert "\n" not in tasks[2]["text"]
    assert tasks[2]["text"].endswith("theo chủ trương của Đảng và pháp luật của Nhà nước.")
    assert tasks[3]["text"] == (
        "Sở Nội vụ phân công cán bộ chuyên trách theo dõi hoạt động của các hội quần chúng và "
        "thường xuyên chỉ đạo kiện toàn tổ chức, bộ máy của các hội quần chúng để đáp ứng yêu cầu "
        "nhiệm vụ trong tình hình mới."
    )
    assert tasks[5]["text"].endswith("định kỳ báo cáo Thường trực Thành ủy.")
    assert "Nơi nhận" not in tasks[5]["text"]


def test_tail(record):
    assert record["distribution"] == ["Như trên", "Các đ/c Thành ủy viên", "Lưu"]
    assert record["signer"] == {"name": "Nguyễn Hữu Lợi", "title": None}


def test_warnings(record):
    warnings = record["warnings"]
    conflict = [w for w in warnings if "17-CT/TW" in w]
    assert len(conflict) == 1
    assert "Ban Bí thư" in conflict[0] and "Bộ Chính trị" in conflict[0]
    assert "trích yếu" in conflict[0] and "nội dung" in conflict[0]
    assert any("chức vụ người ký" in w for w in warnings)
    assert len(warnings) == 2


def test_parse_text_matches_parse_file(record):
    assert parse_text(SEED.read_text(encoding="utf-8")) == record
    assert parse_file(str(SEED)) == record
