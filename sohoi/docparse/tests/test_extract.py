"""Reading files: Word with header tables, PDF, and what must be refused."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from sohoi.docparse import MAX_BYTES, ParseError, extract_text, parse_file

from .helpers import SEED, fixture

EMPTY = "Tệp trống: không có nội dung để đọc."
BINARY = "Không phải văn bản: tệp nhị phân không đọc được."
IMAGE_PDF = "Tệp PDF chỉ có ảnh quét, không có lớp chữ: hãy dùng bản có chữ hoặc nhập tay."


def _cells(table, left: list[str], right: list[str]) -> None:
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def make_docx(path):
    """A Sở Nội vụ letter laid out as offices do: header and signature in tables."""
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    _cells(
        header,
        ["SỞ NỘI VỤ", "-----", "Số: 77/SNV-TCBC", "V/v báo cáo tình hình hoạt động", "của các hội năm 2014"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "Sóc Trăng, ngày 10 tháng 10 năm 2014"],
    )
    document.add_paragraph("")
    document.add_paragraph("Kính gửi: Các hội có phạm vi hoạt động trong tỉnh.")
    document.add_paragraph("Sở Nội vụ đề nghị các hội thực hiện các nội dung sau:")
    document.add_paragraph(
        "1. Các hội cấp tỉnh rà soát tổ chức, hoạt động, gửi báo cáo năm trước ngày 15/12/2014."
    )
    document.add_paragraph(
        "2. Giao Phòng Tổ chức - Biên chế và Tổ chức phi chính phủ chủ trì, phối hợp với Thanh tra Sở "
        "kiểm tra việc thực hiện, hằng năm báo cáo Giám đốc Sở."
    )
    signature = document.add_table(rows=1, cols=2)
    _cells(
        signature,
        ["Nơi nhận:", "- Như trên;", "- Lưu: VT, TCBC."],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Lý Minh Hiếu"],
    )
    document.save(path)
    return path


def test_docx_header_table_rows_become_pipe_lines(tmp_path):
    path = make_docx(tmp_path / "77-SNV.docx")
    lines = extract_text(path.read_bytes(), path.name).split("\n")
    assert lines[0] == "SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[1] == "----- | Độc lập - Tự do - Hạnh phúc"
    assert "Nơi nhận: | KT. GIÁM ĐỐC" in lines


def test_docx_record(tmp_path):
    record = parse_file(make_docx(tmp_path / "77-SNV.docx"))
    assert record["system"] == "state"
    assert record["issuer"] == "Sở Nội vụ"
    assert record["code"] == "77/SNV-TCBC"
    assert record["doc_type"] == "cong_van"
    assert record["place"] == "Sóc Trăng"
    assert record["date"] == "2014-10-10"
    assert record["subject"] == "V/v báo cáo tình hình hoạt động của các hội năm 2014"
    assert record["recipients"] == ["Các hội có phạm vi hoạt động trong tỉnh"]
    assert [(t["no"], t["leads"], t["coordinators"], t["deadline"], t["recurrence"]) for t in record["tasks"]] == [
        ("1", ["Các hội cấp tỉnh"], [], "2014-12-15", None),
        ("2", ["Phòng Tổ chức - Biên chế và Tổ chức phi chính phủ"], ["Thanh tra Sở"], None, "yearly"),
    ]
    assert record["distribution"] == ["Như trên", "Lưu: VT, TCBC"]
    assert record["signer"] == {"name": "Lý Minh Hiếu", "title": "Phó Giám đốc"}
    assert record["warnings"] == []


def test_docx_that_is_not_a_zip():
    with pytest.raises(ParseError) as err:
        extract_text(b"this is not a word file", "letter.docx")
    assert "Word" in str(err.value)


def test_zip_that_is_not_a_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(ParseError):
        extract_text(buffer.getvalue(), "letter.docx")


def test_old_word_doc_is_refused_with_advice():
    with pytest.raises(ParseError) as err:
        extract_text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cong-van.doc")
    assert ".docx" in str(err.value)


def test_text_pdf_reads():
    text = extract_text(fixture("41-CV-HU-text-layer.pdf").read_bytes(), "41.pdf")
    assert text.startswith("HUYỆN ỦY CỜ ĐỎ\n")
    assert "Hồ Thanh Bình" in text


def test_image_only_pdf_is_refused():
    with pytest.raises(ParseError) as err:
        parse_file(fixture("scan-image-only.pdf"))
    assert str(err.value) == IMAGE_PDF


def test_broken_pdf_is_refused():
    with pytest.raises(ParseError) as err:
        extract_text(b"%PDF-1.4\n1 0 obj garbage", "x.pdf")
    assert "PDF" in str(err.value)


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", "\ufeff".encode()])
@pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.pdf", "a"])
def test_empty_input(data, name):
    with pytest.raises(ParseError) as err:
        extract_text(data, name)
    assert str(err.value) == EMPTY


def test_empty_file(tmp_path):
    path = tmp_path / "trong.txt"
    path.write_bytes(b"")
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert str(err.value) == EMPTY


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"\x7fELF\x02\x01\x01" + bytes(range(1, 32)) * 20,
    ],
    ids=["all-bytes", "png", "elf"],
)
def test_binary_input(data):
    with pytest.raises(ParseError) as err:
        extract_text(data, "upload.txt")
    assert str(err.value) == BINARY


def test_oversize_bytes_are_refused_at_once():
    data = b"a" * (MAX_BYTES + 1)
    with pytest.raises(ParseError) as err:
        extract_text(data, "big.txt")
    assert str(err.value) == "Tệp quá lớn (11 MB), giới hạn 10 MB."


def test_oversize_file_is_not_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(52 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(ParseError) as err:
        parse_file(path)
    assert str(err.value) == "Tệp quá lớn (52 MB), giới hạn 10 MB."


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path / "khong-co.txt")
    assert str(err.value) == "Không tìm thấy tệp: khong-co.txt."
    with pytest.raises(ParseError) as err:
        parse_file(tmp_path)
    assert "Không phải tệp" in str(err.value)


def test_wrong_argument_types():
    with pytest.raises(ParseError):
        extract_text("a str, not bytes", "x.txt")  # type: ignore[arg-type]


def test_extension_is_a_hint_the_content_decides(tmp_path):
    path = tmp_path / "752.dat"
    path.write_bytes(SEED.read_bytes())
    assert parse_file(path)["code"] == "752-CV/TU"
