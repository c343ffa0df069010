from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "sohoi.api"
    label = "api"
    verbose_name = "API"
