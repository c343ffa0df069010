from __future__ import annotations

from ninja import NinjaAPI

from sohoi.core.contributions import app_modules

from . import errors
from .auth import SessionAuth, TokenAuth
from .docs import docs_behind_login

api = NinjaAPI(
    title="Sổ Hội API",
    version="1",
    description="API của Sổ Hội: cùng dịch vụ, cùng phạm vi dữ liệu và cùng nhật ký như giao diện web. "
    "Lỗi luôn có dạng {code, message, fields}.",
    urls_namespace="api",
    auth=[TokenAuth(), SessionAuth()],
    docs_decorator=docs_behind_login,
)
errors.install(api)


def _mount_app_routers() -> None:
    """Each Sổ Hội app with an `api.py` exposing `router` (and `prefix`) is mounted here."""
    for config, module in app_modules("api", exclude=("api",)):
        api.add_router(getattr(module, "prefix", f"/{config.label}/"), module.router, tags=[str(config.verbose_name)])


_mount_app_routers()
