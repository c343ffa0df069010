"""Pages of the Party app: thin views that parse input, call one service or selector, render."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from sohoi.associations.models import Association
from sohoi.core import audit
from sohoi.core.forms import apply_errors
from sohoi.core.params import int_param
from sohoi.core.permissions import allowed, require
from sohoi.core.scoping import CHANGE, get_scoped, restrict, scoped_view
from sohoi.core.views import paginate, render_page
from sohoi.orgs.models import Unit

from . import selectors, services
from .choices import GRADE_CSS
from .forms import EndForm, MemberCountForm, OrganisationForm, PartyRuleForm, RatingForm, TaskForm
from .models import PartyOrganisation, PartyRule
from .permissions import superior_choices

MAX_CHOSEN = 5000  # more associations than the register of the city holds


def organisation_list(request: HttpRequest) -> HttpResponse:
    filterset = selectors.organisation_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    context = {"filter": filterset, "page": paginate(request, qs),
               "title": _("Tổ chức đảng trong các hội")}
    return render_page(request, "party/organisation_list.html", context, "party/partials/_org_rows.html")


@scoped_view(PartyOrganisation)
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_get(user=request.user, pk=pk)
    secretary, shown = selectors.secretary_of(user=request.user, organisation=org)
    may_change = allowed(request.user, "party.change_organisation", org)
    context = {"object": org, "title": str(org), "secretary": secretary, "show_sensitive": shown,
               "ratings": selectors.ratings_for(user=request.user, organisation=org), "grade_css": GRADE_CSS,
               "predecessors": selectors.organisation_queryset(user=request.user).filter(successor=org),
               "may_change": may_change, "history": audit.visible_history(org, request.user, limit=100),
               "rating_form": RatingForm(initial={"year": datetime.date.today().year - 1})
               if allowed(request.user, "party.rate", org) else None,
               "end_form": EndForm(organisation=org, successors=selectors.organisation_queryset(
                   user=request.user, action=CHANGE)) if may_change and org.status == "active" else None}
    return render(request, "party/organisation_detail.html", context)


def _associations_for(request: HttpRequest):
    return selectors.party_associations(user=request.user).order_by("name_folded")


ASSOCIATIONS_OFFERED = 50  # matches of the search box shown in the form's list


def _organisation_form(request: HttpRequest, **kwargs):
    """Choices only within the user's reach: associations of its Party scope, committees of its own subtree,
    grassroots committees it may see. Another id answers "invalid choice", never the name behind it.
    The association list offers the chosen one and the matches of the search box (?association_q=), never
    the whole territory's register."""
    from sohoi.associations.filters import search_q
    from sohoi.core.filters import offer_choices

    associations = _associations_for(request)
    form = OrganisationForm(request.POST or None, associations=associations,
                            superiors=superior_choices(request.user),
                            parents=restrict(PartyOrganisation.objects.all(), request.user), **kwargs)
    wanted = request.GET.get("association_q", "").strip()[:200]

    def offered(selected: int | None):
        found = associations.filter(search_q(wanted)) if wanted else associations.none()
        ids = list(found.values_list("pk", flat=True)[:ASSOCIATIONS_OFFERED]) + ([selected] if selected else [])
        return associations.filter(pk__in=ids)

    offer_choices(form, "association", offered)
    form.association_q = wanted
    return form


def organisation_add(request: HttpRequest) -> HttpResponse:
    require(request.user, "party.create_organisation")
    form = _organisation_form(request, initial={"association": request.GET.get("association")})
    if request.method == "POST" and form.is_valid():
        try:
            org = services.organisation_create(actor=request.user, data=form.data_dict())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi tổ chức đảng."))
            return redirect("party:organisation_detail", pk=org.pk)
    return render(request, "party/form.html", {"form": form, "title": _("Ghi tổ chức đảng trong hội")})


