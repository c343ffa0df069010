"""Bytes of an uploaded file to Unicode text (.txt, .docx, .pdf).

The readers for Word and PDF are imported inside the functions that use them
so the package imports without them and only pays for what it reads.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
import zipfile
from pathlib import PurePath

from . import errors
from .errors import MAX_BYTES, ParseError
from .legacy import repair_legacy, score_vietnamese
from .normalize import normalize

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_MAX_UNZIPPED = 200 * 1024 * 1024  # a .docx that inflates past this is a zip bomb
_MAX_PDF_PAGES = 300
_MIN_PDF_CHARS = 20
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_NON_SPACE_RE = re.compile(r"\S")


def extract_text(data: bytes, filename: str) -> str:
    """Read ``data`` (the bytes of file ``filename``) and return its text."""
    return read_document(data, filename)[0]


def read_document(data: bytes, filename: str) -> tuple[str, str | None]:
    """Like extract_text, also naming the legacy encoding converted from."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ParseError(errors.NOT_TEXT)
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise ParseError(errors.too_large(len(data)))
    if _blank(data):
        raise ParseError(errors.EMPTY)
    suffix = PurePath(str(filename or "")).suffix.lower()
    head = data[:1024]
    legacy = None
    if head.startswith(_ZIP_MAGIC) or suffix == ".docx":
        text = _docx_text(data)
    elif b"%PDF-" in head or suffix == ".pdf":
        text = _pdf_text(data)
    elif head.startswith(_OLE_MAGIC) or suffix == ".doc":
        raise ParseError(errors.OLD_DOC)
    else:
        text, legacy = _plain_text(data)
    if legacy is None:
        # Unicode files still carry legacy text pasted from old documents.
        text, legacy = repair_legacy(text)
    text = normalize(text)
    if not text.strip():
        raise ParseError(errors.EMPTY)
    return text, legacy


def _blank(data: bytes) -> bool:
    """Nothing but a byte-order mark, whitespace and NULs (UTF-16 spaces)."""
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if data.startswith(bom):
            data = data[len(bom):]
            break
    return not data.strip(b" \t\r\n\x00\x0b\x0c")


# --- plain text -------------------------------------------------------------------


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order if every other byte is mostly NUL."""
    if len(data) < 4:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_single_byte(data: bytes) -> tuple[str, str | None]:
    """Pick the 8-bit reading that looks most like Vietnamese.

    cp1258 (Windows Vietnamese, tones as combining marks) competes with the
    font encodings TCVN3/VNI read through Latin-1; cp1252 wins ties because
    a Western text reads the same in both and cp1252 adds no stray marks.
    """
    western = data.decode("cp1252", errors="replace")
    viet_cp = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    legacy, name = repair_legacy(data.decode("latin-1"))
    candidates = [
        (score_vietnamese(western), 2, western, None),
        (score_vietnamese(viet_cp), 1, viet_cp, None),
    ]
    if name is not None:
        candidates.append((score_vietnamese(legacy), 0, legacy, name))
    best = max(candidates, key=lambda c: (*c[0], c[1]))
    return best[2], best[3]


def _plain_text(data: bytes) -> tuple[str, str | None]:
    legacy = None
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text = data.decode(utf16, errors="replace")
    elif b"\x00" in data:
        raise ParseError(errors.BINARY)
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, legacy = _decode_single_byte(data)
    bad = len(_CONTROL_RE.findall(text))
    if bad > max(2, len(text) // 50):
        raise ParseError(errors.BINARY)
    return text, legacy


# --- Word ------------------------------------------------------------------------


def _docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            inflated = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ParseError(errors.BAD_DOCX) from None
    if "word/document.xml" not in names:
        raise ParseError(errors.BAD_DOCX)
    if inflated > _MAX_UNZIPPED:
        raise ParseError(errors.too_large(inflated))
    try:
        import docx  # python-docx
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block, depth=0))
            else:
                lines.append(block.text)
    except ParseError:
        raise
    except Exception:
        raise ParseError(errors.BAD_DOCX) from None
    return "\n".join(lines)


def _cell_lines(cell, depth: int) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for block in cell.iter_inner_content():
        if isinstance(block, Table):
            if depth < 3:
                lines.extend(_table_lines(block, depth + 1))
        else:
            lines.append(block.text)
    return lines


def _table_lines(table, depth: int) -> list[str]:
    """One line per visual line of a row: cells side by side joined by " | ".

    Header and signature blocks are laid out as two-column tables; pairing
    the k-th paragraph of each cell keeps what sits side by side together.
    """
    out: list[str] = []
    for row in table.rows:
        cells = []
        seen: set[int] = set()
        for cell in row.cells:
            key = id(cell._tc)  # a merged cell is returned once per grid column
            if key in seen:
                continue
            seen.add(key)
            cells.append(_cell_lines(cell, depth))
        height = max((len(c) for c in cells), default=0)
        for k in range(height):
            parts = [c[k].strip() for c in cells if k < len(c) and c[k].strip()]
            out.append(" | ".join(parts))
    return out


# --- PDF -------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise ParseError(errors.BAD_PDF)
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)  # damaged files make pypdf warn on every object
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = _pdf_pages(data)
    except ParseError:
        raise
    except Exception:
        raise ParseError(errors.BAD_PDF) from None
    finally:
        logger.setLevel(level)
    if len(_NON_SPACE_RE.findall(text)) < _MIN_PDF_CHARS:
        raise ParseError(errors.IMAGE_PDF)
    return text


def _pdf_pages(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception:
            raise ParseError(errors.LOCKED_PDF) from None
    pages = []
    for index, page in enumerate(reader.pages):
        if index >= _MAX_PDF_PAGES:
            break
        pages.append(page.extract_text() or "")
    # A blank line between pages: a paragraph cut by a page break then reads
    # like the seed letter's item 3 and is joined back by the task reader.
    return "\n\n".join(pages)
