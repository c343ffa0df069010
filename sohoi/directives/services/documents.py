"""Writes on the register: register an upload (finding the existing entry when it is already there),
fill a stub, edit the header, and keep the cascade links."""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import require
from sohoi.core.services import StaleEditError
from sohoi.core.text import fold
from sohoi.orgs.selectors import resolve_name

from .. import intake
from .. import permissions as access
from ..choices import DocType, Secrecy, System
from ..models import Document
from .files import store_content
from .proposals import build_proposal

# Type abbreviations inside a symbol (domain.md §5) -> our document types; used for stubs of cited documents.
SYMBOL_TYPES = {
    "CV": DocType.CONG_VAN, "CT": DocType.CHI_THI, "KH": DocType.KE_HOACH, "HD": DocType.HUONG_DAN,
    "QĐ": DocType.QUYET_DINH, "QD": DocType.QUYET_DINH, "QyĐ": DocType.QUY_DINH, "QC": DocType.QUY_CHE,
    "TB": DocType.THONG_BAO, "NQ": DocType.NGHI_QUYET, "KL": DocType.KET_LUAN, "BC": DocType.BAO_CAO,
    "NĐ": DocType.NGHI_DINH, "TT": DocType.THONG_TU, "TTr": DocType.TO_TRINH, "CTr": DocType.CHUONG_TRINH,
}
HEADER_FIELDS = ("system", "doc_type", "issuer", "issuer_name", "number", "symbol", "code", "date", "place",
                 "subject", "signer_name", "signer_title", "direction", "received_on", "incoming_no", "urgency",
                 "secrecy", "parent")


def _redacted(doc: Document, changes: dict[str, Any]) -> dict[str, Any]:
    """The audit trail is read by administrators who may not be readers of a secret document."""
    if doc.is_secret and "subject" in changes:
        # i18n: data (an audit trail's stored values)
        changes = {**changes, "subject": ["…", "… (mật)"]}
    return changes


def _snapshot(doc: Document) -> dict[str, Any]:
    data = audit.snapshot(doc)
    data["readers"] = sorted(u.username for u in doc.readers.all()) if doc.pk else []
    return data


def _date(value: Any) -> datetime.date | None:
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def _doc_type_of(code: str) -> str:
    parts = re.split(r"[-/]", code or "")
    for part in parts[1:]:
        if part in SYMBOL_TYPES:
            return SYMBOL_TYPES[part]
    return DocType.OTHER


def find_existing(*, issuer_name: str, code: str, date: datetime.date | None) -> Document | None:
    """The registered (or stub) document with this issuer, number-symbol and date, compared folded."""
    code_key = fold(code).replace(" ", "")
    if not code_key:
        return None
    qs = Document.objects.filter(code_key=code_key)
    issuer_key = fold(issuer_name)
    exact = qs.filter(issuer_key=issuer_key, date=date).first() if date else None
    if exact:
        return exact
    # A stub knows less than the document it stands for: its date may be missing, and its issuer is the
    # body the citing text named ("Ban Bí thư" for a directive headed "Ban Chấp hành Trung ương"), so the
    # number-symbol and date decide; a stub of the same issuer is preferred.
    stubs = qs.filter(is_stub=True)
    if date:
        stubs = stubs.filter(Q(date=date) | Q(date__isnull=True))
    for stub in stubs.order_by("id"):
        if stub.issuer_key == issuer_key:
            return stub
    return stubs.order_by("id").first()