@scoped_view(PartyOrganisation)
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
    require(request.user, "party.change_organisation", org)
    form = _organisation_form(request, instance=PartyOrganisation.objects.get(pk=org.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(actor=request.user, organisation=org, data=form.data_dict(),
                                         expected_version=form.cleaned_data.get("version"))
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("party:organisation_detail", pk=org.pk)
    return render(request, "party/form.html", {"form": form, "title": _("Sửa: %(o)s") % {"o": org}, "back": org,
                                               "history": audit.visible_history(org, request.user, limit=50)})


@scoped_view(PartyOrganisation)
def organisation_end(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
    form = EndForm(request.POST or None, organisation=org,
                   successors=selectors.organisation_queryset(user=request.user, action=CHANGE))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_end(actor=request.user, organisation=org, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi việc giải thể / hợp nhất."))
            return redirect("party:organisation_detail", pk=org.pk)
    return render(request, "party/form.html", {"form": form, "title": _("Giải thể / hợp nhất: %(o)s") % {"o": org},
                                               "back": org})


@scoped_view(PartyOrganisation)
def rating_add(request: HttpRequest, pk: int) -> HttpResponse:
    org = selectors.organisation_get(user=request.user, pk=pk, action=CHANGE)
    require(request.user, "party.rate", org)
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rating_record(actor=request.user, organisation=org, year=data["year"], score=data["score"],
                                   grade=data["grade"] or None, decision=data["decision"], note=data["note"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi xếp loại năm %(y)s.") % {"y": data["year"]})
            return redirect("party:organisation_detail", pk=org.pk)
    return render(request, "party/form.html", {"form": form, "title": _("Xếp loại: %(o)s") % {"o": org}, "back": org})


@scoped_view(Association)
def member_count(request: HttpRequest, pk: int) -> HttpResponse:
    association = get_scoped(Association.objects.select_related("unit"), request.user, pk=pk)
    require(request.user, "party.report_count", association)
    form = MemberCountForm(request.POST or None, initial={"reported_on": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.member_count_report(actor=request.user, association=association, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi số đảng viên của hội."))
            return redirect("party:eligibility")
    return render(request, "party/form.html", {"form": form, "title": _("Số đảng viên: %(a)s") % {"a": association}})


def eligibility(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        require(request.user, "party.create_eligibility_task")
        form = TaskForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            committee = Unit.objects.filter(pk=data["committee"]).first()
            # Ids come back from the page as text: anything not a valid id is dropped (never a 500), and the
            # list is bounded by the register's size (MAX_CHOSEN), so a crafted request cannot flood the query.
            # No ids: every eligible association whose superior is this committee (the page shows a page of them).
            ids = [i for x in data["associations"].split(",")[:MAX_CHOSEN] if (i := int_param(x)) is not None]
            if data["associations"]:
                chosen = list(selectors.eligible_queryset(user=request.user).filter(pk__in=ids))
            else:
                chosen = list(selectors.eligible_by_committee(user=request.user).filter(
                    superior_id=data["committee"])[:MAX_CHOSEN])
            try:
                task = services.eligibility_task_create(actor=request.user, committee=committee, associations=chosen,
                                                        due=data.get("due"))
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Đã giao nhiệm vụ cho %(c)s.") % {"c": committee})
                return redirect(task.get_absolute_url())
        else:
            messages.error(request, _("Yêu cầu giao việc thiếu cấp ủy hoặc danh sách hội; tải lại trang rồi bấm lại."))
        return redirect("party:eligibility")
    # Derived from party membership: a role without the right to see it gets 403, not an empty page.
    require(request.user, "party.see_eligibility")
    page = paginate(request, selectors.eligible_by_committee(user=request.user).filter(
        selectors.association_within(area=request.GET.get("area"), field=request.GET.get("field"))))
    data = selectors.eligibility(user=request.user, page=page)
    # i18n: data (an audit note, stored)
    shows_counts = selectors.log_count_read(user=request.user, what="Danh sách hội đủ điều kiện",
                                            rows=len(page.object_list))
    return render(request, "party/eligibility.html", {**data, "shows_counts": shows_counts, "page": page,
                                                      "title": _("Hội đủ điều kiện, chưa có tổ chức đảng")})


def rating_summary(request: HttpRequest) -> HttpResponse:
    data = selectors.rating_summary(user=request.user)
    return render(request, "party/rating_summary.html", {**data, "title": _("Xếp loại chất lượng tổ chức đảng")})


def core(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.core_queryset(user=request.user))
    rows = selectors.core_rows(user=request.user, associations=page.object_list)
    # i18n: data (an audit note, stored)
    shows = selectors.log_count_read(user=request.user, what="Đảng viên nòng cốt trong hội", rows=len(rows))
    return render(request, "party/core.html", {"rows": rows, "shows_counts": shows, "page": page,
                                               "flagged": selectors.core_flagged(user=request.user) if shows else 0,
                                               "title": _("Đảng viên làm nòng cốt trong hội")})


def rules(request: HttpRequest) -> HttpResponse:
    return render(request, "party/rules.html", {"rules": selectors.rule_list(user=request.user),
                                                "title": _("Quy định về tổ chức đảng")})


def _rule_form(request: HttpRequest, rule: PartyRule | None) -> HttpResponse:
    require(request.user, "party.edit_rules", rule)
    form = PartyRuleForm(request.POST or None, instance=PartyRule.objects.get(pk=rule.pk) if rule else None,
                         initial={"version": rule.version} if rule else None)
    if request.method == "POST" and form.is_valid():
        try:
            if rule:
                services.party_rule_update(actor=request.user, rule=rule, data=form.data_dict(),
                                           expected_version=form.cleaned_data.get("version"))
            else:
                services.party_rule_create(actor=request.user, data=form.data_dict())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu quy định."))
            return redirect("party:rules")
    return render(request, "party/form.html", {"form": form, "title": _("Quy định về tổ chức đảng"),
                                               "history": audit.visible_history(rule, request.user, limit=50)})


def rule_add(request: HttpRequest) -> HttpResponse:
    return _rule_form(request, None)


@scoped_view(PartyRule)
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _rule_form(request, get_scoped(PartyRule, request.user, pk=pk))


