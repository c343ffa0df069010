"""Shared shape of the activities pages: a create form for one association, and a filtered, paginated list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sohoi.associations.models import Association
from sohoi.core.forms import apply_errors
from sohoi.core.permissions import require
from sohoi.core.scoping import get_scoped
from sohoi.core.views import paginate, render_page

MAX_FILES = 5


def association_of(request: HttpRequest, pk: int) -> Association:
    """404 outside the user's view scope (nothing leaks), before anything else."""
    return get_scoped(Association.objects.select_related("unit", "field"), request.user, pk=pk)


def uploaded(request: HttpRequest, name: str = "attachment") -> tuple[str, bytes] | None:
    from django.conf import settings

    upload = request.FILES.get(name)
    if upload is None:
        return None
    return upload.name, upload.read(settings.SOHOI_MAX_UPLOAD_BYTES + 1)


def create_form(request: HttpRequest, *, action: str, obj: Any, form: Any, save: Callable[[dict[str, Any]], Any],
                title: str, done: str, back_url: str, redirect_to: Callable[[Any], str] | None = None
                ) -> HttpResponse:
    """Ask the permission first (403 with its Vietnamese refusal), then parse, call the one service, show its
    errors on the form (nothing stored), or redirect with a message."""
    require(request.user, action, obj)
    if request.method == "POST" and form.is_valid():
        try:
            created = save(form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(redirect_to(created) if redirect_to is not None else back_url)
    return render(request, "activities/form.html", {"form": form, "title": title, "back_url": back_url})


def list_page(request: HttpRequest, filterset: Any, *, template: str, partial: str, title: str,
              **extra: Any) -> HttpResponse:
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    context = {"filter": filterset, "page": paginate(request, qs), "title": title, "partial": partial, **extra}
    return render_page(request, template, context, partial)
