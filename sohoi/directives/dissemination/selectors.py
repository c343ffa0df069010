"""Reads on dissemination: which units a document should be disseminated by, who did, attendance against
membership, a unit's history. Scoping through the session's SCOPE (secrecy included) and through the
document's; the coverage rows a user sees are those of the units they oversee."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Q, QuerySet, Sum

from sohoi.core.params import MAX_ID, int_param
from sohoi.core.permissions import reads_all
from sohoi.core.scoping import get_scoped, restrict
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import Unit, UnitGroup

from ..models import Assignment, Document
from .models import GROUPS, DisseminationSession, Form

PARTY_GROUP = "Cấp ủy đảng các cấp"
COUNT_NAMES = [f"{kind}_{stem}" for stem, _label in GROUPS for kind in ("planned", "actual")]


def session_queryset(*, user: Any) -> QuerySet[DisseminationSession]:
    return restrict(DisseminationSession.objects.select_related("document", "unit"), user)


def session_list(*, user: Any, filters: dict[str, Any] | None = None) -> QuerySet[DisseminationSession]:
    qs = session_queryset(user=user)
    filters = filters or {}
    # Typed into the address bar: a value that is not a valid id, year or form is ignored, never a 500.
    for name, lookup, high in (("document", "document_id", MAX_ID), ("unit", "unit_id", MAX_ID),
                               ("year", "held_on__year", 9999)):
        value = int_param(filters.get(name), 1, high)
        if value is not None:
            qs = qs.filter(**{lookup: value})
    if filters.get("form") in Form.values:
        qs = qs.filter(form=filters["form"])
    return qs.order_by("-held_on", "-pk")


def session_get(*, user: Any, pk: int, action: str = "view") -> DisseminationSession:
    return get_scoped(DisseminationSession.objects.select_related("document", "unit"), user, action, pk=pk)


# Membership -------------------------------------------------------------------------------------------

def memberships(units: list[Unit], on: datetime.date | None = None) -> dict[int, int]:
    """Association members (as reported) of the associations in each unit's subtree that existed on `on`;
    for an association, its own members. Branches are left out (their members are counted by their
    association)."""
    from sohoi.associations.models import Association

    if not units:
        return {}
    q = Q()
    for unit in units:
        q |= Q(unit__path__startswith=unit.path)
    qs = Association.objects.filter(q, unit__kind=UnitKind.ASSOCIATION)
    if on is not None:
        qs = qs.filter(Q(unit__valid_from__isnull=True) | Q(unit__valid_from__lte=on))
    rows = list(qs.values_list(
        "unit__path", "members_individual", "members_organisational", "members_honorary"))
    return {unit.pk: sum(i + o + h for path, i, o, h in rows if path.startswith(unit.path)) for unit in units}


def membership_of(unit: Unit, on: datetime.date | None = None) -> int | None:
    """None when unknown (no association under the unit reports its members)."""
    return memberships([unit], on).get(unit.pk) or None


# Scope of a document -----------------------------------------------------------------------------------

def scope_units(document: Document) -> list[Unit]:
    """The units expected to disseminate `document`: those it assigned through the group 'Cấp ủy đảng các
    cấp'; else every unit it assigned a task to; else the group's members valid on the document date."""
    assignments = Assignment.objects.filter(task__document=document).select_related("unit", "via_group")
    by_group = {a.unit_id: a.unit for a in assignments if a.via_group_id and a.via_group.name == PARTY_GROUP}
    units = list(by_group.values()) if by_group else list({a.unit_id: a.unit for a in assignments}.values())
    if not units:
        group = UnitGroup.objects.filter(name=PARTY_GROUP).first()
        units = list(group.members(document.date)) if group else []
    return sorted(units, key=lambda u: u.path)


def _oversees(user: Any, document: Document) -> str | None:
    """'' = every unit; a path = units in that subtree; None = none."""
    if reads_all(user):
        return ""
    path = user.unit.path if user.unit_id else None
    if path and document.issuer_id and document.issuer.path.startswith(path):
        return ""
    return path


def _totals(sessions: list[DisseminationSession]) -> dict[str, int]:
    return {name: sum(getattr(s, name) for s in sessions) for name in COUNT_NAMES}


def coverage(*, document: Document, user: Any) -> dict[str, Any]:
    """Per unit in scope that the user oversees: its sessions, whether it held one, attendance by group
    (planned and actual) and the association membership it is measured against; and the totals."""
    units = scope_units(document)
    prefix = _oversees(user, document)
    if prefix is None:
        units = []
    elif prefix:
        units = [u for u in units if u.path.startswith(prefix)]
    sessions: dict[int, list[DisseminationSession]] = defaultdict(list)
    for s in session_queryset(user=user).filter(document=document).order_by("held_on", "pk"):
        sessions[s.unit_id].append(s)
    members = memberships(units, document.date)
    rows = []
    for unit in units:
        mine = sessions.get(unit.pk, [])
        totals = _totals(mine)
        actual = sum(v for k, v in totals.items() if k.startswith("actual_"))
        rows.append({"unit": unit, "sessions": mine, "held": bool(mine), "totals": totals, "actual": actual,
                     "membership": members.get(unit.pk) or None,
                     "groups": [{"label": label, "planned": totals[f"planned_{stem}"],
                                 "actual": totals[f"actual_{stem}"]} for stem, label in GROUPS]})
    all_totals = {name: sum(r["totals"][name] for r in rows) for name in COUNT_NAMES}
    others = [s for uid, lst in sessions.items() if uid not in {u.pk for u in units} for s in lst]
    return {"document": document, "rows": rows, "in_scope": len(rows), "held": sum(r["held"] for r in rows),
            "not_held": sum(not r["held"] for r in rows), "sessions": sum(len(r["sessions"]) for r in rows),
            "totals": all_totals, "actual": sum(r["actual"] for r in rows),
            "membership": sum(r["membership"] or 0 for r in rows) or None,
            "groups": [{"label": label, "planned": all_totals[f"planned_{stem}"],
                        "actual": all_totals[f"actual_{stem}"]} for stem, label in GROUPS],
            "other_sessions": others}


def overview(*, user: Any) -> list[dict[str, Any]]:
    """Documents to disseminate (assigned to the Party committees' group, or already with a session) that
    the user may see, with held / in-scope counts for the units the user oversees. Three queries."""
    visible = restrict(Document.objects.select_related("issuer"), user)
    with_group = Assignment.objects.filter(via_group__name=PARTY_GROUP).values("task__document_id")
    with_session = DisseminationSession.objects.values("document_id")
    docs = list(visible.filter(Q(pk__in=with_group) | Q(pk__in=with_session)).order_by("-date", "-pk")[:200])
    ids = [d.pk for d in docs]
    scope: dict[int, set[int]] = defaultdict(set)
    paths: dict[int, str] = {}
    for doc_id, unit_id, path in Assignment.objects.filter(task__document_id__in=ids, via_group__name=PARTY_GROUP)\
            .values_list("task__document_id", "unit_id", "unit__path"):
        scope[doc_id].add(unit_id)
        paths[unit_id] = path
    held: dict[int, set[int]] = defaultdict(set)
    sessions = session_queryset(user=user).filter(document_id__in=ids).values("document_id", "unit_id").annotate(
        n=Sum("actual_cadres") + Sum("actual_party") + Sum("actual_members") + Sum("actual_others"))
    attended: dict[int, int] = defaultdict(int)
    for row in sessions:
        held[row["document_id"]].add(row["unit_id"])
        attended[row["document_id"]] += row["n"] or 0
    out = []
    for d in docs:
        prefix = _oversees(user, d)
        units = {u for u in scope[d.pk] if prefix is not None and paths[u].startswith(prefix)}
        out.append({"document": d, "in_scope": len(units), "held": len(units & held[d.pk]),
                    "not_held": len(units - held[d.pk]), "attended": attended[d.pk]})
    return out


def unit_history(*, user: Any, unit: Unit) -> QuerySet[DisseminationSession]:
    return session_queryset(user=user).filter(unit__path__startswith=unit.path).order_by("-held_on", "-pk")


def undisseminated_for_unit(*, user: Any) -> list[Document]:
    """Documents assigned to the user's unit through the Party committees' group that it has not
    disseminated yet (for the home page)."""
    if not user.unit_id:
        return []
    done = DisseminationSession.objects.filter(unit_id=user.unit_id).values("document_id")
    docs = restrict(Document.objects.all(), user).filter(
        pk__in=Assignment.objects.filter(unit_id=user.unit_id, via_group__name=PARTY_GROUP).values("task__document_id")
    ).exclude(pk__in=done).order_by("-date")
    return list(docs[:20])
