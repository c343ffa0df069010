"""Rules for documents as they reach a clerk from portals, legal databases and PDF text layers.

Each text here is invented (synthetic names and numbers) and shows one kind of damage or
layout the real-world corpus holds; the rule is general, not tuned to a corpus document.
"""

from __future__ import annotations

from sohoi.docparse import parse_text
from sohoi.docparse.actors import find_actors
from sohoi.docparse.dropped import restore_dropped
from sohoi.docparse.legacy import repair_legacy

SIGNER = "\n\nNguyễn Văn Bình\n"
STATE_HEAD = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def _tasks(record: dict) -> list[str]:
    return [t["no"] for t in record["tasks"]]


def test_headline_of_a_submission_names_the_issuer_not_the_subject():
    r = parse_text(
        "TỜ TRÌNH CỦA ỦY BAN NHÂN DÂN TỈNH AN PHÚ\nVỀ VIỆC ĐIỀU CHỈNH DỰ TOÁN NĂM 2020\n\n"
        "Kính gửi: Hội đồng nhân dân tỉnh.\n\n1. Sở Tài chính tổng hợp số liệu." + SIGNER
    )
    assert r["issuer"] == "Ủy ban nhân dân tỉnh An Phú"
    assert r["subject"] == "VỀ VIỆC ĐIỀU CHỈNH DỰ TOÁN NĂM 2020"
    assert r["doc_type"] == "to_trinh"


def test_a_numbered_list_of_persons_is_not_tasks():
    body = (
        "Xin trình danh sách:\n\n1. Đồng chí Nguyễn Văn An thôi giữ chức Giám đốc Sở Nội vụ.\n\n"
        "2. Đồng chí Trần Thị Bích giữ chức Giám đốc Sở Nội vụ.\n\n3. Ông Lê Văn Cường giữ chức Phó Giám đốc."
    )
    assert parse_text("TỜ TRÌNH\nVỀ NHÂN SỰ\n\n" + body + SIGNER)["tasks"] == []


def test_items_that_assign_work_to_bodies_stay_tasks():
    body = "1. Sở Nội vụ chủ trì tổng hợp.\n\n2. Sở Tài chính bảo đảm kinh phí."
    assert _tasks(parse_text("KẾ HOẠCH\nVỀ VIỆC A\n\n" + body + SIGNER)) == ["1", "2"]


def test_a_page_run_onto_one_line_is_read_as_a_header():
    line = (
        "1. ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH AN PHÚ Độc lập - Tự do - Hạnh phúc "
        "Số: 12/2020/QĐ-UBND An Phú, ngày 05 tháng 3 năm 2020 QUYẾT ĐỊNH BAN HÀNH QUY CHẾ LÀM VIỆC "
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN PHÚ Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; "
        "Xét đề nghị của Giám đốc Sở Nội vụ, QUYẾT ĐỊNH: Điều 1. Ban hành kèm theo Quyết định này Quy chế. "
        "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này."
    )
    r = parse_text("Tải về\n\n" + line + SIGNER)
    assert (r["code"], r["date"], r["place"], r["doc_type"]) == ("12/2020/QĐ-UBND", "2020-03-05", "An Phú", "quyet_dinh")
    assert r["issuer"] == "Ủy ban nhân dân tỉnh An Phú"
    assert r["subject"] == "BAN HÀNH QUY CHẾ LÀM VIỆC"
    assert _tasks(r) == ["1", "2"]


def test_a_dot_inside_a_hyphenated_symbol_is_kept_and_an_old_dot_is_a_hyphen():
    assert parse_text("Số: 6/QC-TT.HĐND-UBND\n\nQUY CHẾ\nPHỐI HỢP" + SIGNER)["code"] == "6/QC-TT.HĐND-UBND"
    assert parse_text("Số: 6/QĐ.TTg\n\nQUYẾT ĐỊNH\nVỀ VIỆC A" + SIGNER)["code"] == "6/QĐ-TTg"


def test_a_district_named_by_its_number_is_a_place():
    r = parse_text("ỦY BAN NHÂN DÂN QUẬN 5\n" + STATE_HEAD + "Số: 7/QĐ-UBND\nQuận 5, ngày 08 tháng 8 năm 2006\n\nQUYẾT ĐỊNH\nVỀ VIỆC A" + SIGNER)
    assert (r["place"], r["date"]) == ("Quận 5", "2006-08-08")


