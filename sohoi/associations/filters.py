"""One filter set per list: it drives the filter form on the page and the API query parameters."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.core.text import fold
from sohoi.orgs.choices import UnitKind
from sohoi.orgs.models import AdminUnit

from .choices import ScopeLevel, Status
from .models import Association, FieldOfActivity, OfficerAssignment
from .permissions import monitoring_officers

ORDERING = {"name": "name_sort", "-name": "-name_sort", "founded": "founding_decision_date",
            "-founded": "-founding_decision_date", "status": "status", "members": "members_individual",
            "-members": "-members_individual"}


def search_q(value: str) -> Q:
    """'hoi khuyen hoc' finds 'Hội Khuyến học': names are compared folded (no diacritics, no case)."""
    key = fold(value)
    return Q(name_folded__contains=key) | Q(short_name__iexact=value.strip())


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
    territory = django_filters.ModelChoiceFilter(
        label=_("Địa bàn"), queryset=AdminUnit.objects.filter(associations__isnull=False).distinct().order_by("name"))
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=Status.choices)
    officer = django_filters.ModelChoiceFilter(
        label=_("Cán bộ theo dõi"), method="filter_officer",
        queryset=monitoring_officers(active_only=False).order_by("full_name"))
    no_officer = django_filters.BooleanFilter(label=_("Chưa có cán bộ theo dõi"), method="filter_no_officer")
    special_status = django_filters.BooleanFilter(label=_("Hội đặc thù"))
    branch = django_filters.BooleanFilter(label=_("Chi hội"), method="filter_branch")
    has_party = django_filters.BooleanFilter(label=_("Có tổ chức đảng"), method="filter_has_party")
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

    def filter_q(self, qs, name, value):
        return qs.filter(search_q(value)) if value and value.strip() else qs

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
