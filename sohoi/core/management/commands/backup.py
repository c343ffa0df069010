from django.core.management.base import BaseCommand, CommandError

from sohoi.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu toàn bộ cơ sở dữ liệu vào một tệp (.json.gz), dùng được cho cả SQLite và PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            rows = backup(options["file"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu {rows} bản ghi vào {options['file']}."))
