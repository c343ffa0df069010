"""The public register: no login, operating associations, public fields only (never a member or leader)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sohoi.core.views import page_size

from .. import selectors
from ..choices import ScopeLevel
from ..exports import register_xlsx


@login_not_required
def public_register(request: HttpRequest) -> HttpResponse:
    filterset = selectors.public_register(filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    rows = selectors.public_rows(qs)
    if request.GET.get("export") == "xlsx":
        return register_xlsx(rows.iterator(chunk_size=2000))
    page = Paginator(rows, page_size()).get_page(request.GET.get("page"))
    scopes = dict(ScopeLevel.choices)
    for row in page.object_list:
        row["scope_label"] = scopes.get(row["scope_level"], "")
    return render(request, "associations/public_register.html", {
        "filter": filterset, "page": page, "export_query": request.GET.urlencode()})