def test_a_joint_office_is_one_lead():
    body = (
        "Điều 1. Phê duyệt.\n\nĐiều 2. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận, "
        "Trưởng Phòng Nội vụ quận chịu trách nhiệm thi hành Quyết định này."
    )
    r = parse_text("Số: 7/QĐ-UBND\n\nQUYẾT ĐỊNH\nVỀ VIỆC A\n\n" + body + SIGNER)
    assert r["tasks"][1]["leads"] == [
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân quận", "Trưởng Phòng Nội vụ quận",
    ]


def test_the_enacting_body_alone_under_the_subject_ends_it():
    r = parse_text(
        "QUỐC HỘI\n" + STATE_HEAD + "Số: 9/2019/QH14\n\nNGHỊ QUYẾT\nVỀ VIỆC A\nQUỐC HỘI\n"
        "Căn cứ Hiến pháp;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Chính phủ tổ chức thực hiện." + SIGNER
    )
    assert r["subject"] == "VỀ VIỆC A"


def test_no_title_and_a_number_without_type_the_enacting_formula_gives_the_type():
    r = parse_text(
        "HỘI ĐỒNG BỘ TRƯỞNG\nSố: 7-HĐBT | Hà Nội, ngày 13 tháng 3 năm 1990\nVỀ MỘT SỐ CHÍNH SÁCH\n\n"
        "Căn cứ Luật Tổ chức Hội đồng Bộ trưởng;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Các Bộ thực hiện." + SIGNER
    )
    assert r["doc_type"] == "quyet_dinh"


def test_a_notice_without_header_is_a_notice():
    text = (
        "Ủy ban nhân dân xã An Bình thông báo lịch tiếp công dân năm 2025 như sau:\n\n"
        "1. Thời gian: thứ Năm hằng tuần." + SIGNER
    )
    assert parse_text(text)["doc_type"] == "thong_bao"
    assert parse_text("Thông báo lịch tiếp công dân của Chủ tịch\n\n1. Thời gian: ngày 20." + SIGNER)["doc_type"] == "thong_bao"


def test_a_charter_is_other():
    assert parse_text("ĐIỀU LỆ\nHỘI CỰU GIÁO CHỨC\n\nChương I\nTÊN GỌI" + SIGNER)["doc_type"] == "other"
    assert parse_text("Điều lệ Hội Nông dân Việt Nam\n\nChương I\nTÊN GỌI" + SIGNER)["doc_type"] == "other"


def test_an_annex_note_broken_over_lines_is_not_the_header_number():
    r = parse_text(
        "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n" + STATE_HEAD + "QUY CHẾ\nLÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ\n(Ban hành\n"
        "kèm theo Quyết định số: 59/QĐ-UBND\nNgày 22 tháng\n7 năm 2021 của Ủy ban nhân dân xã)\n"
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi" + SIGNER
    )
    assert r["issuer"] == "Ủy ban nhân dân xã An Bình"
    assert r["subject"] == "LÀM VIỆC CỦA ỦY BAN NHÂN DÂN XÃ"
    assert r["code"] is None
    assert [(x["code"], x["date"]) for x in r["references"]] == [("59/QĐ-UBND", "2021-07-22")]


def test_dieu_broken_from_its_number():
    r = parse_text("Số: 1/NQ-UBTVQH13\n\nNGHỊ QUYẾT\nVỀ VIỆC A\n\nĐiều\n1.\nThành lập Đoàn.\nĐiều\n2.\nĐoàn giám sát có trách nhiệm báo cáo." + SIGNER)
    assert _tasks(r) == ["1", "2"]
    assert r["tasks"][1]["leads"] == ["Đoàn giám sát"]


def test_a_legal_database_summary_stands_in_for_the_header():
    text = (
        "Nghị quyết 8/1998/NQ-CP của Chính phủ\nCơ quan ban hành: Chính phủ\nSố hiệu:8/1998/NQ-CP\n"
        "Ngày ban hành:16/07/1998\n\nTrong hai ngày, Chính phủ đã họp." + SIGNER
    )
    r = parse_text(text)
    assert (r["issuer"], r["code"], r["date"]) == ("Chính phủ", "8/1998/NQ-CP", "1998-07-16")


