from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sohoi.accounts"
    label = "accounts"
    verbose_name = _("Người dùng")

    def ready(self) -> None:
        from . import middleware  # noqa: F401 - registers the login signal receiver
