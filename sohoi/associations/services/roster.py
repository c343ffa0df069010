"""Member roster import: all-or-nothing with a dry run that lists every error (design.md §8).

Re-importing the same file updates instead of duplicating: a member is matched by ID number, or by name and
birth year when the file has no ID number. The audit trail gets one summary row per import, never the
sensitive values themselves (ID numbers, party membership).
"""

from __future__ import annotations

import datetime
import pickle
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sohoi.core import audit, bulk
from sohoi.core.deadlines import today
from sohoi.core.permissions import require
from sohoi.core.text import fold
from sohoi.orgs.choices import UnitKind

from ..choices import Gender, MemberKind
from ..importing import (
    FileRejected,
    ImportResult,
    RowError,
    parse_bool,
    parse_choice,
    parse_date,
    parse_int,
    read_table,
)
from ..models import Association, Member

# i18n: data - the import file's column headers are its format, the same whatever the page's language
COLUMNS = {
    "full_name": "Họ và tên", "gender": "Giới tính", "birth_year": "Năm sinh", "id_number": "Số định danh",
    "phone": "Điện thoại", "kind": "Loại hội viên", "joined_on": "Ngày vào hội", "branch": "Chi hội",
    "is_party_member": "Đảng viên",
}
CHUNK = 1000
# i18n: data - the values the file may hold
GENDERS = {"Nam": Gender.MALE, "Nữ": Gender.FEMALE, "Khác": Gender.OTHER}
# i18n: data
KINDS = {"Cá nhân": MemberKind.INDIVIDUAL, "Tổ chức": MemberKind.ORGANISATIONAL, "Danh dự": MemberKind.HONORARY}


