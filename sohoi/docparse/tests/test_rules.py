"""The smaller rules one at a time: type and system, casing, actors, schedule, signer."""

from __future__ import annotations

import pytest

from sohoi.docparse import parse_text
from sohoi.docparse.actors import find_actors, split_names
from sohoi.docparse.casing import cite_case, cite_title
from sohoi.docparse.schedule import find_deadline, find_recurrence


def _doc(header: str, body: str = "1. Sở Nội vụ tổ chức thực hiện.", tail: str = "Nguyễn Văn Bình") -> dict:
    return parse_text(f"{header}\n\n{body}\n\n{tail}\n")


@pytest.mark.parametrize(
    ("code", "doc_type"),
    [
        ("Số 1-CV/TU", "cong_van"), ("Số 1-CT/TW", "chi_thi"), ("Số 1-KH/HU", "ke_hoach"),
        ("Số 1-HD/BTCTW", "huong_dan"), ("Số 1-QĐ/TU", "quyet_dinh"), ("Số 1-QyĐ/TW", "quy_dinh"),
        ("Số 1-QĐi/TW", "quy_dinh"), ("Số: 1/QC-UBND", "quy_che"), ("Số 1-TB/TU", "thong_bao"),
        ("Số 1-NQ/TW", "nghi_quyet"), ("Số 1-KL/TW", "ket_luan"), ("Số 1-BC/TU", "bao_cao"),
        ("Số: 1/2024/NĐ-CP", "nghi_dinh"), ("Số: 3/2013/TT-BNV", "thong_tu"), ("Số 1-TTr/BDVTU", "to_trinh"),
        ("Số 1-CTr/TU", "chuong_trinh"), ("Số: 1/PA-UBND", "other"), ("Số: 1234/UBND-VX", "cong_van"),
    ],
)
def test_doc_type_from_symbol(code, doc_type):
    assert _doc(code)["doc_type"] == doc_type


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [("KẾ HOẠCH", "ke_hoach"), ("CHỈ THỊ", "chi_thi"), ("QUYẾT ĐỊNH", "quyet_dinh"), ("TỜ TRÌNH", "to_trinh")],
)
def test_doc_type_from_title_when_there_is_no_code(title, doc_type):
    record = _doc(f"SỞ NỘI VỤ\n\n{title}\nvề công tác hội năm 2014")
    assert record["doc_type"] == doc_type
    assert record["subject"] == "về công tác hội năm 2014"
    assert record["code"] is None


