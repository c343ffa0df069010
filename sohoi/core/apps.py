from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sohoi.core"
    label = "core"
    verbose_name = _("Lõi")

    def ready(self) -> None:
        # The audit trail's named actions (core.view_audit_log, core.view_history, core.view_sensitive_reads)
        # must exist before the first `allowed()` call, whichever page asks first.
        from . import audit_access  # noqa: F401

        # ONE date widget for every form (issue 16): dd/mm/yyyy whatever the browser's locale. Setting the
        # default widget of forms.DateField here covers every plain DateField, every model DateField of a
        # ModelForm and every django-filter DateFilter, including forms written after this line.
        from .widgets import install_date_widget

        install_date_widget()

        # A write in the middle of a request clears what the request remembered (core/memo.py).
        from django.db.models.signals import post_delete, post_save

        from .memo import forget_on_write

        post_save.connect(forget_on_write, dispatch_uid="sohoi.memo.save")
        post_delete.connect(forget_on_write, dispatch_uid="sohoi.memo.delete")