# i18n: data - the template (headers, a synthetic example row) is the file format, in Vietnamese
def roster_template() -> bytes:
    """The downloadable template: header row and one synthetic example row."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Hội viên"
    sheet.append(list(COLUMNS.values()))
    sheet.append(["Nguyễn Văn Mẫu", "Nam", 1980, "", "", "Cá nhân", "15/03/2020", "", "Không"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _parse_row(number: int, raw: dict[str, Any], branches: dict[str, Association], year: int,
               errors: list[RowError]) -> dict[str, Any]:
    def err(key: str, message: str) -> None:
        errors.append(RowError(number, COLUMNS[key], message))

    row: dict[str, Any] = {}
    name = " ".join(str(raw.get("full_name") or "").split())
    if not name:
        err("full_name", _("Để trống. Nhập họ và tên hội viên."))
    elif len(name) > 150:
        err("full_name", _("Dài quá 150 ký tự."))
    row["full_name"] = name
    for key, parser in (
        ("gender", lambda v: parse_choice(v, GENDERS, "", _("Giới tính"))),
        ("kind", lambda v: parse_choice(v, KINDS, MemberKind.INDIVIDUAL, _("Loại hội viên"))),
        ("birth_year", lambda v: parse_int(v, 1900, year, _("năm sinh"))),
        ("joined_on", parse_date),
        ("is_party_member", parse_bool),
    ):
        value, message = parser(raw.get(key))
        if message:
            err(key, message)
        row[key] = value
    if row["joined_on"] and row["joined_on"] > today():
        err("joined_on", _("Ngày vào hội sau hôm nay. Sửa lại ngày."))
    if row["joined_on"] and row["birth_year"] and row["joined_on"].year < row["birth_year"]:
        err("joined_on", _("Ngày vào hội trước năm sinh. Kiểm tra lại hai cột."))
    id_number = str(raw.get("id_number") or "").strip().replace(" ", "")
    if id_number.endswith(".0"):  # Excel stores digits as a number
        id_number = id_number[:-2]
    if id_number and not (id_number.isdigit() and len(id_number) in (9, 12)):
        err("id_number", _("Phải gồm 12 chữ số (căn cước) hoặc 9 chữ số (chứng minh nhân dân cũ). Định dạng cột là "
                         "văn bản để giữ số 0 ở đầu."))
    row["id_number"] = id_number
    phone = str(raw.get("phone") or "").strip()
    if phone.endswith(".0"):
        phone = phone[:-2]
    if phone and not phone.replace(" ", "").replace("+", "").replace(".", "").isdigit():
        err("phone", _("“%(phone)s” không phải số điện thoại.") % {"phone": phone})
    row["phone"] = phone[:20]
    branch_name = str(raw.get("branch") or "").strip()
    row["branch"] = None
    if branch_name:
        row["branch"] = branches.get(fold(branch_name))
        if row["branch"] is None:
            err("branch", _("Không có chi hội “%(branch_name)s” thuộc hội này. Ghi đúng tên chi hội hoặc để trống.")
                          % {"branch_name": branch_name})
    return row


def _progress(job: Any, **values: Any) -> None:
    if job is not None:
        type(job).objects.filter(pk=job.pk).update(updated_at=timezone.now(), **values)


def roster_import(*, actor: Any, association: Association, upload: IO[bytes], filename: str,
                  dry_run: bool = True, job: Any = None) -> ImportResult:
    """Check the whole file; if there is no error and `dry_run` is False, write it in one transaction.
    `job` (an ImportJob, optional) receives the progress, for the page that polls it."""
    require(actor, "associations.import_members", association)
    result = ImportResult(dry_run=dry_run)
    branches = {b.name_folded: b for b in Association.objects.filter(unit__parent=association.unit,
                                                                    unit__kind=UnitKind.BRANCH)}
    year = today().year
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple[str, Any], int] = {}
    with tempfile.TemporaryFile() as spool:
        # First pass: every error of the file, and what would be created or updated. Rows are read one at a time
        # and spooled to disk; only each row's key stays in memory (duplicates), and the association's members
        # are looked up one chunk of rows at a time, so a large roster keeps memory flat.
        try:
            for chunk in _chunks(_spooled(read_table(upload, filename, COLUMNS), spool)):
                parsed = []
                for number, raw in chunk:
                    row = _parse_row(number, raw, branches, year, result.errors)
                    if row["id_number"]:
                        if row["id_number"] in seen_ids:
                            result.errors.append(RowError(number, COLUMNS["id_number"], (
                                _("Trùng số định danh với dòng %(value)s. Xóa một trong hai dòng.")
                                % {"value": seen_ids[row['id_number']]})))
                        seen_ids.setdefault(row["id_number"], number)
                    elif row["full_name"]:
                        key = (fold(row["full_name"]), row["birth_year"])
                        if key in seen_names:
                            result.errors.append(RowError(number, COLUMNS["full_name"], (
                                _("Trùng họ tên và năm sinh với dòng %(value)s mà không có số định danh. "
                                  "Thêm số định danh để phân biệt, hoặc xóa dòng trùng.")
                                % {"value": seen_names[key]})))
                        seen_names.setdefault(key, number)
                    parsed.append(row)
                result.rows += len(chunk)
                if not result.errors:
                    found = _existing(association, parsed)
                    matched = sum(1 for row in parsed if _match(row, found) is not None)
                    result.updated += matched
                    result.created += len(parsed) - matched
                _progress(job, done=result.rows, error_count=len(result.errors))
        except FileRejected as exc:
            result.errors.extend(exc.errors)
        if not result.rows and not result.errors:
            result.errors.append(RowError(0, "", _("Tệp không có dòng hội viên nào (điền từ dòng 2).")))
        if result.errors:
            result.created = result.updated = 0
            return result
        if dry_run:
            return result
        _progress(job, status="writing", done=result.rows)
        with transaction.atomic():
            _write(spool, association, branches, year, actor)
            audit.record(actor=actor, action="associations.member.imported", target=association,
                         changes={"rows": [None, result.rows], "created": [None, result.created],
                                  "updated": [None, result.updated]},
                         note=f"Nhập danh sách hội viên từ tệp {filename} ({datetime.date.today():%d/%m/%Y}).")
    return result


def _write(spool: IO[bytes], association: Association, branches: dict[str, Association], year: int,
           actor: Any) -> None:
    """Second pass, inside the caller's transaction: the checked rows, chunk by chunk, by executemany (not
    bulk_create/bulk_update: the ORM's compiler, and bulk_update's CASE per row and column, cost ten times the
    database's own time on large rosters, bench/bench_imports.py)."""
    errors: list[RowError] = []
    for chunk in _chunks(_unspooled(spool)):
        parsed = [_parse_row(number, raw, branches, year, errors) for number, raw in chunk]
        if errors:  # the reference lists changed between the passes: refuse rather than write unchecked rows
            raise FileRejected(errors)
        found = _existing(association, parsed)
        now = timezone.now()
        to_create, to_update = [], []
        for row in parsed:
            existing = _match(row, found)
            if existing is None:
                member = Member(association=association, created_by=actor if actor else None, **row)
                member.name_folded = fold(member.full_name)
                to_create.append(member)
            else:
                for key, value in row.items():
                    setattr(existing, key, value)
                existing.name_folded = fold(existing.full_name)
                existing.version += 1
                existing.updated_at = now
                to_update.append(existing)
        bulk.insert(Member, to_create)
        bulk.update(Member, to_update, [*COLUMNS, "name_folded", "version", "updated_at"])


def _existing(association: Association, rows: list[dict[str, Any]]) -> tuple[dict, dict]:
    """The association's members that rows of a chunk may update: by ID number, or by folded name and birth
    year for rows without one (the first such member, as the register lists them)."""
    ids = [r["id_number"] for r in rows if r["id_number"]]
    names = {fold(r["full_name"]) for r in rows if not r["id_number"] and r["full_name"]}
    by_id = {m.id_number: m for m in Member.objects.filter(association=association, id_number__in=ids)} if ids else {}
    by_name: dict[tuple[str, Any], Member] = {}
    if names:
        for m in Member.objects.filter(association=association, id_number="", name_folded__in=names):
            by_name.setdefault((m.name_folded, m.birth_year), m)
    return by_id, by_name


def _match(row: dict[str, Any], found: tuple[dict, dict]) -> Member | None:
    by_id, by_name = found
    if row["id_number"]:
        return by_id.get(row["id_number"])
    return by_name.get((fold(row["full_name"]), row["birth_year"]))


def _chunks(rows: Iterator[Any], size: int = CHUNK) -> Iterator[list]:
    chunk: list = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _spooled(rows: Iterator[tuple[int, dict[str, Any]]], spool: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    for item in rows:
        pickle.dump(item, spool, protocol=pickle.HIGHEST_PROTOCOL)
        yield item


def _unspooled(spool: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    spool.seek(0)
    while True:
        try:
            yield pickle.load(spool)  # noqa: S301 - our own temporary file, written just before
        except EOFError:
            return
