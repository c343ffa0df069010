"""From the parser's tasks to a proposal a person reviews, and from the confirmed proposal to tasks.

The proposal is kept on the document (`Document.proposal`) so that the review survives a reload and a
second person can finish it. Each name keeps what was printed and the choice it maps to:
"unit:<id>", "group:<id>" or "" (not resolved: a person must choose).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import allowed, require
from sohoi.core.text import fold
from sohoi.orgs.models import Unit, UnitGroup
from sohoi.orgs.selectors import BASE_PARTY_NAMES, relative_members, resolve_name
from sohoi.orgs.services import unit_alias_add

from .. import permissions as access
from ..choices import Recurrence
from ..models import Document, Task
from .tracking import assignment_open


def choice_of(name: str, on: datetime.date | None, issuer: Unit | None = None) -> str:
    res = resolve_name(name, on=on, issuer=issuer)
    if res.unit is not None:
        return f"unit:{res.unit.pk}"
    if res.group is not None:
        return f"group:{res.group.pk}"
    return ""


def _names(values: Any) -> list[str]:
    return [" ".join(str(v).split()) for v in (values or []) if str(v).strip()]


def _entries(names: Any, on: datetime.date | None, issuer: Unit | None) -> list[dict[str, Any]]:
    """One entry per printed name; a plural name relative to the issuer ("Các chi, đảng bộ cơ sở") becomes
    one entry per unit it stands for in this issuer's document, each shown and removable on the review."""
    out = []
    for n in _names(names):
        members = relative_members(n, issuer, on)
        if members:
            out.extend({"name": n, "choice": f"unit:{u.pk}", "auto": True} for u in members)
        else:
            out.append({"name": n, "choice": choice_of(n, on, issuer), "auto": True})
    return out


def _item(item: dict[str, Any], no: str, on: datetime.date | None, issuer: Unit | None,
          parent: dict[str, Any] | None = None) -> dict[str, Any]:
    """One reviewable task; a sub-task takes its parent's leads, deadline and recurrence where it says nothing."""
    parent = parent or {}
    recurrence = item.get("recurrence") or parent.get("recurrence") or ""
    leads = item.get("leads") or parent.get("leads")
    coordinators = item.get("coordinators") if item.get("leads") else (item.get("coordinators") or parent.get("coordinators"))
    return {
        "no": no, "text": " ".join(str(item.get("text") or "").split()), "include": True,
        "deadline": item.get("deadline") or parent.get("deadline") or "",
        "recurrence": recurrence if recurrence in Recurrence.values else "",
        "leads": _entries(leads, on, issuer), "coordinators": _entries(coordinators, on, issuer),
        "parent": parent.get("no", "") if parent else "",
    }


def _sub_no(parent_no: str, sub_no: str, k: int) -> str:
    mark = str(sub_no or "").strip(" .)-")
    return f"{parent_no}.{mark if mark.isalnum() else k}"


def apply_default_deadline(item: dict[str, Any], doc_type: str, base: datetime.date) -> dict[str, Any]:
    """A task the document gives no deadline gets the rule table's, marked "theo mặc định" (editable)."""
    from ..deadline_rules import default_due

    if item.get("deadline"):
        return item
    due, rule = default_due(doc_type, item.get("recurrence") or "", base)
    item["deadline"] = due.isoformat()
    item["deadline_default"] = True
    # i18n: data (stored in the proposal, shown as recorded)
    item["deadline_rule"] = (f"{rule.days} ngày kể từ ngày ban hành ({rule.legal_basis})" if rule
                             else "không có quy định còn hiệu lực; dùng một năm")
    return item


def build_proposal(record: dict[str, Any], on: datetime.date | None, issuer: Unit | None = None) -> dict[str, Any]:
    """The parser's tasks as the review screen shows them. A task with sub-tasks is followed by them, each
    a task of its own (number "2.a"); the parent is left unticked, since its sub-tasks carry its work, so a
    clerk keeps them apart or merges them back."""
    tasks = []
    doc_type = record.get("doc_type") or ""
    base = on or timezone.localdate()
    for i, raw in enumerate(record.get("tasks") or [], start=1):
        item = _item(raw, str(raw.get("no") or i), on, issuer)
        subtasks = raw.get("subtasks") or []
        item["include"] = not subtasks
        tasks.append(item)
        for k, sub in enumerate(subtasks, start=1):
            tasks.append(_item(sub, _sub_no(item["no"], sub.get("no", ""), k), on, issuer,
                               parent={**raw, "no": item["no"]}))
    for item in tasks:
        apply_default_deadline(item, doc_type, base)
    return {"tasks": tasks}


def review_warnings(document: Document, tasks: list[dict[str, Any]]) -> list[str]:
    """What the review screen asks a person to check, for the tasks as they now stand: the parser's
    document-level doubts, then one line per problem of a task still ticked. A doubt about a task the
    clerk excluded or fixed is gone."""
    # i18n: data (the parser's warning prefix, matched as data)
    general = [w for w in document.warnings or [] if not str(w).startswith("Nhiệm vụ ")]
    _cleaned, errors = _clean_tasks(tasks)
    return general + errors


