from django.apps import AppConfig


class AssociationsConfig(AppConfig):
    name = "sohoi.associations"
    label = "associations"
    verbose_name = "Hội"
