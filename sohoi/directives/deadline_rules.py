"""The deadline a task gets when its document sets none, and the age past which an undated open
assignment is overdue: read from the dated rule rows (`DeadlineRule`, design.md §6: legal thresholds are
data). The fallback numbers below are used only when no row is valid on the day, and the review screen
then says so."""

from __future__ import annotations

import datetime

from django.db.models.signals import post_delete, post_save

from sohoi.core import memo

from .models import DeadlineRule

FALLBACK_DAYS = 365


def rule_for(doc_type: str, recurrence: str, on: datetime.date) -> DeadlineRule | None:
    """The most specific row valid on `on`: type and recurrence, then type, then recurrence, then neither."""
    rows = list(DeadlineRule.objects.valid_on(on).filter(doc_type__in=[doc_type or "", ""],
                                                         recurrence__in=[recurrence or "", ""]))

    def rank(rule: DeadlineRule) -> tuple[int, int, datetime.date]:
        return (rule.doc_type == (doc_type or "") and rule.doc_type != "" and 1 or 0,
                rule.recurrence == (recurrence or "") and 1 or 0, rule.valid_from or datetime.date.min)

    return max(rows, key=rank) if rows else None


def default_due(doc_type: str, recurrence: str, base: datetime.date) -> tuple[datetime.date, DeadlineRule | None]:
    """The default deadline of a task of a document of `doc_type` issued on `base`."""
    rule = rule_for(doc_type, recurrence, base)
    return base + datetime.timedelta(days=rule.days if rule else FALLBACK_DAYS), rule


def undated_days(on: datetime.date) -> int:
    """Days an assignment without a deadline may stay open before it counts as overdue: the general row
    (no type, no recurrence). Read once per request (core/memo: lists call it for every row), so every
    process sees a changed row from its next request."""

    def read() -> int:
        rule = rule_for("", "", on)
        return rule.days if rule else FALLBACK_DAYS

    return memo.remember(("undated_days", on), read)


def _forget(**_kwargs: object) -> None:
    memo.forget()


post_save.connect(_forget, sender=DeadlineRule, dispatch_uid="directives.deadline_rules.forget")
post_delete.connect(_forget, sender=DeadlineRule, dispatch_uid="directives.deadline_rules.forget_delete")
