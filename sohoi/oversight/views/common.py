"""Helpers shared by the oversight pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from sohoi.core.forms import apply_errors


def upload(request: HttpRequest, name: str) -> tuple[str, bytes] | None:
    f = request.FILES.get(name)
    return (f.name, f.read()) if f else None


def form_page(request: HttpRequest, form: Any, *, title: str, back: Any, save: Callable[[dict[str, Any]], Any],
              done: str, multipart: bool = False, intro: str = "") -> HttpResponse:
    """GET: the form; POST: validate, call `save(cleaned_data)` (a service), redirect back on success, else the
    form again with the service's Vietnamese messages on their fields (nothing stored)."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(back)
    return render(request, "oversight/form.html", {"form": form, "title": title, "back": back,
                                                   "multipart": multipart, "intro": intro})
