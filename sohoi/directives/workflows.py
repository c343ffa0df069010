"""Workflows as tables: the only allowed status changes, and what each needs."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import ReportStatus as S


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    label: str
    needs_comment: bool = False


REPORT_TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        Transition("accept", S.SUBMITTED, S.ACCEPTED, _("Chấp nhận")),
        # A returned report stays on record; the unit answers with a new report.
        Transition("return", S.SUBMITTED, S.RETURNED, pgettext_lazy("nút", "Trả lại"), needs_comment=True),
    ]
}


def report_actions(status: str) -> list[Transition]:
    return [t for t in REPORT_TRANSITIONS.values() if t.source == status]
