"""Records of what associations report and what the state funds (letter 752-CV/TU, points 2 and 5)."""

from .funding import FinanceYear, StateSupport, StateTask
from .outreach import Exchange, ForeignProject, GoodModel, GoodModelEvidence, MemberCase, Replication
from .reports import Review, YearlyReport

__all__ = ["Exchange", "FinanceYear", "ForeignProject", "GoodModel", "GoodModelEvidence", "MemberCase",
           "Replication", "Review", "StateSupport", "StateTask", "YearlyReport"]
