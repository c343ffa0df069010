"""The rule table of response deadlines: everyone reads it (it drives the deadline shown on each
recommendation), `oversight.edit_rules` adds or corrects dated rows, through the services (audited)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.forms import apply_errors
from sohoi.core.permissions import require
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
    require(request.user, "oversight.edit_rules", rule)
    form = RuleForm(request.POST or None, instance=OversightRule.objects.get(pk=rule.pk) if rule else None)
    if request.method == "POST" and form.is_valid():
        try:
            if rule:
                services.rule_update(actor=request.user, rule=rule, data=form.data_dict(),
                                     expected_version=form.cleaned_data.get("version"))
            else:
                services.rule_create(actor=request.user, data=form.data_dict())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thời hạn."))
            return redirect("oversight:rule_list")
    return render(request, "oversight/rule_form.html", {
        "form": form, "title": _("Sửa dòng thời hạn") if rule else _("Thêm dòng thời hạn"),
        "history": audit.visible_history(rule, request.user, limit=50) if rule else None})


def rule_add(request: HttpRequest) -> HttpResponse:
    return _rule_form(request, None)


@scoped_view(OversightRule)
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _rule_form(request, get_scoped(OversightRule, request.user, pk=pk))
