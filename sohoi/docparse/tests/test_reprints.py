"""Reprints without their header block, and copy damage seen on real Party documents (issue 15).

Invented texts in the shapes the corpus shows: a newspaper's lead announcing the
document, a page headline naming it, HTML entities, "T.Ư", a Tỉnh ủy's "/TƯ".
"""

from __future__ import annotations

import pytest

from sohoi.docparse import parse_text

_BODY = "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, đảng viên về công tác dân vận.\n"


def _fields(record: dict, *names: str) -> tuple:
    return tuple(record[n] for n in names)


@pytest.mark.parametrize(
    ("lead", "code", "date", "doc_type"),
    [
        ("Ngày 15/1/2019, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 114-KH/TU về sơ kết công tác hội.",
         "114-KH/TU", "2019-01-15", "ke_hoach"),
        ("Ban biên tập giới thiệu toàn văn Nghị quyết số 10-NQ/TU, ngày 18/8/2021 của Ban Thường vụ Tỉnh ủy.",
         "10-NQ/TU", "2021-08-18", "nghi_quyet"),
        ("Thường trực Ban Bí thư đã ký Chỉ thị của Ban Bí thư về tổ chức Tết (Chỉ thị số 55-CT/TW ngày 22/12/2025).",
         "55-CT/TW", "2025-12-22", "chi_thi"),
        ("Ngày 25/4/2020 Văn phòng Trung ương Đảng đã có Công văn số 11997-CV/VPTW về việc gửi bài viết.",
         "11997-CV/VPTW", "2020-04-25", "cong_van"),
        ("Ngày 9-5-2011, Ban Bí thư đã ban hành Văn bản số 26-TB/T.Ư thông báo kết luận về sơ kết chỉ thị.",
         "26-TB/TW", "2011-05-09", "thong_bao"),
    ],
)
def test_the_lead_sentence_gives_the_documents_own_number(lead, code, date, doc_type):
    record = parse_text(f"{lead}\n\n{_BODY}")
    assert _fields(record, "code", "date", "doc_type", "system") == (code, date, doc_type, "party")
    assert code not in {r["code"] for r in record["references"]}


def test_a_citation_in_the_lead_is_not_the_document():
    lead = "Thực hiện Kế hoạch số 12-KH/TU ngày 3/3/2020 của Tỉnh ủy, Ban Dân vận ban hành kế hoạch như sau:"
    record = parse_text(f"{lead}\n\n{_BODY}")
    assert record["code"] is None
    assert record["references"][0]["code"] == "12-KH/TU"


def test_the_date_of_a_citation_in_the_lead_is_not_the_documents():
    lead = ("Nhằm đánh giá Kết luận số 102-KL/TW, ngày 22/9/2014 của Bộ Chính trị, "
            "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 114-KH/TU về sơ kết.")
    record = parse_text(f"{lead}\n\n{_BODY}")
    assert _fields(record, "code", "date") == ("114-KH/TU", None)


def test_a_headline_naming_the_document_by_type_and_number():
    text = "Thứ Bảy, 30/5/2020\nQuyết định số 290-QĐ/TW, ngày 25/02/2010 của Bộ Chính trị về quy chế\n\n" + _BODY
    record = parse_text(text)
    assert _fields(record, "code", "date", "system") == ("290-QĐ/TW", "2010-02-25", "party")
    assert record["references"] == []


def test_a_headline_with_scrambled_tone_marks_still_names_the_type():
    record = parse_text("KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ VỀ SẮP XẾP\n" + _BODY)
    assert _fields(record, "code", "doc_type") == ("127-KL/TW", "ket_luan")


def test_a_bulleted_citation_on_the_second_line_is_not_a_headline():
    record = parse_text("Căn cứ\n- Chỉ thị số 45-CT/TW ngày 22/7/2010 của Bộ Chính trị;\n\n" + _BODY)
    assert record["code"] is None
    assert [r["code"] for r in record["references"]] == ["45-CT/TW"]


def test_html_entities_become_letters():
    text = "<p>Ng&agrave;y 5/1/2017, Ban Tuy&ecirc;n gi&aacute;o Trung ương đ&atilde; ban h&agrave;nh hướng dẫn Số 21- HD/BTGTW.<br />\n" + _BODY
    record = parse_text(text)
    assert _fields(record, "code", "date", "doc_type") == ("21-HD/BTGTW", "2017-01-05", "huong_dan")


def test_a_title_under_the_lead_opens_the_document():
    text = ("Ban biên tập giới thiệu toàn văn nghị quyết của Ban Thường vụ.\n\nNGHỊ QUYẾT\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\n"
            "về phát triển thị xã lên thành phố\n—–\n\nThực hiện Nghị quyết Đại hội, Ban Thường vụ ban hành như sau:\n" + _BODY)
    record = parse_text(text)
    assert _fields(record, "doc_type", "subject", "system") == (
        "nghi_quyet", "về phát triển thị xã lên thành phố", "party")


