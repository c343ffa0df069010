"""Synthetic documents (invented people), one per kind of layout and damage.

Each case lists the fields that matter for it; tasks are compared as
(no, leads, coordinators, deadline, recurrence).
"""

from __future__ import annotations

import pytest

from sohoi.docparse import KEYS, parse_file

from .helpers import fixture

CASES = {
    # State công văn, stacked header, "giao X chủ trì, phối hợp với Y", hằng quý, KT. signer.
    "454-UBND-NCTH.txt": {
        "system": "state",
        "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
        "code": "454/UBND-NCTH",
        "number": "454",
        "symbol": "UBND-NCTH",
        "doc_type": "cong_van",
        "place": "Cần Thơ",
        "date": "2013-01-25",
        "subject": "V/v tăng cường quản lý nhà nước đối với hội quần chúng",
        "recipients": [
            "Giám đốc các sở, Thủ trưởng cơ quan, ban, ngành thành phố",
            "Chủ tịch Ủy ban nhân dân quận, huyện",
        ],
        "references": [
            {"code": "752-CV/TU", "date": "2012-10-12", "issuer": "Thành ủy Cần Thơ"},
            {"code": "17-CT/TW", "date": "2012-08-28", "issuer": "Ban Bí thư"},
        ],
        "tasks": [
            ("1", ["Sở Nội vụ"], ["Sở Tài chính", "Sở Tư pháp"], "2013-04-30", None),
            ("2", ["Sở Tài chính"], [], None, "quarterly"),
            ("3", ["Chủ tịch Ủy ban nhân dân quận, huyện"], [], None, None),
        ],
        "distribution": ["Như trên", "TT. Thành ủy, TT. HĐND TP", "CT, các PCT UBND TP", "Lưu: VT, NCTH"],
        "signer": {"name": "Trần Minh Khoa", "title": "Phó Chủ tịch"},
        "warnings": [],
    },
    # State decree: year in the code, Điều items with clauses, chapters in between.
    "45-2010-ND-CP.txt": {
        "system": "state",
        "issuer": "Chính phủ",
        "code": "45/2010/NĐ-CP",
        "number": "45",
        "symbol": "NĐ-CP",
        "doc_type": "nghi_dinh",
        "place": "Hà Nội",
        "date": "2010-04-21",
        "subject": "Quy định về tổ chức, hoạt động và quản lý hội",
        "recipients": [],
        "references": [{"code": "102/SL-L004", "date": "1957-05-20", "issuer": None}],
        "tasks": [
            ("1", [], [], None, None),
            ("2", ["Bộ Nội vụ"], ["Bộ Tài chính", "các bộ, ngành liên quan"], None, None),
            ("3", [], [], None, None),
            (
                "4",
                [
                    "Các Bộ trưởng",
                    "Thủ trưởng cơ quan ngang Bộ",
                    "Thủ trưởng cơ quan thuộc Chính phủ",
                    "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                ],
                [],
                None,
                None,
            ),
        ],
        "signer": {"name": "Đặng Quốc Hưng", "title": "Thủ tướng"},
    },
    # Party plan: I./1./a) numbering; tasks are the numbered items of the task sections.
    "12-KH-HU.txt": {
        "system": "party",
        "issuer": "Huyện ủy Phong Điền",
        "code": "12-KH/HU",
        "symbol": "KH/HU",
        "doc_type": "ke_hoach",
        "place": "Phong Điền",
        "date": "2012-11-05",
        "subject": (
            "triển khai thực hiện Chỉ thị số 17-CT/TW ngày 28/8/2012 của Ban Bí thư về tiếp tục "
            "đổi mới và tăng cường sự lãnh đạo của Đảng đối với các hội quần chúng"
        ),
        "references": [
            {"code": "17-CT/TW", "date": "2012-08-28", "issuer": "Ban Bí thư"},
            {"code": "752-CV/TU", "date": "2012-10-12", "issuer": "Thành ủy Cần Thơ"},
        ],
        "tasks": [
            # a) and b) name their own bodies: the item is led by both (sub-tasks below).
            ("II.1", ["Các chi, đảng bộ cơ sở", "Các hội quần chúng"], [], "2012-12-31", None),
            ("II.2", ["Ủy ban nhân dân huyện"], [], None, "yearly"),
            ("III.1", ["Ban Tuyên giáo Huyện ủy"], ["Ban Dân vận Huyện ủy"], "2012-12-15", None),
            ("III.2", ["Ban Dân vận Huyện ủy"], [], None, "half_yearly"),
        ],
        "signer": {"name": "Lê Thanh Tùng", "title": "Phó Bí thư"},
        "warnings": [],
    },
    # "số31-QĐ/TW": no space, lowercase; Party decision with Điều items.
    "31-QD-TW.txt": {
        "system": "party",
        "issuer": "Ban Chấp hành Trung ương",
        "code": "31-QĐ/TW",
        "number": "31",
        "symbol": "QĐ/TW",
        "doc_type": "quyet_dinh",
        "place": "Hà Nội",
        "date": "2016-03-30",
        "subject": "về việc ban hành Quy chế phối hợp công tác dân vận",
        "tasks": [
            ("1", [], [], None, None),
            ("2", ["Ban Dân vận Trung ương"], ["Văn phòng Trung ương Đảng"], None, "yearly"),
            ("3", ["Các tỉnh ủy, thành ủy, các ban đảng, ban cán sự đảng, đảng đoàn"], [], None, None),
        ],
        "distribution": ["Như Điều 3", "Lưu Văn phòng Trung ương"],
        "signer": {"name": "Tạ Đình Khải", "title": "Thường trực Ban Bí thư"},
        "warnings": ["Nhiệm vụ 1 chưa xác định được đơn vị chủ trì: cần kiểm tra."],
    },
    # Whole header flattened onto one line; "1)" numbering; hằng tháng.
    "1234-UBND-VX-flattened.txt": {
        "system": "state",
        "issuer": "Ủy ban nhân dân tỉnh Hậu Giang",
        "code": "1234/UBND-VX",
        "doc_type": "cong_van",
        "place": "Vị Thanh",
        "date": "2013-03-05",
        "subject": "V/v tăng cường quản lý hội trên địa bàn tỉnh",
        "recipients": ["Sở Nội vụ", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
        "tasks": [
            ("1", ["Sở Nội vụ"], ["Công an tỉnh"], None, "monthly"),
            ("2", ["Ủy ban nhân dân các huyện, thị xã, thành phố"], [], "2013-05-31", None),
        ],
        "distribution": ["Như trên", "Lưu: VT"],
        "signer": {"name": "Huỳnh Ngọc Diệp", "title": "Phó Chủ tịch"},
        "warnings": [],
    },
    # Left and right header columns alternate line by line.
    "88-UBND-NV-interleaved.txt": {
        "system": "state",
        "issuer": "Ủy ban nhân dân quận Ninh Kiều",
        "code": "88/UBND-NV",
        "place": "Ninh Kiều",
        "date": "2014-05-20",
        "subject": "V/v rà soát, đánh giá hoạt động của các hội trên địa bàn quận",
        "recipients": ["Phòng Nội vụ quận", "Ủy ban nhân dân các phường"],
        "references": [{"code": "454/UBND-NCTH", "date": "2013-01-25", "issuer": None}],
        "tasks": [
            ("1", ["Phòng Nội vụ quận"], ["Phòng Tài chính - Kế hoạch quận"], "2014-06-30", None),
            ("2", ["Ủy ban nhân dân các phường"], [], None, "quarterly"),
        ],
        "signer": {"name": "Phan Thị Mỹ Duyên", "title": "Chủ tịch"},
    },
    # Header and signature split by "|"; "Giao Giám đốc: A, B, C"; định kỳ 6 tháng.
    "2150-UBND-NC-pipes.txt": {
        "system": "state",
        "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
        "code": "2150/UBND-NC",
        "place": "Cần Thơ",
        "date": "2013-06-14",
        "subject": "V/v triển khai Quyết định số 68/2010/QĐ-TTg về hội có tính chất đặc thù",
        "recipients": ["Giám đốc các sở, ban, ngành thành phố"],
        "references": [{"code": "68/2010/QĐ-TTg", "date": "2010-11-01", "issuer": "Thủ tướng Chính phủ"}],
        "tasks": [
            (
                "1",
                [
                    "Giám đốc Sở Nội vụ",
                    "Giám đốc Sở Tài chính",
                    "Giám đốc Sở Lao động - Thương binh và Xã hội",
                ],
                [],
                None,
                "half_yearly",
            ),
            (
                "2",
                ["Sở Văn hóa, Thể thao và Du lịch"],
                ["Hội Văn học Nghệ thuật thành phố"],
                "2013-09-30",
                None,
            ),
        ],
        "distribution": ["Như trên", "Lưu: VT, NC"],
        "signer": {"name": "Võ Thành Đạt", "title": "Chủ tịch"},
        "warnings": [],
    },
    # Place cut across two lines; "X phối hợp với Y"; chậm nhất ngày; hằng năm.
    "3012-SNV-place-split.txt": {
        "issuer": "Sở Nội vụ",
        "code": "3012/SNV-TCPCP",
        "doc_type": "cong_van",
        "place": "Thành phố Hồ Chí Minh",
        "date": "2013-09-03",
        "subject": "V/v hướng dẫn đại hội nhiệm kỳ của các hội cấp thành phố",
        "tasks": [
            ("1", ["Các hội cấp thành phố"], ["Sở Nội vụ"], "2013-10-15", None),
            ("2", ["Phòng Tổ chức phi chính phủ"], [], None, "yearly"),
        ],
        "signer": {"name": "Lâm Văn Thắng", "title": "Phó Giám đốc"},
    },
    # Every recurrence and each kind of deadline; a task without a lead.
    "05-CTr-DU.txt": {
        "system": "party",
        "issuer": "Đảng ủy Khối các cơ quan thành phố",
        "code": "05-CTr/ĐU",
        "symbol": "CTr/ĐU",
        "doc_type": "chuong_trinh",
        "date": "2013-01-02",
        "subject": "công tác dân vận năm 2013",
        "tasks": [
            ("1", ["Văn phòng Đảng ủy"], [], None, "monthly"),
            ("2", ["Ban Tuyên giáo Đảng ủy"], [], None, "quarterly"),
            ("3", ["Ủy ban Kiểm tra Đảng ủy"], [], None, "half_yearly"),
            ("4", ["Các chi bộ trực thuộc"], [], "2013-11-30", "yearly"),
            ("5", ["Ban Dân vận Đảng ủy"], [], None, "periodic"),
            ("6", ["Các đoàn thể chính trị - xã hội"], [], "2013-07-15", None),
            ("7", ["Văn phòng Đảng ủy"], [], "2013-12-31", None),
            ("8", [], [], None, None),
        ],
        "signer": {"name": "Đoàn Văn Lực", "title": "Bí thư"},
        "warnings": ["Nhiệm vụ 8 chưa xác định được đơn vị chủ trì: cần kiểm tra."],
    },
    # Non-breaking spaces, zero-width space, Ð (U+00D0) and ð for Đ/đ.
    "45-TB-TU-nbsp-eth.txt": {
        "system": "party",
        "issuer": "Thành ủy Cần Thơ",
        "code": "45-TB/TU",
        "doc_type": "thong_bao",
        "place": "Cần Thơ",
        "date": "2012-12-20",
        "subject": "kết luận của Ban Thường vụ Thành ủy về công tác hội quần chúng",
        "tasks": [
            ("1", ["Đảng ủy Khối Doanh nghiệp"], ["Liên đoàn Lao động thành phố"], "2013-03-31", None),
            ("2", ["Ban Dân vận Thành ủy"], [], None, "monthly"),
        ],
        "distribution": ["Các đ/c Ủy viên Ban Thường vụ Thành ủy", "Lưu Văn phòng Thành ủy"],
        "signer": {"name": "Ngô Bảo Trâm", "title": "Chánh Văn phòng"},
        "warnings": [],
    },
    # The whole file in decomposed Unicode (NFD); "1 -" numbering; K/T prefix.
    "30-HD-BDVTU-nfd.txt": {
        "system": "party",
        "issuer": "Ban Dân vận Thành ủy Cần Thơ",
        "code": "30-HD/BDVTU",
        "doc_type": "huong_dan",
        "place": "Cần Thơ",
        "date": "2013-01-08",
        "subject": "sơ kết, tổng kết hoạt động của các hội quần chúng",
        "tasks": [
            ("1", ["Các hội quần chúng cấp thành phố"], [], None, "half_yearly"),
            ("2", ["Ban Dân vận các quận ủy, huyện ủy"], [], "2013-07-15", None),
        ],
        "signer": {"name": "Quách Hữu Nghĩa", "title": "Phó Trưởng ban"},
        "warnings": [],
    },
    # A text-layer PDF whose item 2 is cut by the page break.
    "41-CV-HU-text-layer.pdf": {
        "system": "party",
        "issuer": "Huyện ủy Cờ Đỏ",
        "code": "41-CV/HU",
        "doc_type": "cong_van",
        "place": "Cờ Đỏ",
        "date": "2013-06-06",
        "subject": "V/v tổ chức hội nghị sơ kết Chỉ thị 17-CT/TW",
        "recipients": ["Các chi, đảng bộ cơ sở trực thuộc"],
        "references": [{"code": "17-CT/TW", "date": None, "issuer": None}],
        "tasks": [
            ("1", ["Ban Dân vận Huyện ủy"], ["Ủy ban Mặt trận Tổ quốc huyện"], "2013-06-20", None),
            ("2", ["Các chi, đảng bộ cơ sở"], [], None, None),
        ],
        "distribution": ["Như trên", "Lưu"],
        "signer": {"name": "Hồ Thanh Bình", "title": "Phó Bí thư"},
        "warnings": [],
    },
    # Nothing in the header can be read: the record says so.
    "bao-cao-khong-so.txt": {
        "system": None,
        "issuer": None,
        "code": None,
        "number": None,
        "symbol": None,
        "doc_type": "bao_cao",
        "place": None,
        "date": None,
        "subject": "tình hình hoạt động của Hội Khuyến học phường An Hòa",
        "recipients": [],
        "references": [],
        "tasks": [],
        "distribution": [],
        "signer": {"name": "Trịnh Thu Hà", "title": None},
    },
}


def _task_view(record):
    return [(t["no"], t["leads"], t["coordinators"], t["deadline"], t["recurrence"]) for t in record["tasks"]]


@pytest.mark.parametrize("name", sorted(CASES))
def test_document(name):
    record = parse_file(fixture(name))
    assert tuple(record) == KEYS
    expected = CASES[name]
    for key, value in expected.items():
        actual = _task_view(record) if key == "tasks" else record[key]
        assert actual == value, key


def test_missing_header_fields_are_warned():
    warnings = parse_file(fixture("bao-cao-khong-so.txt"))["warnings"]
    assert "Không đọc được số, ký hiệu văn bản: cần kiểm tra." in warnings
    assert "Không đọc được ngày ban hành: cần kiểm tra." in warnings
    assert "Không đọc được cơ quan ban hành: cần kiểm tra." in warnings


def test_decree_articles_keep_their_clauses():
    tasks = parse_file(fixture("45-2010-ND-CP.txt"))["tasks"]
    assert tasks[1]["text"] == (
        "Trách nhiệm hướng dẫn\n"
        "1. Giao Bộ Nội vụ chủ trì, phối hợp với Bộ Tài chính và các bộ, ngành liên quan hướng dẫn "
        "thi hành Nghị định này.\n"
        "2. Bộ Tài chính hướng dẫn cơ chế hỗ trợ kinh phí đối với hội có tính chất đặc thù."
    )
    assert all("Chương" not in t["text"] and "ĐIỀU KHOẢN" not in t["text"] for t in tasks)


def test_sub_items_stay_in_their_parent():
    tasks = parse_file(fixture("12-KH-HU.txt"))["tasks"]
    first = tasks[0]["text"].split("\n")
    assert first[0] == "Tổ chức quán triệt, học tập Chỉ thị"
    assert first[1].startswith("a) Các chi, đảng bộ cơ sở")
    assert first[2].startswith("b) Các hội quần chúng")
    assert not any("MỤC ĐÍCH" in t["text"] or "Quán triệt sâu sắc" in t["text"] for t in tasks)


def test_pdf_item_cut_by_page_break_is_joined():
    tasks = parse_file(fixture("41-CV-HU-text-layer.pdf"))["tasks"]
    assert tasks[1]["text"] == (
        "Các chi, đảng bộ cơ sở tổ chức sơ kết việc thực hiện Chỉ thị, đánh giá kết quả củng cố "
        "tổ chức hội, đề xuất biện pháp nâng cao chất lượng hoạt động của các hội quần chúng."
    )


def test_nbsp_and_eth_are_gone_from_the_record():
    record = parse_file(fixture("45-TB-TU-nbsp-eth.txt"))
    flat = repr(record)
    assert "\u00a0" not in flat and "\u200b" not in flat
    assert "Ð" not in flat and "ð" not in flat