def _stub_for(*, actor: Any, ref: dict[str, Any]) -> Document | None:
    code = (ref.get("code") or "").strip()
    if not code:
        return None
    date = _date(ref.get("date"))
    issuer_name = (ref.get("issuer") or "").strip()
    existing = find_existing(issuer_name=issuer_name, code=code, date=date)
    if existing is None:
        # A citation names the issuer as the citing text does ("Ban Thường vụ Thành ủy" for a letter headed
        # "Thành ủy Cần Thơ"): number-symbol and date identify the document when only one matches.
        same = Document.objects.filter(code_key=fold(code).replace(" ", ""))
        if date:
            same = same.filter(Q(date=date) | Q(date__isnull=True))
        candidates = list(same.order_by("is_stub", "id")[:2])
        if len(candidates) == 1 or (candidates and not candidates[0].is_stub and candidates[1].is_stub):
            existing = candidates[0]
    if existing is not None:
        return existing
    resolved = resolve_name(issuer_name, on=date) if issuer_name else None
    stub = Document(is_stub=True, code=code, date=date, issuer_name=issuer_name,
                    issuer=resolved.unit if resolved else None, doc_type=_doc_type_of(code),
                    system=System.PARTY if re.search(r"-[^/]+/", code) else "",
                    created_by=actor if getattr(actor, "is_authenticated", False) else None)
    number = code.split("-", 1)[0].split("/", 1)[0]
    stub.number = number if number.isdigit() else ""
    stub.symbol = code[len(stub.number) + 1:] if stub.number else ""
    stub.save()
    audit.record(actor=actor, action="directives.document.stub_created", target=stub,
                 changes={"code": [None, code], "date": [None, date]},
                 note="Văn bản được trích dẫn, chưa vào sổ.")
    return stub


def _fields_from_record(record: dict[str, Any]) -> dict[str, Any]:
    date = _date(record.get("date"))
    issuer_name = (record.get("issuer") or "").strip()
    resolved = resolve_name(issuer_name, on=date) if issuer_name else None
    signer = record.get("signer") or {}
    return {
        "system": record.get("system") or "",
        "doc_type": record.get("doc_type") if record.get("doc_type") in DocType.values else DocType.OTHER,
        "issuer_name": issuer_name[:300],
        "issuer": resolved.unit if resolved else None,
        "number": (record.get("number") or "")[:20],
        "symbol": (record.get("symbol") or "")[:60],
        "code": (record.get("code") or "")[:80],
        "date": date,
        "place": (record.get("place") or "")[:100],
        "subject": record.get("subject") or "",
        "recipients": list(record.get("recipients") or []),
        "distribution": list(record.get("distribution") or []),
        "signer_name": (signer.get("name") or "")[:150],
        "signer_title": (signer.get("title") or "")[:200],
        "warnings": list(record.get("warnings") or []),
    }


def _parent_of(record: dict[str, Any], cited: list[Document]) -> Document | None:
    """The document this one passes down: the cited one named in the subject line, else the first cited."""
    if not cited:
        return None
    subject = fold(record.get("subject") or "").replace(" ", "")
    for doc in cited:
        if doc.code_key and doc.code_key in subject:
            return doc
    return cited[0]


def _check_issuer(actor: Any, issuer: Any, direction: str | None) -> None:
    """A unit registers what it issues; a document of another body (or of a body outside the tree) is
    registered only by a document manager, in the incoming book of the unit that received it."""
    if actor is None:
        return
    require(actor, "directives.register_as_issuer", issuer)
    own = issuer is not None and actor.unit_id is not None and issuer.path.startswith(actor.unit.path)
    if not own and direction not in (None, "", "incoming"):
        raise ValidationError({"direction": _("Văn bản do cơ quan khác ban hành được vào sổ văn bản đến: "
                                              "chọn loại sổ “Văn bản đến”.")})


def _check_secrecy(actor: Any, secrecy: str | None, readers: list[Any] | None, document: Document | None = None) -> None:
    """Only the registrar roles grade a document or name its readers; anyone else leaves both as they are."""
    if document is None:
        changing = (secrecy or Secrecy.NORMAL) != Secrecy.NORMAL or bool(readers)
    else:
        current = {u.pk for u in document.readers.all()}
        wanted = {getattr(u, "pk", u) for u in readers} if readers is not None else current
        changing = (secrecy is not None and secrecy != document.secrecy) or wanted != current
    if changing:
        require(actor, "directives.set_secrecy", document)


