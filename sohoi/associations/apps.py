from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AssociationsConfig(AppConfig):
    name = "sohoi.associations"
    label = "associations"
    verbose_name = "Hội"

    def ready(self) -> None:
        from .search import ensure_index

        post_migrate.connect(ensure_index, sender=self, dispatch_uid="associations.search.ensure_index")
