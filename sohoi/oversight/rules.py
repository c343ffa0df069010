"""The response deadline applied: the rule row valid on the conclusion date gives the default number of days
(design.md §6: legal thresholds are data, never constants). The fallback is used only when no row is valid
on that day, and the form then says so."""

from __future__ import annotations

import datetime

from .choices import ANSWER_RULE
from .models import OversightRule

FALLBACK_DAYS = 30


def rule_for(kind: str, on: datetime.date) -> OversightRule | None:
    return OversightRule.objects.valid_on(on).filter(code=ANSWER_RULE[kind]).order_by("-valid_from").first()


def default_due(kind: str, base: datetime.date) -> tuple[datetime.date, OversightRule | None]:
    """The default deadline for answering a recommendation of an activity of `kind` concluded on `base`."""
    rule = rule_for(kind, base)
    return base + datetime.timedelta(days=rule.days if rule else FALLBACK_DAYS), rule
