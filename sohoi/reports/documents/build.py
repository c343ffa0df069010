"""One entry point for the command line and the background job: the report of `filters` in `fmt`."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from sohoi.core import memo
from sohoi.core.deadlines import today

from ..registry import Filters
from ..selectors import sections

FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "pdf": "application/pdf"}


def build(filters: Filters, fmt: str, *, on: datetime.date | None = None,
          progress: Callable[[int, int], None] | None = None) -> bytes:
    """The periodic report as bytes. `progress(done, total)` is told after each step (figures, file, PDF)."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: docx, pdf or xlsx")
    steps = 3 if fmt == "pdf" else 2
    with memo.scope():  # a command or a job has no request: the figures of both periods share reference rows
        secs = sections(filters, compare=True)
    if progress:
        progress(1, steps)
    if fmt == "xlsx":
        from .xlsx import annex_workbook

        content = annex_workbook(secs, filters)
    else:
        from .docx import report_docx

        content = report_docx(secs, filters, on=on or today())
    if progress:
        progress(2, steps)
    if fmt == "pdf":
        from .pdf import docx_to_pdf

        content = docx_to_pdf(content)
        if progress:
            progress(3, steps)
    return content


def filename(filters: Filters, fmt: str) -> str:
    territory = f"-{filters.territory.code}" if filters.territory is not None else ""
    return f"bao-cao-752-{filters.period.code or 'ky'}{territory}.{fmt}"
