from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartyConfig(AppConfig):
    name = "sohoi.party"
    label = "party"
    verbose_name = _("Tổ chức Đảng")
