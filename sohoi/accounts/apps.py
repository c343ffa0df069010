from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sohoi.accounts"
    label = "accounts"
    verbose_name = "Người dùng"