def parse_choice(choice: str) -> Unit | UnitGroup | None:
    kind, _, pk = (choice or "").partition(":")
    if not pk.isdigit():
        return None
    model = {"unit": Unit, "group": UnitGroup}.get(kind)
    return model.objects.filter(pk=int(pk)).first() if model else None


def _clean_tasks(tasks: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Normalise the reviewed tasks and collect every problem at once, each naming the task and the fix."""
    errors: list[str] = []
    cleaned: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, raw in enumerate(tasks, start=1):
        no = str(raw.get("no") or "").strip() or str(i)
        item = {
            "no": no, "text": " ".join(str(raw.get("text") or "").split()), "include": bool(raw.get("include", True)),
            "deadline": str(raw.get("deadline") or "").strip(), "recurrence": raw.get("recurrence") or "",
            "leads": [dict(x) for x in raw.get("leads") or []],
            "coordinators": [dict(x) for x in raw.get("coordinators") or []],
            "deadline_default": bool(raw.get("deadline_default")), "deadline_rule": str(raw.get("deadline_rule") or ""),
            "parent": str(raw.get("parent") or ""),
        }
        cleaned.append(item)
        if not item["include"]:
            continue
        label = _("Nhiệm vụ %(no)s") % {"no": no}
        if no in seen:
            errors.append(_("%(label)s: số mục bị trùng; sửa số mục cho khác nhau.") % {"label": label})
        seen.add(no)
        if not item["text"]:
            errors.append(_("%(label)s: nội dung trống; nhập nội dung hoặc bỏ chọn nhiệm vụ này.") % {"label": label})
        if item["deadline"]:
            try:
                datetime.date.fromisoformat(item["deadline"])
            except ValueError:
                errors.append(_("%(label)s: hạn “%(deadline)s” không phải ngày; nhập dạng nn/tt/nnnn (ví dụ "
                                "30/06/2026; API: YYYY-MM-DD) hoặc để trống.") % {"label": label, "deadline": item['deadline']})
        if item["recurrence"] not in Recurrence.values:
            errors.append(_("%(label)s: loại định kỳ không hợp lệ; chọn trong danh sách.") % {"label": label})
        for role in ("leads", "coordinators"):
            for entry in item[role]:
                if entry.get("choice") and parse_choice(entry["choice"]) is None:
                    errors.append(_("%(label)s: “%(name)s” trỏ tới đơn vị không còn tồn tại; chọn lại.") % {"label": label, "name": entry.get('name')})
        if not any(e.get("choice") for e in item["leads"]):
            names = ", ".join(e.get("name", "") for e in item["leads"])
            named = f" ({names})" if names else ""  # never "((chưa có))"
            errors.append(_("%(label)s: chưa xác định đơn vị chủ trì%(named)s; chọn đơn vị hoặc nhóm đơn vị "
                            "trong danh sách, hoặc bỏ chọn nhiệm vụ này.") % {"label": label, "named": named})
    return cleaned, errors


def _check_can_change(actor: Any, document: Document) -> None:
    # actor None is the system itself (demo loader, `sohoi ingest` without --user).
    require(actor, "directives.change_document", document,
            _("Bạn không được duyệt nhiệm vụ của văn bản này: chỉ người vào sổ, đơn vị ban hành hoặc Ban Dân "
              "vận."))
    if document.confirmed_at is not None:
        raise ValidationError(_("Nhiệm vụ của văn bản này đã được xác nhận và giao; không duyệt lại được."))


def _check_directed(actor: Any, document: Document, chosen: list[dict[str, Any]], on: datetime.date) -> None:
    """Tasks go only to units the confirming body may direct: the issuer's subtree (and, for a Party
    committee, the bodies seated in its territory), or a named group the document itself addresses.
    Without an issuer in the tree, the body is the registrar's unit."""
    if actor is None:
        return
    body = document.issuer or getattr(actor, "unit", None)
    addressed = {choice_of(e["name"], document.date, document.issuer)
                 for item in chosen for role in ("leads", "coordinators") for e in item[role]}
    refused: list[str] = []
    for item in chosen:
        for role in ("leads", "coordinators"):
            for entry in item[role]:
                target = parse_choice(entry.get("choice", ""))
                if isinstance(target, UnitGroup):
                    if entry["choice"] in addressed:
                        continue
                    units = list(target.members(on))
                else:
                    units = [target] if target is not None else []
                ids = [u.pk for u in units]
                allowed_ids = set(Unit.objects.filter(access.directed_units_q(body), pk__in=ids)
                                  .values_list("pk", flat=True)) if body is not None else set()
                if set(ids) - allowed_ids:
                    refused.append(_("Nhiệm vụ %(no)s: “%(name)s” không thuộc các đơn vị mà %(body)s chỉ "
                                     "đạo; chọn đơn vị trực thuộc hoặc nhóm đơn vị mà văn bản gửi "
                                     "đến.") % {"no": item['no'], "name": entry['name'], "body": body or _("đơn vị của bạn")})
    if refused:
        raise ValidationError({"tasks": list(dict.fromkeys(refused))})


