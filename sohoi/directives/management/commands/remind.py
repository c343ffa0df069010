"""`sohoi remind [--days N]`: remind assigned units of work due soon and overdue work.

Schedule it once a day, e.g. cron: `30 7 * * 1-5  cd /srv/sohoi && .venv/bin/sohoi remind --days 7`.
Running it twice sends nothing twice (one notification per user, assignment, period and kind).

The work is a background job (directives/tasks.py): the command queues it for `sohoi worker` and returns;
`--here` runs it in this process instead (for a machine without a worker)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.directives.services import reminders_send


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return str(gettext_lazy("Nhắc các đơn vị về nhiệm vụ sắp đến hạn (trong N ngày, mặc định 7) và nhiệm vụ quá "
                            "hạn."))

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help=_("Nhắc việc đến hạn trong số ngày này (mặc "
                                                                  "định 7)."))
        parser.add_argument("--on", help=_("Tính như thể hôm nay là ngày này (YYYY-MM-DD); để thử."))
        parser.add_argument("--here", action="store_true",
                            help=_("Chạy ngay trong tiến trình này thay vì xếp vào hàng việc nền."))

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError(_("--days phải từ 0 trở lên."))
        on = None
        if options["on"]:
            try:
                on = datetime.date.fromisoformat(options["on"])
            except ValueError:
                raise CommandError(_("--on phải có dạng YYYY-MM-DD.")) from None
        if options["here"]:
            sent = reminders_send(days=options["days"], on=on)
        else:
            from sohoi.directives.tasks import reminders_task

            result = reminders_task.enqueue(days=options["days"], on=on.isoformat() if on else None)
            if not result.is_finished:
                self.stdout.write(_("Đã xếp việc nhắc hạn vào hàng việc nền (mã %(id)s); `sohoi worker` sẽ "
                                    "gửi.") % {"id": result.id})
                return
            if result.status != "SUCCESSFUL":
                raise CommandError(_("Nhắc hạn không chạy được; xem nhật ký máy chủ."))
            sent = result.return_value
        self.stdout.write(_("Đã gửi %(sent)s thông báo nhắc hạn.") % {"sent": sent})
