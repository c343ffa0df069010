"""Alerts per kind over a queryset (issue 14 part 2): the SQL form of the first-congress deadline agrees with
`first_congress_due` row by row, with plain and working days, with and without extensions."""

from __future__ import annotations

import datetime
import random

import pytest

from sohoi.associations import selectors
from sohoi.associations.choices import RuleCode, RuleUnit, Status
from sohoi.associations.models import Association, FoundingDossier, LegalRule
from sohoi.associations.rules import first_congress_due

D = datetime.date


def _python_overdue(on: datetime.date) -> set[int]:
    out = set()
    for a in Association.objects.filter(status=Status.PERMITTED).select_related("dossier"):
        info = first_congress_due(a, getattr(a, "dossier", None), on)
        limit = info["extended_due"] or info["due"]
        if limit is not None and on > limit:
            out.add(a.pk)
    return out


@pytest.fixture
def permitted(db):
    """60 associations made 'permitted', decided around the deadline, half with an extension request."""
    rng = random.Random(14)
    on = D(2026, 5, 4)
    chosen = list(Association.objects.order_by("pk")[:60])
    for i, a in enumerate(chosen):
        decided = on - datetime.timedelta(days=rng.randint(60, 200)) if i % 10 else None
        Association.objects.filter(pk=a.pk).update(status=Status.PERMITTED, founding_decision_date=decided)
        if i % 2:
            FoundingDossier.objects.update_or_create(association=a, defaults={
                "extension_requested_on": decided + datetime.timedelta(days=rng.randint(40, 130)) if decided else None,
                "extension_days": rng.choice([None, 0, 5, 15, 30, 45])})
    return on


@pytest.mark.parametrize("unit", [RuleUnit.DAYS, RuleUnit.WORKING_DAYS])
def test_founding_congress_overdue_in_sql_matches_the_rule(permitted, unit):
    LegalRule.objects.filter(code=RuleCode.FIRST_CONGRESS).update(unit=unit)
    if not LegalRule.objects.filter(code=RuleCode.EXTENSION_REQUEST).exists():
        LegalRule.objects.create(code=RuleCode.EXTENSION_REQUEST, label="Đề nghị gia hạn", value="10",
                                 unit=RuleUnit.WORKING_DAYS, legal_basis="thử")
    checked = 0
    for shift in range(-40, 41, 3):
        on = permitted + datetime.timedelta(days=shift)
        expected = _python_overdue(on)
        found = set(selectors.founding_congress_overdue_among(Association.objects.all(), on).values_list("pk", flat=True))
        assert found == expected, on
        checked += len(expected)
    assert checked > 100  # the fixture does put associations on both sides of their deadline


def test_alert_counts_match_the_alerts(users):
    for username in ("dandan", "noivu", "quanuy.ninhkieu", "hoi.khuyenhoc"):
        found = selectors.alerts(user=users[username])
        counts = selectors.alert_counts(user=users[username])
        assert counts == {k: sum(1 for a in found if a.kind == k) for k in counts}, username
        assert set(selectors.alerted_associations(user=users[username]).values_list("pk", flat=True)) == {
            a.association.pk for a in found}
