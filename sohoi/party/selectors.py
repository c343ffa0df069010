"""Reads of the Party app: scoping applied once here, the party-member count of an association, the
eligibility list, the rating summary (with its SVG chart) and the "party members as the core" figures.

How many party members an association has (issue 5, point 2): from its roster where Sổ Hội has one
(members flagged as party members), otherwise from the count the Party side reported (PartyMemberCount,
latest), and never fewer than its leaders in office flagged as party members — a leader is usually on
the roster too, so the two are not added: the greater is a safe lower bound. Roster and leader flags do
not tell official from probationary members; the reported count does, and the page shows the source.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import GreaterThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.associations.choices import Status
from sohoi.associations.models import Association, Leader, Member
from sohoi.core import audit, memo
from sohoi.core.charts import num
from sohoi.core.deadlines import today
from sohoi.core.permissions import allowed
from sohoi.core.scoping import VIEW, get_scoped, restrict
from sohoi.orgs.choices import UnitKind, UnitLevel
from sohoi.orgs.models import Unit

from .choices import GRADE_COLOR, GRADE_ORDER, Grade, OrgStatus, RuleCode
from .filters import OrganisationFilter, RatingFilter
from .models import PartyMemberCount, PartyOrganisation, PartyRule, QualityRating
from .permissions import party_association_q
from .rules import default_superior, recommended_kind, thresholds

ACTIVE_ASSOCIATION = (Status.OPERATING, Status.SUSPENDED)
MAX_TREE_DEPTH = 16  # levels of the tree of bodies searched for an association's committee


# Organisations ---------------------------------------------------------------------------------------

def organisation_queryset(*, user: Any, action: str = VIEW) -> QuerySet[PartyOrganisation]:
    qs = PartyOrganisation.objects.select_related("association__unit", "superior", "successor", "parent")
    return restrict(qs, user, action)


def organisation_list(*, user: Any, filters: Any = None) -> OrganisationFilter:
    return OrganisationFilter(filters or {}, queryset=organisation_queryset(user=user).order_by(
        "superior__path", "association__name_folded", "pk"))


def organisation_get(*, user: Any, pk: int, action: str = VIEW) -> PartyOrganisation:
    return get_scoped(PartyOrganisation.objects.select_related("association__unit", "superior", "successor",
                                                               "parent"), user, action, pk=pk)


def secretary_of(*, user: Any, organisation: PartyOrganisation) -> tuple[str | None, bool]:
    """(name, shown). The secretary's name says that a named person is a party member: sensitive personal
    data (domain.md §6). Shown only to roles allowed to see it ("party.see_secretary"), each read recorded."""
    if not allowed(user, "party.see_secretary"):
        return None, False
    if organisation.secretary_name:
        audit.record(actor=user, action="party.organisation.sensitive_viewed", target=organisation,
                     changes={"fields": [None, list(PartyOrganisation.SENSITIVE_FIELDS)]})
    return organisation.secretary_name, True


def ratings_for(*, user: Any, organisation: PartyOrganisation) -> QuerySet[QualityRating]:
    return restrict(QualityRating.objects.filter(organisation=organisation), user).order_by("-year")


def rating_list(*, user: Any, filters: Any = None) -> RatingFilter:
    qs = restrict(QualityRating.objects.select_related("organisation__association", "organisation__superior"), user)
    return RatingFilter(filters or {}, queryset=qs.order_by("-year", "organisation__name", "pk"))


def rule_list(*, user: Any) -> QuerySet[PartyRule]:
    return restrict(PartyRule.objects.all(), user)


# Associations on the Party side --------------------------------------------------------------------------

def party_associations(*, user: Any) -> QuerySet[Association]:
    """The associations whose Party figures the user may see (same rule as the Party records)."""
    qs = Association.objects.select_related("unit", "territory")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    q = party_association_q(user)
    return qs if q is None else qs.filter(q)


def _count(qs: QuerySet) -> Subquery:
    return Coalesce(Subquery(qs.order_by().values("association").annotate(n=Count("pk")).values("n")[:1]), 0)


def with_party_counts(qs: QuerySet[Association]) -> QuerySet[Association]:
    """Annotate `party_count` (the rule in the module docstring) and what it was computed from."""
    roster = Member.objects.filter(association=OuterRef("pk"))
    leaders = Leader.objects.filter(association=OuterRef("pk"), ended_on__isnull=True)
    latest = PartyMemberCount.objects.filter(association=OuterRef("pk")).order_by("-reported_on", "-pk")
    return qs.annotate(
        roster_size=_count(roster), roster_party=_count(roster.filter(is_party_member=True)),
        leaders_now=_count(leaders), leaders_party=_count(leaders.filter(is_party_member=True)),
        reported_official=Subquery(latest.values("official")[:1]),
        party_reported_on=Subquery(latest.values("reported_on")[:1]),
        has_org=Exists(PartyOrganisation.objects.filter(association=OuterRef("pk"), status=OrgStatus.ACTIVE)),
    ).annotate(base_count=Case(
        When(roster_size__gt=0, then=F("roster_party")),
        When(reported_official__isnull=False, then=F("reported_official")),
        default=Value(0), output_field=IntegerField()),
    ).annotate(party_count=Greatest("base_count", "leaders_party"))


def count_source(a: Association) -> str:
    if a.leaders_party > a.base_count:
        return _("lãnh đạo đương nhiệm là đảng viên")
    if a.roster_size:
        return _("danh sách hội viên")
    if a.reported_official is not None:
        return _("số báo cáo ngày %(d)s") % {"d": f"{a.party_reported_on:%d/%m/%Y}"}
    return _("chưa có số liệu")


def _active(qs: QuerySet[Association]) -> QuerySet[Association]:
    return qs.filter(status__in=ACTIVE_ASSOCIATION, unit__kind=UnitKind.ASSOCIATION)


def eligible_q(minimum: int) -> Q:
    """`party_count >= minimum` and no active Party organisation, as a condition on Association that needs no
    annotation: the greater of two counts reaches the minimum when either does, and the roster's count
    stands in for the reported one only where a roster exists. Each part reads a partial index
    (member_party_idx, leader_party_idx), so counting the eligible associations costs a lookup per
    association, not six subqueries each (`with_party_counts`, kept for the rows a page shows)."""
    no_org = ~Exists(PartyOrganisation.objects.filter(association=OuterRef("pk"), status=OrgStatus.ACTIVE))
    if minimum <= 0:
        return Q(no_org)  # every count is at least 0

    def party(model: Any, **extra: Any) -> Subquery:
        return _count(model.objects.filter(association=OuterRef("pk"), is_party_member=True, **extra))

    latest = PartyMemberCount.objects.filter(association=OuterRef("pk")).order_by("-reported_on", "-pk")
    reported = (~Exists(Member.objects.filter(association=OuterRef("pk")))
                & GreaterThanOrEqual(Subquery(latest.values("official")[:1]), minimum))
    return Q(no_org) & Q(GreaterThanOrEqual(party(Leader, ended_on__isnull=True), minimum)
                         | GreaterThanOrEqual(party(Member), minimum) | reported)


def eligible_queryset(*, user: Any, on: datetime.date | None = None, minimum: int | None = None
                      ) -> QuerySet[Association]:
    """Active associations with at least the minimum of party members and no active Party organisation
    (`eligible_q`), annotated with their counts (`with_party_counts`; `count()` leaves the annotations out).
    Derived from party membership: empty for a role that may not see it (the pages answer 403 first)."""
    return with_party_counts(_eligible(user, on, minimum)).order_by("name_folded", "pk")


def _eligible(user: Any, on: datetime.date | None, minimum: int | None) -> QuerySet[Association]:
    on = on or today()
    if not allowed(user, "party.see_eligibility"):
        return Association.objects.none()
    minimum = thresholds(on)[RuleCode.MIN_MEMBERS] if minimum is None else minimum
    return _active(party_associations(user=user)).filter(eligible_q(minimum))


def eligible_count(*, user: Any, within: Q | None = None, on: datetime.date | None = None) -> int:
    """How many associations `eligible_queryset` holds (`within`: a further condition, e.g. the dashboard's
    territory and field), remembered for the request: the home page's Party card and the point-1 figure
    ask the same question."""
    on = on or today()
    within = within if within is not None else Q()
    return memo.remember(("party.eligible_count", getattr(user, "pk", None), on, within),
                         lambda: _eligible(user, on, None).filter(within).count())


def expected_superiors(associations: list[Association], on: datetime.date) -> dict[int, Unit | None]:
    """The committee an association's Party organisation would report to: the nearest district or commune
    Party committee above it in the tree that is valid on `on`; otherwise the committee the rule
    `default_superior` names (for city-level associations, which sit under the Fatherland Front)."""
    ids: set[int] = set()
    for a in associations:
        ids.update(int(p) for p in a.unit.path.strip("/").split("/") if p)
    committees = {u.pk: u for u in Unit.objects.filter(pk__in=ids, kind=UnitKind.PARTY_COMMITTEE)
                  .exclude(level=UnitLevel.PROVINCE)}
    fallback = default_superior(on)
    out: dict[int, Unit | None] = {}
    for a in associations:
        chain = [int(p) for p in a.unit.path.strip("/").split("/") if p][:-1]
        nearest = next((committees[i] for i in reversed(chain) if i in committees and committees[i].is_valid_on(on)),
                       None)
        out[a.pk] = nearest or fallback
    return out


def with_superior(qs: QuerySet[Association], on: datetime.date, fallback: Any = ...) -> QuerySet[Association]:
    """Annotate `superior_id` and `superior_path`: `expected_superiors` in SQL (the nearest district or commune
    Party committee valid on `on` whose path is a prefix of the association's, else the default committee),
    so a page can be ordered and counted by committee without loading every row."""
    from django.db.models import Q
    from django.db.models.functions import Length, Substr

    from sohoi.orgs.models import PATH_WIDTH

    # The ancestors' paths are the prefixes of the association's own path, one per level: equalities on the
    # indexed path column (a prefix test against every committee would scan them all for every row).
    step = PATH_WIDTH + 1
    ancestors = Q(pk__in=[])
    for level in range(1, MAX_TREE_DEPTH + 1):
        ancestors |= Q(path=Substr(OuterRef("unit__path"), 1, step * level + 1))
    nearest = (Unit.objects.valid_on(on).filter(kind=UnitKind.PARTY_COMMITTEE).exclude(level=UnitLevel.PROVINCE)
               .filter(ancestors).exclude(pk=OuterRef("unit_id")).order_by(Length("path").desc()))
    fallback = default_superior(on) if fallback is ... else fallback
    pk, path = Subquery(nearest.values("pk")[:1]), Subquery(nearest.values("path")[:1])
    if fallback is not None:
        pk, path = Coalesce(pk, Value(fallback.pk)), Coalesce(path, Value(fallback.path))
    return qs.annotate(superior_id=pk, superior_path=path)


def eligible_by_committee(*, user: Any, on: datetime.date | None = None,
                          t: dict[str, int] | None = None) -> QuerySet[Association]:
    """The eligible associations in the order of the page: by superior committee (tree order, undetermined
    last), then by name."""
    on = on or today()
    t = t or thresholds(on)
    return with_superior(eligible_queryset(user=user, on=on, minimum=t[RuleCode.MIN_MEMBERS]), on).order_by(
        F("superior_path").asc(nulls_last=True), "name_folded", "pk")


def association_within(*, area: Any = None, field: Any = None) -> Q:
    """The territory (with what it covers) and field filters of the dashboard's links (`?area=&field=`), as
    given in a URL: a value that is not a valid id is ignored."""
    from sohoi.core.params import int_param
    from sohoi.core.scoping import area_ids
    from sohoi.orgs.models import AdminUnit

    q = Q()
    if (area_id := int_param(area)) is not None and (unit := AdminUnit.objects.filter(pk=area_id).first()):
        q &= Q(territory__in=area_ids(unit))
    if (field_id := int_param(field)) is not None:
        q &= Q(field_id=field_id)
    return q


def eligibility(*, user: Any, on: datetime.date | None = None, page: Any = None) -> dict[str, Any]:
    """Eligible associations grouped by the superior committee, each with its recommended kind, plus the
    follow-up tasks already sent to each committee from this page. `page`: a page of `eligible_by_committee`
    to show (default: every eligible association); the group sizes are counted in SQL."""
    on = on or today()
    t = thresholds(on)
    qs = eligible_by_committee(user=user, on=on, t=t) if page is None else page.paginator.object_list
    rows = list(qs if page is None else page.object_list)
    committees = Unit.objects.in_bulk({a.superior_id for a in rows if a.superior_id})
    groups: dict[int | None, dict[str, Any]] = {}
    for a in rows:
        committee = committees.get(a.superior_id)
        group = groups.setdefault(committee.pk if committee else None, {"committee": committee, "rows": []})
        group["rows"].append({"association": a, "count": a.party_count, "source": count_source(a),
                              "kind": recommended_kind(a.party_count, on, t[RuleCode.COMMITTEE_MEMBERS])})
    from sohoi.directives.models import Task

    sent = defaultdict(list)
    sizes: dict[int | None, int] = {}
    if committees:
        for task in Task.objects.filter(document__proposal__source="party.eligibility",
                                        lead_id__in=list(committees)).select_related("document"):
            sent[task.lead_id].append(task)
        if page is not None:
            sizes = dict(qs.filter(superior_id__in=list(committees)).order_by().values_list("superior_id")
                         .annotate(n=Count("pk")))
    ordered = sorted(groups.values(), key=lambda g: (g["committee"] is None, g["committee"].path if g["committee"] else ""))
    for g in ordered:
        g["tasks"] = sent.get(g["committee"].pk, []) if g["committee"] else []
        g["size"] = sizes.get(g["committee"].pk, len(g["rows"])) if g["committee"] else len(g["rows"])
    return {"groups": ordered, "total": len(rows) if page is None else page.paginator.count, "on": on,
            "minimum": t[RuleCode.MIN_MEMBERS], "committee_minimum": t[RuleCode.COMMITTEE_MEMBERS]}


def log_count_read(*, user: Any, what: str, rows: int) -> bool:
    """Party-member counts derived from per-person flags: shown to roles allowed to see them ("party.see_counts"),
    each read logged."""
    if not allowed(user, "party.see_counts"):
        return False
    if rows:
        audit.record(actor=user, action="party.counts.sensitive_viewed", note=f"{what}: {rows} hội")
    return True


# Ratings -----------------------------------------------------------------------------------------------

def rating_summary(*, user: Any, years: list[int] | None = None) -> dict[str, Any]:
    """Counts per grade by year, and by superior committee and year, over the ratings the user may see."""
    qs = restrict(QualityRating.objects.all(), user)
    if years:
        qs = qs.filter(year__in=years)
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(Grade.values, 0))
    for row in qs.values("year", "grade").annotate(n=Count("pk")).order_by():
        by_year[row["year"]][row["grade"]] = row["n"]
    by_committee: dict[int, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(
        lambda: dict.fromkeys(Grade.values, 0)))
    for row in qs.values("organisation__superior", "year", "grade").annotate(n=Count("pk")).order_by():
        by_committee[row["organisation__superior"]][row["year"]][row["grade"]] = row["n"]
    all_years = sorted(by_year)
    committees = {u.pk: u for u in Unit.objects.filter(pk__in=list(by_committee)).order_by("path")}
    year_rows = [{"year": y, "cells": [by_year[y][g] for g in GRADE_ORDER], "total": sum(by_year[y].values())}
                 for y in all_years]
    committee_rows = []
    for pk, unit in committees.items():
        for y in all_years:
            counts = by_committee[pk].get(y)
            if counts:
                committee_rows.append({"committee": unit, "year": y, "cells": [counts[g] for g in GRADE_ORDER],
                                       "total": sum(counts.values())})
    return {"years": all_years, "year_rows": year_rows, "committee_rows": committee_rows,
            "grades": [Grade(g) for g in GRADE_ORDER], "chart": bar_chart(year_rows)}


def bar_chart(year_rows: list[dict[str, Any]], height: int = 160, bar: int = 18, gap: int = 4) -> dict[str, Any]:
    """Geometry of a grouped bar chart (one group per year, one bar per grade), rendered as inline SVG by
    the template: no script, nothing fetched from another host."""
    peak = max([c for r in year_rows for c in r["cells"]] or [0]) or 1
    left, top, label_h = 30, 10, 34
    group_w = len(GRADE_ORDER) * (bar + gap) + 24
    groups = []
    for i, row in enumerate(year_rows):
        x0 = left + i * group_w
        bars = []
        for j, (grade, n) in enumerate(zip(GRADE_ORDER, row["cells"], strict=True)):
            h = round(n / peak * height)
            bars.append({"x": x0 + j * (bar + gap), "y": top + height - h, "w": bar, "h": h, "n": n,
                         "color": GRADE_COLOR[grade], "label": Grade(grade).label})
        # Coordinates as text with a dot (core.charts.num): the template would localise 55.5 as "55,5".
        groups.append({"year": row["year"], "x": num(x0 + (len(GRADE_ORDER) * (bar + gap)) / 2), "bars": bars})
    ticks = [{"y": top + height - round(v / peak * height), "v": v} for v in sorted({0, peak // 2, peak})]
    return {"groups": groups, "width": left + max(len(year_rows), 1) * group_w, "height": top + height + label_h,
            "base": top + height, "label_y": top + height + 18, "ticks": ticks, "left": left}


# Party members as the core -----------------------------------------------------------------------------

def core_queryset(*, user: Any) -> QuerySet[Association]:
    """Active associations with their party counts (the page paginates it). Empty for a role that may not see
    these counts (derived from party membership): they are never computed for it."""
    if not allowed(user, "party.see_counts"):
        return Association.objects.none()
    return with_party_counts(_active(party_associations(user=user))).order_by("name_folded", "pk")


def core_flagged(*, user: Any) -> int:
    """How many associations have leaders in office and none a party member (one COUNT query)."""
    if not allowed(user, "party.see_counts"):
        return 0
    return core_queryset(user=user).filter(leaders_now__gt=0, leaders_party=0).count()


def core_rows(*, user: Any, associations: Any = None) -> list[dict[str, Any]]:
    """Per active association (`associations`: a page of `core_queryset`; default every one): leaders in
    office, how many are party members, members, party members and their share; flags an association whose
    leadership has no party member."""
    qs = core_queryset(user=user) if associations is None else associations
    rows = []
    for a in qs:
        members = a.roster_size or a.reported_total
        share = round(a.party_count * 100 / members, 1) if members else None
        rows.append({"association": a, "leaders": a.leaders_now, "leaders_party": a.leaders_party,
                     "members": members, "party": a.party_count, "share": share, "source": count_source(a),
                     "flag": a.leaders_now > 0 and a.leaders_party == 0, "no_leaders": a.leaders_now == 0,
                     "has_org": a.has_org})
    return rows


# Home page ---------------------------------------------------------------------------------------------

def home_panels(user: Any) -> list[dict[str, Any]]:
    if not getattr(user, "is_authenticated", False):
        return []
    panels: list[dict[str, Any]] = []
    if allowed(user, "party.see_eligibility") and party_associations(user=user).exists():
        n = eligible_count(user=user)
        panels.append({"title": _("Hội đủ điều kiện, chưa có tổ chức đảng"), "count": n,
                       "text": _("Trong phạm vi bạn theo dõi (điểm 1 Công văn 752-CV/TU)."),
                       "url": reverse("party:eligibility"), "link_text": _("Xem danh sách")})
    from sohoi.directives.dissemination.selectors import undisseminated_for_unit

    if user.unit_id:
        pending = undisseminated_for_unit(user=user)
        if pending:
            panels.append({"title": _("Văn bản đơn vị chưa quán triệt"), "count": len(pending),
                           "text": ", ".join(d.code or str(d) for d in pending[:3]),
                           "url": reverse("directives:dissemination_list"), "link_text": _("Ghi buổi quán triệt")})
    return panels
