from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from sohoi.core.backup import BackupError, backup


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return gettext("Sao lưu toàn bộ cơ sở dữ liệu vào một tệp (.json.gz), dùng được cho cả SQLite và PostgreSQL.")

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        try:
            rows = backup(options["file"])
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(gettext("Đã sao lưu %(rows)s bản ghi vào %(file)s.")
                                             % {"rows": rows, "file": options['file']}))
