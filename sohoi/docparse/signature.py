"""The end of a document: distribution list ("Nơi nhận") and the signer.

The signature block sits beside or below "Nơi nhận": authority prefix
(TM., KT., TL., TUQ., Q.), the signer's position in capitals, often a
"(đã ký)" note, then the name. Any of these can be missing; the seed letter
has only the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as p
from .casing import cite_title

_PREFIX_RE = re.compile(r"^(?:(?:TM|KT|TL|TUQ|T/M|K/T|T/L)\.?|Q\.)\s*(?=[A-ZĐ])")
_SIGNED_RE = re.compile(
    r"^[(\[]?\s*(?:đã\s+ký|ký\b|ký,|đóng\s+dấu|chữ\s+ký|signed|\(?ký\s+tên)", re.IGNORECASE
)
_NAME_RE = re.compile(
    rf"^(?:(?:Đồng\s+chí|Đ/c|đ/c|Ông|Bà)\s+)?(?P<name>{p.CAP_WORD}(?:[ \t]+{p.CAP_WORD}){{1,5}})$"
)
# Common family names: a name printed in capitals is told from a title by them.
_SURNAMES = frozenset(
    {"NGUYỄN", "TRẦN", "LÊ", "PHẠM", "HOÀNG", "HUỲNH", "PHAN", "VŨ", "VÕ", "ĐẶNG", "BÙI", "ĐỖ",
     "HỒ", "NGÔ", "DƯƠNG", "LÝ", "ĐINH", "TRƯƠNG", "LÂM", "MAI", "TẠ", "CHÂU", "CAO", "LƯƠNG",
     "HÀ", "TRỊNH", "ĐOÀN", "TÔ", "THÁI", "LƯU", "VƯƠNG", "KIỀU", "QUÁCH"}
)
_PAREN_RE = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
_LETTER_RE = re.compile(r"[^\W\d_]")
_DIGIT_RE = re.compile(r"\d")
_DIST_TRIM = " \t;,."
_MAX_SEGMENT = 120  # signature lines are short; also bounds the regexes' work


@dataclass
class Tail:
    distribution: list[str] = field(default_factory=list)
    name: str | None = None
    title: str | None = None


def _segments(line: str) -> list[str]:
    return [s.strip() for s in p.COLUMN_SPLIT_RE.split(line) if s.strip()]


def _caps(text: str) -> bool:
    letters = _LETTER_RE.findall(text)
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name(segment: str) -> str | None:
    if len(segment) > _MAX_SEGMENT:
        return None
    text = _PAREN_RE.sub(" ", segment).strip()
    m = _NAME_RE.match(text)
    if m:
        return m.group("name")
    words = text.split()
    if 2 <= len(words) <= 5 and _caps(text) and words[0] in _SURNAMES and not _DIGIT_RE.search(text):
        return " ".join(w[:1] + w[1:].lower() for w in words)
    return None


def _is_title(segment: str) -> bool:
    return (
        len(segment) <= _MAX_SEGMENT
        and _caps(segment)
        and len(segment.split()) <= 8
        and not _DIGIT_RE.search(segment)
        and not p.NOI_NHAN_RE.match(segment)
    )


def _signer_ish(segment: str) -> bool:
    if len(segment) > _MAX_SEGMENT:
        return False  # a paragraph, not a signature line
    return bool(
        p.SEPARATOR_RE.match(segment)
        or _PREFIX_RE.match(segment)
        or _SIGNED_RE.match(segment)
        or _name(segment)
        or _is_title(segment)
    )


def _has_noi_nhan(line: str) -> bool:
    return any(p.NOI_NHAN_RE.match(s) for s in _segments(line))


_SIGNED_LINE_RE = re.compile(r"^[(\[]\s*(?:đã\s+ký|ký)\s*[)\]]$", re.IGNORECASE)


def _first_signature(lines: list[str], body_start: int) -> int | None:
    """Without "Nơi nhận", the line after a "(Đã ký)" and its name: a page can go on with
    another document (the regulation a decision issues), which is not this one's body."""
    for i in range(body_start, len(lines)):
        if _SIGNED_LINE_RE.match(lines[i].strip()):
            for k in range(i + 1, min(i + 4, len(lines))):
                if _name(lines[k].strip()):
                    return k + 1
            return None
    return None


def tail_start(lines: list[str], body_start: int) -> int:
    """Index where the body ends and the signature/distribution block begins."""
    end = len(lines)
    for i in range(len(lines) - 1, body_start - 1, -1):
        if _has_noi_nhan(lines[i]):
            end = i
            break
    else:
        end = _first_signature(lines, body_start) or end
    j = end
    while j > body_start and all(_signer_ish(s) for s in _segments(lines[j - 1])):
        j -= 1
    return j


def read_tail(lines: list[str]) -> Tail:
    tail = Tail()
    after_noi_nhan = False
    loose: list[str] = []  # unbulleted lines after "Nơi nhận", used if no bullets
    last_title: str | None = None
    acting: str | None = None
    for line in lines:
        for seg in _segments(line):
            if p.NOI_NHAN_RE.match(seg):
                after_noi_nhan = True
                rest = p.NOI_NHAN_RE.sub("", seg, count=1).strip()
                if rest:
                    seg = rest
                else:
                    continue
            if after_noi_nhan and p.BULLET_RE.match(seg):
                item = p.BULLET_RE.sub("", seg).strip(_DIST_TRIM)
                if item:
                    tail.distribution.append(item)
                continue
            prefix = _PREFIX_RE.match(seg)
            if prefix:
                acting = seg[prefix.end():] if seg.startswith("Q.") else None
                continue
            name = _name(seg)
            if name:
                tail.name = name
                tail.title = last_title or (f"Quyền {acting}" if acting else None)
                continue
            if _is_title(seg):
                last_title = seg
                continue
            if after_noi_nhan and not _SIGNED_RE.match(seg) and not p.SEPARATOR_RE.match(seg):
                loose.append(seg.strip(_DIST_TRIM))
    if not tail.distribution:
        tail.distribution = [item for item in loose if item]
    if tail.title:
        tail.title = cite_title(tail.title)
    return tail