@transaction.atomic
def document_review_save(*, actor: Any, document: Document, tasks: list[dict[str, Any]]) -> Document:
    """Keep the reviewer's corrections. A printed name a person maps to a unit is remembered as an alias
    of that unit, so the next document with the same name resolves by itself."""
    _check_can_change(actor, document)
    cleaned, _errors = _clean_tasks(tasks)
    # Only a document manager teaches the matcher, and only for this issuer's documents; anyone else's
    # choice still holds for this document.
    teach = actor is None or allowed(actor, "directives.teach_alias", document)
    for item in cleaned:
        for role in ("leads", "coordinators"):
            for entry in item[role]:
                target = parse_choice(entry.get("choice", ""))
                name = entry.get("name", "")
                if (teach and document.issuer_id and isinstance(target, Unit) and name
                        and fold(name) not in BASE_PARTY_NAMES  # a plural name is never one unit's alias
                        and choice_of(name, document.date, document.issuer) == ""):
                    unit_alias_add(actor=actor, unit=target, alias=name, issuer=document.issuer)
    document.proposal = {**document.proposal, "tasks": cleaned}
    document.save(update_fields=["proposal", "updated_at"])
    audit.record(actor=actor, action="directives.document.review_saved", target=document,
                 note=f"{sum(1 for t in cleaned if t['include'])} nhiệm vụ được chọn")
    return document


@transaction.atomic
def document_confirm(*, actor: Any, document: Document, tasks: list[dict[str, Any]] | None = None) -> list[Task]:
    """Create the tasks of the (reviewed) proposal and one assignment per unit; groups are fanned out to
    the units valid on the document date. All or nothing: any problem leaves the document unconfirmed."""
    if tasks is not None:
        document = document_review_save(actor=actor, document=document, tasks=tasks)
    _check_can_change(actor, document)
    cleaned, errors = _clean_tasks(document.proposal.get("tasks") or [])
    chosen = [t for t in cleaned if t["include"]]
    if not chosen:
        errors.append(_("Chưa chọn nhiệm vụ nào: chọn ít nhất một nhiệm vụ để xác nhận."))
    if errors:
        raise ValidationError({"tasks": errors})
    on = document.date or timezone.localdate()
    _check_directed(actor, document, chosen, on)
    created: list[Task] = []
    # One audit row per opened assignment (its own history), written together after the loop: a group can fan
    # out to every commune of the city, and those rows need not cost one INSERT each.
    opened: list[tuple[Any, dict[str, Any]]] = []
    for position, item in enumerate(chosen, start=1):
        leads = [parse_choice(e["choice"]) for e in item["leads"] if e.get("choice")]
        coords = [parse_choice(e["choice"]) for e in item["coordinators"] if e.get("choice")]
        task = Task(document=document, no=item["no"], position=position, text=item["text"],
                    lead_name="; ".join(e["name"] for e in item["leads"]),
                    coordinator_names=[e["name"] for e in item["coordinators"]],
                    due=datetime.date.fromisoformat(item["deadline"]) if item["deadline"] else None,
                    due_by_default=bool(item["deadline"]) and item["deadline_default"],
                    recurrence=item["recurrence"],
                    created_by=actor if getattr(actor, "is_authenticated", False) else None)
        if len(leads) == 1:
            task.lead = leads[0] if isinstance(leads[0], Unit) else None
            task.lead_group = leads[0] if isinstance(leads[0], UnitGroup) else None
        task.full_clean(exclude=["document"])
        task.save()
        coordinator_units = [c for c in coords if isinstance(c, Unit)]
        for group in (c for c in coords if isinstance(c, UnitGroup)):
            coordinator_units.extend(group.members(on))
        task.coordinators.set(coordinator_units)
        units: dict[int, tuple[Unit, UnitGroup | None]] = {}
        for lead in leads:
            if isinstance(lead, Unit):
                units.setdefault(lead.pk, (lead, None))
            else:
                for unit in lead.members(on).order_by("path"):
                    units.setdefault(unit.pk, (unit, lead))
        if not units:
            raise ValidationError({"tasks": [_("Nhiệm vụ %(no)s: nhóm chủ trì không có đơn vị nào còn hoạt "
                                               "động vào ngày %(on)s; chọn đơn vị cụ thể.") % {"no": item['no'], "on": format(on, '%d/%m/%Y')}]})
        for unit, group in units.values():
            assignment_open(actor=actor, task=task, unit=unit, via_group=group, audit_rows=opened)
        audit.record(actor=actor, action="directives.task.created", target=task,
                     changes={"lead": [None, task.lead_name], "assignees": [None, len(units)],
                              "due": [None, task.due], "recurrence": [None, task.recurrence]})
        created.append(task)
    audit.record_many(actor=actor, action="directives.assignment.opened", rows=opened)
    document.confirmed_at = timezone.now()
    document.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
    document.save(update_fields=["confirmed_at", "confirmed_by", "updated_at"])
    audit.record(actor=actor, action="directives.document.tasks_confirmed", target=document,
                 changes={"tasks": [None, len(created)]})
    return created
