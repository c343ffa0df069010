"""Read a Vietnamese administrative document (Party or State) into a record.

Why this is hand-written: no library parses Vietnamese administrative
documents. Their layout is fixed by regulation (Party: guidance 36-HD/VPTW;
State: Decree 30/2020/NĐ-CP), but the files that reach an association's
office are damaged copies: header columns flattened or interleaved, pages
cut mid-paragraph, decomposed Unicode, look-alike letters and, in older
files, the TCVN3 and VNI font encodings. The readers here know that layout
and those kinds of damage, and report in ``warnings`` what a person should
check instead of guessing.

The package is pure Python and imports nothing from Django; python-docx and
pypdf are imported only when a .docx or .pdf is read.

Public API::

    ParseError              the one error type; str(err) is a Vietnamese line
    MAX_BYTES               largest input accepted (10 MB)
    extract_text(data, filename) -> str
    normalize(text) -> str
    parse_text(text) -> dict
    parse_file(path) -> dict
"""

from __future__ import annotations

from .errors import MAX_BYTES, ParseError
from .extract import extract_text
from .normalize import normalize
from .record import KEYS, parse_file, parse_text

__all__ = ["KEYS", "MAX_BYTES", "ParseError", "extract_text", "normalize", "parse_file", "parse_text"]
