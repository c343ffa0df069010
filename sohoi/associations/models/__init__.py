"""The association registry. Every association and branch is an `orgs.Unit` (kind association/branch), so
the tree, scoping and group fan-out work unchanged; `Association` is the registry profile of that unit."""

from .imports import ImportJob
from .leadership import CharterVersion, Congress, Leader
from .legal import FoundingDossier, LegalRule
from .members import Member
from .monitoring import MonitoringLog, OfficerAssignment
from .registry import Association, AssociationTransition, FieldOfActivity, LineageEvent

__all__ = [
    "Association", "AssociationTransition", "CharterVersion", "Congress", "FieldOfActivity", "FoundingDossier",
    "ImportJob", "Leader", "LegalRule", "LineageEvent", "Member", "MonitoringLog", "OfficerAssignment",
]
