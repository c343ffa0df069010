from django.core.management.base import BaseCommand, CommandError

from sohoi.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Phục hồi toàn bộ cơ sở dữ liệu từ tệp sao lưu (thay thế dữ liệu hiện có, trong một giao dịch)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="Không hỏi lại (dùng trong kịch bản).")

    def handle(self, *args, **options):
        if not options["yes"] and input("Phục hồi sẽ thay thế toàn bộ dữ liệu hiện có. Gõ 'co' để tiếp tục: ") != "co":
            raise CommandError("Đã hủy: dữ liệu không thay đổi.")
        try:
            rows = restore(options["file"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Đã phục hồi {rows} bản ghi."))
