from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AssociationsConfig(AppConfig):
    name = "sohoi.associations"
    label = "associations"
    verbose_name = _("Hội")

    def ready(self) -> None:
        from .search import ensure_index

        post_migrate.connect(ensure_index, sender=self, dispatch_uid="associations.search.ensure_index")
