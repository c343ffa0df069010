"""`sohoi worker [--processes N]`: run background jobs (Django's tasks API, database backend; core/jobs.py).

`make run` starts one beside the web server; run more for more jobs at once (each process takes one job at a
time; several processes, on one machine or several, share the queue in the database). Stops on SIGTERM/SIGINT
after the job at hand (a SIGKILL loses nothing: the job's transaction is rolled back and the job page offers
to run it again)."""

from __future__ import annotations

import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return _("Chạy các việc nền (nhập tệp, nhắc hạn...). --processes N chạy N tiến trình cùng lúc.")

    def add_arguments(self, parser):
        parser.add_argument("--processes", type=int, default=1, help=_("Số tiến trình (mặc định 1)."))
        parser.add_argument("--batch", action="store_true", help=_("Chạy hết các việc đang chờ rồi dừng."))
        parser.add_argument("--interval", type=float, default=1.0, help=_("Giây chờ giữa hai lần tìm việc mới."))

    def handle(self, *args, **options):
        from django.conf import settings

        backend = settings.TASKS["default"]["BACKEND"]
        if backend != "django_tasks_db.DatabaseBackend":
            raise CommandError(_("Việc nền đang dùng %(backend)s: chạy tiến trình worker của hệ thống đó "
                                 "(xem docs/deploy.md), không dùng `sohoi worker`.")
                               % {"backend": backend})
        if options["processes"] < 1:
            raise CommandError(_("--processes phải từ 1 trở lên."))
        if options["processes"] == 1:
            call_command("db_worker", batch=options["batch"], interval=options["interval"], reload=False,
                         startup_delay=False, verbosity=options["verbosity"])
            return
        command = [sys.executable, "-m", "sohoi.cli", "worker", f"--interval={options['interval']}",
                   *(["--batch"] if options["batch"] else [])]
        children = [subprocess.Popen(command) for _ in range(options["processes"])]  # noqa: S603

        def stop(signum, _frame):
            for child in children:
                if child.poll() is None:
                    child.send_signal(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        codes = [child.wait() for child in children]
        if any(codes):
            raise CommandError(_("Tiến trình chạy nền dừng với mã %(codes)s.") % {"codes": codes})
