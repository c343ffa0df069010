"""Every write of the activities app (design.md convention 1): keyword-only, atomic, validating, audited.
Who may do each write is declared in permissions.py and asked with `require()` before anything is validated."""

from .funding import finance_report, state_support_record, state_task_record
from .outreach import (
                       exchange_record,
                       exchange_report,
                       foreign_project_record,
                       good_model_record,
                       member_case_record,
                       replication_record,
)
from .reports import review_record, yearly_report_file, yearly_report_transition

__all__ = ["exchange_record", "exchange_report", "finance_report", "foreign_project_record", "good_model_record",
           "member_case_record", "replication_record", "review_record", "state_support_record", "state_task_record",
           "yearly_report_file", "yearly_report_transition"]
