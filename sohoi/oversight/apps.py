from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "sohoi.oversight"
    label = "oversight"
    verbose_name = _("Giám sát, phản biện xã hội, kiểm tra")
