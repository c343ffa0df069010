from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from sohoi.core.scoping import restrict
from sohoi.core.views import ScopedDetailView, ScopedListView, paginate

from .filters import AdminUnitFilter, UnitFilter
from .models import AdminUnit, Unit, UnitGroup


class UnitListView(ScopedListView):
    model = Unit
    title = _("Cơ quan, đơn vị")
    template_name = "orgs/unit_list.html"
    partial_name = "orgs/partials/_unit_rows.html"
    filterset_class = UnitFilter
    select_related = ("parent", "area")


class UnitDetailView(ScopedDetailView):
    model = Unit
    template_name = "orgs/unit_detail.html"
    fields = ["name", "code", "kind", "level", "parent", "area", "valid_from", "valid_to", "email"]

    def get_context(self, obj):
        return {
            # A page of them: the Fatherland Front has every city association below it.
            "page": paginate(self.request, restrict(obj.children.all(), self.request.user).order_by("path", "pk")),
            "aliases": obj.aliases.all(),
            "successors": obj.successors.all(),
            "predecessors": obj.predecessors.all(),
        }


class AdminUnitListView(ScopedListView):
    model = AdminUnit
    title = _("Đơn vị hành chính")
    filterset_class = AdminUnitFilter
    select_related = ("parent",)
    columns = [("code", _("Mã")), ("name", _("Tên")), ("kind", _("Loại")), ("parent", _("Thuộc")),
               ("valid_to", _("Hiệu lực đến"))]


def group_list(request: HttpRequest) -> HttpResponse:
    groups = restrict(UnitGroup.objects.select_related("root"), request.user)
    rows = [(g, g.members().count()) for g in groups]
    return render(request, "orgs/group_list.html", {"rows": rows})
