from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "sohoi.activities"
    label = "activities"
    verbose_name = "Hoạt động hội"
