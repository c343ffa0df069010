"""The review of proposed tasks: every field editable, tasks added, deleted, split, merged and reordered
before confirming; warnings recomputed from the tasks as they stand (live through htmx on change); each
resolved name shown with how it was resolved (learned alias, the issuer's own body) and the unit's full
path; above the confirm button, every unit that will receive work, with its parent."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core.scoping import scoped_view
from sohoi.orgs.models import Unit, UnitGroup
from sohoi.orgs.selectors import relative_members, resolve_name, unit_full_path

from .. import review_edits, services
from ..forms import ReviewTaskForm
from ..models import Document
from ..services.proposals import parse_choice, review_warnings
from .common import apply_errors
from .documents import _changeable, _entries_from_post, _options


def _tasks_from_post(post: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """The tasks as submitted, and every date that could not be read (named by task)."""
    tasks, errors = [], []
    for i in range(int(post.get("count", "0") or 0)):
        p = f"t{i}-"
        form = ReviewTaskForm(post, prefix=f"t{i}")
        form.is_valid()
        data = form.cleaned_data
        deadline = post.get(f"{p}deadline", "").strip()
        if "deadline" in form.errors:
            errors.append(_("Nhiệm vụ %(no)s: hạn “%(value)s” không đọc được; nhập dạng dd/mm/yyyy, ví dụ "
                            "31/12/2026, hoặc để trống.") % {"no": post.get(f"{p}no", i + 1), "value": deadline})
        elif data.get("deadline"):
            deadline = data["deadline"].isoformat()
        default = post.get(f"{p}default_deadline", "")
        is_default = bool(default) and deadline == default
        tasks.append({
            "no": post.get(f"{p}no", ""), "text": post.get(f"{p}text", ""), "include": post.get(f"{p}include") == "on",
            "deadline": deadline, "recurrence": data.get("recurrence") or "",
            "deadline_default": is_default, "deadline_rule": post.get(f"{p}rule", "") if is_default else "",
            "parent": post.get(f"{p}parent", ""),
            "leads": _entries_from_post(post, f"{p}lead"), "coordinators": _entries_from_post(post, f"{p}coord"),
        })
    return tasks, errors


def _how(entry: dict[str, Any], document: Document, cache: dict[str, Any]) -> dict[str, Any]:
    """How a name maps: chosen by a person, a learned alias (for this issuer), the issuer's own body, or its
    exact name; and the chosen unit's full path."""
    name, choice = entry.get("name", ""), entry.get("choice") or ""
    if name not in cache:
        cache[name] = resolve_name(name, on=document.date, issuer=document.issuer)
    res = cache[name]
    auto = f"unit:{res.unit.pk}" if res.unit is not None else (f"group:{res.group.pk}" if res.group is not None else "")
    if not choice:
        choice = auto
    target = parse_choice(choice)
    how = ""
    if ("members", name) not in cache:
        cache[("members", name)] = relative_members(name, document.issuer, document.date)
    if isinstance(target, Unit) and target in cache[("members", name)]:
        how = _("hiểu theo cơ quan ban hành")
    elif choice and choice == auto:
        if res.alias is not None and res.alias.issuer_id:
            how = _("tên đã học cho văn bản của %(issuer)s") % {"issuer": res.alias.issuer}
        elif res.relative:
            how = _("hiểu theo cơ quan ban hành")
        elif res.alias is not None:
            how = _("tên gọi khác trong danh mục")
    elif choice:
        how = _("do người duyệt chọn")
    path = unit_full_path(target) if isinstance(target, Unit) else ""
    return {**entry, "choice": choice, "resolved": bool(choice), "how": how, "path": path}


