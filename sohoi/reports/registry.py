"""Indicators, defined once: every figure of the dashboard, the periodic report and the API.

An app takes part by having a module `<app>/indicators.py` with a list `INDICATORS` of `Indicator`s
(`core.contributions.app_modules("indicators")`); adding a section to the report is adding indicators,
never editing the report code. An indicator's `compute(filters)` counts in SQL, scoped to the reader, and
returns a number or a breakdown {bucket: number}; `list_url(filters, bucket)` is the list behind the figure,
so that the figure and the list agree (a test compares them).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dc_field
from functools import cache
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

Number = int | float
Value = Number | dict[str, Number] | None


@dataclass(frozen=True)
class Period:
    """A reporting period: a year, a half-year or a quarter ("2026", "2026-H1", "2026-Q3"), or any dates."""

    start: datetime.date
    end: datetime.date  # inclusive
    code: str = ""

    @classmethod
    def parse(cls, text: str) -> Period:
        m = re.fullmatch(r"\s*(\d{4})(?:-(Q[1-4]|H[12]))?\s*", text or "", flags=re.IGNORECASE)
        if not m:
            raise ValueError(_("Kỳ báo cáo “%(v)s” không hợp lệ: ghi năm (2026), nửa năm (2026-H1) "
                               "hoặc quý (2026-Q3).") % {"v": text})
        year, part = int(m.group(1)), (m.group(2) or "").upper()
        if not 1900 <= year <= 2100:
            raise ValueError(_("Năm %(y)s của kỳ báo cáo nằm ngoài 1900-2100.") % {"y": year})
        first, months = {"": (1, 12), "H1": (1, 6), "H2": (7, 6), "Q1": (1, 3), "Q2": (4, 3),
                         "Q3": (7, 3), "Q4": (10, 3)}[part]
        start = datetime.date(year, first, 1)
        return cls(start, _month_end(year, first + months - 1), f"{year}-{part}" if part else str(year))

    def previous(self) -> Period:
        """The period of the same kind just before (the quarter before, or the same length of days)."""
        if self.code:
            year, _sep, part = self.code.partition("-")
            y = int(year)
            if not part:
                return Period.parse(str(y - 1))
            kind, n = part[0], int(part[1])
            return Period.parse(f"{y}-{kind}{n - 1}" if n > 1 else f"{y - 1}-{kind}{4 if kind == 'Q' else 2}")
        length = self.end - self.start
        end = self.start - datetime.timedelta(days=1)
        return Period(end - length, end)

    @property
    def label(self) -> str:
        year, _sep, part = self.code.partition("-")
        if part.startswith("Q"):
            return str(_("quý %(n)s năm %(y)s") % {"n": ["I", "II", "III", "IV"][int(part[1]) - 1], "y": year})
        if part.startswith("H"):
            return str(_("6 tháng đầu năm %(y)s") if part == "H1" else _("6 tháng cuối năm %(y)s")) % {"y": year}
        if self.code:
            return str(_("năm %(y)s") % {"y": year})
        return f"{self.start:%d/%m/%Y} - {self.end:%d/%m/%Y}"


def _month_end(year: int, month: int) -> datetime.date:
    nxt = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Filters:
    """What an indicator is computed for: the reader (scope), the period, and optionally a territory (a
    commune/ward or a former district, with what it covers) and a field of activity."""

    user: Any
    period: Period
    territory: Any = None  # orgs.AdminUnit
    field: Any = None  # associations.FieldOfActivity
    _area: tuple[int, ...] | None = dc_field(default=None, compare=False, repr=False)

    def previous(self) -> Filters:
        return replace(self, period=self.period.previous())

    def area(self) -> list[int] | None:
        """Ids of the administrative units the territory filter covers (None = no territory filter)."""
        if self.territory is None:
            return None
        if self._area is None:
            from sohoi.core.scoping import area_ids

            object.__setattr__(self, "_area", tuple(area_ids(self.territory)))
        return list(self._area or ())

    def association_q(self, prefix: str = "") -> Q:
        """Territory and field filters on an association reached by `prefix` ("" for Association itself,
        "association__" for its rows)."""
        q = Q()
        if self.territory is not None:
            q &= Q(**{f"{prefix}territory__in": self.area()})
        if self.field is not None:
            q &= Q(**{f"{prefix}field": self.field})
        return q

    def unit_q(self, prefix: str = "") -> Q:
        """Territory filter on a body (orgs.Unit) reached by `prefix` ("" for Unit, "unit__" for a row's unit)."""
        if self.territory is None:
            return Q()
        return Q(**{f"{prefix}area__in": self.area()})

    def date_q(self, lookup: str, *, until_end: bool = False) -> Q:
        """Rows dated within the period (or, with until_end, on or before its last day: a stock, not a flow)."""
        if until_end:
            return Q(**{f"{lookup}__lte": self.period.end})
        return Q(**{f"{lookup}__gte": self.period.start, f"{lookup}__lte": self.period.end})

    def query(self, territory_as: str = "territory", **extra: Any) -> str:
        """The territory and field as query parameters of the list behind a figure (`?territory=..&field=..`);
        `territory_as`: the list's parameter for a territory with what it covers (e.g. "area")."""
        params = {k: v for k, v in {territory_as: getattr(self.territory, "pk", None),
                                    "field": getattr(self.field, "pk", None), **extra}.items() if v not in (None, "")}
        return ("?" + urlencode(params)) if params else ""


@dataclass(frozen=True)
class Indicator:
    """One figure. `point`: which point (1-6) of letter 752-CV/TU it reports on (0: the register in general).

    compute(filters) -> a number, or {bucket: number} for a breakdown (buckets labelled by `buckets()`).
    list_url(filters, bucket) -> the list behind the figure with the same filters, or None.
    unit: "count", "percent" (0-100) or "money" (VND).
    bucket_labels(keys) -> labels of buckets that are rows (documents, units), looked up in one query.
    chart: how the dashboard draws a breakdown: "bars" (default), "none"."""

    key: str
    point: int
    label: str
    definition: str
    compute: Callable[[Filters], Value]
    list_url: Callable[[Filters, str | None], str | None] = lambda f, bucket=None: None
    buckets: Callable[[], Mapping[str, str]] | None = None
    unit: str = "count"
    compare: bool = True  # a flow or a stock that means something for the previous period too
    bucket_labels: Callable[[list[str]], Mapping[str, str]] | None = None
    chart: str = "bars"


@dataclass
class Result:
    indicator: Indicator
    value: Value
    previous: Value = None

    def bucket_rows(self) -> list[tuple[str, str, Number, Number | None]]:
        """(bucket, label, value, previous) in the declared bucket order, for breakdowns."""
        if not isinstance(self.value, dict):
            return []
        labels = dict(self.indicator.buckets()) if self.indicator.buckets else {}
        keys = list(labels) + [k for k in self.value if k not in labels]
        if self.indicator.bucket_labels is not None:
            labels.update(self.indicator.bucket_labels([k for k in keys if k not in labels]))
        prev = self.previous if isinstance(self.previous, dict) else {}
        return [(k, str(labels.get(k, k)), self.value.get(k, 0), prev.get(k)) for k in keys]


    @property
    def total(self) -> Number | None:
        """The figure itself, or the sum of a breakdown."""
        if isinstance(self.value, dict):
            return sum(self.value.values())
        return self.value

    @property
    def previous_total(self) -> Number | None:
        if isinstance(self.previous, dict):
            return sum(self.previous.values())
        return self.previous


@cache
def _registry() -> dict[str, Indicator]:
    from sohoi.core.contributions import app_modules

    found: dict[str, Indicator] = {}
    for _config, module in app_modules("indicators"):
        for ind in getattr(module, "INDICATORS", ()):
            if ind.key in found:
                raise ValueError(f"indicator {ind.key} declared twice")
            if not 0 <= ind.point <= 6:
                raise ValueError(f"indicator {ind.key}: point must be 0-6")
            found[ind.key] = ind
    return found


def indicators(*, point: int | None = None) -> list[Indicator]:
    """Every declared indicator (or those of one point of the letter), in app order then declaration order."""
    return [i for i in _registry().values() if point is None or i.point == point]


def get(key: str) -> Indicator:
    try:
        return _registry()[key]
    except KeyError:
        raise KeyError(f"no indicator {key!r}") from None


def evaluate(keys: Iterable[str] | None, filters: Filters, *, compare: bool = False) -> list[Result]:
    """Compute indicators for one set of filters (and the previous period when asked)."""
    chosen = indicators() if keys is None else [get(k) for k in keys]
    out = []
    for ind in chosen:
        res = Result(ind, ind.compute(filters))
        if compare and ind.compare:
            res.previous = ind.compute(filters.previous())
        out.append(res)
    return out
