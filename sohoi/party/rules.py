"""The Party rules applied: which row is valid on a day, the grade a score earns, the recommended kind.

The values are never constants here (design.md §6): a new regulation is a new set of PartyRule rows.
Fallbacks below are used only when no row is valid on the day, and the screens then say so.
"""

from __future__ import annotations

import datetime

from sohoi.orgs.models import Unit

from .choices import Grade, OrgKind, RuleCode
from .models import PartyRule

FALLBACK = {RuleCode.MIN_MEMBERS: 3, RuleCode.COMMITTEE_MEMBERS: 30, RuleCode.SCORE_EXCELLENT: 90,
            RuleCode.SCORE_GOOD: 70, RuleCode.SCORE_COMPLETED: 50}


def rule_for(code: str, on: datetime.date) -> PartyRule | None:
    return PartyRule.objects.valid_on(on).filter(code=code).order_by("-valid_from").first()


def value_of(code: str, on: datetime.date) -> int:
    rule = rule_for(code, on)
    return int(rule.parsed()) if rule else FALLBACK[code]


def thresholds(on: datetime.date) -> dict[str, int]:
    """The rule values valid on `on`, read once per request (core.memo: the home page and its figures ask)."""
    from sohoi.core import memo

    def read() -> dict[str, int]:
        rows = {r.code: r for r in PartyRule.objects.valid_on(on)}
        return {code: int(rows[code].parsed()) if code in rows else default for code, default in FALLBACK.items()}

    return dict(memo.remember(("party.thresholds", on), read))


def grade_for_score(score: int, year: int) -> Grade:
    """The grade a 100-point score earns by the rows valid on 31/12 of `year`."""
    t = thresholds(datetime.date(year, 12, 31))
    if score >= t[RuleCode.SCORE_EXCELLENT]:
        return Grade.EXCELLENT
    if score >= t[RuleCode.SCORE_GOOD]:
        return Grade.GOOD
    if score >= t[RuleCode.SCORE_COMPLETED]:
        return Grade.COMPLETED
    return Grade.FAILED


def recommended_kind(official: int, on: datetime.date, committee_minimum: int | None = None) -> str:
    minimum = committee_minimum if committee_minimum is not None else value_of(RuleCode.COMMITTEE_MEMBERS, on)
    return OrgKind.GRASSROOTS_COMMITTEE if official >= minimum else OrgKind.CELL


def default_superior(on: datetime.date) -> Unit | None:
    """The committee the rule valid on `on` names (one query: the rule's value is read inside it)."""
    from django.db.models import Subquery
    from django.db.models.functions import Trim

    code = (PartyRule.objects.valid_on(on).filter(code=RuleCode.DEFAULT_SUPERIOR).order_by("-valid_from")
            .annotate(v=Trim("value")).values("v")[:1])
    return Unit.objects.filter(code=Subquery(code), kind="party_committee").first()
