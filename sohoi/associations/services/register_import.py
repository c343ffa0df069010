"""Import of the Department's existing register of associations (.xlsx or .csv), all-or-nothing with a dry run
that lists every error at once (design.md §8), the same rules as the roster import.

How a large file stays within bounds (100,000 rows is the case we measure, MAX_ROWS in importing.py the limit):
- two passes over the file. The checking pass reads the rows one by one (openpyxl read-only mode, or a
  streamed CSV) and keeps only each row's key (scope, territory, folded name) to find duplicates; the writing
  pass reads the file again and writes in chunks of CHUNK rows. Parsed rows are never all held in memory.
- the register is queried one chunk at a time (names in the chunk), never loaded whole.
- the writing pass is one transaction, so a failure leaves the database as it was. Its progress is not visible
  to other connections until it commits; the checking pass, the long part, reports progress on the job row.

Re-importing the same file updates instead of duplicating: a row matches the association with the same scope,
territory and name (compared without diacritics or case). An import never renames an association nor changes
its status: those go through the lifecycle events, with their deciding document (services.registry).

New associations are created in bulk (units, then profiles). Each created or updated association gets its own
audit row (`associations.association.imported` / `.import_updated`, with its fields), written in bulk with
`audit.record_many`, so that it has a history; one more row records the whole file, with counts.
"""

from __future__ import annotations

import datetime
import io
import pickle
import re
import tempfile
from collections.abc import Iterator
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sohoi.core import audit, bulk
from sohoi.core.deadlines import today
from sohoi.core.permissions import require
from sohoi.core.text import fold
from sohoi.orgs.choices import UnitKind, UnitLevel
from sohoi.orgs.models import AdminUnit, Unit, tree_path

from ..choices import ENDED, FOUNDING, ScopeLevel, Status
from ..importing import (
    FileRejected,
    ImportResult,
    RowError,
    parse_bool,
    parse_date,
    read_table,
    register_limits,
)
from ..models import Association, FieldOfActivity, FoundingDossier, ImportJob

PROVINCE_CODE = "92"  # Can Tho: the province whose register this is
CHUNK = 1000
MAX_MEMBERS = 5_000_000  # more than the whole population of the city: surely a typing error

# i18n: data - the import file's column headers are its format, the same whatever the page's language
COLUMNS = {
    "name": "Tên hội", "short_name": "Tên viết tắt", "field": "Lĩnh vực", "scope_level": "Phạm vi",
    "territory": "Địa bàn (xã, phường)", "head_office": "Trụ sở", "decision_number": "Số quyết định thành lập",
    "decision_date": "Ngày quyết định thành lập", "decision_issuer": "Cơ quan quyết định thành lập",
    "status": "Tình trạng", "special_status": "Hội đặc thù", "members": "Số hội viên", "phone": "Điện thoại",
    "email": "Thư điện tử", "website": "Trang thông tin", "managing_agency": "Cơ quan quản lý nhà nước",
}
REQUIRED = frozenset({"name", "field", "scope_level", "territory", "status"})
OPTIONAL = frozenset(COLUMNS) - REQUIRED

SCOPES = {
    ScopeLevel.NATIONWIDE: ["toan quoc", "toan quoc lien tinh", "lien tinh", "trung uong"],
    ScopeLevel.PROVINCE: ["tinh", "thanh pho", "tinh thanh pho", "cap tinh", "cap thanh pho"],
    ScopeLevel.DISTRICT: ["quan", "huyen", "quan huyen", "cap huyen", "quan huyen truoc 01/7/2025"],
    ScopeLevel.COMMUNE: ["xa", "phuong", "xa phuong", "cap xa", "dac khu"],
}
SCOPE_WORDS = {word: code for code, words in SCOPES.items()
               for word in (*words, code, fold(str(ScopeLevel(code).label)))}
# Statuses the register may hold for a new record. Ended associations are recorded through the lifecycle
# events (dissolution, merger ...) so that the deciding document and the lineage are kept.
IMPORTABLE = [Status.OPERATING, Status.SUSPENDED, Status.COMMITTEE_RECOGNISED, Status.DOSSIER_FILED,
              Status.PERMITTED, Status.FIRST_CONGRESS_HELD]
