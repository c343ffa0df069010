"""`sohoi generate --scale small|city|national [--seed N] [--times K]`: synthetic data for benchmarks."""

from __future__ import annotations

import resource
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return _("Sinh dữ liệu tổng hợp (tên, số định danh 999... đều giả) thêm vào dữ liệu demo: small (vài nghìn dòng, "
                "cho kiểm thử), city (khoảng 1/10, tập trung ở Cần Thơ), national (40.000 hội, 100.000 chi hội, "
                "5.000.000 hội viên ... trên 34 tỉnh, thành). Chạy sau `sohoi setup` hoặc `sohoi demo`. Cùng hạt giống "
                "cho cùng dữ liệu; ghi theo lô, bộ nhớ không tăng theo quy mô. Không ghi nhật ký thay đổi cho dữ liệu "
                "sinh ra.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "city", "national"], default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--times", type=int, default=1, help=_("Nhân quy mô lên K lần."))

    def handle(self, *args, scale: str, seed: int, times: int, **options):
        from sohoi.core.generate import generate
        from sohoi.core.generate.writer import num

        def log(msg: str) -> None:
            self.stdout.write(msg)
            self.stdout.flush()

        log(_("Sinh dữ liệu quy mô %(scale)s (hạt giống %(seed)s, x%(times)s) vào %(vendor)s...")
            % {"scale": scale, "seed": seed, "times": times, "vendor": connection.vendor})
        try:
            gen = generate(scale, seed=seed, times=times, log=log, tty=sys.stderr.isatty())
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rate = gen.rows / max(gen.elapsed, 1e-6)
        log(_("Xong: %(rows)s dòng trong %(elapsed)s s (%(rate)s dòng/giây), bộ nhớ đỉnh %(peak)s MB (cả tiến trình)")
            % {"rows": num(gen.rows), "elapsed": format(gen.elapsed, '.1f'), "rate": num(rate), "peak": num(peak)})
