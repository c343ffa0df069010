from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sohoi.core.demo_registry import run_demo_loaders
from sohoi.orgs.reference import load_admin_units


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return _("Nạp dữ liệu tham chiếu, văn bản mẫu 752-CV/TU và dữ liệu demo (chạy lại nhiều lần không nạp trùng).")

    def handle(self, *args, **options):
        added = load_admin_units()
        self.stdout.write(_("Đơn vị hành chính: thêm %(added)s") % {"added": added})
        run_demo_loaders(self.stdout.write)
        self.stdout.write(self.style.SUCCESS(_("Đã nạp xong dữ liệu demo.")))
