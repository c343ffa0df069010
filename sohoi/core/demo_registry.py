"""Reference and demo loaders contributed by each app, run in INSTALLED_APPS order.

An app contributes `demo.load(log)`; each loader is idempotent, so `make run` can run them every time."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from django.apps import apps
from django.db import transaction


def run_demo_loaders(log: Callable[[str], None]) -> None:
    for config in apps.get_app_configs():
        if not config.name.startswith("sohoi."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        log(f"- {config.verbose_name}")
        with transaction.atomic():
            module.load(log)