def _decorate(tasks: list[dict[str, Any]], document: Document) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cache: dict[Any, Any] = {}
    for i, task in enumerate(tasks):
        item = dict(task)
        deadline = task.get("deadline") or ""
        try:
            shown: Any = datetime.date.fromisoformat(deadline) if deadline else None
        except ValueError:
            shown = deadline  # what the clerk typed, shown back with the message
        item["form"] = ReviewTaskForm(prefix=f"t{i}", initial={
            "no": task.get("no"), "include": task.get("include", True), "text": task.get("text", ""),
            "deadline": shown, "recurrence": task.get("recurrence", ""), "parent": task.get("parent", ""),
            "default_deadline": deadline if task.get("deadline_default") else "",
            "rule": task.get("deadline_rule", "")})
        for role, key in (("leads", "lead"), ("coordinators", "coord")):
            entries = [{**_how(entry, document, cache), "field": f"t{i}-{key}{j}"}
                       for j, entry in enumerate(task.get(role, []))]
            item[role] = entries
            item[f"{key}_add"] = f"t{i}-{key}{len(entries)}"
        item["unresolved"] = any(not e["resolved"] for r in ("leads", "coordinators") for e in item[r])
        out.append(item)
    return out


def _recipients(tasks: list[dict[str, Any]], on: datetime.date | None) -> list[dict[str, Any]]:
    """Every unit the confirmation will give work to, with its parent, so that a wrong district stands out."""
    rows: dict[str, dict[str, Any]] = {}
    for task in tasks:
        if not task.get("include"):
            continue
        for role in ("leads", "coordinators"):
            for entry in task[role]:
                target = parse_choice(entry.get("choice", ""))
                if target is None:
                    continue
                key = entry["choice"]
                if key not in rows:
                    if isinstance(target, UnitGroup):
                        rows[key] = {"name": target.name, "parent": _("nhóm: %(n)s đơn vị") % {
                            "n": target.members(on).count()}, "tasks": []}
                    else:
                        parent = target.parent
                        rows[key] = {"name": target.name, "parent": unit_full_path(parent) if parent else "—",
                                     "tasks": []}
                if task["no"] not in rows[key]["tasks"]:
                    rows[key]["tasks"].append(task["no"])
    return list(rows.values())


def _context(document: Document, tasks: list[dict[str, Any]], extra: list[str] = ()) -> dict[str, Any]:
    decorated = _decorate(tasks, document)
    return {"document": document, "tasks": decorated, "options": _options(document),
            "warnings": [*extra, *review_warnings(document, decorated)],
            "recipients": _recipients(decorated, document.date),
            "title": _("Duyệt nhiệm vụ – %(doc)s") % {"doc": document}}


EDITS = {"add", "delete", "split", "merge", "up", "down"}


@scoped_view(Document)
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = _changeable(request, pk)
    if document.confirmed_at is not None:
        messages.info(request, _("Nhiệm vụ của văn bản này đã được xác nhận."))
        return redirect(document)
    tasks = document.proposal.get("tasks") or []
    if request.method != "POST":
        return render(request, "directives/document_review.html", _context(document, tasks))
    tasks, date_errors = _tasks_from_post(request.POST)
    action = request.POST.get("action", "save")
    if action == "check":  # the live refresh of the warnings: nothing is saved
        return render(request, "directives/partials/_review_warnings.html", _context(document, tasks, date_errors))
    if date_errors:
        for msg in date_errors:
            messages.error(request, msg)
        return render(request, "directives/document_review.html", _context(document, tasks), status=400)
    op, index = review_edits.parse_action(action)
    if op in EDITS:
        tasks = review_edits.apply(tasks, op, index)
    try:
        # Saved first, on its own: a refused confirmation keeps the reviewer's corrections.
        document = services.document_review_save(actor=request.user, document=document, tasks=tasks)
        if action == "confirm":
            created = services.document_confirm(actor=request.user, document=document)
            messages.success(request, _("Đã xác nhận %(n)s nhiệm vụ và giao việc cho các đơn vị.") % {"n": len(created)})
            return redirect(document)
        if op in EDITS:
            return redirect(f"{document.get_absolute_url()}duyet/#task-{max(index, 0)}")
        messages.success(request, _("Đã lưu bản duyệt; có thể quay lại hoàn tất sau."))
        return redirect("directives:document_review", pk)
    except ValidationError as exc:
        apply_errors(request, exc)
        document.refresh_from_db()
    return render(request, "directives/document_review.html", _context(document, tasks))