STATUS_WORDS = {fold(str(s.label)): s for s in Status} | {
    "hoat dong": Status.OPERATING, "dang hoat dong": Status.OPERATING, "dinh chi": Status.SUSPENDED,
    "bi dinh chi": Status.SUSPENDED, "giai the": Status.DISSOLVED, "sap nhap": Status.MERGED,
    "hop nhat": Status.CONSOLIDATED, "chia": Status.DIVIDED, "ban van dong": Status.COMMITTEE_RECOGNISED,
}
UNIT_LEVEL = {ScopeLevel.NATIONWIDE: UnitLevel.CENTRAL, ScopeLevel.PROVINCE: UnitLevel.PROVINCE,
              ScopeLevel.DISTRICT: UnitLevel.DISTRICT, ScopeLevel.COMMUNE: UnitLevel.COMMUNE}
PROFILE = ["short_name", "field", "head_office", "founding_decision_number", "founding_decision_date",
           "founding_decision_issuer", "special_status", "members_individual", "members_reported_on", "phone",
           "email", "website", "managing_agency"]
_PHONE = re.compile(r"^[0-9 +().-]{6,30}$")
_AMBIGUOUS = object()


# i18n: data - the template (headers, synthetic example rows) is the file format, in Vietnamese
def register_template() -> bytes:
    """The downloadable template: header row and two synthetic example rows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh bạ hội"
    sheet.append(list(COLUMNS.values()))
    sheet.append(["Hội Cây cảnh thành phố Cần Thơ", "HCC", "Khác", "Tỉnh, thành phố", "", "Số 1 đường Hòa Bình",
                  "123/QĐ-UBND", "05/09/2015", "Ủy ban nhân dân thành phố Cần Thơ", "Đang hoạt động", "Không", 850,
                  "0292 3800 123", "hoicaycanh@example.vn", "", "Sở Nội vụ"])
    sheet.append(["Hội Khuyến học phường An Bình", "", "Khuyến học", "Xã, phường", "Phường An Bình",
                  "", "12/QĐ-UBND", "20/10/2025", "Ủy ban nhân dân phường An Bình", "Đang hoạt động", "Không", 640,
                  "", "", "", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class _Lookups:
    """Reference lists a row is checked against, loaded once (a few hundred rows each)."""

    def __init__(self) -> None:
        self._folded: dict[str, str] = {}
        self.fields: dict[str, Any] = {}
        for f in FieldOfActivity.objects.filter(active=True):
            self.fields[fold(f.name)] = f
            self.fields[fold(f.code)] = f
        self.field_names = ", ".join(FieldOfActivity.objects.filter(active=True).values_list("name", flat=True))
        self.province = AdminUnit.objects.filter(code=PROVINCE_CODE).first()
        self.places: dict[str, dict[str, Any]] = {ScopeLevel.DISTRICT: {}, ScopeLevel.COMMUNE: {}}
        for unit in AdminUnit.objects.filter(parent__code=PROVINCE_CODE):
            scope = ScopeLevel.DISTRICT if unit.kind == "district" else ScopeLevel.COMMUNE
            if scope == ScopeLevel.COMMUNE and unit.valid_to is not None:
                continue
            table = self.places[scope]
            table[unit.code] = unit
            table[fold(unit.name)] = unit
            short = fold(unit.name).split(" ", 1)[-1]  # "Phường An Bình" is also "An Bình"
            if short.startswith(("thi xa ", "dac khu ")):
                short = short.split(" ", 1)[-1]
            table[short] = unit if table.get(short) in (None, unit) else _AMBIGUOUS
        self.agencies: dict[str, Any] = {}
        for unit in Unit.objects.exclude(kind__in=[UnitKind.ASSOCIATION, UnitKind.BRANCH]).prefetch_related("aliases"):
            for key in (fold(unit.name), fold(unit.code), *(a.folded for a in unit.aliases.all())):
                if key:
                    self.agencies[key] = unit if self.agencies.get(key) in (None, unit) else _AMBIGUOUS
        front = Unit.objects.filter(kind=UnitKind.FATHERLAND_FRONT, level=UnitLevel.PROVINCE).valid_on()
        self.front = front.order_by("path").first()
        self.committees = {u.area_id: u for u in Unit.objects.filter(kind=UnitKind.PARTY_COMMITTEE,
                                                                      level__in=[UnitLevel.DISTRICT, UnitLevel.COMMUNE],
                                                                      area__isnull=False)}

    def fold(self, text: str) -> str:
        """fold() remembered for the short values that repeat on every row (field, scope, status, place)."""
        key = self._folded.get(text)
        if key is None:
            key = fold(text)
            if len(self._folded) < 20_000:
                self._folded[text] = key
        return key

    def parent_for(self, territory: AdminUnit | None) -> Unit | None:
        """Where a new association sits in the tree: under its commune's (or former district's) Party committee,
        as the commune associations of the demo do; province and nationwide ones under the Fatherland Front."""
        return (self.committees.get(territory.pk) if territory is not None else None) or self.front


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return " ".join(str(raw).split())


def _count(raw: Any) -> tuple[int, str]:
    if raw in (None, ""):
        return 0, ""
    if isinstance(raw, bool):
        return 0, _("“%(raw)s” không phải số hội viên. Ghi một số nguyên, ví dụ 1.250.") % {"raw": raw}
    if isinstance(raw, int | float):
        number = raw
    else:
        text = str(raw).strip().replace(" ", "")
        if re.fullmatch(r"-?\d{1,3}([.,]\d{3})+", text):  # 1.250 or 1,250: thousands separators
            text = re.sub(r"[.,]", "", text)
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return 0, _("“%(raw)s” không phải số. Ghi số hội viên bằng chữ số, ví dụ 1.250.") % {"raw": raw}
    if number != int(number):
        return 0, _("Số hội viên %(raw)s không phải số nguyên. Ghi số người, không ghi số lẻ.") % {"raw": raw}
    if number < 0:
        return 0, _("Số hội viên %(number)s là số âm. Ghi 0 nếu chưa có số liệu.") % {"number": int(number)}
    if number > MAX_MEMBERS:
        return 0, (_("Số hội viên %(number)s lớn hơn cả dân số thành phố. Kiểm tra lại (có thể thừa chữ số).")
                   % {"number": format(int(number), ",").replace(",", ".")})
    return int(number), ""


def _parse_row(number: int, raw: dict[str, Any], lk: _Lookups, errors: list[RowError]) -> dict[str, Any]:
    def err(key: str, message: str) -> None:
        errors.append(RowError(number, COLUMNS[key], message))

    row: dict[str, Any] = {}
    name = _text(raw.get("name"))
    if not name:
        err("name", _("Để trống. Nhập tên đầy đủ của hội bằng tiếng Việt."))
    elif len(name) > 300:
        err("name", _("Dài quá 300 ký tự. Rút gọn tên (giữ đúng tên trong quyết định thành lập)."))
    row["name"] = name
    row["folded"] = fold(name)  # once per row: the duplicate key, the register lookup, the unit's search key
    for key, limit in (("short_name", 60), ("head_office", 300), ("decision_number", 60), ("decision_issuer", 200)):
        value = _text(raw.get(key))
        if len(value) > limit:
            err(key, _("Dài quá %(limit)s ký tự. Rút gọn nội dung ô này.") % {"limit": limit})
        row[key] = value[:limit]

    field_text = _text(raw.get("field"))
    row["field"] = lk.fields.get(lk.fold(field_text)) if field_text else None
    if not field_text:
        err("field", _("Để trống. Chọn một lĩnh vực: %(field_names)s.") % {"field_names": lk.field_names})
    elif row["field"] is None:
        err("field", _("Không có lĩnh vực “%(field_text)s”. Ghi một trong: %(field_names)s.")
                     % {"field_text": field_text, "field_names": lk.field_names})

    scope_text = _text(raw.get("scope_level"))
    scope = SCOPE_WORDS.get(lk.fold(scope_text))
    row["scope_level"] = scope
    if scope is None:
        # The values listed are what the file's cell may hold (Vietnamese whatever the language).
        choices = "Toàn quốc, Tỉnh/thành phố, Quận/huyện (trước 01/7/2025), Xã/phường"  # i18n: data
        if scope_text:
            err("scope_level", _("“%(scope_text)s” không phải phạm vi hoạt động. Ghi một trong: %(choices)s.")
                % {"scope_text": scope_text, "choices": choices})
        else:
            err("scope_level", _("Để trống. Ghi một trong: %(choices)s.") % {"choices": choices})

    row["territory"] = _territory(number, _text(raw.get("territory")), scope, lk, errors)

    day, message = parse_date(raw.get("decision_date"))
    if message:
        err("decision_date", message)
    elif day and day > today():
        err("decision_date", _("Ngày quyết định %(day)s sau hôm nay. Sửa lại ngày.")
                             % {"day": format(day, '%d/%m/%Y')})
    elif day and day.year < 1945:
        err("decision_date", _("Ngày quyết định %(day)s quá sớm. Kiểm tra lại năm.")
                             % {"day": format(day, '%d/%m/%Y')})
    row["decision_date"] = day
    if row["decision_number"] and not day and not message:
        err("decision_date", _("Có số quyết định nhưng thiếu ngày. Ghi ngày theo dạng dd/mm/yyyy."))
    if day and not row["decision_number"]:
        err("decision_number", _("Có ngày quyết định nhưng thiếu số. Ghi số, ký hiệu (ví dụ 123/QĐ-UBND)."))

    status_text = _text(raw.get("status"))
    status = STATUS_WORDS.get(lk.fold(status_text), Status.OPERATING if not status_text else None)
    if status is None:
        err("status", _("“%(status_text)s” không phải tình trạng. Ghi một trong: ")
                      % {"status_text": status_text}
                      + ", ".join(str(Status(s).label) for s in IMPORTABLE) + ".")
    elif status in ENDED:
        err("status", (_("Không nhập hội “%(value)s” qua danh bạ. Bỏ dòng này; ghi việc giải thể, sáp "
                         "nhập... bằng sự kiện tổ chức trên trang của hội (kèm văn bản quyết định).")
                       % {"value": Status(status).label}))
        status = None
    row["status"] = status

    special, message = parse_bool(raw.get("special_status"))
    if message:
        err("special_status", message)
    row["special_status"] = bool(special)
    row["members"], message = _count(raw.get("members"))
    if message:
        err("members", message)

    phone = _text(raw.get("phone"))
    if phone and not _PHONE.match(phone):
        err("phone", _("“%(phone)s” không phải số điện thoại. Chỉ ghi chữ số, dấu cách, dấu + . ( ) -.")
                     % {"phone": phone})
    row["phone"] = phone[:30]
    email = _text(raw.get("email"))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            err("email", _("“%(email)s” không phải địa chỉ thư điện tử (ví dụ hoi@example.vn).")
                         % {"email": email})
    row["email"] = email[:254]
    website = _text(raw.get("website"))
    if website and "://" not in website:
        website = "https://" + website
    if website:
        try:
            URLValidator()(website)
        except ValidationError:
            err("website", _("“%(website)s” không phải địa chỉ trang web (ví dụ https://hoi.cantho.gov.vn).")
                           % {"website": website})
    row["website"] = website[:200]
    agency_text = _text(raw.get("managing_agency"))
    agency = lk.agencies.get(lk.fold(agency_text)) if agency_text else None
    if agency_text and agency is None:
        err("managing_agency", (_("Không có cơ quan “%(agency_text)s” trong cây tổ chức. Ghi đúng tên sở, "
                                  "ngành (ví dụ Sở Nội vụ) hoặc để trống.")
                                % {"agency_text": agency_text}))
    elif agency is _AMBIGUOUS:
        err("managing_agency", _("“%(agency_text)s” khớp nhiều cơ quan. Ghi tên đầy đủ.")
                               % {"agency_text": agency_text})
        agency = None
    row["managing_agency"] = agency
    return row


def _territory(number: int, text: str, scope: str | None, lk: _Lookups, errors: list[RowError]) -> AdminUnit | None:
    column = COLUMNS["territory"]
    if scope == ScopeLevel.NATIONWIDE:
        return None
    if scope == ScopeLevel.PROVINCE:
        if text and lk.fold(text) not in {PROVINCE_CODE, fold(lk.province.name) if lk.province else "", "can tho",
                                       "thanh pho can tho", "tp can tho"}:
            errors.append(RowError(number, column, (_("Hội cấp thành phố: để trống hoặc ghi “%(province)s” "
                                                      "(đang ghi “%(text)s”).")
                                                    % {"province": lk.province, "text": text})))
        return lk.province
    if scope not in lk.places:
        return None
    what = _("quận, huyện (cũ)") if scope == ScopeLevel.DISTRICT else _("xã, phường")
    if not text:
        errors.append(RowError(number, column, _("Để trống. Hội cấp %(what)s phải ghi tên hoặc mã %(what2)s.")
                                               % {"what": what, "what2": what}))
        return None
    found = lk.places[scope].get(text.strip()) or lk.places[scope].get(lk.fold(text))
    if found is _AMBIGUOUS:
        errors.append(RowError(number, column, (_("“%(text)s” khớp nhiều %(what)s. Ghi đủ “Xã …” hoặc "
                                                  "“Phường …”, hoặc ghi mã đơn vị hành chính.")
                                                % {"text": text, "what": what})))
        return None
    if found is None:
        errors.append(RowError(number, column, (_("Không có %(what)s “%(text)s” thuộc thành phố Cần Thơ. Ghi "
                                                  "đúng tên (ví dụ Phường Cái Khế) hoặc mã (ví dụ 31120).")
                                                % {"what": what, "text": text})))
    return found


def _key(row: dict[str, Any]) -> tuple[str, int | None, str]:
    return row["scope_level"], row["territory"].pk if row["territory"] else None, row["folded"]


def _existing(chunk: list[tuple[int, dict[str, Any]]]) -> dict[tuple, list[Association]]:
    """Associations of the register with the same scope, territory and folded name as rows of the chunk."""
    names = {row["folded"] for _n, row in chunk}
    found: dict[tuple, list[Association]] = {}
    for a in Association.objects.filter(name_folded__in=names).exclude(unit__kind=UnitKind.BRANCH):
        found.setdefault((a.scope_level, a.territory_id, a.name_folded), []).append(a)
    return found


def _match(number: int, row: dict[str, Any], existing: dict[tuple, list[Association]],
           errors: list[RowError]) -> Association | None:
    """The record this row updates (None: a new one). A name that differs only in diacritics or case, or a
    different status, is an error: an import never renames nor moves an association through its lifecycle."""
    candidates = existing.get(_key(row), [])
    live = [a for a in candidates if a.status not in ENDED]
    if not live:
        return None
    found = next((a for a in live if a.name == row["name"]), None)
    if found is None:
        errors.append(RowError(number, COLUMNS["name"], (
            _("Trùng với hội “%(name)s” đã có trong danh bạ cùng phạm vi (chỉ khác dấu, hoa thường hoặc "
              "khoảng trắng). Ghi đúng tên như trong danh bạ để cập nhật hội đó; đổi tên thì dùng sự kiện Đổi tên.")
            % {"name": live[0].name})))
        return None
    if row["status"] and row["status"] != found.status:
        errors.append(RowError(number, COLUMNS["status"], (
            _("Danh bạ ghi hội đang “%(value)s”. Tình trạng chỉ đổi qua sự kiện tổ chức (kèm văn bản quyết "
              "định); sửa ô này cho khớp hoặc ghi sự kiện trước.")
            % {"value": Status(found.status).label})))
    return found


def _chunks(rows: Iterator[tuple[int, dict[str, Any]]], size: int = CHUNK) -> Iterator[list]:
    chunk: list = []
    for item in rows:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _progress(job: ImportJob | None, **values: Any) -> None:
    if job is not None:
        ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now(), **values)


def _spooled(upload: IO[bytes], filename: str, spool: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of the file, each also written to `spool` (a temporary file), so that the writing pass reads
    them back cheaply instead of parsing the spreadsheet a second time. Memory stays flat: rows go to disk."""
    for number, raw in read_table(upload, filename, COLUMNS, optional=OPTIONAL, limits=register_limits()):
        pickle.dump((number, raw), spool, protocol=pickle.HIGHEST_PROTOCOL)
        yield number, raw


