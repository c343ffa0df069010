"""Numbered items of the body, which are the document's tasks.

Numbering in use: "Điều 2." in decisions and decrees, "I." for sections,
"1 -", "1.", "1)" for items and "a)" for sub-items. The tasks are the
top-level items; sub-items and dash bullets stay in their parent's text.
Where Roman sections hold numbered items (a plan: I. purpose, II. tasks,
III. implementation), the tasks are those items, numbered "II.1", and the
purpose/requirements sections are left out because they assign nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as p
from .actors import split_at_verb

_TERMINAL = (".", ";", ":", "!", "?")
_NO_TASK_SECTION_RE = re.compile(
    r"MỤC\s+ĐÍCH|YÊU\s+CẦU|MỤC\s+TIÊU|QUAN\s+ĐIỂM|TÌNH\s+HÌNH|KẾT\s+QUẢ|ĐÁNH\s+GIÁ|CĂN\s+CỨ"
    r"|SỰ\s+CẦN\s+THIẾT|QUY\s+ĐỊNH\s+CHUNG|PHẠM\s+VI|GIẢI\s+THÍCH\s+TỪ\s+NGỮ",
    re.IGNORECASE,
)
_TASK_SECTION_RE = re.compile(
    r"NHIỆM\s+VỤ|GIẢI\s+PHÁP|TỔ\s+CHỨC\s+THỰC\s+HIỆN|PHÂN\s+CÔNG|NỘI\s+DUNG", re.IGNORECASE
)
# Closing sentences after the last item belong to the letter, not the task.
_CLOSING_RE = re.compile(
    r"^(?:Nhận\s+được|Trên\s+đây|Trong\s+quá\s+trình|Quá\s+trình\s+(?:triển\s+khai|thực\s+hiện)"
    r"|(?:Công\s+văn|Kế\s+hoạch|Chỉ\s+thị|Văn\s+bản|Hướng\s+dẫn|Thông\s+báo)\s+này\s+"
    r"|Đề\s+nghị\s+các|Yêu\s+cầu\s+các)"
)


# Lines that open a sub-item or bullet start a new line of the task text.
_NEW_LINE_MARKERS = (p.LETTER_RE, p.BULLET_RE, p.ARABIC_RE, p.SUBNUM_RE)
# A short first line without final punctuation is a heading ("Điều 2. Trách
# nhiệm thi hành", "1. Tổ chức quán triệt") when the next line starts anew.
_HEADING_MAX = 90


@dataclass
class Item:
    no: str
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    article: bool = False  # "Điều N": a legal article is an item whatever its heading
    part: str = ""  # the title of the "Phần"/"Chương" the item stands in

    @property
    def text(self) -> str:
        return join_lines(self.lines)


@dataclass
class Parts:
    """An item cut into its own lead-in and its sub-items."""

    intro: list[str]
    subs: list[Item]
    kind: str  # "letter" (a), b), c)), "dash" (- ...) or "" (none)


_LETTERS = "abcdđeghiklmnopqrstuvxy"
# Headings that name a part of a plan, not an action: "Nội dung giám sát",
# "Đối tượng", "Thời gian", "Tổ chức thực hiện" ...
NO_ACTION_HEADING_RE = re.compile(
    r"^(?:Nội\s+dung|Đối\s+tượng|Thời\s+gian|Địa\s+điểm|Thành\s+phần|Hình\s+thức|Phương\s+pháp"
    r"|Phương\s+thức|Mục\s+đích|Yêu\s+cầu|Mục\s+tiêu|Tổ\s+chức\s+thực\s+hiện|Phạm\s+vi|Kinh\s+phí"
    r"|Chế\s+độ\s+báo\s+cáo)\b",
    re.IGNORECASE,
)


def sub_items(item: Item) -> Parts:
    """The a), b), c) items of ``item`` or, failing those, its dash items.

    Letters must run in order from a); a dash line inside a lettered item
    stays in its text. Lines after the last sub-item belong to it.
    """
    letters: list[Item] = []
    intro: list[str] = []
    expected = 0
    for line in item.lines[1:]:
        stripped = line.strip()
        m = p.LETTER_RE.match(stripped) if stripped else None
        if m and expected < len(_LETTERS) and m.group("n") == _LETTERS[expected]:
            letters.append(Item(no=f"{item.no}.{m.group('n')}", heading="", lines=[stripped[m.end():]]))
            expected += 1
        elif letters:
            letters[-1].lines.append(line)
        else:
            intro.append(line)
    head = item.lines[:1]
    if letters:
        return Parts(head + intro, letters, "letter")
    dashes: list[Item] = []
    intro = []
    for line in item.lines[1:]:
        stripped = line.strip()
        if p.BULLET_RE.match(stripped):
            body = p.BULLET_RE.sub("", stripped)
            dashes.append(Item(no=f"{item.no}.{len(dashes) + 1}", heading="", lines=[body]))
        elif dashes:
            dashes[-1].lines.append(line)
        else:
            intro.append(line)
    if len(dashes) >= 2:
        return Parts(head + intro, dashes, "dash")
    return Parts(list(item.lines), [], "")


def join_lines(lines: list[str]) -> str:
    """Join the lines of an item into paragraphs.

    A line that continues a sentence (the previous one does not end a
    sentence) is joined with a single space, which also mends a paragraph
    cut by a page break; a new sentence-paragraph or sub-item starts a new
    line of the text.
    """
    parts: list[str] = []
    previous = ""
    for raw in lines:
        line = p.collapse(raw)
        if not line:
            continue
        if parts:
            heading = (
                len(parts) == 1
                and len(previous) <= _HEADING_MAX
                and not previous.endswith(",")
                and line[:1].isupper()
            )
            new_line = (
                previous.endswith(_TERMINAL)
                or heading
                or any(marker.match(line) for marker in _NEW_LINE_MARKERS)
            )
            parts.append("\n" if new_line else " ")
        parts.append(line)
        previous = line
    return "".join(parts)


def _sequence_items(lines: list[str], regex: re.Pattern[str], values=None) -> list[Item]:
    """Items opened by ``regex`` numbered 1, 2, 3 ... in order; a number out of
    sequence (a date or figure that happens to start a line) is text."""
    items: list[Item] = []
    current: Item | None = None
    expected = 1
    part = ""
    part_pending = False  # a "Phần thứ nhất" line whose title is on the next line
    for line in lines:
        stripped = line.strip()
        if part_pending and stripped:
            part, part_pending = stripped, False
        m = regex.match(stripped) if stripped else None
        if m:
            number = values.get(m.group("n"), -1) if values else int(m.group("n"))
            # Articles may be quoted from the middle of a decree: any rising number.
            if number == expected or (regex is p.DIEU_RE and number >= expected):
                current = Item(no=m.group("n"), heading=stripped[m.end():], article=regex is p.DIEU_RE, part=part)
                current.lines.append(stripped[m.end():])
                items.append(current)
                expected = number + 1
                continue
        if (part_match := p.PART_RE.match(stripped)) is not None:
            current = None  # "Chương II": the next lines are a chapter title
            part = stripped[part_match.end():].strip(" .:-–—")
            part_pending = not part
            continue
        if current is not None:
            current.lines.append(line)
    return items


def _roman_tasks(lines: list[str]) -> list[Item] | None:
    """Tasks inside Roman sections; None when the body has no such sections.

    An empty list is an answer: a plan whose sections so far only state its
    purpose and requirements ("I. MỤC ĐÍCH, YÊU CẦU") assigns nothing, and
    its numbered purposes are not tasks.
    """
    sections = _sequence_items(lines, p.ROMAN_RE, p.ROMAN_VALUES)
    if not sections:
        return None
    tasks: list[Item] = []
    for section in sections:
        heading = section.heading
        if _NO_TASK_SECTION_RE.search(heading) and not _TASK_SECTION_RE.search(heading):
            continue
        if _NO_TASK_SECTION_RE.search(section.part) and not _TASK_SECTION_RE.search(section.part):
            continue  # "Phần thứ nhất / TÌNH HÌNH THỰC HIỆN ...": a report's results, whatever its sections say
        inner = _sequence_items(section.lines[1:], p.ARABIC_RE)
        if inner:
            for item in inner:
                item.no = f"{section.no}.{item.no}"
            tasks.extend(inner)
        else:
            tasks.append(section)
    return tasks


def _drop_closing(item: Item) -> None:
    previous = item.lines[0].strip() if item.lines else ""
    for i in range(1, len(item.lines)):
        line = item.lines[i].strip()
        if not line:
            continue
        if previous.endswith(_TERMINAL) and _CLOSING_RE.match(line):
            del item.lines[i:]
            return
        previous = line


# "Đồng chí Võ Nguyên Giáp ...", "Ông Nguyễn Văn A, ...": an item that opens with a person's
# name (an honorific, then a family name). Vietnamese family names are few; these cover most people.
_PERSON_RE = re.compile(
    r"^(?:Đồng\s+chí|Đ/c|Ông|Bà)\s+(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô"
    r"|Dương|Lý|Đoàn|Đào|Đinh|Mai|Trương|Lưu|Cao|Lương|Hà|Tô|Tạ|Chu|Trịnh|Nông|Lò|Vương|Châu|Thái"
    r"|Hứa|Quách|Triệu|Lâm|Kiều|Tăng|Tống|Thân|Khúc|Giáp|Lại|Mạc|Phùng|Nghiêm|Kha|La|Từ|Doãn"
    r"|Đồng|Khổng|Âu|Diệp|Bạch|Viên|Ninh|Quan|Cù|Kim)\s+[A-ZĐÀ-Ỹ]"
)


def _persons_list(items: list[Item]) -> bool:
    """Numbered items that each name a person (a list of appointees, of members) are no tasks.

    Every item opens with a person's name, and most of them do not assign
    work (no verb of the assignment list): "1. Đồng chí X thôi giữ chức ...".
    """
    if len(items) < 2 or any(i.article for i in items) or not all(_PERSON_RE.match(i.heading) for i in items):
        return False
    return sum(split_at_verb(i.text) is None for i in items) * 2 > len(items)


def split_tasks(lines: list[str]) -> list[Item]:
    """Top-level numbered items of the body ``lines``."""
    stripped = [line.strip() for line in lines]
    if any(p.DIEU_RE.match(s) for s in stripped):
        items = _sequence_items(lines, p.DIEU_RE)
    elif any(p.ROMAN_RE.match(s) for s in stripped) and (roman := _roman_tasks(lines)) is not None:
        items = roman
    else:
        items = _sequence_items(lines, p.ARABIC_RE) or _letter_items(lines) or _addressed_items(lines)
    if _persons_list(items):
        return []
    if items:
        _drop_closing(items[-1])
    return items


def _letter_items(lines: list[str]) -> list[Item]:
    letters = "abcdđeghiklmnopqrstuvxy"
    values = {c: i + 1 for i, c in enumerate(letters)}
    return _sequence_items(lines, p.LETTER_RE, values)


# "Giao Giám đốc: Sở A, Sở B ...", "Đề nghị Ủy ban nhân dân các huyện ...": an
# unnumbered letter addresses its tasks in paragraphs of their own.
_ADDRESSED_RE = re.compile(r"^(?:Giao|Đề\s+nghị|Yêu\s+cầu|Phân\s+công)\s+(?:cho\s+)?[A-ZĐƯỦÁ]")


def _addressed_items(lines: list[str]) -> list[Item]:
    """Paragraphs that assign work by addressing a body, numbered 1, 2 ..."""
    items: list[Item] = []
    for line in lines:
        stripped = line.strip()
        if _ADDRESSED_RE.match(stripped):
            items.append(Item(no=str(len(items) + 1), heading="", lines=[stripped]))
    return items