def _check_meta(meta: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if meta.get("secrecy", Secrecy.NORMAL) != Secrecy.NORMAL and not meta.get("readers"):
        errors["readers"] = (_("Văn bản mật phải có người được đọc: chọn ít nhất một người trong mục “Người "
                               "được đọc”."))
    if meta.get("incoming_no") and meta.get("direction", "incoming") != "incoming":
        errors["incoming_no"] = _("Số đến chỉ dùng cho văn bản đến: chọn loại sổ “Văn bản đến” hoặc xóa số "
                                  "đến.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def document_register(*, actor: Any, data: bytes | None = None, filename: str = "", text: str | None = None,
                      meta: dict[str, Any] | None = None) -> tuple[Document, bool]:
    """Read a document (file bytes, or text), register it with its proposed tasks and return
    `(document, created)`; a document already in the register (same issuer, code and date, or same
    file) is returned as it is, with `created=False`. Nothing is written when the input is refused."""
    require(actor, "directives.register")
    meta = dict(meta or {})
    readers = list(meta.pop("readers", []) or [])
    _check_secrecy(actor, meta.get("secrecy"), readers)
    _check_meta({**meta, "readers": readers})
    if data is not None:
        text = intake.read_file(data, filename)
        digest = hashlib.sha256(data).hexdigest()
    else:
        if not (text or "").strip():
            raise ValidationError({"text": _("Nội dung văn bản trống: dán nội dung hoặc chọn tệp.")})
        digest = hashlib.sha256(text.encode()).hexdigest()
    record = intake.parse(text)
    fields = _fields_from_record(record)

    existing = find_existing(issuer_name=fields["issuer_name"], code=fields["code"], date=fields["date"])
    if existing is None:
        existing = Document.objects.filter(sha256=digest, is_stub=False).first()
    if existing is not None and not existing.is_stub:
        if actor is not None and not Document.objects.filter(access.document_q(actor), pk=existing.pk).exists():
            raise ValidationError({"file": _("Văn bản này đã có trong sổ nhưng bạn chưa được xem; liên hệ "
                                             "người vào sổ hoặc Ban Dân vận để được cấp quyền. Không "
                                             "có gì được lưu thêm.")})
        return existing, False
    if existing is not None:
        require(actor, "directives.fill_stub", existing)
    _check_issuer(actor, fields["issuer"], meta.get("direction", "incoming"))

    doc = existing or Document()
    before = _snapshot(doc) if doc.pk else {}
    for name, value in fields.items():
        setattr(doc, name, value)
    for name, value in meta.items():
        setattr(doc, name, value)
    doc.is_stub = False
    doc.text = text
    doc.sha256 = digest
    if doc.pk is None and getattr(actor, "is_authenticated", False):
        doc.created_by = actor  # filling a stub keeps its registrar: no ownership changes hands
    doc.full_clean(exclude=["original"])
    doc.save()
    if readers:
        doc.readers.set(readers)

    cited = [d for d in (_stub_for(actor=actor, ref=ref) for ref in record.get("references") or []) if d]
    cited = [d for d in dict.fromkeys(cited) if d.pk != doc.pk]
    if cited:
        doc.cites.add(*cited)
    if doc.parent_id is None:
        doc.parent = _parent_of(record, cited)
    doc.proposal = build_proposal(record, on=doc.date, issuer=doc.issuer)
    if data is not None:
        doc.original_name = filename[:255]
        # Written last: everything that can refuse the upload has run.
        doc.original.name = store_content(data, filename, "originals")
    doc.save()
    action = "directives.document.stub_filled" if before else "directives.document.registered"
    audit.record(actor=actor, action=action, target=doc, changes=_redacted(doc, audit.diff(before, _snapshot(doc))))
    return doc, True


@transaction.atomic
def document_update(*, actor: Any, document: Document, data: dict[str, Any],
                    expected_version: int | None = None) -> Document:
    """Edit the header of a registered document (the fields a parser could not read, or got wrong)."""
    require(actor, "directives.change_document", document)
    readers = data.pop("readers", None)
    _check_secrecy(actor, data.get("secrecy"), readers, document)
    if "issuer" in data and getattr(data["issuer"], "pk", None) != document.issuer_id:
        _check_issuer(actor, data["issuer"], data.get("direction", document.direction))
    secrecy = data.get("secrecy", document.secrecy)
    if secrecy != Secrecy.NORMAL and not (readers if readers is not None else document.readers.exists()):
        raise ValidationError({"readers": _("Văn bản mật phải có người được đọc: chọn ít nhất một người.")})
    parent = data.get("parent")
    if parent is not None and (parent.pk == document.pk or _is_descendant(parent, document)):
        raise ValidationError({"parent": _("Không thể chọn chính văn bản này hoặc văn bản thực hiện nó làm "
                                           "văn bản cấp trên.")})
    before = _snapshot(document)
    current = Document.objects.select_for_update().filter(pk=document.pk).values_list("version", flat=True).first()
    based_on = expected_version if expected_version is not None else document.version
    if current != based_on:
        raise StaleEditError(_("Văn bản đã được người khác sửa sau khi bạn mở nó. Hãy tải lại trang rồi sửa "
                               "lại."))
    for name, value in data.items():
        if name not in HEADER_FIELDS:
            raise ValidationError({name: _("Trường này không sửa được ở đây.")})
        setattr(document, name, value)
    document.version = based_on + 1
    document.full_clean(exclude=["original"])
    if document.code and Document.objects.exclude(pk=document.pk).filter(
            code_key=fold(document.code).replace(" ", ""),
            issuer_key=fold(document.issuer_name or (document.issuer.name if document.issuer_id else "")),
            date=document.date).exists():
        raise ValidationError({"code": _("Đã có văn bản cùng cơ quan ban hành, số ký hiệu và ngày trong sổ; "
                                         "kiểm tra lại số, ký hiệu hoặc ngày.")})
    document.save()
    if readers is not None:
        document.readers.set(readers)
    audit.record(actor=actor, action="directives.document.updated", target=document,
                 changes=_redacted(document, audit.diff(before, _snapshot(document))))
    return document


def _is_descendant(candidate: Document, root: Document) -> bool:
    seen: set[int] = set()
    node = candidate
    while node is not None and node.pk not in seen:
        if node.pk == root.pk:
            return True
        seen.add(node.pk)
        node = node.parent
    return False


@transaction.atomic
def document_create(*, actor: Any, fields: dict[str, Any], readers: list[Any] | None = None) -> Document:
    """Register a document typed in by hand (no file), e.g. an implementing plan kept on paper."""
    require(actor, "directives.register")
    _check_secrecy(actor, fields.get("secrecy"), readers)
    _check_issuer(actor, fields.get("issuer"), fields.get("direction", "incoming"))
    _check_meta({**fields, "readers": readers})
    doc = Document(**fields)
    if getattr(actor, "is_authenticated", False):
        doc.created_by = actor
    doc.full_clean(exclude=["original"])
    if doc.code and find_existing(issuer_name=doc.issuer_name or (doc.issuer.name if doc.issuer_id else ""),
                                  code=doc.code, date=doc.date):
        raise ValidationError({"code": _("Văn bản này đã có trong sổ (cùng cơ quan ban hành, số ký hiệu và "
                                         "ngày).")})
    doc.save()
    if readers:
        doc.readers.set(readers)
    audit.record(actor=actor, action="directives.document.registered", target=doc,
                 changes=_redacted(doc, {k: [None, v] for k, v in _snapshot(doc).items() if v not in (None, "", [])}))
    return doc
