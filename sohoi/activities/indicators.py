"""The activities figures for the dashboard and the periodic report (see reports/registry.py): yearly reports
filed / late / missing and exchanges without their report (point 5), self-financing and state-support shares
and associations showing administrativisation (point 2), good models and their replications (point 5).

The report year of a period is the year its last day falls in. Figures are counted and summed in SQL, in the
reader's scope, with the dashboard's territory and field filters; each links to its list with the same filters.
"""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core import memo
from sohoi.core.deadlines import today
from sohoi.reports.registry import Filters, Indicator

from . import finance, selectors
from .choices import FilingState
from .models import FinanceYear, Replication


def _year(f: Filters) -> int:
    return f.period.end.year


def _by_year(name: str, f: Filters, compute):
    """A yearly figure remembered for the request (core.memo): a quarter and the quarter before it usually
    fall in the same report year, and two shares read the same totals."""
    return memo.remember((f"activities.{name}", getattr(f.user, "pk", None), _year(f), f.association_q()), compute)


def _filing(f: Filters) -> dict[str, int]:
    return dict(_by_year("filing", f, lambda: selectors.filing_counts(user=f.user, year=_year(f),
                                                                       where=f.association_q())))


def _filing_list(f: Filters, bucket: str | None = None) -> str:
    return reverse("activities:filing") + f.query(year=_year(f), state=bucket)


def _finances(f: Filters):
    return selectors.finances(user=f.user).filter(f.association_q("association__"), year=_year(f))


def _totals(f: Filters) -> dict | None:
    def compute() -> dict | None:
        rows = finance.totals_by_year(FinanceYear.objects.filter(pk__in=_finances(f).values("pk")))
        return rows[0] if rows else None
    return _by_year("totals", f, compute)


def _share(key: str):
    def compute(f: Filters) -> float | None:
        row = _totals(f)
        value = row[key] if row else None
        return None if value is None else round(value * 100, 1)

    return compute


def _finance_list(f: Filters, bucket: str | None = None, **extra) -> str:
    return reverse("activities:finance_list") + f.query(year=_year(f), **extra)


def _flagged(f: Filters) -> int:
    return _by_year("flagged", f, lambda: _finances(f).filter(admin_index__gte=finance.ADMIN_FLAG).count())


def _models(f: Filters) -> int:
    return selectors.good_models(user=f.user).filter(f.association_q("association__"), f.date_q(
        "started_on", until_end=True)).count()


def _replications(f: Filters) -> int:
    models = selectors.good_models(user=f.user).filter(f.association_q("association__")).values("pk")
    return Replication.objects.filter(good_model__in=models).filter(f.date_q("adopted_on")).count()


def _catalogue(f: Filters, bucket: str | None = None) -> str:
    return reverse("activities:good_model_list") + f.query()


def _exchanges_late(f: Filters) -> int:
    on = min(f.period.end, today())
    return selectors.exchanges(user=f.user).filter(f.association_q("association__"), report_due__lt=on).exclude(
        reported_on__lte=on).aggregate(n=Count("pk"))["n"]


INDICATORS = [
    Indicator(key="activities.yearly_reports", point=5, label=_("Báo cáo năm của hội theo tình trạng"),
              definition=_("Hội đã có trong năm báo cáo (năm của ngày cuối kỳ), theo tình trạng báo cáo tình hình tổ "
                           "chức, hoạt động năm đó: chưa đến kỳ, đến kỳ, nộp đúng hạn, nộp muộn, không nộp. Hạn nộp lấy "
                           "từ bảng quy định pháp lý."),
              compute=_filing, list_url=_filing_list, buckets=lambda: dict(FilingState.choices)),
    Indicator(key="activities.self_financing", point=2, label=_("Tỷ lệ tự chủ tài chính của các hội (%)"),
              definition=_("(Tổng thu − hỗ trợ của Nhà nước) / tổng chi của các hội đã báo cáo tài chính năm đó, tính "
                           "trên tổng các hội."),
              compute=_share("self_financing"), list_url=_finance_list, unit="percent"),
    Indicator(key="activities.state_support_share", point=2, label=_("Tỷ trọng hỗ trợ của Nhà nước trong tổng thu (%)"),
              definition=_("Hỗ trợ của Nhà nước / tổng thu của các hội đã báo cáo tài chính năm đó."),
              compute=_share("state_support_share"), list_url=_finance_list, unit="percent"),
    Indicator(key="activities.administrativised", point=2, label=_("Hội có dấu hiệu hành chính hóa"),
              definition=_("Số hội có chỉ số hành chính hóa (trung bình của tỷ lệ người hưởng lương từ ngân sách và tỷ "
                           "trọng hỗ trợ của Nhà nước) từ 50 % trở lên trong năm."),
              compute=_flagged, list_url=lambda f, b=None: _finance_list(f, flagged="true")),
    Indicator(key="activities.good_models", point=5, label=_("Mô hình hay, cách làm tốt"),
              definition=_("Số mô hình đã bắt đầu đến cuối kỳ."), compute=_models, list_url=_catalogue,
              compare=False),
    Indicator(key="activities.replications", point=5, label=_("Lượt nhân rộng mô hình trong kỳ"),
              definition=_("Số nơi áp dụng một mô hình hay trong kỳ."), compute=_replications),  # no list of them yet
    Indicator(key="activities.exchanges_without_report", point=5, label=_("Đoàn ra, đoàn vào quá hạn chưa báo cáo"),
              definition=_("Đoàn có hạn báo cáo kết quả trước cuối kỳ (hoặc hôm nay) mà chưa báo cáo."),
              compute=_exchanges_late,
              list_url=lambda f, b=None: reverse("activities:exchange_list") + f.query(report_missing="true"),
              compare=False),
]
