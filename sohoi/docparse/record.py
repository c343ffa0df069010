"""Text to record: the steps in order, and the warnings they leave."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import errors
from .actors import find_actors
from .announce import enacting_system, find_announced, find_headline, is_party_body, notice_type, title_issuer
from .dropped import restore_dropped
from .errors import MAX_BYTES, ParseError
from .extract import read_document
from .header import Header, mend_titles, parse_header, unfold_run_on
from .legacy import repair_legacy
from .normalize import normalize
from .patterns import CODE_RE, code_parts, doc_type_for, iso_date
from .recipients import read_recipients
from .references import find_references
from .schedule import find_deadline, find_recurrence
from .signature import read_tail, tail_start
from .tasks import NO_ACTION_HEADING_RE, Item, join_lines, split_tasks, sub_items

KEYS = (
    "system", "issuer", "code", "number", "symbol", "doc_type", "place", "date",
    "subject", "recipients", "references", "tasks", "distribution", "signer", "warnings",
)
# A PDF copy can break "Điều" from its number: "Điều" / "3." is "Điều 3.".
_LONE_DIEU_RE = re.compile(r"(?m)^([ \t]*Điều)[ \t]*\n[ \t]*(\d{1,3}[ \t]*[.:])")
# A document-sharing site lists the pages of a PDF as an indented "1." item, each page's text run
# onto one line: that "1." numbers a page, not a task.
_PAGE_MIN = 1000
_PAGE_NUMBER_RE = re.compile(r"^[ \t]+\d{1,3}\.[ \t]+")
_LEGACY_NOTE = "Văn bản được chuyển từ bảng mã {name} sang Unicode: cần soát lại dấu tiếng Việt."


def parse_text(text: str) -> dict[str, Any]:
    """Read a document's text and return its record (see KEYS)."""
    if not isinstance(text, str):
        raise ParseError(errors.NOT_TEXT)
    if len(text) > MAX_BYTES:
        raise ParseError(errors.too_large(len(text.encode("utf-8", errors="replace"))))
    try:
        repaired, legacy = repair_legacy(text)
        return _parse(normalize(repaired), legacy)
    except ParseError:
        raise
    except Exception as exc:  # the contract: only ParseError leaves the package
        raise ParseError(errors.INTERNAL) from exc


def parse_file(path: str | Path) -> dict[str, Any]:
    """Read the file at ``path`` (.txt, .docx, .pdf) and return its record."""
    data = read_bytes(path)
    text, legacy = read_document(data, str(path))
    try:
        return _parse(text, legacy)
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(errors.INTERNAL) from exc


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, refusing missing, special or oversize files early."""
    target = Path(path)
    name = target.name or str(path)
    try:
        if not target.exists():
            raise ParseError(errors.missing_file(name))
        if not target.is_file():
            raise ParseError(errors.not_a_file(name))
        size = target.stat().st_size
        if size > MAX_BYTES:
            raise ParseError(errors.too_large(size))
        with target.open("rb") as handle:
            # Read one byte past the limit: a file can grow, or be endless.
            data = handle.read(MAX_BYTES + 1)
    except ParseError:
        raise
    except (OSError, ValueError):
        raise ParseError(errors.unreadable_file(name)) from None
    if len(data) > MAX_BYTES:
        raise ParseError(errors.too_large(len(data)))
    return data


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _task(no: str, text: str, year: int | None, article: bool = False) -> dict[str, Any]:
    leads, coordinators = find_actors(text, every_paragraph=article)
    return {
        "no": no,
        "text": text,
        "leads": leads,
        "coordinators": coordinators,
        "deadline": find_deadline(text, year),
        "recurrence": find_recurrence(text),
    }


def _tasks_of(item: Item, year: int | None) -> list[dict[str, Any]]:
    """The task of a numbered item with its sub-tasks (a), b) or dash items).

    A sub-task says who leads it and by when; where it does not, it takes
    its parent's lead-in. An item whose lead-in names a body keeps its own
    leads; one that names none is led by its sub-tasks' leads together. A
    heading without an action ("Nội dung giám sát", "Thời gian") is not a
    task: its sub-items that assign work stand in its place, the rest go.
    """
    parts = sub_items(item)
    task = _task(item.no, item.text, year, article=bool(item.article))
    if not parts.subs:
        if not item.article and NO_ACTION_HEADING_RE.match(item.heading) and not task["leads"]:
            return []
        return [{**task, "subtasks": []}]
    intro = _task(item.no, join_lines(parts.intro), year)
    subtasks = []
    for sub in parts.subs:
        child = _task(sub.no, sub.text, year)
        # Only the sub-item's own opening names its lead; a bullet under it does not.
        child["leads"], child["coordinators"] = find_actors(sub.text.split("\n", 1)[0])
        if not child["leads"]:
            child["leads"], child["coordinators"] = list(intro["leads"]), list(intro["coordinators"])
        child["deadline"] = child["deadline"] or intro["deadline"]
        child["recurrence"] = child["recurrence"] or intro["recurrence"]
        subtasks.append(child)
    if not item.article and NO_ACTION_HEADING_RE.match(item.heading) and not intro["leads"]:
        return [{**t, "subtasks": []} for t in subtasks if t["leads"]]
    if parts.kind == "dash" and not any(find_actors(sub.text)[0] for sub in parts.subs):
        return [{**task, "subtasks": []}]  # bullets that restate the item, not separate assignments
    if not intro["leads"]:
        task["leads"] = list(dict.fromkeys(n for t in subtasks for n in t["leads"]))
        task["coordinators"] = list(dict.fromkeys(n for t in subtasks for n in t["coordinators"]))
    task["subtasks"] = subtasks
    return [task]


def _fill_from_lead(header: Header, lines: list[str], text: str) -> None:
    """What a reprint's lead says of the document its header leaves out.

    With a header block (its place-date line read) only the lead above it
    is read; without one, the opening of the text, where the lead sentence
    stands in for the header.
    """
    # A place before the date marks a printed header; a date alone may come from the lead sentence itself.
    has_header = bool(header.place)
    lead = "\n".join(lines[: header.start]) if has_header else text
    announced = find_headline(lines) if header.code is None and not has_header else None
    if announced is None and lead.strip():
        announced = find_announced(lead, header.code)
    if announced is not None:
        if header.code is None and announced.code:
            header.code, header.number, header.symbol = announced.code, announced.number, announced.symbol
            header.warnings = [w for w in header.warnings if not w.startswith("Không đọc được số")]
        if header.date is None and announced.date:
            header.date = announced.date
            header.warnings = [w for w in header.warnings if not w.startswith("Không đọc được ngày")]
        header.doc_type = header.doc_type or announced.doc_type
        header.system = header.system or announced.system
    if header.system is None and header.issuer and is_party_body(header.issuer):
        header.system = "party"
    if header.system is None:
        header.system = enacting_system(text)
    if header.doc_type is None and header.code is None:
        header.doc_type = notice_type(text)
    if header.issuer is None:
        header.issuer = title_issuer(lines)


# A legal database prints a summary above (or instead of) the header:
# "Cơ quan ban hành: Chính phủ", "Số hiệu: 08/1998/NQ-CP", "Ngày ban hành: 16/07/1998".
_SUMMARY_RE = re.compile(
    r"^[ \t|]*(?P<label>Cơ\s+quan\s+ban\s+hành|Số\s+hiệu|Ngày\s+ban\s+hành)[ \t]*:[ \t|]*"
    r"(?P<value>[^|\n]*?)[ \t|]*(?:(?:Loại\s+văn\s+bản|Ngày\s+hiệu\s+lực|Người\s+ký)[ \t]*:.*)?$"
)
_SUMMARY_DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_SUMMARY_LINES = 120


def _fill_from_summary(header: Header, lines: list[str]) -> None:
    """Issuer, number and date the header left out, from a legal database's summary lines."""
    for line in lines[:_SUMMARY_LINES]:
        if ":" not in line:
            continue
        m = _SUMMARY_RE.match(line)
        if m is None or not m.group("value"):
            continue
        label, value = m.group("label"), m.group("value").strip()
        if label.startswith("Cơ") and header.issuer is None and len(value) < 120:
            header.issuer = value
        elif label.startswith("Số") and header.code is None:
            code = CODE_RE.fullmatch(value)
            if code:
                header.code, header.number, header.symbol, kind, system = code_parts(code)
                header.system = header.system or system
                header.doc_type = header.doc_type or doc_type_for(kind, system or "state")
        elif label.startswith("Ngày") and header.date is None:
            d = _SUMMARY_DATE_RE.match(value)
            header.date = iso_date(*d.groups()) if d else None


