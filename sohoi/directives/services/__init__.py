"""Every write of the directives app (see design.md, convention 1)."""

from .deadline_rules import deadline_rule_create, deadline_rule_update
from .documents import document_create, document_register, document_update, find_existing
from .proposals import build_proposal, document_confirm, document_review_save
from .reminders import reminders_send, unit_urge
from .tracking import (
    assignment_open,
    period_bounds,
    progress_report_submit,
    progress_report_transition,
    sync_assignment,
)

__all__ = [
    "assignment_open", "build_proposal", "deadline_rule_create", "deadline_rule_update", "document_confirm", "document_create", "document_register",
    "document_review_save", "document_update", "find_existing", "period_bounds", "progress_report_submit",
    "progress_report_transition", "reminders_send", "sync_assignment", "unit_urge",
]
