from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "sohoi.party"
    label = "party"
    verbose_name = "Tổ chức Đảng"
