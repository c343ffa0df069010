"""The rule table of response deadlines: everyone reads it (it drives the deadline shown on each
recommendation), `oversight.edit_rules` adds or corrects dated rows, through the services (audited)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from sohoi.core.dated_rows import dated_row_edit
from sohoi.core.scoping import get_scoped, restrict, scoped_view

from .. import services
from ..forms import RuleForm
from ..models import OversightRule
from ..rules import FALLBACK_DAYS


def rule_list(request: HttpRequest) -> HttpResponse:
    rules = restrict(OversightRule.objects.all(), request.user).order_by("code", "-valid_from")[:200]
    return render(request, "oversight/rule_list.html", {"rules": rules, "fallback": FALLBACK_DAYS,
                                                        "title": _("Thời hạn trả lời kiến nghị")})


def _rule_form(request: HttpRequest, rule: OversightRule | None) -> HttpResponse:
    return dated_row_edit(
        request, permission="oversight.edit_rules", row=rule, form_class=RuleForm, create=services.rule_create,
        update=services.rule_update, success_url=reverse("oversight:rule_list"), saved=_("Đã lưu thời hạn."),
        template="oversight/rule_form.html",
        context={"title": _("Sửa dòng thời hạn") if rule else _("Thêm dòng thời hạn")})


def rule_add(request: HttpRequest) -> HttpResponse:
    return _rule_form(request, None)


@scoped_view(OversightRule)
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _rule_form(request, get_scoped(OversightRule, request.user, pk=pk))
