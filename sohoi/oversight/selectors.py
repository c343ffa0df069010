"""Every read of the oversight app, scoped with `restrict()` (permissions.py); counts in SQL, lists bounded."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.core.deadlines import TrackState, state_expression, today
from sohoi.core.permissions import allowed
from sohoi.core.scoping import VIEW, get_scoped, restrict

from .choices import Kind
from .filters import ActivityFilter, RecommendationFilter
from .models import Activity, CriticismPoint, DraftComment, Finding, Programme, Recommendation

SHOWN_UNITS = 100  # inspected units compared side by side (an inspection examines a handful)
SHOWN = 10  # rows of each kind per inspected unit on the side-by-side view; the count links to the full list


def recommendation_states(qs: QuerySet, on: datetime.date | None = None) -> QuerySet:
    """Annotate `state` on recommendations: the one overdue classification (core.deadlines) with the deadline as
    due date and the answer date as done date, the same rule as `Recommendation.state_on` ("started" has no
    meaning for a recommendation: it is answered or not)."""
    from django.db.models import BooleanField, Value

    return qs.annotate(_started=Value(False, output_field=BooleanField())).annotate(
        state=state_expression(due="due", done_on="answered_on", started="_started", on=on))


# Activities --------------------------------------------------------------------------------------------

def activity_queryset(*, user: Any, action: str = VIEW) -> QuerySet:
    return restrict(Activity.objects.select_related("lead_unit", "legal_basis", "document"), user, action)


def activity_list(*, user: Any, filters: Any = None) -> ActivityFilter:
    return ActivityFilter(filters or {}, queryset=activity_queryset(user=user).order_by("-planned_start", "-id"))


def activity_get(*, user: Any, pk: int, action: str = VIEW) -> Activity:
    return get_scoped(activity_queryset(user=user), user, action, pk=pk)


def overdue_counts(activities: list[Activity], on: datetime.date | None = None) -> dict[int, int]:
    """Overdue recommendations per activity, for the rows of one page (one grouped query)."""
    ids = [a.pk for a in activities]
    rows = (recommendation_states(Recommendation.objects.filter(activity_id__in=ids), on)
            .filter(state=TrackState.OPEN_OVERDUE).order_by().values("activity_id").annotate(n=Count("pk")))
    return {r["activity_id"]: r["n"] for r in rows}


# Recommendations --------------------------------------------------------------------------------------

def recommendation_queryset(*, user: Any, on: datetime.date | None = None) -> QuerySet:
    qs = Recommendation.objects.select_related("activity", "addressee")
    return recommendation_states(restrict(qs, user), on)


def recommendation_list(*, user: Any, filters: Any = None, on: datetime.date | None = None) -> RecommendationFilter:
    return RecommendationFilter(filters or {}, queryset=recommendation_queryset(user=user, on=on).order_by("due", "pk"))


def recommendation_get(*, user: Any, pk: int) -> Recommendation:
    return get_scoped(recommendation_queryset(user=user), user, pk=pk)


def overdue_recommendations(*, user: Any, on: datetime.date | None = None) -> QuerySet:
    """Recommendations not answered by their deadline that `user` may see, oldest deadline first."""
    return recommendation_queryset(user=user, on=on).filter(state=TrackState.OPEN_OVERDUE).order_by("due", "pk")


def unit_recommendations(*, user: Any, unit: Any, on: datetime.date | None = None) -> QuerySet:
    """What was recommended to a unit (and the units under it) and how it answered."""
    return recommendation_queryset(user=user, on=on).filter(addressee__path__startswith=unit.path).order_by("-due", "pk")


def state_counts(qs: QuerySet) -> dict[str, int]:
    """{state label: count} of a queryset annotated with the tracking `state` (one grouped query)."""
    return {str(TrackState(r["state"]).label): r["n"] for r in qs.order_by().values("state").annotate(n=Count("pk"))}


# The activity page -------------------------------------------------------------------------------------

def activity_page(*, user: Any, activity: Activity, on: datetime.date | None = None) -> dict[str, Any]:
    """What the activity page shows, each part scoped to the reader."""
    on = on or today()
    recommendations = list(recommendation_queryset(user=user, on=on).filter(activity=activity)
                           .order_by("due", "pk")[:200])
    reads_draft = activity.kind == Kind.CRITICISM and allowed(user, "oversight.read_draft", activity)
    comments: dict[int, list[DraftComment]] = {}
    if reads_draft:
        for c in restrict(DraftComment.objects.filter(activity=activity).select_related("unit"), user)[:1000]:
            comments.setdefault(c.paragraph, []).append(c)
    paragraphs = [{"no": i, "text": t, "comments": comments.get(i, [])}
                  for i, t in enumerate(activity.draft_paragraphs or [], start=1)] if reads_draft else []
    return {
        "team": list(activity.team.select_related("unit")),
        "participants": list(activity.participants.order_by("path")[:100]),
        "examined": list(activity.examined.order_by("path")[:100]),
        "attachments": list(activity.attachments.all()),
        "findings": list(restrict(Finding.objects.filter(activity=activity).select_related("unit", "task"), user)),
        "recommendations": recommendations,
        "points": list(restrict(CriticismPoint.objects.filter(activity=activity), user)),
        "reads_draft": reads_draft, "paragraphs": paragraphs,
        "may_change": allowed(user, "oversight.edit", activity),
        "on": on,
    }


# Inspection of a directive --------------------------------------------------------------------------------

def checklist(*, user: Any, activity: Activity) -> list[Any]:
    """The inspected document's tasks (the checklist), as the reader may see them."""
    from sohoi.directives.models import Task

    if activity.document_id is None:
        return []
    return list(restrict(Task.objects.filter(document_id=activity.document_id), user).order_by("position", "pk")[:100])


