"""Reference and demo loaders contributed by each app (`<app>/demo.py: load(log)`), run in
INSTALLED_APPS order. Each loader is idempotent, so `make run` can run them every time."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from .contributions import app_modules


def run_demo_loaders(log: Callable[[str], None]) -> None:
    for config, module in app_modules("demo"):
        log(f"- {config.verbose_name}")
        with transaction.atomic():
            module.load(log)
