from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sohoi.accounts"
    label = "accounts"
    verbose_name = "Người dùng"

    def ready(self) -> None:
        from . import middleware  # noqa: F401 - registers the login signal receiver
