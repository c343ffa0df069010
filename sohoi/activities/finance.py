"""The computed figures of an association's finances, defined ONCE (Python for one row, SQL for lists and
totals; a test keeps the two identical). Nothing here is ever typed in by a user.

For one year of one association (or the sums of many, for city totals: a ratio of sums, never a mean of
ratios), with R = stated total revenue, S = revenue line "state support", E = stated total expenditure,
P = paid staff, Q = of whom state-paid:

- state-support share          = S / R                      (0 when R = 0)
- self-financing ratio         = (R - S) / E                (None when E = 0): how much of the spending the
                                 association's own revenue (dues, donations, services, foreign funding,
                                 other) covers; 1.0 = fully self-financed, above 1.0 = a surplus
- state-paid staff share       = Q / P                      (0 when P = 0)
- administrativisation index   = (Q / P + S / R) / 2        a number from 0 to 1: 0 = no state money and no
                                 state-paid staff, 1 = every staff member state-paid and all revenue from the
                                 state. It is flagged ("có dấu hiệu hành chính hóa") from ADMIN_FLAG up.

Ratios are returned as fractions (0.25); pages show them as percentages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Case, ExpressionWrapper, F, FloatField, Value, When
from django.db.models.functions import Cast

ADMIN_FLAG = 0.5


def _ratio(num: float, den: float, empty: float | None) -> float | None:
    return (num / den) if den else empty


def figures(row: Mapping[str, Any] | Any) -> dict[str, float | None]:
    """The four figures of one row (a model instance or a dict with the same names, e.g. summed columns)."""
    get = row.get if isinstance(row, Mapping) else lambda name: getattr(row, name)
    revenue, state = float(get("revenue_total") or 0), float(get("rev_state") or 0)
    spent = float(get("expenditure_total") or 0)
    paid, state_paid = float(get("staff_paid") or 0), float(get("staff_state_paid") or 0)
    support = _ratio(state, revenue, 0.0)
    staff = _ratio(state_paid, paid, 0.0)
    return {"state_support_share": support, "self_financing": _ratio(revenue - state, spent, None),
            "state_staff_share": staff, "admin_index": (staff + support) / 2}


def is_flagged(index: float | None) -> bool:
    return index is not None and index >= ADMIN_FLAG


def _f(name: str):
    return Cast(F(name), FloatField())


def annotations(prefix: str = "") -> dict[str, Any]:
    """`figures()` as SQL expressions over the columns (or over summed aliases when `prefix` names them)."""
    r, s, e = _f(f"{prefix}revenue_total"), _f(f"{prefix}rev_state"), _f(f"{prefix}expenditure_total")
    p, q = _f(f"{prefix}staff_paid"), _f(f"{prefix}staff_state_paid")
    support = Case(When(**{f"{prefix}revenue_total": 0}, then=Value(0.0)),
                   default=ExpressionWrapper(s / r, output_field=FloatField()), output_field=FloatField())
    staff = Case(When(**{f"{prefix}staff_paid": 0}, then=Value(0.0)),
                 default=ExpressionWrapper(q / p, output_field=FloatField()), output_field=FloatField())
    return {
        "state_support_share": support,
        "self_financing": Case(When(**{f"{prefix}expenditure_total": 0}, then=Value(None)),
                               default=ExpressionWrapper((r - s) / e, output_field=FloatField()),
                               output_field=FloatField()),
        "state_staff_share": staff,
        "admin_index": ExpressionWrapper((staff + support) / Value(2.0), output_field=FloatField()),
    }


SUMMED = ("revenue_total", "rev_state", "expenditure_total", "staff_paid", "staff_state_paid")


def totals_by_year(qs) -> list[dict[str, Any]]:
    """City (or any scope's) totals per year: sums in SQL, one row per year, then the figures of the sums."""
    from django.db.models import Count, Sum

    from .choices import EXPENSE_LINES, REVENUE_LINES

    columns = [*SUMMED, *REVENUE_LINES, *EXPENSE_LINES]
    rows = (qs.order_by().values("year").annotate(associations=Count("association", distinct=True),
                                                   **{c: Sum(c) for c in dict.fromkeys(columns)}).order_by("year"))
    out = []
    for row in rows:
        row = {k: (v or 0) for k, v in row.items()}
        out.append({**row, **figures(row), "flagged": is_flagged(figures(row)["admin_index"])})
    return out