def test_the_issuer_restated_under_the_title_is_not_the_subject():
    header = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố: 49-CT/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 21 tháng 02 năm 2005\n"
    record = parse_text(header + "\nCHỈ THỊ\n\nCỦA BAN BÍ THƯ\n\nVề xây dựng gia đình\n\nGia đình là tế bào của xã hội.\n")
    assert record["subject"] == "Về xây dựng gia đình"


def test_a_department_of_the_central_committee():
    header = "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TUYÊN GIÁO\n-------\nĐẢNG CỘNG SẢN VIỆT NAM\nSố: 126-HD/BTGTW\nHà Nội, ngày 19 tháng 12 năm 2023\n"
    assert parse_text(header + "\nHƯỚNG DẪN\nTUYÊN TRUYỀN NĂM 2024\n\n" + _BODY)["issuer"] == "Ban Tuyên giáo Trung ương"


def test_a_provincial_tu_misread_as_tu_with_a_hook():
    header = "TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TƯ\nThừa Thiên Huế, ngày 13 tháng 5 năm 2022\n"
    record = parse_text(header + "KẾT LUẬN\nvề hạ tầng\n\nI. ĐÁNH GIÁ\nSau 10 năm thực hiện Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV), tỉnh phát triển.\n")
    assert record["code"] == "445-KL/TU"
    assert [r["code"] for r in record["references"]] == ["13-NQ/TU"]


def test_the_partys_name_inside_a_subject_is_not_the_motto():
    header = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 09-QC/TW\nHà Nội, ngày 05 tháng 01 năm 2026\n"
    record = parse_text(header + "\nQUY CHẾ\n\nQuản lý thông tin trên Cổng thông tin điện tử Đảng Cộng sản Việt Nam\n\n- Căn cứ Điều lệ Đảng;\n")
    assert record["subject"] == "Quản lý thông tin trên Cổng thông tin điện tử Đảng Cộng sản Việt Nam"


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [("Hà Nội, 06 tháng 10 năm 1998", "Hà Nội", "1998-10-06"), ("Việt Cường, ngày … tháng … năm …", "Việt Cường", None)],
)
def test_place_date_without_ngay_and_a_blank_model_date(line, place, date):
    record = parse_text(f"BỘ CHÍNH TRỊ\n-------\nĐẢNG CỘNG SẢN VIỆT NAM\nSố: 42-CT/TW\n{line}\n\nCHỈ THỊ\nVỀ HỘI QUẦN CHÚNG\n\n{_BODY}")
    assert _fields(record, "place", "date") == (place, date)


@pytest.mark.parametrize(
    ("sentence", "code", "date"),
    [
        ("Căn cứ Nghị quyết 8B-NQ/TW (khoá VI) ngày 27-3-1990 về công tác quần chúng;", "8B-NQ/TW", "1990-03-27"),
        ("Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ;", "24/2021/QĐ-TTg", "2021-07-16"),
        ("Căn cứ Nghị quyết Liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN ngày 22/8/2008 của Chính phủ;",
         "19/2008/NQLT/CP-UBTUMTTQVN", "2008-08-22"),
        ("Căn cứ Kết lúận số 121-KL/TW, ngàỷ 24/01/2025 củà Bạn Chấp hành Trũng ương;", "121-KL/TW", "2025-01-24"),
    ],
)
def test_citations_as_copies_damage_them(sentence, code, date):
    header = "TỈNH ỦY CẦN THƠ\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 1-KH/TU\nCần Thơ, ngày 2 tháng 3 năm 2025\n\nKẾ HOẠCH\nvề công tác hội\n\n"
    refs = {r["code"]: r["date"] for r in parse_text(header + sentence + "\n" + _BODY)["references"]}
    assert refs.get(code) == date


def test_an_article_assigns_each_of_its_paragraphs():
    body = ("Điều 2. Các ban đảng, các tỉnh ủy, thành ủy có trách nhiệm tổ chức thực hiện Quyết định này.\n\n"
            "Ban Dân vận Trung ương chủ trì, phối hợp với Văn phòng Trung ương Đảng theo dõi, kiểm tra.\n\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n")
    header = "BỘ CHÍNH TRỊ\n*\nSố 290-QĐ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 25 tháng 02 năm 2010\n\nQUYẾT ĐỊNH\nvề quy chế\n\n"
    task = next(t for t in parse_text(header + body)["tasks"] if t["no"] == "2")
    assert "Ban Dân vận Trung ương" in task["leads"]


@pytest.mark.parametrize(
    ("printed", "code"),
    [("Quyết định số 217/QĐ-TW", "217-QĐ/TW"), ("Chỉ thị số 22/CT-TW", "22-CT/TW"), ("Chỉ thị số 25/CT-HU", "25-CT/HU")],
)
def test_a_party_number_printed_in_the_states_form(printed, code):
    record = parse_text(f"{printed} ngày 23/01/2018 về thi đua\n\n" + _BODY)
    assert _fields(record, "code", "system") == (code, "party")


def test_a_state_number_keeps_its_form():
    header = "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\nKon Tum, ngày 2 tháng 3 năm 2020\n"
    assert _fields(parse_text(header + "\nKẾ HOẠCH\nvề hội\n\n" + _BODY), "code", "system") == ("12/KH-UBND", "state")
