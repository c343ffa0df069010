"""Property tests: whatever comes in, the only error is ParseError and a record
always has exactly its keys."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sohoi.docparse import KEYS, ParseError, extract_text, normalize, parse_text

from .helpers import SEED

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Lines that steer the text into every reader: header pieces, numbering,
# assignments, deadlines, signature, legacy-encoded garbage.
_SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
_PIECES = [
    "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Số: 454/UBND-NCTH", "số31-QĐ/TW", "Số 752-CV/TU | Cần Thơ, ngày 12 tháng 10 năm 2012",
    "Cần", "Thơ, ngày 31 tháng 2 năm 2012", "V/v", "KẾ HOẠCH", "QUYẾT ĐỊNH:", "Kính gửi:", "- ",
    "I. NHIỆM VỤ", "1.", "1 -", "a)", "Điều 2.", "Chương I", "Giao Giám đốc:", "chủ trì, phối hợp với",
    "trước ngày 30/11", "trong tháng 13/2012", "trong quý IV", "định kỳ 6 tháng", "hằng quý",
    "Nơi nhận :", "TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Hữu Lợi", "Thµnh ñy", "Thaønh uûy",
    "|", "\u00a0", "Ð", "\r\n", "*", "(đã ký)", "17-CT/TW ngày 28/8/2012 của Ban Bí thư",
]
_line = st.one_of(st.sampled_from(_PIECES), st.sampled_from(_SEED_LINES), st.text(max_size=40))
document_like = st.lists(
    st.lists(_line, min_size=1, max_size=4).map(" ".join), max_size=40
).map("\n".join)


def _check(result: dict) -> None:
    assert tuple(result) == KEYS
    assert isinstance(result["tasks"], list) and isinstance(result["warnings"], list)
    assert set(result["signer"]) == {"name", "title"}


@SETTINGS
@given(st.text(max_size=3000))
def test_parse_text_arbitrary_text(text):
    try:
        result = parse_text(text)
    except ParseError as err:
        assert str(err) and "\n" not in str(err)
        return
    _check(result)


@SETTINGS
@given(document_like)
def test_parse_text_document_like_text(text):
    try:
        result = parse_text(text)
    except ParseError:
        return
    _check(result)


@SETTINGS
@given(st.binary(max_size=4096), st.sampled_from([".txt", ".docx", ".pdf", ".doc", ""]))
def test_extract_text_arbitrary_bytes(data, extension):
    try:
        text = extract_text(data, f"upload{extension}")
    except ParseError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert isinstance(text, str) and text.strip()


@SETTINGS
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b""]),
    st.binary(max_size=2048),
    st.sampled_from([".txt", ".docx", ".pdf"]),
)
def test_extract_text_bytes_with_magic_numbers(magic, data, extension):
    with contextlib.suppress(ParseError):
        extract_text(magic + data, f"upload{extension}")


@SETTINGS
@given(st.text(max_size=500))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "\r" not in once and "\u00a0" not in once
