"""Legacy font encodings, code pages and normalisation."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from sohoi.docparse import extract_text, normalize, parse_file, parse_text
from sohoi.docparse.legacy import TCVN3_TABLE, repair_legacy

from .helpers import SEED, cp1258_encode, fixture, tcvn3_encode, vni_encode

TCVN3_SOURCE = fixture("22-CV-QU.tcvn3-source.txt")
VNI_SOURCE = fixture("15-KH-UBND.vni-source.txt")


def _without_legacy_note(record):
    record = dict(record)
    record["warnings"] = [w for w in record["warnings"] if "bảng mã" not in w]
    return record


# --- TCVN3 -----------------------------------------------------------------------


def test_tcvn3_looks_like_garbage_before_conversion():
    raw = tcvn3_encode("Thành ủy Hà Nội").decode("latin-1")
    assert raw == "Thµnh ñy Hµ Néi"


def test_tcvn3_file_reads_back_as_unicode(tmp_path):
    source = TCVN3_SOURCE.read_text(encoding="utf-8")
    path = tmp_path / "22-CV-QU.txt"
    path.write_bytes(tcvn3_encode(source))
    assert extract_text(path.read_bytes(), path.name) == normalize(source)
    record = parse_file(path)
    assert record["warnings"][0] == (
        "Văn bản được chuyển từ bảng mã TCVN3 sang Unicode: cần soát lại dấu tiếng Việt."
    )
    assert _without_legacy_note(record) == parse_file(TCVN3_SOURCE)


def test_tcvn3_record(tmp_path):
    path = tmp_path / "22-CV-QU.txt"
    path.write_bytes(tcvn3_encode(TCVN3_SOURCE.read_text(encoding="utf-8")))
    record = parse_file(path)
    assert record["issuer"] == "Quận ủy Ninh Kiều"
    assert record["code"] == "22-CV/QU"
    assert record["place"] == "Ninh Kiều"
    assert record["date"] == "2013-06-15"
    assert record["references"] == [
        {"code": "17-CT/TW", "date": None, "issuer": None},
        {"code": "12-KH/TU", "date": None, "issuer": "Thành ủy Cần Thơ"},
    ]
    assert [(t["leads"], t["coordinators"], t["deadline"]) for t in record["tasks"]] == [
        (["Các chi, đảng bộ cơ sở"], [], "2013-06-30"),
        (["Ban Dân vận Quận ủy"], ["Văn phòng Quận ủy"], None),
    ]
    assert record["signer"] == {"name": "Nguyễn Thị Kim Loan", "title": "Bí thư"}


def test_tcvn3_pasted_into_a_unicode_file_is_converted():
    """Text copied out of a .VnTime document into a UTF-8 file."""
    source = TCVN3_SOURCE.read_text(encoding="utf-8")
    garbage = tcvn3_encode(source).decode("latin-1")
    assert extract_text(garbage.encode("utf-8"), "x.txt") == normalize(source)
    assert _without_legacy_note(parse_text(garbage)) == parse_text(source)


def test_tcvn3_seed_round_trip():
    # ABC fonts have no "Ủ": typists wrote "Uỷ" (tone on the y).
    seed = SEED.read_text(encoding="utf-8").replace("Ủy", "Uỷ")
    converted = extract_text(tcvn3_encode(seed), "seed.txt")
    assert _without_legacy_note(parse_text(converted)) == parse_text(seed)


ICONV = shutil.which("iconv")


@pytest.mark.skipif(ICONV is None, reason="iconv not installed")
def test_tcvn3_table_agrees_with_glibc():
    """glibc's TCVN5712-1 is an independent reading of the same standard."""
    for code, letter in TCVN3_TABLE.items():
        result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [ICONV, "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes([code]), capture_output=True, check=False
        )
        if result.returncode == 0:
            assert unicodedata.normalize("NFC", result.stdout.decode("utf-8")) == letter, hex(code)


# --- VNI -------------------------------------------------------------------------


def test_vni_looks_like_garbage_before_conversion():
    assert vni_encode("Thành ủy").decode("latin-1") == "Thaønh uûy"