def _parse(text: str, legacy: str | None) -> dict[str, Any]:
    if not text.strip():
        raise ParseError(errors.EMPTY)
    text = unfold_run_on(restore_dropped(text))
    if "Điều\n" in text or "Điều \n" in text:
        text = _LONE_DIEU_RE.sub(r"\1 \2", text)
    lines = mend_titles(text.split("\n"))
    for i, line in enumerate(lines):
        if len(line) > _PAGE_MIN and line[:1] in " \t":
            lines[i] = _PAGE_NUMBER_RE.sub("", line, count=1)
    header = parse_header(lines)
    if None in (header.code, header.date, header.issuer):
        _fill_from_summary(header, lines)
    if None in (header.code, header.date, header.doc_type, header.system):
        _fill_from_lead(header, lines, text)
    # Text above the header (portal furniture, a news lead) is not the document.
    recipients, body_start = read_recipients(lines, header.end)
    end = tail_start(lines, body_start)
    body = lines[body_start:end]
    tail = read_tail(lines[end:])
    warnings: list[str] = []
    if legacy:
        warnings.append(_LEGACY_NOTE.format(name=legacy))
    warnings.extend(header.warnings)

    cited_above = "\n".join(x for x in (header.subject, header.note) if x)
    references, ref_warnings = find_references(cited_above, "\n".join(body), header.code)
    warnings.extend(ref_warnings)

    tasks = []
    year = _year(header.date)
    for item in split_tasks(body):
        for task in _tasks_of(item, year):
            if not task["leads"]:
                warnings.append(f"Nhiệm vụ {task['no']} chưa xác định được đơn vị chủ trì: cần kiểm tra.")
            tasks.append(task)

    if tail.name is None:
        warnings.append("Không thấy tên người ký: cần kiểm tra.")
    elif tail.title is None:
        warnings.append("Không thấy chức vụ người ký: cần kiểm tra.")

    return {
        "system": header.system,
        "issuer": header.issuer,
        "code": header.code,
        "number": header.number,
        "symbol": header.symbol,
        "doc_type": header.doc_type,
        "place": header.place,
        "date": header.date,
        "subject": header.subject,
        "recipients": recipients,
        "references": references,
        "tasks": tasks,
        "distribution": tail.distribution,
        "signer": {"name": tail.name, "title": tail.title},
        "warnings": warnings,
    }
