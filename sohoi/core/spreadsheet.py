"""Spreadsheet safety shared by every exporter and every reader of uploaded Office files.

- `safe_cell` / `safe_row`: text that a spreadsheet program would run as a formula (CSV/formula injection:
  a cell starting with = + - @, or with a tab or carriage return that some programs skip before looking for
  one) is written as text, prefixed with an apostrophe as OWASP recommends. Association names, leaders'
  names and document subjects are typed by users, so an export must never turn them into formulas.
- `check_zip`: a .docx or .xlsx is a zip of XML files. Before any parser opens one, the archive's table of
  contents and its XML are checked against limits from settings, so a "zip bomb" (a few KB that inflate to
  gigabytes) or an XML entity bomb is refused with a Vietnamese message instead of filling the memory of the
  web process. Python's `zipfile` (used by openpyxl and python-docx) never inflates an entry past the size
  its directory declares, so checking the declared sizes bounds what every later reader inflates.

Written here rather than taken from a library: openpyxl and python-docx have no such limits, and defusedxml
protects only the XML step, not the zip step.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value to write into a cell: text that could start a formula gets a leading apostrophe, so Excel
    and LibreOffice show it as typed; numbers, dates and booleans are written as they are (a negative number
    is data, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]


# --- decompression limits --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipLimits:
    max_bytes: int
    max_entries: int
    max_elements: int
    max_ratio: int


def default_limits() -> ZipLimits:
    return ZipLimits(max_bytes=settings.SOHOI_UNZIP_MAX_BYTES, max_entries=settings.SOHOI_UNZIP_MAX_ENTRIES,
                     max_elements=settings.SOHOI_UNZIP_MAX_ELEMENTS, max_ratio=settings.SOHOI_UNZIP_MAX_RATIO)


class UnsafeArchive(ValueError):
    """The one refusal of `check_zip`: a Vietnamese sentence naming the file and the fix."""


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB".replace(",", ".")


_CHUNK = 1 << 20


def check_zip(upload: IO[bytes], filename: str, limits: ZipLimits | None = None) -> None:
    """Refuse an Office file whose contents would inflate past the limits; leave `upload` at position 0.

    Checks, in order and before any parsing: the number of entries, the declared inflated size (total and
    the ratio of each entry), then streams the XML entries (bounded by the declared size just checked) to
    count start tags and to refuse DOCTYPE/ENTITY declarations, which Office files never contain."""
    limits = limits or default_limits()
    fix = _("Mở tệp bằng Word/Excel, lưu lại thành tệp mới (chỉ giữ phần nội dung cần thiết) rồi tải lên lại.")
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        upload.seek(0)
        return  # not a zip at all: the reader's own "damaged file" message applies
    try:
        infos = archive.infolist()
        if len(infos) > limits.max_entries:
            raise UnsafeArchive(_("Tệp %(name)s chứa %(n)s thành phần, vượt giới hạn %(max)s. %(fix)s") % {
                "name": filename, "n": f"{len(infos):,}".replace(",", "."),
                "max": f"{limits.max_entries:,}".replace(",", "."), "fix": fix})
        total = sum(info.file_size for info in infos)
        if total > limits.max_bytes:
            raise UnsafeArchive(_("Tệp %(name)s khi giải nén lên tới %(size)s, vượt giới hạn %(max)s (có thể là "
                                  "tệp “bom nén”). %(fix)s") % {"name": filename, "size": _mb(total),
                                                               "max": _mb(limits.max_bytes), "fix": fix})
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise UnsafeArchive(_("Tệp %(name)s có thành phần %(part)s nén bất thường (gấp %(ratio)s lần), "
                                      "dấu hiệu của tệp “bom nén”. %(fix)s") % {
                    "name": filename, "part": info.filename,
                    "ratio": f"{info.file_size // max(info.compress_size, 1):,}".replace(",", "."), "fix": fix})
        elements = 0
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            with archive.open(info) as part:
                tail = b""
                while block := part.read(_CHUNK):
                    data = tail + block
                    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                        raise UnsafeArchive(_("Tệp %(name)s có khai báo XML (DOCTYPE/ENTITY) mà tệp Word/Excel "
                                              "bình thường không có. %(fix)s") % {"name": filename, "fix": fix})
                    # '<' not followed by '/', '?' or '!' opens an element; counting bytes needs no parser.
                    elements += block.count(b"<") - block.count(b"</") - block.count(b"<?") - block.count(b"<!")
                    if elements > limits.max_elements:
                        raise UnsafeArchive(_("Tệp %(name)s có hơn %(max)s phần tử XML, vượt giới hạn. %(fix)s") % {
                            "name": filename, "max": f"{limits.max_elements:,}".replace(",", "."), "fix": fix})
                    tail = block[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        pass  # damaged or encrypted entries: the reader's own "damaged file" message applies
    finally:
        archive.close()
        upload.seek(0)
