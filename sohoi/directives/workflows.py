"""Workflows as tables (core.workflow): the only allowed status changes, and what each needs."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sohoi.core.workflow import Transition, Workflow

from .choices import ReportStatus as S


@dataclass(frozen=True)
class ReportTransition(Transition):
    needs_comment: bool = False


def _t(action: str, source: str, target: str, label: str, *, needs_comment: bool = False) -> ReportTransition:
    return ReportTransition(action, frozenset({source}), target, label, needs_comment=needs_comment)


REPORT_TRANSITIONS: Workflow[ReportTransition] = Workflow([
    _t("accept", S.SUBMITTED, S.ACCEPTED, _("Chấp nhận")),
    # A returned report stays on record; the unit answers with a new report.
    _t("return", S.SUBMITTED, S.RETURNED, pgettext_lazy("nút", "Trả lại"), needs_comment=True),
], states=S, subject=_("báo cáo"), field="action")


def report_actions(status: str) -> list[ReportTransition]:
    return REPORT_TRANSITIONS.available(status)
