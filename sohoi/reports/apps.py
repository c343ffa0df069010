from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sohoi.reports"
    label = "reports"
    verbose_name = "Báo cáo"