@pytest.mark.parametrize(
    ("header", "system"),
    [
        ("THÀNH ỦY CẦN THƠ\nSố 752-CV/TU", "party"),  # hyphen before the type
        ("SỞ NỘI VỤ\nSố: 454/UBND-NCTH", "state"),  # slash and hyphen inside the symbol
        ("ĐẢNG CỘNG SẢN VIỆT NAM\nCần Thơ, ngày 1 tháng 2 năm 2013", "party"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc", "state"),
        ("SỞ NỘI VỤ", None),
    ],
)
def test_system(header, system):
    assert _doc(header)["system"] == system


def test_code_is_not_taken_from_the_subject():
    record = _doc("SỞ NỘI VỤ\nV/v thực hiện Chỉ thị số 17-CT/TW\nCần Thơ, ngày 1 tháng 2 năm 2013")
    assert record["code"] is None
    assert record["references"] == [{"code": "17-CT/TW", "date": None, "issuer": None}]
    assert "Không đọc được số, ký hiệu văn bản: cần kiểm tra." in record["warnings"]


def test_ocr_tu_for_tw():
    assert _doc("BAN BÍ THƯ\nSố 17-CT/TƯ")["code"] == "17-CT/TW"


def test_impossible_date_is_warned():
    record = _doc("SỞ NỘI VỤ\nSố: 1/SNV\nCần Thơ, ngày 31 tháng 2 năm 2013")
    assert record["date"] is None
    assert record["place"] == "Cần Thơ"
    assert "Ngày ban hành không đầy đủ hoặc không hợp lệ: cần kiểm tra." in record["warnings"]


@pytest.mark.parametrize(
    ("printed", "cited"),
    [
        ("THÀNH ỦY CẦN THƠ", "Thành ủy Cần Thơ"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "Ủy ban nhân dân thành phố Cần Thơ"),
        ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
        ("BAN DÂN VẬN THÀNH ỦY", "Ban Dân vận Thành ủy"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
        ("UBND TỈNH AN GIANG", "UBND tỉnh An Giang"),
        ("Thành ủy Cần Thơ", "Thành ủy Cần Thơ"),
    ],
)
def test_cite_case(printed, cited):
    assert cite_case(printed) == cited


@pytest.mark.parametrize(
    ("printed", "cited"),
    [("PHÓ BÍ THƯ", "Phó Bí thư"), ("CHỦ TỊCH", "Chủ tịch"), ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
     ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"), ("TRƯỞNG BAN", "Trưởng ban")],
)
def test_cite_title(printed, cited):
    assert cite_title(printed) == cited


@pytest.mark.parametrize(
    ("text", "leads", "coordinators"),
    [
        ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tham mưu.",
         ["Sở Nội vụ"], ["Sở Tài chính", "các cơ quan liên quan"]),
        ("Sở Giáo dục và Đào tạo tổ chức tập huấn.", ["Sở Giáo dục và Đào tạo"], []),
        ("Ban hành kèm theo Quyết định này Quy chế phối hợp.", [], []),
        ("Hội nghị đã thống nhất các nội dung.", [], []),
        ("Đề nghị Ủy ban Mặt trận Tổ quốc thành phố phối hợp với các đoàn thể giám sát.",
         ["Ủy ban Mặt trận Tổ quốc thành phố"], ["các đoàn thể"]),
        ("- Công an thành phố chủ trì bảo đảm an ninh.", ["Công an thành phố"], []),
    ],
)
def test_actors(text, leads, coordinators):
    assert find_actors(text) == (leads, coordinators)


def test_split_names_keeps_names_with_commas_and_and():
    assert split_names("Sở Kế hoạch và Đầu tư, Sở Lao động - Thương binh và Xã hội, Ủy ban nhân dân quận, huyện") == [
        "Sở Kế hoạch và Đầu tư",
        "Sở Lao động - Thương binh và Xã hội",
        "Ủy ban nhân dân quận, huyện",
    ]


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("hoàn thành trước ngày 30/11/2012.", "2012-11-30"),
        ("chậm nhất ngày 15 tháng 12 năm 2012 gửi báo cáo", "2012-12-15"),
        ("Chậm nhất là vào ngày 5-1-2013", "2013-01-05"),
        ("tổ chức trong tháng 12/2012", "2012-12-31"),
        ("trong tháng 2 năm 2012", "2012-02-29"),
        ("hoàn thành trong quý IV/2012", "2012-12-31"),
        ("trước ngày 30/11", "2013-11-30"),  # no year: the document's year
        ("Ngày 28/8/2012 Bộ Chính trị ban hành Chỉ thị", None),
        ("trước ngày 31/2/2013", None),
    ],
)
def test_deadline(text, deadline):
    assert find_deadline(text, 2013) == deadline


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("hằng tháng báo cáo", "monthly"), ("Hàng tháng", "monthly"),
        ("hằng quý", "quarterly"), ("hàng quý", "quarterly"), ("định kỳ 3 tháng", "quarterly"),
        ("định kỳ 6 tháng", "half_yearly"), ("6 tháng một lần", "half_yearly"),
        ("hằng năm", "yearly"), ("hàng năm", "yearly"), ("thường niên", "yearly"),
        ("định kỳ báo cáo", "periodic"), ("báo cáo định kỳ", "periodic"),
        ("định kỳ 6 tháng và hằng năm", "half_yearly"),
        ("thường xuyên theo dõi", None), ("năm 2013", None),
    ],
)
def test_recurrence(text, recurrence):
    assert find_recurrence(text) == recurrence


def test_signer_before_distribution_with_tuq_prefix():
    record = parse_text(
        "SỞ NỘI VỤ\nSố: 5/SNV-VP\nV/v họp\nCần Thơ, ngày 2 tháng 3 năm 2014\n\n"
        "1. Văn phòng Sở chuẩn bị phòng họp.\n\n"
        "TUQ. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG\n(Đã ký)\nTRẦN VĂN SANG\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    )
    assert record["signer"] == {"name": "Trần Văn Sang", "title": "Chánh Văn phòng"}
    assert record["distribution"] == ["Như trên", "Lưu: VT"]
    assert record["tasks"][0]["text"] == "Văn phòng Sở chuẩn bị phòng họp."


def test_acting_signer():
    record = _doc("SỞ NỘI VỤ\nSố: 5/SNV-VP", tail="Q. GIÁM ĐỐC\nLê Văn Tám")
    assert record["signer"] == {"name": "Lê Văn Tám", "title": "Quyền Giám đốc"}


def test_closing_sentence_is_not_part_of_the_last_task():
    record = _doc(
        "SỞ NỘI VỤ\nSố: 5/SNV-VP",
        body="1. Sở Tài chính bố trí kinh phí.\n2. Sở Tư pháp thẩm định hồ sơ.\n\n"
        "Nhận được Công văn này, đề nghị các cơ quan triển khai thực hiện./.",
    )
    assert record["tasks"][-1]["text"] == "Sở Tư pháp thẩm định hồ sơ."


def test_recipient_without_punctuation_does_not_swallow_the_body():
    record = parse_text(
        "SỞ NỘI VỤ\nSố: 5/SNV-VP\nKính gửi: Sở Tài chính\n"
        "Thực hiện chỉ đạo của Ủy ban nhân dân thành phố, Sở Nội vụ đề nghị:\n"
        "1. Sở Tài chính bố trí kinh phí.\nNguyễn Văn Bình\n"
    )
    assert record["recipients"] == ["Sở Tài chính"]
    assert len(record["tasks"]) == 1
