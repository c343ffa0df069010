"""Reads on dissemination: which units a document should be disseminated by, who did, attendance against
membership, a unit's history. Scoping through the session's SCOPE (secrecy included) and through the
document's; the coverage rows a user sees are those of the units they oversee."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Sum, Value, When

from sohoi.core.params import MAX_ID, int_param
from sohoi.core.permissions import reads_all
from sohoi.core.scoping import get_scoped, restrict
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import Unit, UnitGroup

from ..models import Assignment, Document
from .models import GROUPS, DisseminationSession, Form

# i18n: data (the name of a group of units, used as a key)
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


def reach(attended: int, population: int | None) -> int | None:
    """Percent of `population` that attended (None when the population is unknown)."""
    return round(attended * 100 / population) if population else None


def coverage(*, document: Document, user: Any) -> dict[str, Any]:
    """Per unit in scope that the user oversees: its sessions, whether it held one, attendance by group
    (planned and actual) and the association membership; and the totals.

    Only the association members who attended are measured against the membership (`members_reach`): the
    other groups (cadres, Party members, others) are not association members, and the register knows no
    population for them (a committee's Party members are not only those in associations), so their counts
    stand alone. Measuring every attendee against the membership overstated the reach (issue 16)."""
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
        membership = members.get(unit.pk) or None
        rows.append({"unit": unit, "sessions": mine, "held": bool(mine), "totals": totals, "actual": actual,
                     "membership": membership, "members_actual": totals["actual_members"],
                     "members_reach": reach(totals["actual_members"], membership),
                     "groups": [{"label": label, "planned": totals[f"planned_{stem}"],
                                 "actual": totals[f"actual_{stem}"]} for stem, label in GROUPS]})
    all_totals = {name: sum(r["totals"][name] for r in rows) for name in COUNT_NAMES}
    others = [s for uid, lst in sessions.items() if uid not in {u.pk for u in units} for s in lst]
    membership = sum(r["membership"] or 0 for r in rows) or None
    # Reach over the units whose membership is known: members of a unit without figures would inflate it.
    members_known = sum(r["members_actual"] for r in rows if r["membership"])
    return {"document": document, "rows": rows, "in_scope": len(rows), "held": sum(r["held"] for r in rows),
            "not_held": sum(not r["held"] for r in rows), "sessions": sum(len(r["sessions"]) for r in rows),
            "totals": all_totals, "actual": sum(r["actual"] for r in rows),
            "membership": membership, "members_actual": all_totals["actual_members"],
            "members_reach": reach(members_known, membership),
            "groups": [{"label": label, "planned": all_totals[f"planned_{stem}"],
                        "actual": all_totals[f"actual_{stem}"]} for stem, label in GROUPS],
            "other_sessions": others}


def overview_documents(*, user: Any) -> QuerySet[Document]:
    """Documents to disseminate (assigned to the Party committees' group, or already with a session) that the
    user may see, newest first (the page paginates them)."""
    visible = restrict(Document.objects.select_related("issuer"), user)
    with_group = Assignment.objects.filter(via_group__name=PARTY_GROUP).values("task__document_id")
    with_session = DisseminationSession.objects.values("document_id")
    return visible.filter(Q(pk__in=with_group) | Q(pk__in=with_session)).order_by("-date", "-pk")


def overview(*, user: Any, documents: Any = None) -> list[dict[str, Any]]:
    """`documents` (a page of `overview_documents`; default its first 200) with held / in-scope counts for the
    units the user oversees, counted in SQL: two grouped queries whatever the number of units."""
    docs = list(overview_documents(user=user)[:200] if documents is None else documents)
    prefixes = {d.pk: _oversees(user, d) for d in docs}
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for pk, prefix in prefixes.items():
        if prefix is not None:
            by_prefix[prefix].append(pk)
    counts: dict[int, dict[str, int]] = {}
    if by_prefix:
        held = session_queryset(user=user).filter(document_id=OuterRef("task__document_id"),
                                                  unit_id=OuterRef("unit_id"))
        rows = (Assignment.objects.filter(task__document_id__in=[pk for ids in by_prefix.values() for pk in ids],
                                          via_group__name=PARTY_GROUP)
                .annotate(prefix=Case(*[When(task__document_id__in=ids, then=Value(prefix))
                                        for prefix, ids in by_prefix.items()], output_field=CharField()),
                          held=Exists(held))
                .filter(unit__path__startswith=F("prefix"))
                .values("task__document_id")
                .annotate(in_scope=Count("unit_id", distinct=True),
                          held_units=Count("unit_id", distinct=True, filter=Q(held=True))).order_by())
        counts = {r["task__document_id"]: r for r in rows}
    attended = dict(session_queryset(user=user).filter(document_id__in=list(prefixes)).order_by()
                    .values_list("document_id").annotate(
                        n=Sum("actual_cadres") + Sum("actual_party") + Sum("actual_members") + Sum("actual_others")))
    out = []
    for d in docs:
        row = counts.get(d.pk, {"in_scope": 0, "held_units": 0})
        out.append({"document": d, "in_scope": row["in_scope"], "held": row["held_units"],
                    "not_held": row["in_scope"] - row["held_units"], "attended": attended.get(d.pk) or 0})
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
