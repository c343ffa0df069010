from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sohoi.core"
    label = "core"
    verbose_name = "Lõi"

    def ready(self) -> None:
        # The audit trail's named actions (core.view_audit_log, core.view_history, core.view_sensitive_reads)
        # must exist before the first `allowed()` call, whichever page asks first.
        from . import audit_access  # noqa: F401
