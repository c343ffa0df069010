"""Home, audit, notifications, and the generic list/detail views the reference-data pages share."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from . import audit
from .models import AuditEntry, Notification
from .permissions import allowed, require
from .scoping import get_scoped, restrict, scoped_view
from .selectors import audit_entry_get, audit_list, home_summary

PAGE_SIZE = 50


def page_size() -> int:
    """Rows per page of every list (settings.SOHOI_PAGE_SIZE, 50): the two-scale test sets 2, so that the
    small scale already fills a page and only an unbounded page grows."""
    return int(getattr(settings, "SOHOI_PAGE_SIZE", PAGE_SIZE))


def paginate(request: HttpRequest, qs: models.QuerySet, per_page: int | None = None, param: str = "page"):
    """One page of `qs` (`param` names the page's query parameter where a page has several lists)."""
    return Paginator(qs, per_page or page_size()).get_page(request.GET.get(param))


def render_page(request: HttpRequest, template: str, context: dict[str, Any], partial: str | None = None) -> HttpResponse:
    """htmx requests on the same URL get only the partial."""
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, partial, context)
    return render(request, template, context)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", home_summary(user=request.user))


class ScopedListView(View):
    """A list of a model's rows the user may see, filtered by `filterset_class`, paginated."""

    model: type[models.Model]
    template_name = "core/generic_list.html"
    partial_name = "core/partials/_generic_rows.html"
    columns: list[tuple[str, str]] = []
    filterset_class: Any = None
    title = ""
    select_related: tuple[str, ...] = ()

    def get_queryset(self) -> models.QuerySet:
        return restrict(self.model._default_manager.select_related(*self.select_related), self.request.user)

    def get(self, request: HttpRequest) -> HttpResponse:
        qs = self.get_queryset()
        filterset = None
        if self.filterset_class is not None:
            filterset = self.filterset_class(request.GET, queryset=qs)
            qs = filterset.qs
        page = paginate(request, qs)
        rows = [[(getattr(obj, f"get_{c}_display", None) or (lambda o=obj, c=c: getattr(o, c)))() for c, _ in self.columns]
                for obj in page.object_list]
        context = {"title": self.title or self.model._meta.verbose_name_plural, "page": page,
                   "columns": self.columns, "rows": list(zip(page.object_list, rows, strict=True)),
                   "filter": filterset}
        return render_page(request, self.template_name, context, self.partial_name)


class ScopedDetailView(View):
    model: type[models.Model]
    template_name = "core/generic_detail.html"
    fields: list[str] = []

    def get_object(self, pk: int) -> models.Model:
        return get_scoped(self.model, self.request.user, pk=pk)

    def get_context(self, obj: models.Model) -> dict[str, Any]:
        return {}

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(pk)
        rows = []
        for name in self.fields:
            field = obj._meta.get_field(name)
            display = getattr(obj, f"get_{name}_display", None)
            value = display() if display else getattr(obj, name)
            if field.many_to_many:
                value = ", ".join(str(v) for v in value.all())
            rows.append((field.verbose_name, value))
        context = {"object": obj, "rows": rows, "title": str(obj), "history": audit.visible_history(obj, request.user),
                   **self.get_context(obj)}
        return render(request, self.template_name, context)


def audit_log(request: HttpRequest) -> HttpResponse:
    require(request.user, "core.view_audit_log")
    filterset = audit_list(user=request.user, filters=request.GET)
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return render_page(request, "core/audit_list.html", {"page": paginate(request, qs), "filter": filterset},
                       "core/partials/_audit_rows.html")


@scoped_view(AuditEntry)
def audit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from .audit_labels import present

    entry = present([audit_entry_get(user=request.user, pk=pk)])[0]
    return render(request, "core/audit_detail.html", {"entry": entry})


def notifications(request: HttpRequest) -> HttpResponse:
    qs = restrict(Notification.objects.all(), request.user)
    if request.method == "POST":
        qs.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("core:notifications")
    return render(request, "core/notifications.html", {"page": paginate(request, qs)})


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def error_500(request: HttpRequest) -> HttpResponse:
    # No context processors: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)


def holidays(request: HttpRequest) -> HttpResponse:
    """The working-day calendar: everyone reads it; administrators add days."""
    from django import forms as djforms
    from django.contrib import messages
    from django.core.exceptions import ValidationError

    from .forms import apply_errors
    from .models import Holiday
    from .services import object_create

    class HolidayForm(djforms.ModelForm):
        class Meta:
            model = Holiday
            fields = ["day", "name", "legal_basis"]

    may_add = allowed(request.user, "core.add_holiday")
    form = HolidayForm(request.POST or None) if may_add else None
    if request.method == "POST":
        if not may_add:
            raise PermissionDenied
        if form.is_valid():
            try:
                object_create(actor=request.user, model=Holiday, data=dict(form.cleaned_data))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã thêm ngày nghỉ."))
                return redirect("core:holidays")
    rows = restrict(Holiday.objects.all(), request.user).order_by("-day")
    return render(request, "core/holidays.html", {"page": paginate(request, rows), "form": form})


@login_not_required
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready to serve: the database answers and every migration is applied (for a load balancer)."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.migrations.executor import MigrationExecutor
    from django.http import JsonResponse

    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as exc:  # any database failure means "not ready"
        return JsonResponse({"ready": False, "reason": f"database: {exc.__class__.__name__}"}, status=503)
    if pending:
        return JsonResponse({"ready": False, "reason": f"{len(pending)} migrations not applied"}, status=503)
    return JsonResponse({"ready": True})


def lookup(request: HttpRequest) -> HttpResponse:
    """Rows of a search-as-you-type choice (core.lookup), `?nguon=<source>&q=<text>`: at most LIMIT, scoped by
    the source's app. No source asked: no rows; an unknown source: 404."""
    from django.http import Http404, JsonResponse

    from .lookup import search

    source = request.GET.get("nguon", "")
    if not source:
        return JsonResponse({"results": []})
    try:
        rows = search(source, request.user, request.GET.get("q", ""))
    except KeyError:
        raise Http404 from None
    return JsonResponse({"results": rows})
