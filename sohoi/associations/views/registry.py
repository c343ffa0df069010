"""Register list, detail with tabs, create, edit, lifecycle transitions, alerts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.core import audit
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import CHANGE
from sohoi.core.views import paginate, render_page

from .. import selectors, services
from ..choices import ENDED, STATUS_CSS, Status
from ..exports import register_xlsx
from ..forms import AssociationCreateForm, AssociationForm, StateDecisionForm, TransitionForm, apply_errors
from ..models import Association, FoundingDossier
from ..selectors import PUBLIC_FIELDS
from ..workflows import TRANSITIONS

BRANCHES_SHOWN = 10  # on an association's page; the rest through the register list (?within=)


def association_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.association_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    if request.GET.get("export") == "xlsx":
        audit.record(actor=request.user, action="associations.association.exported",
                     note=f"Xuất danh sách hội: {request.GET.urlencode()}"[:500])
        return register_xlsx(qs.values(*PUBLIC_FIELDS).iterator(chunk_size=2000))
    context = {"filter": filterset, "page": paginate(request, qs), "status_css": STATUS_CSS,
               "export_query": request.GET.urlencode()}
    return render_page(request, "associations/association_list.html", context, "associations/partials/_rows.html")


def association_detail(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk)
    branches = selectors.branches_of(user=request.user, association=association)
    leaders, sensitive = selectors.leaders_for(user=request.user, association=association)
    may_change = allowed(request.user, "associations.edit_profile", association)
    # Only the lifecycle steps this user may record are offered (staff: their filing and first congress).
    actions = [a for a in TRANSITIONS.allowed_steps(association.status)
               if allowed(request.user, f"associations.transition.{a}", association)]
    transition_form = TransitionForm(actions=actions, initial={"version": association.version},
                                     successor_qs=_successor_qs(request, association),
                                     association=association) if actions else None
    context = {
        "object": association, "title": str(association), "leaders": leaders, "show_sensitive": sensitive,
        "current_leaders": [x for x in leaders if x.ended_on is None],
        "congresses": association.congresses.all(), "charters": association.charters.all(),
        "transitions": association.transitions.select_related("actor").prefetch_related("lineage__successor"),
        "lineage_in": association.lineage_in.select_related("predecessor"),
        "lineage_out": association.lineage_out.select_related("successor"),
        "branches": branches[:BRANCHES_SHOWN], "branch_count": branches.count(),
        "parent": selectors.parent_association(association), "counts": selectors.member_counts(association),
        "officers": association.officer_assignments.select_related("officer"),
        "logs": selectors.logs_for(user=request.user, association=association),
        "history": audit.visible_history(association, request.user, limit=100), "may_change": may_change,
        "transition_form": transition_form, "status_css": STATUS_CSS.get(association.status, "info"),
        "has_dossier": FoundingDossier.objects.filter(association=association).exists(),
        "alerts": selectors.alerts(user=request.user, associations=selectors.association_queryset(
            user=request.user).filter(pk=association.pk)),
    }
    return render(request, "associations/association_detail.html", context)


def _successor_qs(request: HttpRequest, association: Association):
    return selectors.association_queryset(user=request.user).exclude(pk=association.pk).exclude(
        status__in=ENDED).filter(Q(scope_level=association.scope_level) | Q(status=Status.PERMITTED))


def association_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "associations.create")
    form = AssociationCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.changed_data_dict()
        committee = {"number": data.pop("committee_number") or "", "date": data.pop("committee_date"),
                     "members": data.pop("committee_members") or 0}
        try:
            association = services.association_create(actor=request.user, name=data.pop("name"),
                                                      field=data.pop("field"), scope_level=data.pop("scope_level"),
                                                      parent=data.pop("parent"), committee_decision=committee, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã đăng ký hội ở bước “đã công nhận ban vận động”."))
            return redirect("associations:dossier", pk=association.pk)
    return render(request, "associations/form.html", {"form": form, "title": _("Đăng ký hội mới (ban vận động)")})


def association_edit(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    require(request.user, "associations.edit_profile", association)
    form = AssociationForm(request.POST or None, instance=Association.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.association_update(actor=request.user, association=association, data=form.changed_data_dict(),
                                        expected_version=form.cleaned_data.get("version"))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu hồ sơ hội."))
            return redirect("associations:association_detail", pk=pk)
    return render(request, "associations/form.html", {"form": form, "title": _("Sửa hồ sơ: %(n)s") % {
        "n": association}, "back": association})


def association_transition(request: HttpRequest, pk: int) -> HttpResponse:
    association = selectors.association_get(user=request.user, pk=pk, action=CHANGE)
    form = TransitionForm(request.POST or None, successor_qs=_successor_qs(request, association),
                          association=association)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.association_transition(
                actor=request.user, association=association, action=d["action"], decision_number=d["decision_number"],
                decision_date=d["decision_date"], decision_issuer=d["decision_issuer"], note=d["note"],
                new_name=d["new_name"], successors=list(d["successors"]), expected_version=d["version"])
        except ValidationError as exc:  # a refusal (PermissionDenied) answers 403 with its message
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi sự kiện và văn bản quyết định."))
            return redirect("associations:association_detail", pk=pk)
    return render(request, "associations/form.html", {"form": form, "back": association,
                                                      "title": _("Ghi sự kiện tổ chức: %(n)s") % {"n": association}},
                  status=400 if request.method == "POST" else 200)


def association_state_decision(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a decision of the state (founding decision, scope, territory, special status, managing agency,
    state tasks) with the document that made it: the only way these fields change."""
    association = selectors.association_get(user=request.user, pk=pk)
    require(request.user, "associations.record_state_decision", association)
    form = StateDecisionForm(request.POST or None, instance=Association.objects.get(pk=pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.association_state_decision(
                actor=request.user, association=association, changes=form.changes(),
                decision_number=d["decision_number"], decision_date=d["decision_date"],
                decision_issuer=d["decision_issuer"], note=d["note"], expected_version=d.get("version"))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi quyết định của Nhà nước và văn bản quyết định."))
            return redirect("associations:association_detail", pk=pk)
    return render(request, "associations/form.html", {
        "form": form, "back": association,
        "title": _("Ghi quyết định của Nhà nước: %(n)s") % {"n": association}},
        status=400 if request.method == "POST" else 200)


def alert_list(request: HttpRequest) -> HttpResponse:
    """The associations with alerts, a page at a time; the alerts computed for the page's rows only."""
    rules = selectors.alert_rules()
    page = paginate(request, selectors.alerted_associations(user=request.user, rules=rules))
    found = selectors.alerts(user=request.user, rules=rules, associations=selectors.association_queryset(
        user=request.user).filter(pk__in=[a.pk for a in page.object_list]))
    order = {a.pk: i for i, a in enumerate(page.object_list)}
    found.sort(key=lambda x: order[x.association.pk])  # stable: each association's alerts keep their kind order
    return render(request, "associations/alerts.html", {
        "alerts": found, "page": page, "counts": selectors.alert_counts(user=request.user, rules=rules)})