def test_unicode_lines_of_a_mixed_page_are_not_decoded_as_tcvn3():
    tcvn3 = "Uû ban nh©n d©n tØnh thùc hiÖn kÕ ho¹ch, c¸c së phèi hîp triÓn khai c«ng viÖc."
    text, legacy = repair_legacy("Nghị quyết của Chính phủ\n" + tcvn3 + "\n" + tcvn3)
    assert legacy == "TCVN3"
    assert text.startswith("Nghị quyết của Chính phủ\n")
    assert "thực hiện kế hoạch" in text


def test_page_furniture_is_not_the_issuer_and_the_page_title_names_it():
    text = (
        "YOMEDIA\nADSENSE\nQuyết định số 5/2006/QĐ-UBDT về việc ban hành quy chế do Ủy ban Dân tộc ban hành\n\n"
        "Nội dung đang cập nhật." + SIGNER
    )
    assert parse_text(text)["issuer"] == "Ủy ban Dân tộc"


def test_a_drafts_blank_number_is_not_read_as_a_code():
    r = parse_text("QUỐC HỘI\n" + STATE_HEAD + "Nghị quyết số: /\n2017/QH14\n\nNGHỊ QUYẾT\nVỀ VIỆC A" + SIGNER)
    assert r["code"] is None


def test_a_number_glued_to_its_type():
    assert parse_text("Số: 01NQ/UBTVQH9\n\nNGHỊ QUYẾT\nVỀ VIỆC A" + SIGNER)["code"] == "01NQ/UBTVQH9"


def test_header_lines_listed_as_bullets_and_a_dropped_first_letter():
    r = parse_text(
        " • ỦY BAN MTTQ VIỆT NAM\n  TỈNH AN PHÚ\n  BAN THƯỜNG TRỰC\n" + STATE_HEAD + "Số: 1/KH-MTTQ-BTT\n\nKẾ HOẠCH\nGIÁM SÁT" + SIGNER
    )
    assert r["issuer"] == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh An Phú"
    r = parse_text("Y BAN NHÂN DÂN\nTỈNH AN PHÚ\n" + STATE_HEAD + "Số: 2/KH-UBND\n\nKẾ HOẠCH\nGIÁM SÁT" + SIGNER)
    assert r["issuer"] == "Ủy ban nhân dân tỉnh An Phú"


def test_sections_of_a_part_reporting_results_are_not_tasks():
    body = (
        "Phần thứ nhất\nTÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT\nI- VỀ KINH TẾ\n1. Sản xuất nông nghiệp\n"
        "Sở Nông nghiệp đã triển khai nhiều mô hình."
    )
    assert parse_text("Số: 3/BC-UBND\n\nBÁO CÁO\nGIỮA NHIỆM KỲ\n\n" + body + SIGNER)["tasks"] == []


def test_letters_a_pdf_font_dropped_are_restored_on_damaged_lines_only():
    damaged = (
        "U BAN DÂN T C C NG HÒA XÃ H I CH NGHĨA VI T NAM Đ c l p – T do – H nh phúc S 5/QĐ-UBDT "
        "Hà N i, ngày 08 tháng 11 năm 2006 QUY T Đ NH Căn c Ngh đ nh s 51/2003/NĐ-CP c a Chính ph ; "
        "Đi u 1. Ban hành kèm theo Quy t đ nh này Quy đ nh. Đi u 2. Quy t đ nh này có hi u l c t ngày ký."
    )
    text = restore_dropped("Ủy ban Dân tộc ban hành quyết định có hiệu lực\n" + damaged)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc Số 5/QĐ-UBDT Hà Nội, ngày" in text
    assert "QUYẾT ĐỊNH" in text and "Điều 1." in text and "Điều 2." in text
    intact = "Ủy ban nhân dân tỉnh T C ban hành " * 10
    assert restore_dropped(intact) == intact


def test_a_one_line_gazette_headline_gives_the_subject_after_the_issuer():
    r = parse_text(
        "BỘ NỘI VỤ\n" + STATE_HEAD + "Số: 5/QĐ-BNV\nHà Nội, ngày 08 tháng 11 năm 2006\n"
        "QUYẾT ĐỊNH SỐ 5/QĐ-BNV NGÀY 08 THÁNG 11 NĂM 2006 CỦA BỘ NỘI VỤ BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO\n"
        "Căn cứ Nghị định số 51/2003/NĐ-CP;" + SIGNER
    )
    assert r["subject"] == "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO"


