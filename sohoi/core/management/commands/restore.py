from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sohoi.core.backup import BackupError, restore


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return _("Phục hồi toàn bộ cơ sở dữ liệu từ tệp sao lưu (thay thế dữ liệu hiện có, trong một giao dịch).")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help=_("Không hỏi lại (dùng trong kịch bản)."))

    def handle(self, *args, **options):
        if not options["yes"] and input(_("Phục hồi sẽ thay thế toàn bộ dữ liệu hiện có. Gõ 'co' để tiếp tục: ")) != "co":
            raise CommandError(_("Đã hủy: dữ liệu không thay đổi."))
        try:
            rows = restore(options["file"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(_("Đã phục hồi %(rows)s bản ghi.") % {"rows": rows}))
