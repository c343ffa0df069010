"""The association lifecycle as a table (design.md §5): which action moves which status to which.

Founding: committee recognised -> dossier filed -> permitted -> first congress held -> operating; then
suspended / dissolved, and the reorganisations of domain.md §3, each keeping lineage. Only
`services.association_transition` reads this table; a transition not listed is refused with a message.
"""

from __future__ import annotations

from dataclasses import dataclass

from .choices import Action, Status

S = Status


@dataclass(frozen=True)
class Step:
    sources: frozenset[str]
    target: str | None  # None: the status does not change (renaming, separation)
    successors: str = ""  # "" none; "one" exactly one; "many" at least one
    needs_new_name: bool = False


TRANSITIONS: dict[str, Step] = {
    Action.FILE_DOSSIER: Step(frozenset({S.COMMITTEE_RECOGNISED}), S.DOSSIER_FILED),
    Action.RETURN_DOSSIER: Step(frozenset({S.DOSSIER_FILED}), S.COMMITTEE_RECOGNISED),
    Action.PERMIT: Step(frozenset({S.DOSSIER_FILED}), S.PERMITTED),
    Action.HOLD_FIRST_CONGRESS: Step(frozenset({S.PERMITTED}), S.FIRST_CONGRESS_HELD),
    Action.LAPSE: Step(frozenset({S.PERMITTED}), S.DISSOLVED),
    Action.APPROVE_CHARTER: Step(frozenset({S.FIRST_CONGRESS_HELD}), S.OPERATING),
    Action.SUSPEND: Step(frozenset({S.OPERATING}), S.SUSPENDED),
    Action.RESUME: Step(frozenset({S.SUSPENDED}), S.OPERATING),
    Action.DISSOLVE: Step(frozenset({S.OPERATING, S.SUSPENDED, S.FIRST_CONGRESS_HELD}), S.DISSOLVED),
    Action.RENAME: Step(frozenset({S.OPERATING}), None, needs_new_name=True),
    Action.SEPARATE: Step(frozenset({S.OPERATING}), None, successors="many"),
    Action.DIVIDE: Step(frozenset({S.OPERATING}), S.DIVIDED, successors="many"),
    Action.MERGE: Step(frozenset({S.OPERATING}), S.MERGED, successors="one"),
    Action.CONSOLIDATE: Step(frozenset({S.OPERATING}), S.CONSOLIDATED, successors="one"),
}


def allowed_actions(status: str) -> list[str]:
    """Actions that may be taken from `status`, in table order (drives the buttons on the detail page)."""
    return [action for action, step in TRANSITIONS.items() if status in step.sources]


def target_status(action: str, current: str) -> str:
    step = TRANSITIONS[action]
    return step.target or current


# A reason is part of these decisions (Nghị định 126/2024/NĐ-CP: a refusal, a suspension and a dissolution
# state their grounds): the service refuses them without one (issue 16 item 7).
REASON_REQUIRED = frozenset({Action.RETURN_DOSSIER, Action.SUSPEND, Action.DISSOLVE})
# Steps that cannot be undone (the association ends, its unit is closed): the page asks for a confirmation
# naming the association and the consequence.
IRREVERSIBLE = frozenset({Action.DISSOLVE, Action.DIVIDE, Action.MERGE, Action.CONSOLIDATE, Action.LAPSE})