def _unspooled(spool: IO[bytes]) -> Iterator[tuple[int, dict[str, Any]]]:
    spool.seek(0)
    while True:
        try:
            yield pickle.load(spool)  # noqa: S301 - our own temporary file, written just before
        except EOFError:
            return


def _parsed(rows: Iterator[tuple[int, dict[str, Any]]], lk: _Lookups,
            errors: list[RowError]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, raw in rows:
        yield number, _parse_row(number, raw, lk, errors)


def _check(rows: Iterator[tuple[int, dict[str, Any]]], lk: _Lookups, result: ImportResult,
           job: ImportJob | None) -> None:
    """First pass: every error of the file, and how many rows would be created or updated."""
    seen: dict[tuple, int] = {}
    for chunk in _chunks(_parsed(rows, lk, result.errors)):
        usable = [(n, r) for n, r in chunk if r["name"] and r["scope_level"]]
        existing = _existing(usable)
        for number, row in usable:
            key = _key(row)
            if key in seen:
                result.errors.append(RowError(number, COLUMNS["name"], (
                    _("Trùng tên với dòng %(value)s trong cùng phạm vi và địa bàn (so sánh không dấu). Xóa "
                      "một trong hai dòng, hoặc sửa phạm vi/địa bàn nếu là hai hội khác nhau.")
                    % {"value": seen[key]})))
                continue
            seen[key] = number
            if _match(number, row, existing, result.errors) is None:
                result.created += 1
            else:
                result.updated += 1
        result.rows += len(chunk)
        _progress(job, done=result.rows, error_count=len(result.errors))


def _write(rows: Iterator[tuple[int, dict[str, Any]]], lk: _Lookups, actor: Any) -> None:
    """Second pass, inside the caller's transaction: create and update chunk by chunk."""
    errors: list[RowError] = []
    user = actor if getattr(actor, "is_authenticated", False) else None
    reported_on = today()
    for chunk in _chunks(_parsed(rows, lk, errors)):
        existing = _existing(chunk)
        new: list[tuple[dict[str, Any], Unit]] = []
        changed: list[Association] = []
        updates: list[tuple[Association, dict[str, Any]]] = []  # each updated row's field-level diff, for its history
        for number, row in chunk:
            found = _match(number, row, existing, errors)
            if found is None:
                parent = lk.parent_for(row["territory"])
                unit = Unit(name=row["name"], name_folded=row["folded"], kind=UnitKind.ASSOCIATION,
                            level=UNIT_LEVEL[row["scope_level"]], parent=parent, area=row["territory"],
                            code=row["short_name"][:30], valid_from=row["decision_date"], created_by=user)
                new.append((row, unit))
            else:
                values = _profile(row, reported_on)
                now = values.pop("updated_at")
                if found.members_individual == values["members_individual"]:
                    values["members_reported_on"] = found.members_reported_on  # same figure: keep its date
                if any(_differs(found, name, value) for name, value in values.items()):
                    before = audit.snapshot(found)
                    for name, value in values.items():
                        setattr(found, name, value)
                    found.updated_at = now  # no fill_derived(): an import never renames (see _match), so the
                    found.version += 1      # search and sort keys stay as they are
                    changed.append(found)
                    updates.append((found, audit.diff(before, audit.snapshot(found))))
        if errors:  # the register changed between the passes: refuse rather than write something unchecked
            raise FileRejected(errors)
        # Plain executemany (core.bulk), not bulk_create: the ORM's compiler was most of the import's time. The
        # ids come first, so that each unit's materialised path (zero-padded like the rest of the tree,
        # orgs.models.tree_path) and the profile rows referring to it are written in one go.
        for (_row, unit), pk in zip(new, bulk.reserve_ids(Unit, len(new)), strict=True):
            unit.pk = pk
            unit.path = tree_path(unit.parent.path, pk)
        bulk.insert(Unit, [u for _r, u in new])
        created = []
        for row, unit in new:
            a = Association(unit=unit, name=row["name"], scope_level=row["scope_level"], territory=row["territory"],
                            status=row["status"], created_by=user, **_profile(row, reported_on))
            a.fill_derived()
            created.append(a)
        bulk.insert(Association, created)
        bulk.insert(FoundingDossier, [FoundingDossier(association=a, created_by=user)
                                      for a in created if a.status in FOUNDING])
        # Only rows whose values changed, in one executemany UPDATE (bulk_update's CASE per column and row was
        # measured several times slower).
        columns = [*(f.attname for f in map(Association._meta.get_field, PROFILE)), "version", "updated_at"]
        bulk.update(Association, changed, columns)
        # One audit row per association, so that an imported record has a history like one entered by hand
        # (the same changes as core.services.object_create/object_update), in one INSERT per chunk.
        audit.record_many(actor=actor, action="associations.association.imported", rows=[
            (a, {k: [None, v] for k, v in audit.snapshot(a).items() if v not in (None, "", [])}) for a in created])
        audit.record_many(actor=actor, action="associations.association.import_updated", rows=updates)


def _differs(obj: Association, name: str, value: Any) -> bool:
    if name in ("field", "managing_agency"):  # compare ids: reading the related object would be a query a row
        return getattr(obj, f"{name}_id") != (value.pk if value is not None else None)
    return getattr(obj, name) != value


def _profile(row: dict[str, Any], reported_on: datetime.date) -> dict[str, Any]:
    return {"short_name": row["short_name"], "field": row["field"], "head_office": row["head_office"],
            "founding_decision_number": row["decision_number"], "founding_decision_date": row["decision_date"],
            "founding_decision_issuer": row["decision_issuer"], "special_status": row["special_status"],
            "members_individual": row["members"], "members_reported_on": reported_on if row["members"] else None,
            "phone": row["phone"], "email": row["email"], "website": row["website"],
            "managing_agency": row["managing_agency"], "updated_at": timezone.now()}


def register_import(*, actor: Any, upload: IO[bytes], filename: str, dry_run: bool = True,
                    job: ImportJob | None = None) -> ImportResult:
    """Check the whole register file; if there is no error and `dry_run` is False, write it in one transaction.
    `job` (optional) receives the progress, for the page that polls it."""
    require(actor, "associations.import_register")
    result = ImportResult(dry_run=dry_run)
    lk = _Lookups()
    if lk.front is None:
        result.errors.append(RowError(0, "", _("Cây tổ chức chưa có Ủy ban Mặt trận Tổ quốc cấp tỉnh để đặt các hội "
                                             "mới. Quản trị hệ thống thêm đơn vị này trước khi nhập.")))
        return result
    _progress(job, status=ImportJob.State.CHECKING)
    with tempfile.TemporaryFile() as spool:
        try:
            _check(_spooled(upload, filename, spool), lk, result, job)
        except FileRejected as exc:
            result.errors.extend(exc.errors)
        if not result.rows and not result.errors:
            result.errors.append(RowError(0, "", _("Tệp không có dòng hội nào (điền từ dòng 2).")))
        if result.errors or dry_run:
            return result
        _progress(job, status=ImportJob.State.WRITING)
        try:
            with transaction.atomic():
                _write(_unspooled(spool), lk, actor)
                audit.record(actor=actor, action="associations.register.imported", changes={
                    "rows": [None, result.rows], "created": [None, result.created],
                    "updated": [None, result.updated]}, note=f"Nhập danh bạ hội từ tệp {filename[:200]}.")
        except FileRejected as exc:
            result.errors.extend(exc.errors)
    return result


def register_import_job(job_id: int) -> ImportJob:
    """Run a stored job inline (the worker's path is services.import_jobs.import_job_run, which this is)."""
    from .import_jobs import import_job_run

    return import_job_run(job_id)