def inspected_unit(*, user: Any, activity: Activity, unit: Any, on: datetime.date | None = None) -> dict[str, Any]:
    """One inspected unit side by side: its assignments of the inspected document and their states, its progress
    reports, its dissemination sessions of the document and the Party organisations it is the superior of
    (each bounded to SHOWN rows, with an SQL count)."""
    from sohoi.directives.models import DisseminationSession, ProgressReport
    from sohoi.directives.selectors import assignment_queryset
    from sohoi.party.models import PartyOrganisation

    doc = activity.document_id
    assignments = assignment_queryset(user=user, on=on).filter(task__document_id=doc, unit__path__startswith=unit.path)
    reports = restrict(ProgressReport.objects.filter(assignment__task__document_id=doc,
                                                     assignment__unit__path__startswith=unit.path), user)
    sessions = restrict(DisseminationSession.objects.filter(document_id=doc, unit__path__startswith=unit.path), user)
    orgs = restrict(PartyOrganisation.objects.filter(superior__path__startswith=unit.path), user)
    shown = list(assignments.order_by("task__position", "unit__path")[:SHOWN])
    for a in shown:
        a.state_label = TrackState(a.state).label
    return {
        "unit": unit,
        "assignments": shown,
        "assignment_count": assignments.count(),
        "states": state_counts(assignments),
        "reports": list(reports.select_related("assignment__task").order_by("-submitted_on")[:SHOWN]),
        "report_count": reports.count(),
        "sessions": list(sessions.order_by("-held_on")[:SHOWN]), "session_count": sessions.count(),
        "organisations": list(orgs.select_related("association").order_by("name")[:SHOWN]),
        "organisation_count": orgs.count(),
    }


def inspected_states(*, user: Any, activity: Activity, units: list[Any],
                     on: datetime.date | None = None) -> list[dict[str, Any]]:
    """The inspected units side by side: per unit (at most SHOWN_UNITS), how many of its assignments of the
    inspected document (its own and those of the units under it) are in each tracking state, in ONE grouped
    query (each assignment is tagged with the inspected unit whose subtree holds it)."""
    from django.db.models import Case, IntegerField, Value, When

    from sohoi.directives.selectors import assignment_queryset

    units = units[:SHOWN_UNITS]
    if activity.document_id is None or not units:
        return []
    # the deepest inspected unit first, so a unit inside another inspected unit's subtree counts for itself
    whens = [When(unit__path__startswith=u.path, then=Value(u.pk))
             for u in sorted(units, key=lambda u: len(u.path), reverse=True)]
    rows = (assignment_queryset(user=user, on=on).filter(task__document_id=activity.document_id)
            .annotate(inspected=Case(*whens, default=Value(0), output_field=IntegerField()))
            .exclude(inspected=0).order_by().values("inspected", "state").annotate(n=Count("pk")))
    counts: dict[int, dict[str, int]] = {}
    for r in rows:
        counts.setdefault(r["inspected"], {})[r["state"]] = r["n"]
    states = list(TrackState)
    return [{"unit": u, "cells": [(st, counts.get(u.pk, {}).get(st, 0)) for st in states],
             "total": sum(counts.get(u.pk, {}).values())} for u in units]


# Programmes ----------------------------------------------------------------------------------------------

def programme_queryset(*, user: Any, action: str = VIEW) -> QuerySet:
    return restrict(Programme.objects.select_related("lead_unit"), user, action)


def programme_get(*, user: Any, pk: int, action: str = VIEW) -> Programme:
    return get_scoped(programme_queryset(user=user), user, action, pk=pk)


# Home page ------------------------------------------------------------------------------------------------

def home_panels(user: Any) -> list[dict[str, Any]]:
    """Recommendations addressed to the user's unit still waiting for its answer."""
    if not getattr(user, "unit_id", None):
        return []
    waiting = recommendation_queryset(user=user).filter(addressee__path__startswith=user.unit.path,
                                                        answered_on__isnull=True)
    n = waiting.count()
    if not n:
        return []
    return [{"title": _("Kiến nghị chờ đơn vị trả lời"), "count": n, "text": "",
             "url": reverse("oversight:unit_recommendations", args=[user.unit_id]), "link_text": _("Trả lời")}]



def urge_section(request: Any, on: datetime.date) -> dict[str, Any]:
    """The urge page's section beside overdue tasks: recommendations not answered by their deadline, oldest
    first, one page of 50 (?kn_page=), counted in SQL."""
    from sohoi.core.views import paginate

    page = paginate(request, overdue_recommendations(user=request.user, on=on), param="kn_page")
    return {"template": "oversight/partials/_urge_section.html", "page": page, "param": "kn_page", "on": on,
            "list_url": reverse("oversight:recommendation_list") + "?state=open_overdue"}
