"""The association lifecycle as a table (design.md §5): which action moves which status to which.

Founding: committee recognised -> dossier filed -> permitted -> first congress held -> operating; then
suspended / dissolved, and the reorganisations of domain.md §3, each keeping lineage. Only
`services.association_transition` reads this table (core.workflow); a step not allowed from the current
status is refused with a message naming the allowed ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sohoi.core.workflow import Transition, Workflow

from .choices import Action, Status

S = Status


@dataclass(frozen=True)
class Step(Transition):
    successors: str = ""  # "" none; "one" exactly one; "many" at least one
    needs_new_name: bool = False


def _step(action: str, sources: set[str], target: str | None, *, successors: str = "",
          needs_new_name: bool = False) -> Step:
    return Step(action, frozenset(sources), target, successors=successors, needs_new_name=needs_new_name)


TRANSITIONS: Workflow[Step] = Workflow([
    _step(Action.FILE_DOSSIER, {S.COMMITTEE_RECOGNISED}, S.DOSSIER_FILED),
    _step(Action.RETURN_DOSSIER, {S.DOSSIER_FILED}, S.COMMITTEE_RECOGNISED),
    _step(Action.PERMIT, {S.DOSSIER_FILED}, S.PERMITTED),
    _step(Action.HOLD_FIRST_CONGRESS, {S.PERMITTED}, S.FIRST_CONGRESS_HELD),
    _step(Action.LAPSE, {S.PERMITTED}, S.DISSOLVED),
    _step(Action.APPROVE_CHARTER, {S.FIRST_CONGRESS_HELD}, S.OPERATING),
    _step(Action.SUSPEND, {S.OPERATING}, S.SUSPENDED),
    _step(Action.RESUME, {S.SUSPENDED}, S.OPERATING),
    _step(Action.DISSOLVE, {S.OPERATING, S.SUSPENDED, S.FIRST_CONGRESS_HELD}, S.DISSOLVED),
    _step(Action.RENAME, {S.OPERATING}, None, needs_new_name=True),
    _step(Action.SEPARATE, {S.OPERATING}, None, successors="many"),
    _step(Action.DIVIDE, {S.OPERATING}, S.DIVIDED, successors="many"),
    _step(Action.MERGE, {S.OPERATING}, S.MERGED, successors="one"),
    _step(Action.CONSOLIDATE, {S.OPERATING}, S.CONSOLIDATED, successors="one"),
], states=Status, steps=Action, subject=_("hội"), field="action")


# A reason is part of these decisions (Nghị định 126/2024/NĐ-CP: a refusal, a suspension and a dissolution
# state their grounds): the service refuses them without one (issue 16 item 7).
REASON_REQUIRED = frozenset({Action.RETURN_DOSSIER, Action.SUSPEND, Action.DISSOLVE})
# Steps that cannot be undone (the association ends, its unit is closed): the page asks for a confirmation
# naming the association and the consequence.
IRREVERSIBLE = frozenset({Action.DISSOLVE, Action.DIVIDE, Action.MERGE, Action.CONSOLIDATE, Action.LAPSE})
