"""One filter set per list: it drives the filter form on the page and the API query parameters."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, Subquery
from django.utils.translation import gettext_lazy as _

from sohoi.core.filters import offer_choices
from sohoi.orgs.choices import AdminKind, UnitKind
from sohoi.orgs.models import AdminUnit

from .choices import FOUNDING, ScopeLevel, Status
from .models import Association, FieldOfActivity, OfficerAssignment
from .permissions import monitoring_officers
from .search import name_q

ORDERING = {"name": "name_sort", "-name": "-name_sort", "founded": "founding_decision_date",
            "-founded": "-founding_decision_date", "status": "status", "members": "members_individual",
            "-members": "-members_individual"}


def search_q(value: str) -> Q:
    """'hoi khuyen hoc' finds 'Hội Khuyến học', 'lhpn' its short name: words compared folded (no diacritics, no
    case) through the database's full-text index (associations/search.py)."""
    return name_q(value)


def territory_choices(user=None, selected=None):
    """The administrative units the territory filter offers: reference data only, so the list does not grow
    with the register: the provinces and, around the user's own area, it, its parent and its children; plus
    the selected one. Any other unit is reached by typing its name (`territory_q`)."""
    near = Q(kind=AdminKind.PROVINCE)
    area_id = getattr(getattr(user, "unit", None), "area_id", None)
    if area_id:
        near |= Q(pk=area_id) | Q(parent_id=area_id) | Q(children__pk=area_id)
    qs = AdminUnit.objects.filter(near)
    if selected:
        qs = AdminUnit.objects.filter(Q(pk__in=qs.values("pk")) | Q(pk=selected))
    return qs.distinct().order_by("name", "pk")[:TERRITORY_CHOICES]


TERRITORY_CHOICES = 300  # a province's communes and wards, at most; the text box reaches the others


def territory_search_q(value: str) -> Q:
    """'Ninh Kiều' (or the code '31153') finds associations whose territory's name contains it."""
    value = value.strip()
    return Q(territory__name__icontains=value) | Q(territory__code=value)


def party_organisations():
    """Active Party organisations in associations (party app), or None when that app is not installed: looked up
    by name, so the registry does not import the party app."""
    from django.apps import apps

    try:
        model = apps.get_model("party", "PartyOrganisation")
    except LookupError:
        return None
    return model.objects.filter(status="active")


class AssociationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên (gõ không dấu cũng được)"), method="filter_q")
    field = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=FieldOfActivity.objects.all())
    scope_level = django_filters.ChoiceFilter(label=_("Phạm vi"), choices=ScopeLevel.choices)
    # Any administrative unit is a valid value (links, the API); the list offers a bounded few (territory_choices).
    territory = django_filters.ModelChoiceFilter(label=_("Địa bàn"), queryset=AdminUnit.objects.all())
    territory_q = django_filters.CharFilter(label=_("Địa bàn (gõ tên)"), method="filter_territory_q", max_length=200)
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=Status.choices)
    officer = django_filters.ModelChoiceFilter(
        label=_("Cán bộ theo dõi"), method="filter_officer",
        queryset=monitoring_officers(active_only=False).order_by("full_name"))
    no_officer = django_filters.BooleanFilter(label=_("Chưa có cán bộ theo dõi"), method="filter_no_officer")
    special_status = django_filters.BooleanFilter(label=_("Hội đặc thù"))
    branch = django_filters.BooleanFilter(label=_("Chi hội"), method="filter_branch")
    # The branches of one association (its page links here when it shows only the first few).
    within = django_filters.NumberFilter(label=_("Chi hội của hội (mã)"), method="filter_within",
                                         widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    has_party = django_filters.BooleanFilter(label=_("Có tổ chức đảng"), method="filter_has_party")
    # The filters behind the dashboard's figures (reports/registry.py), so that a figure and its list agree:
    # a territory with what it covers (a former district's communes and successor wards), alerts, founding.
    area = django_filters.ModelChoiceFilter(label=_("Địa bàn (kể cả xã, phường trực thuộc)"), method="filter_area",
                                            queryset=AdminUnit.objects.all(), widget=forms.HiddenInput)
    alert = django_filters.ChoiceFilter(label=_("Cảnh báo"), method="filter_alert", choices=[
        ("term_expired", _("Hết nhiệm kỳ chưa đại hội")),
        ("founding_congress_overdue", _("Quá hạn đại hội thành lập"))])
    founding = django_filters.BooleanFilter(label=_("Đang thành lập"), method="filter_founding",
                                            widget=forms.HiddenInput)
    active = django_filters.BooleanFilter(label=_("Đang hoạt động hoặc bị đình chỉ"), method="filter_active",
                                          widget=forms.HiddenInput)
    founded_from = django_filters.DateFilter(label=_("Thành lập từ ngày"), field_name="founding_decision_date",
                                             lookup_expr="gte", widget=forms.HiddenInput)
    founded_to = django_filters.DateFilter(label=_("Thành lập đến ngày"), field_name="founding_decision_date",
                                           lookup_expr="lte", widget=forms.HiddenInput)
    o = django_filters.ChoiceFilter(label=_("Sắp xếp"), method="filter_order", empty_label=_("Tên (A-Z)"), choices=[
        ("-name", _("Tên (Z-A)")), ("founded", _("Ngày thành lập (cũ trước)")),
        ("-founded", _("Ngày thành lập (mới trước)")), ("-members", _("Hội viên (nhiều trước)"))])

    class Meta:
        model = Association
        fields: list[str] = []

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if party_organisations() is None:
            del self.filters["has_party"]

    @property
    def form(self):
        if not hasattr(self, "_form"):
            offer_choices(super().form, "territory", lambda selected: territory_choices(self.user, selected))
        return self._form

    def filter_q(self, qs, name, value):
        return qs.filter(search_q(value)) if value and value.strip() else qs

    def filter_territory_q(self, qs, name, value):
        return qs.filter(territory_search_q(value)) if value and value.strip() else qs

    def filter_area(self, qs, name, value):
        from sohoi.core.scoping import area_ids

        return qs.filter(territory__in=area_ids(value)) if value else qs

    def filter_alert(self, qs, name, value):
        from .selectors import alert_rules

        if value == "term_expired":
            return alert_rules().term_expired(qs)
        if value == "founding_congress_overdue":
            return alert_rules().founding_congress_overdue(qs)
        return qs

    def filter_founding(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(status__in=FOUNDING) if value else qs.exclude(status__in=FOUNDING)

    def filter_active(self, qs, name, value):
        if value is None:
            return qs
        live = [Status.OPERATING, Status.SUSPENDED]
        return qs.filter(status__in=live) if value else qs.exclude(status__in=live)

    def filter_has_party(self, qs, name, value):
        orgs = party_organisations()
        if value is None or orgs is None:
            return qs
        if self.user is not None:  # only the Party organisations the user may see (party.models.ORG_SCOPE)
            from sohoi.core.scoping import restrict

            orgs = restrict(orgs, self.user)
        having = Q(pk__in=orgs.values("association_id"))
        return qs.filter(having) if value else qs.exclude(having)

    def filter_officer(self, qs, name, value):
        if not value:
            return qs
        # One current assignment per association (constraint), so this join never duplicates rows.
        return qs.filter(officer_assignments__officer=value, officer_assignments__ended_on__isnull=True)

    def filter_no_officer(self, qs, name, value):
        if value is None:
            return qs
        covered = Q(pk__in=OfficerAssignment.objects.filter(ended_on__isnull=True).values("association_id"))
        return qs.exclude(covered) if value else qs.filter(covered)

    def filter_within(self, qs, name, value):
        if not value:
            return qs
        path = Association.objects.filter(pk=int(value)).values("unit__path")[:1]
        return qs.filter(unit__path__startswith=Subquery(path), unit__kind=UnitKind.BRANCH)

    def filter_branch(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(unit__kind=UnitKind.BRANCH) if value else qs.exclude(unit__kind=UnitKind.BRANCH)

    def filter_order(self, qs, name, value):
        return qs.order_by(ORDERING.get(value, "name_sort"), "pk")


class PublicFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tên hội (gõ không dấu cũng được)"), method="filter_q")
    field = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=FieldOfActivity.objects.all())
    scope_level = django_filters.ChoiceFilter(label=_("Phạm vi"), choices=ScopeLevel.choices)

    class Meta:
        model = Association
        fields: list[str] = []

    def filter_q(self, qs, name, value):
        return qs.filter(search_q(value)) if value and value.strip() else qs
