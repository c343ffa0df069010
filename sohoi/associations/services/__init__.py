"""Every write of the registry (design.md §1): keyword-only, atomic, validated, audited, returns the object."""

from .leadership import charter_add, congress_record, leader_appoint, leader_end, leader_mark_reported
from .legal import dossier_update, legal_rule_create, legal_rule_update
from .monitoring import monitoring_log_add, monitoring_log_close, officer_assign, officer_unassign
from .register_import import register_import
from .registry import (
    association_create,
    association_state_decision,
    association_transition,
    association_update,
    field_create,
)
from .roster import roster_import

__all__ = [
    "association_create", "association_state_decision", "association_transition", "association_update", "charter_add", "congress_record",
    "dossier_update", "field_create", "leader_appoint", "leader_end", "leader_mark_reported", "legal_rule_create",
    "legal_rule_update", "monitoring_log_add", "monitoring_log_close", "officer_assign", "officer_unassign",
    "register_import", "roster_import",
]
