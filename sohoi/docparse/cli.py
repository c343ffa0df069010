"""Command line: ``sohoi parse FILE [--json]``.

``main`` receives the arguments after the word ``parse``. Any failure ends
as one Vietnamese line on stderr and exit status 2, never a traceback: the
people running it are clerks, not programmers.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, TextIO

from .errors import ParseError
from .record import parse_file

USAGE = "Cách dùng: sohoi parse TỆP [--json]"
_SYSTEM = {"party": "Đảng", "state": "Nhà nước"}
_TYPE = {
    "cong_van": "công văn", "chi_thi": "chỉ thị", "ke_hoach": "kế hoạch",
    "huong_dan": "hướng dẫn", "quyet_dinh": "quyết định", "quy_dinh": "quy định",
    "quy_che": "quy chế", "thong_bao": "thông báo", "nghi_quyet": "nghị quyết",
    "ket_luan": "kết luận", "bao_cao": "báo cáo", "nghi_dinh": "nghị định",
    "thong_tu": "thông tư", "to_trinh": "tờ trình", "chuong_trinh": "chương trình",
    "other": "loại khác",
}
_RECURRENCE = {
    "monthly": "hằng tháng", "quarterly": "hằng quý", "half_yearly": "6 tháng một lần",
    "yearly": "hằng năm", "periodic": "định kỳ",
}


def _vn_date(iso: str | None) -> str:
    if not iso:
        return "?"
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _task_line(task: dict[str, Any], indent: str) -> str:
    who = ", ".join(task["leads"]) or "chưa rõ đơn vị chủ trì"
    extra = []
    if task["coordinators"]:
        extra.append("phối hợp: " + ", ".join(task["coordinators"]))
    if task["deadline"]:
        extra.append("hạn: " + _vn_date(task["deadline"]))
    if task["recurrence"]:
        extra.append(_RECURRENCE[task["recurrence"]])
    suffix = f" [{'; '.join(extra)}]" if extra else ""
    return f"{indent}{task['no']}. {who}{suffix}: {_shorten(task['text'])}"


def summary(record: dict[str, Any]) -> str:
    """A short readable Vietnamese summary of a record."""
    lines = [
        f"Cơ quan ban hành: {record['issuer'] or '?'}"
        f" ({_SYSTEM.get(record['system'] or '', 'chưa rõ hệ thống')})",
        f"Số, ký hiệu: {record['code'] or '?'} — {_TYPE.get(record['doc_type'] or '', 'chưa rõ loại')}",
        f"Nơi, ngày ban hành: {record['place'] or '?'}, {_vn_date(record['date'])}",
        f"Trích yếu: {record['subject'] or '?'}",
    ]
    if record["recipients"]:
        lines.append("Kính gửi: " + "; ".join(record["recipients"]))
    for ref in record["references"]:
        details = ", ".join(x for x in (_vn_date(ref["date"]) if ref["date"] else "", ref["issuer"] or "") if x)
        lines.append(f"Dẫn chiếu: {ref['code']}" + (f" ({details})" if details else ""))
    lines.append(f"Nhiệm vụ: {len(record['tasks'])}")
    for task in record["tasks"]:
        lines.append(_task_line(task, "  "))
        lines.extend(_task_line(sub, "      ") for sub in task.get("subtasks") or [])
    if record["distribution"]:
        lines.append("Nơi nhận: " + "; ".join(record["distribution"]))
    signer = record["signer"]
    lines.append(f"Người ký: {signer['name'] or '?'}" + (f" ({signer['title']})" if signer["title"] else ""))
    if record["warnings"]:
        lines.append("Cần kiểm tra:")
        lines.extend(f"  - {w}" for w in record["warnings"])
    return "\n".join(lines)


def _write(stream: TextIO, text: str) -> None:
    """Write text even to a console that cannot encode Vietnamese."""
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(text.encode("ascii", "replace").decode("ascii") + "\n")
        else:
            buffer.write((text + "\n").encode("utf-8"))
    stream.flush()


def _run(argv: list[str]) -> int:
    as_json = "--json" in argv
    rest = [a for a in argv if a != "--json"]
    if any(a in ("-h", "--help") for a in rest):
        _write(sys.stdout, USAGE)
        return 0
    unknown = [a for a in rest if a.startswith("--")]
    if unknown:
        _write(sys.stderr, f"Tùy chọn không hợp lệ: {unknown[0]}. {USAGE}")
        return 2
    if len(rest) != 1:
        _write(sys.stderr, f"Cần đúng một tệp để đọc. {USAGE}")
        return 2
    record = parse_file(rest[0])
    if as_json:
        _write(sys.stdout, json.dumps(record, ensure_ascii=False, indent=2))
    else:
        _write(sys.stdout, summary(record))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; ``argv`` is what follows the word ``parse``."""
    if argv is None:
        argv = sys.argv[1:]
        if argv[:1] == ["parse"]:
            argv = argv[1:]
    try:
        return _run(list(argv))
    except ParseError as err:
        message = str(err)
    except KeyboardInterrupt:
        message = "Đã dừng theo yêu cầu."
    except Exception:  # never a traceback for a clerk
        message = "Không đọc được tệp: lỗi không lường trước, hãy báo cho kỹ thuật."
    with contextlib.suppress(Exception):  # stderr itself may be gone
        _write(sys.stderr, " ".join(message.split()))
    return 2


if __name__ == "__main__":
    sys.exit(main())
