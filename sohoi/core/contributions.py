"""How apps contribute to shared features: an app that has module `<app>.<name>` takes part.

Used for demo loaders (`demo`), API routers (`api`) and home-page panels (`selectors.home_panels`)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

from django.apps import AppConfig, apps


def app_modules(name: str, *, exclude: tuple[str, ...] = ()) -> Iterator[tuple[AppConfig, ModuleType]]:
    """Each Sổ Hội app's module `name`, in INSTALLED_APPS order; apps without it are skipped."""
    for config in apps.get_app_configs():
        if not config.name.startswith("sohoi.") or config.label in exclude:
            continue
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            wanted = f"{config.name}.{name}"
            # Missing: the module itself or a package on its way (e.g. no `tests` package). Anything else
            # is a real error inside a module that does exist.
            if not exc.name or exc.name == config.name or not (wanted + ".").startswith(exc.name + "."):
                raise
            continue
        yield config, module
