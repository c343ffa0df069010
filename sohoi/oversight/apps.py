from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "sohoi.oversight"
    label = "oversight"
    verbose_name = "Giám sát, phản biện xã hội, kiểm tra"
