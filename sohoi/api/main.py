from __future__ import annotations

import importlib

from django.apps import apps
from ninja import NinjaAPI

from . import errors
from .auth import SessionAuth, TokenAuth

api = NinjaAPI(
    title="Sổ Hội API",
    version="1",
    description="API của Sổ Hội: cùng dịch vụ, cùng phạm vi dữ liệu và cùng nhật ký như giao diện web. "
    "Lỗi luôn có dạng {code, message, fields}.",
    urls_namespace="api",
    auth=[TokenAuth(), SessionAuth()],
)
errors.install(api)


def _mount_app_routers() -> None:
    """Each Sổ Hội app with an `api.py` exposing `router` (and `prefix`) is mounted here."""
    for config in apps.get_app_configs():
        if not config.name.startswith("sohoi.") or config.label == "api":
            continue
        try:
            module = importlib.import_module(f"{config.name}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.api":
                raise
            continue
        api.add_router(getattr(module, "prefix", f"/{config.label}/"), module.router, tags=[str(config.verbose_name)])


_mount_app_routers()
