"""Workflows as tables: the only allowed status changes of a yearly report, and what each needs."""

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
        # A returned report stays on record; the association corrects it and submits it again (same filing date).
        Transition("return", S.SUBMITTED, S.RETURNED, pgettext_lazy("nút", "Trả lại"), needs_comment=True),
        Transition("resubmit", S.RETURNED, S.SUBMITTED, _("Nộp lại sau khi bổ sung")),
    ]
}
REVIEW_ACTIONS = ("accept", "return")


def report_actions(status: str, *, reviewer: bool) -> list[Transition]:
    wanted = REVIEW_ACTIONS if reviewer else ("resubmit",)
    return [t for t in REPORT_TRANSITIONS.values() if t.source == status and t.action in wanted]
