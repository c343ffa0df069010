"""`sohoi generate --scale small|city|national [--seed N] [--times K]`: synthetic data for benchmarks."""

from __future__ import annotations

import resource
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = ("Sinh dữ liệu tổng hợp (tên, số định danh 999... đều giả) thêm vào dữ liệu demo: small (vài nghìn dòng, "
            "cho kiểm thử), city (khoảng 1/10, tập trung ở Cần Thơ), national (40.000 hội, 100.000 chi hội, "
            "5.000.000 hội viên ... trên 34 tỉnh, thành). Chạy sau `sohoi setup` hoặc `sohoi demo`. Cùng hạt giống "
            "cho cùng dữ liệu; ghi theo lô, bộ nhớ không tăng theo quy mô. Không ghi nhật ký thay đổi cho dữ liệu "
            "sinh ra.")

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "city", "national"], default="small")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--times", type=int, default=1, help="Nhân quy mô lên K lần.")

    def handle(self, *args, scale: str, seed: int, times: int, **options):
        from sohoi.core.generate import generate
        from sohoi.core.generate.writer import num

        def log(msg: str) -> None:
            self.stdout.write(msg)
            self.stdout.flush()

        log(f"Sinh dữ liệu quy mô {scale} (hạt giống {seed}, x{times}) vào {connection.vendor}...")
        try:
            gen = generate(scale, seed=seed, times=times, log=log, tty=sys.stderr.isatty())
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rate = gen.rows / max(gen.elapsed, 1e-6)
        log(f"Xong: {num(gen.rows)} dòng trong {gen.elapsed:.1f} s ({num(rate)} dòng/giây), bộ nhớ đỉnh "
            f"{num(peak)} MB (cả tiến trình)")
