"""Recipients: the "Kính gửi" block between the header and the body.

Recipients follow "Kính gửi:" on the same line, as dash lines below it, or
both (the seed letter); a long one may wrap onto the next line.
"""

from __future__ import annotations

from . import patterns as p
from .header import looks_like_body

_TRIM = " \t-–—+•*;,."


def _clean_recipient(text: str) -> str:
    text = p.BULLET_RE.sub("", text.strip())
    return p.collapse(text).strip(_TRIM)


def read_recipients(lines: list[str], start: int) -> tuple[list[str], int]:
    """Recipients after "Kính gửi" at ``lines[start]``; returns them and the
    index of the first body line. Without "Kính gửi" nothing is consumed."""
    if start >= len(lines) or not p.KINH_GUI_RE.match(lines[start].strip()):
        return [], start
    first = lines[start].strip()
    inline = p.KINH_GUI_RE.sub("", first, count=1).strip()
    items: list[str] = []
    if inline:
        items.append(inline)
    i = start + 1
    seen_blank = False
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            seen_blank = True
            i += 1
            continue
        if p.BULLET_RE.match(line) and not p.ARABIC_RE.match(line):
            items.append(line)
        elif (
            items
            and not seen_blank
            and not items[-1].rstrip().endswith((";", ",", ".", ":"))
            and len(line) < 100
            and not looks_like_body(line)
        ):
            items[-1] = f"{items[-1]} {line}"  # a recipient wrapped onto the next line
        elif not inline and not seen_blank and len(line) < 100 and len(items) < 30 and not looks_like_body(line):
            items.append(line)
        else:
            break
        seen_blank = False
        i += 1
    parts = [part for item in items for part in item.split(";")]
    recipients = [r for r in (_clean_recipient(part) for part in parts) if r]
    return recipients, i