def test_vni_file_reads_back_as_unicode(tmp_path):
    source = VNI_SOURCE.read_text(encoding="utf-8")
    path = tmp_path / "15-KH-UBND.txt"
    path.write_bytes(vni_encode(source))
    assert extract_text(path.read_bytes(), path.name) == normalize(source)
    record = parse_file(path)
    assert record["warnings"][0].startswith("Văn bản được chuyển từ bảng mã VNI sang Unicode")
    assert record["issuer"] == "Ủy ban nhân dân huyện Châu Thành"
    assert record["code"] == "15/KH-UBND"
    assert record["doc_type"] == "ke_hoach"
    assert record["place"] == "Châu Thành"
    assert record["date"] == "2014-02-10"
    assert record["subject"] == "Quản lý nhà nước đối với hội trên địa bàn huyện năm 2014"
    assert record["references"] == [{"code": "45/2010/NĐ-CP", "date": "2010-04-21", "issuer": "Chính phủ"}]
    assert [(t["leads"], t["coordinators"], t["deadline"], t["recurrence"]) for t in record["tasks"]] == [
        (["Phòng Nội vụ huyện"], ["Phòng Tư pháp huyện"], None, "quarterly"),
        (["Ủy ban nhân dân các xã, thị trấn"], [], "2014-09-30", None),
    ]
    assert record["signer"] == {"name": "Dương Hoài Phong", "title": "Chủ tịch"}
    assert _without_legacy_note(record) == parse_file(VNI_SOURCE)


def test_vni_every_letter_round_trips():
    letters = "".join(
        unicodedata.normalize("NFC", base + mark)
        for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
        for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    )
    text = f"Đảng đoàn {letters} thành phố"
    converted, name = repair_legacy(vni_encode(text).decode("latin-1"))
    assert name == "VNI"
    assert converted == text


def test_tcvn3_every_lowercase_letter_round_trips():
    letters = "".join(
        unicodedata.normalize("NFC", base + mark)
        for base in "aăâeêioôơuưy"
        for mark in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    )
    text = f"đảng viên {letters} thành phố"
    converted, name = repair_legacy(tcvn3_encode(text).decode("latin-1"))
    assert name == "TCVN3"
    assert converted == text


def test_unicode_text_is_left_alone():
    seed = SEED.read_text(encoding="utf-8")
    assert repair_legacy(seed) == (seed, None)
    plain = "Café, naïve, façade: Western text with ç, ï and © © ©."
    assert repair_legacy(plain) == (plain, None)


# --- code pages -----------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        cp1258_encode,
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "cp1258"],
)
def test_text_encodings(encode):
    seed = SEED.read_text(encoding="utf-8")
    assert extract_text(encode(seed), "752.txt") == normalize(seed)


def test_windows_1252_fallback():
    assert extract_text("Báo cáo café – résumé".encode("cp1252"), "x.txt") == "Báo cáo café – résumé"


# --- normalize --------------------------------------------------------------------


def test_normalize_nfd_to_nfc():
    nfd = unicodedata.normalize("NFD", "Thành ủy Cần Thơ")
    assert nfd != "Thành ủy Cần Thơ"
    assert normalize(nfd) == "Thành ủy Cần Thơ"


def test_normalize_spaces_line_ends_and_invisibles():
    raw = "Số\u00a0752-CV/TU\r\nCần\u2009Thơ,\u202fngày\r\n\u200bV/v\ufeff thử\u00ad\rhết"
    assert normalize(raw) == "Số 752-CV/TU\nCần Thơ, ngày\nV/v thử\nhết"


def test_normalize_eth_only_where_vietnamese():
    assert normalize("ÐẢNG CỘNG SẢN, Ðảng ủy, ðảng viên, đ/c và ð/c") == (
        "ĐẢNG CỘNG SẢN, Đảng ủy, đảng viên, đ/c và đ/c"
    )
    assert normalize("Guðrún Sigurðardóttir") == "Guðrún Sigurðardóttir"


def test_normalize_is_idempotent():
    seed = SEED.read_text(encoding="utf-8")
    assert normalize(normalize(seed)) == normalize(seed) == seed


def test_tcvn3_seed_with_capital_u_hook_round_trip():
    """The seed typed in .VnTime with "Ủ" from the all-caps font (.VnTimeH), which
    VN3 can only store as the lowercase code: the capitals come back, so task 2
    keeps its lead "Ủy ban nhân dân thành phố"."""
    seed = SEED.read_text(encoding="utf-8")
    converted = extract_text(tcvn3_encode(seed), "seed.txt")
    assert "\n2 - Ủy ban nhân dân thành phố" in converted
    assert "văn minh. Ủy ban Mặt trận" in converted
    assert _without_legacy_note(parse_text(converted)) == parse_text(seed)
