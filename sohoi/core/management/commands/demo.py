from django.core.management.base import BaseCommand

from sohoi.core.demo_registry import run_demo_loaders
from sohoi.orgs.reference import load_admin_units


class Command(BaseCommand):
    help = "Nạp dữ liệu tham chiếu, văn bản mẫu 752-CV/TU và dữ liệu demo (chạy lại nhiều lần không nạp trùng)."

    def handle(self, *args, **options):
        added = load_admin_units()
        self.stdout.write(f"Đơn vị hành chính: thêm {added}")
        run_demo_loaders(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Đã nạp xong dữ liệu demo."))
