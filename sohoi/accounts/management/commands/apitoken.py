"""`sohoi apitoken create|list|revoke`: API tokens from the server's command line (audited like the page)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from sohoi.accounts import services
from sohoi.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Tạo, liệt kê hoặc thu hồi mã truy cập API của một tài khoản."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Tạo mã mới (in ra một lần).")
        create.add_argument("username")
        create.add_argument("name", help="Tên mã, ví dụ tên hệ thống dùng nó.")
        listing = sub.add_parser("list", help="Liệt kê mã (của một tài khoản, hoặc tất cả).")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="Thu hồi mã theo số thứ tự (cột đầu của “list”).")
        revoke.add_argument("id", type=int)

    def _user(self, username: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”. Xem tên đăng nhập trong trang Người dùng.")
        return user

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "create":
                row, token = services.api_token_create(actor=None, user=self._user(options["username"]),
                                                       name=options["name"])
                self.stdout.write(f"Đã tạo mã {row} (số {row.pk}). Chép ngay, mã chỉ hiện một lần:\n{token}")
            elif options["action"] == "list":
                qs = ApiToken.objects.select_related("user").order_by("pk")
                if options.get("username"):
                    qs = qs.filter(user=self._user(options["username"]))
                for row in qs:
                    state = (f"thu hồi {timezone.localtime(row.revoked_at):%d/%m/%Y %H:%M}" if row.revoked_at
                             else "đang dùng")
                    self.stdout.write(f"{row.pk}\t{row.user.username}\t{row}\t{state}")
            else:
                row = ApiToken.objects.filter(pk=options["id"]).first()
                if row is None:
                    raise CommandError(f"Không có mã truy cập số {options['id']}. Xem số bằng “sohoi apitoken list”.")
                services.api_token_revoke(actor=None, token=row)
                self.stdout.write(f"Đã thu hồi mã {row}.")
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
