"""The single error type of the package and the sentences it carries.

Every message is one Vietnamese line a clerk can act on: what is wrong with
the file and, where there is one, what to do instead.
"""

from __future__ import annotations

import math

MAX_BYTES = 10 * 1024 * 1024


class ParseError(Exception):
    """Raised for any input the package cannot read; str(err) is for people."""


EMPTY = "Tệp trống: không có nội dung để đọc."
BINARY = "Không phải văn bản: tệp nhị phân không đọc được."
IMAGE_PDF = (
    "Tệp PDF chỉ có ảnh quét, không có lớp chữ: hãy dùng bản có chữ hoặc nhập tay."
)
BAD_PDF = "Tệp PDF hỏng hoặc không đúng định dạng: không đọc được."
LOCKED_PDF = "Tệp PDF có mật khẩu: hãy dùng bản không khóa."
BAD_DOCX = "Tệp Word (.docx) hỏng hoặc không đúng định dạng: không đọc được."
OLD_DOC = "Tệp Word cũ (.doc) chưa đọc được: hãy lưu lại thành .docx hoặc .pdf."
NOT_TEXT = "Dữ liệu đưa vào không phải văn bản: không đọc được."
INTERNAL = "Không phân tích được văn bản này (lỗi nội bộ): hãy nhập tay và báo cho kỹ thuật."


def too_large(size: int) -> str:
    """Message for an input over MAX_BYTES, size rounded up to whole MB."""
    mb = max(1, math.ceil(size / (1024 * 1024)))
    return f"Tệp quá lớn ({mb} MB), giới hạn {MAX_BYTES // (1024 * 1024)} MB."


def missing_file(name: str) -> str:
    return f"Không tìm thấy tệp: {name}."


def not_a_file(name: str) -> str:
    return f"Không phải tệp để đọc: {name}."


def unreadable_file(name: str) -> str:
    return f"Không mở được tệp (không có quyền hoặc lỗi đĩa): {name}."
