"""The founding dossier screen (legal checks shown beside their basis) and the rule table (administrator)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import restrict

from .. import selectors, services
from ..forms import DossierForm, LegalRuleForm, apply_errors
from ..models import FoundingDossier, LegalRule
from ..rules import check_dossier


def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk)
    obj = FoundingDossier.objects.filter(association=association).first()
    if obj is None:
        # Associations founded before Sổ Hội have no dossier here: say so instead of a bare 404.
        messages.info(request, _("Hội này không có hồ sơ thành lập trong Sổ Hội (thành lập trước khi dùng hệ thống)."))
        return redirect("associations:association_detail", pk=pk)
    may_change = allowed(request.user, "associations.edit_dossier", association)
    form = DossierForm(request.POST or None, instance=FoundingDossier.objects.get(pk=obj.pk)) if may_change else None
    if request.method == "POST":
        if form is None:
            require(request.user, "associations.edit_dossier", association)
        if form.is_valid():
            try:
                services.dossier_update(actor=request.user, dossier=obj, data=form.changed_data_dict(),
                                        expected_version=form.cleaned_data.get("version"))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu hồ sơ; kết quả kiểm tra bên dưới đã cập nhật."))
                return redirect("associations:dossier", pk=pk)
    obj.association = association
    checks = check_dossier(obj)
    return render(request, "associations/dossier.html", {
        "object": association, "dossier": obj, "checks": checks, "form": form, "title": str(obj),
        "judged_on": obj.filed_on, "history": audit.visible_history(obj, request.user, limit=50)})


def legal_rules(request: HttpRequest) -> HttpResponse:
    rules = restrict(LegalRule.objects.all(), request.user)
    return render(request, "associations/legal_rules.html", {
        "rules": rules, "title": _("Quy định pháp lý về hội")})


def legal_rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, "associations.edit_legal_rules")
    rule = get_object_or_404(LegalRule, pk=pk) if pk else None
    form = LegalRuleForm(request.POST or None, instance=LegalRule.objects.get(pk=pk) if pk else None)
    if request.method == "POST" and form.is_valid():
        try:
            if rule is None:
                services.legal_rule_create(actor=request.user, data=form.changed_data_dict())
            else:
                services.legal_rule_update(actor=request.user, rule=rule, data=form.changed_data_dict(),
                                           expected_version=form.cleaned_data.get("version"))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu quy định."))
            return redirect("associations:legal_rules")
    return render(request, "associations/form.html", {
        "form": form, "title": _("Sửa quy định") if rule else _("Thêm quy định"),
        "history": audit.visible_history(rule, request.user, limit=50)})
