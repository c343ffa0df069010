"""The first page of a generated .docx as plain blocks for an HTML preview (the report job page, the plan
page): the header table's two columns, then paragraphs in order with their weight and alignment. Read back
from the very file the user downloads, so the preview cannot drift from it."""

from __future__ import annotations

import io
from typing import Any

FIRST_PAGE = 28  # paragraphs: about one A4 page of 14-point text with the header blocks


def _paragraph(p: Any) -> dict[str, Any]:
    runs = [r for r in p.runs if r.text]
    return {"kind": "p", "text": p.text, "bold": bool(runs) and all(r.bold for r in runs),
            "italic": bool(runs) and all(r.italic for r in runs),
            "center": p.alignment is not None and int(p.alignment) == 1}


def first_page(content: bytes, limit: int = FIRST_PAGE) -> list[dict[str, Any]]:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(content))
    blocks: list[dict[str, Any]] = []
    count = 0
    for child in doc.element.body.iterchildren():
        if count >= limit:
            break
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_paragraph(Paragraph(child, doc)))
            count += 1
        elif tag == "tbl":
            table = Table(child, doc)
            rows = [[[_paragraph(p) for p in cell.paragraphs] for cell in row.cells] for row in table.rows[:12]]
            blocks.append({"kind": "table", "rows": rows, "frame": len(table.columns) == 2 and len(table.rows) == 1})
            count += len(table.rows)
    return blocks
