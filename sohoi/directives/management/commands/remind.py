"""`sohoi remind [--days N]`: remind assigned units of work due soon and overdue work.

Schedule it once a day, e.g. cron: `30 7 * * 1-5  cd /srv/sohoi && .venv/bin/sohoi remind --days 7`.
Running it twice sends nothing twice (one notification per user, assignment, period and kind)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from sohoi.directives.services import reminders_send


class Command(BaseCommand):
    help = "Nhắc các đơn vị về nhiệm vụ sắp đến hạn (trong N ngày, mặc định 7) và nhiệm vụ quá hạn."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Nhắc việc đến hạn trong số ngày này (mặc định 7).")
        parser.add_argument("--on", help="Tính như thể hôm nay là ngày này (YYYY-MM-DD); để thử.")

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError("--days phải từ 0 trở lên.")
        on = None
        if options["on"]:
            try:
                on = datetime.date.fromisoformat(options["on"])
            except ValueError:
                raise CommandError("--on phải có dạng YYYY-MM-DD.") from None
        sent = reminders_send(days=options["days"], on=on)
        self.stdout.write(f"Đã gửi {sent} thông báo nhắc hạn.")
