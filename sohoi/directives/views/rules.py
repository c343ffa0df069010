"""The table of default task deadlines: everyone reads it (it gives an undated task its deadline, shown as
"theo mặc định" on the review screen); `directives.edit_deadline_rules` adds or corrects dated rows through
the services (audited). The add/edit page is the shared one of every rule table (core.dated_rows)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.core.dated_rows import dated_row_edit
from sohoi.core.scoping import get_scoped, restrict, scoped_view

from .. import services
from ..deadline_rules import FALLBACK_DAYS
from ..forms import DeadlineRuleForm
from ..models import DeadlineRule

LIST_LIMIT = 200  # a rule table has a few rows per type and recurrence; the page never loads more than this


def rule_list(request: HttpRequest) -> HttpResponse:
    rules = restrict(DeadlineRule.objects.all(), request.user).order_by("doc_type", "recurrence",
                                                                         "-valid_from")[:LIST_LIMIT]
    return render(request, "directives/rule_list.html", {"rules": rules, "fallback": FALLBACK_DAYS,
                                                         "title": _("Thời hạn mặc định của nhiệm vụ")})


def _rule_form(request: HttpRequest, rule: DeadlineRule | None) -> HttpResponse:
    return dated_row_edit(
        request, permission="directives.edit_deadline_rules", row=rule, form_class=DeadlineRuleForm,
        create=services.deadline_rule_create, update=services.deadline_rule_update,
        success_url=reverse("directives:rule_list"), saved=_("Đã lưu thời hạn mặc định."),
        template="directives/rule_form.html",
        context={"title": _("Sửa dòng thời hạn mặc định") if rule else _("Thêm dòng thời hạn mặc định")})


def rule_add(request: HttpRequest) -> HttpResponse:
    return _rule_form(request, None)


@scoped_view(DeadlineRule)
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _rule_form(request, get_scoped(DeadlineRule, request.user, pk=pk))