def test_a_second_document_after_the_signature_is_not_the_body():
    r = parse_text(
        "Số: 7/QĐ-UBND\n\nQUYẾT ĐỊNH\nVỀ VIỆC A\n\nTheo đề nghị tại tờ trình số 6/TTr-SNV ngày 04/11/2010\n\n"
        "Điều 1. Ban hành Quy định.\n\nCHỦ TỊCH\n\n(Đã ký)\n\nNguyễn Văn Bình\n\nQUY ĐỊNH\nVỀ VIỆC A\n\n"
        "Theo đề nghị tại tờ trình số 9/TTr-SNV ngày 25/11/2010\n"
    )
    assert [x["code"] for x in r["references"]] == ["6/TTr-SNV"]
    assert r["signer"] == {"name": "Nguyễn Văn Bình", "title": "Chủ tịch"}


def test_an_ocr_damaged_title_and_a_conference_subject():
    r = parse_text(
        "TỈNH ỦY AN PHÚ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 45-KL/TU\nAn Phú, ngày 13 tháng 5 năm 2022\nK ÉT LUẬN\n"
        "HỘI NGHỊ LẦN THỨ BẢY\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI)\nvề xây dựng hạ tầng đến năm 2025,\n"
        "định hướng đến năm 2030\nHội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh họp\nngày 26/4/2022 và kết luận:\n"
        "I. ĐÁNH GIÁ TÌNH HÌNH\nSau 10 năm thực hiện Nghị quyết 13-NQ/TU của Tỉnh ủy (khóa XIV), hạ tầng phát triển." + SIGNER
    )
    assert r["doc_type"] == "ket_luan"
    assert r["subject"] == (
        "HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI) về xây dựng hạ tầng đến năm 2025 "
        "định hướng đến năm 2030"
    )
    assert [x["code"] for x in r["references"]] == ["13-NQ/TU"]


def test_a_sharing_sites_page_number_is_not_a_task():
    page = "Trong hai ngày, Chính phủ họp phiên thường kỳ và quyết định một số chủ trương. " * 15
    r = parse_text("Nội dung Text: Nghị quyết của Chính phủ\n\n 1. " + page + SIGNER)
    assert r["tasks"] == []


def test_a_motto_glued_to_the_number_in_a_run_on_page():
    line = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 36 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29 tháng 10 năm 2013 "
        "QUYẾT ĐỊNHVề việc ban hành Quy định về văn bản--------- BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN- Căn cứ Điều lệ Đoàn; "
        "- Căn cứ Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn; QUYẾT ĐỊNH "
        "Điều 1. Ban hành kèm theo quyết định này Quy định. Điều 2. Văn phòng Trung ương Đoàn tham mưu thực hiện."
    )
    r = parse_text(line + SIGNER)
    assert (r["code"], r["date"]) == ("36-QĐ/TWĐTN-VP", "2013-10-29")
    assert r["subject"] == "Về việc ban hành Quy định về văn bản"
    assert [x["code"] for x in r["references"]] == ["84-QĐ/TWĐTN"]


def test_a_subject_line_naming_a_body_continues_the_subject():
    r = parse_text(
        "Số: 12/UBND-VX\nV/v tăng cường công tác phòng\nchống dịch bệnh trên địa bàn\nThành phố Hồ Chí Minh\n\n"
        "Kính gửi: Sở Y tế\n\n1. Sở Y tế tổ chức thực hiện." + SIGNER
    )
    assert r["subject"] == "V/v tăng cường công tác phòng chống dịch bệnh trên địa bàn Thành phố Hồ Chí Minh"


def test_a_subject_cut_before_the_name_of_a_body_goes_on():
    r = parse_text(
        "QUỐC HỘI\n" + STATE_HEAD + "Số: 9/2019/QH14\n\nNGHỊ QUYẾT\nVỀ CHƯƠNG TRÌNH GIÁM SÁT CỦA\nQUỐC HỘI\n"
        "Căn cứ Hiến pháp;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Chính phủ tổ chức thực hiện." + SIGNER
    )
    assert r["subject"] == "VỀ CHƯƠNG TRÌNH GIÁM SÁT CỦA QUỐC HỘI"


def test_a_semicolon_separates_two_leads():
    assert find_actors("Giao Trung tâm Văn hóa, thể thao; Nhà văn hóa huyện tổ chức đăng tải.")[0] == [
        "Trung tâm Văn hóa, thể thao", "Nhà văn hóa huyện",
    ]
