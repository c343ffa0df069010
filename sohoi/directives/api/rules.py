"""The table of default task deadlines (the pages /van-ban/thoi-han-mac-dinh/): everyone reads, the administrator
adds or corrects dated rows through the same services as the pages (permission directives.edit_deadline_rules,
overlap check, audit)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Status
from ninja.pagination import paginate

from sohoi.core.scoping import get_scoped, restrict, scoped_view

from .. import services
from ..models import DeadlineRule
from . import router
from .schemas import DeadlineRuleIn, DeadlineRuleOut, DeadlineRulePatch


@router.get("/deadline-rules", response=list[DeadlineRuleOut], summary="Bảng thời hạn mặc định của nhiệm vụ",
            operation_id="directives_deadline_rule_list",
            description="The dated rows of the default task deadlines (days from the document's date, by document "
                        "type and recurrence; an empty type or recurrence is the fallback row), with their basis "
                        "and validity; every signed-in user reads it.")
@paginate
def list_deadline_rules(request: HttpRequest):
    return restrict(DeadlineRule.objects.all(), request.auth).order_by("doc_type", "recurrence", "-valid_from", "pk")


@router.get("/deadline-rules/{int:rule_id}", response=DeadlineRuleOut, summary="Một dòng thời hạn mặc định",
            operation_id="directives_deadline_rule_get", description="One row of the default task deadlines.")
@scoped_view(DeadlineRule)
def get_deadline_rule(request: HttpRequest, rule_id: int):
    return get_scoped(DeadlineRule, request.auth, pk=rule_id)


@router.post("/deadline-rules", response={201: DeadlineRuleOut}, summary="Thêm dòng thời hạn mặc định",
             operation_id="directives_deadline_rule_create",
             description="Add a dated row (administrator only). A row whose validity overlaps another row of the "
                         "same document type and recurrence is refused (400, on `valid_from`) naming the row it "
                         "overlaps: give the old row an end date first.")
def create_deadline_rule(request: HttpRequest, payload: DeadlineRuleIn):
    return Status(201, services.deadline_rule_create(actor=request.auth, data=payload.dict()))


@router.patch("/deadline-rules/{int:rule_id}", response=DeadlineRuleOut, summary="Sửa dòng thời hạn mặc định",
              operation_id="directives_deadline_rule_update",
              description="Correct a row (administrator only): only the fields sent change; `version` guards "
                          "against overwriting a concurrent edit. The same overlap check as when adding.")
@scoped_view(DeadlineRule)
def update_deadline_rule(request: HttpRequest, rule_id: int, payload: DeadlineRulePatch):
    rule = get_scoped(DeadlineRule, request.auth, pk=rule_id)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None)
    for name in ("doc_type", "recurrence"):
        if name in data and data[name] is None:
            data[name] = ""  # null = the fallback row, as an emptied form field
    return services.deadline_rule_update(actor=request.auth, rule=rule, data=data, expected_version=version)
