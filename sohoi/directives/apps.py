from django.apps import AppConfig


class DirectivesConfig(AppConfig):
    name = "sohoi.directives"
    label = "directives"
    verbose_name = "Văn bản và nhiệm vụ"
