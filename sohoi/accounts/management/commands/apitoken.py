"""`sohoi apitoken create|list|revoke`: API tokens from the server's command line (audited like the page)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from sohoi.accounts import services
from sohoi.accounts.models import ApiToken, User


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return _("Tạo, liệt kê hoặc thu hồi mã truy cập API của một tài khoản.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help=_("Tạo mã mới (in ra một lần)."))
        create.add_argument("username")
        create.add_argument("name", help=_("Tên mã, ví dụ tên hệ thống dùng nó."))
        listing = sub.add_parser("list", help=_("Liệt kê mã (của một tài khoản, hoặc tất cả)."))
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help=_("Thu hồi mã theo số thứ tự (cột đầu của “list”)."))
        revoke.add_argument("id", type=int)

    def _user(self, username: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("Không có tài khoản “%(username)s”. Xem tên đăng nhập trong trang Người dùng.")
                               % {"username": username})
        return user

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "create":
                row, token = services.api_token_create(actor=None, user=self._user(options["username"]),
                                                       name=options["name"])
                self.stdout.write(_("Đã tạo mã %(row)s (số %(pk)s). Chép ngay, mã chỉ hiện một lần:\n%(token)s")
                                  % {"row": row, "pk": row.pk, "token": token})
            elif options["action"] == "list":
                qs = ApiToken.objects.select_related("user").order_by("pk")
                if options.get("username"):
                    qs = qs.filter(user=self._user(options["username"]))
                for row in qs:
                    state = (_("thu hồi %(revoked_at)s")
                             % {"revoked_at": format(timezone.localtime(row.revoked_at), '%d/%m/%Y %H:%M')} if row.revoked_at
                             else _("đang dùng"))
                    self.stdout.write(f"{row.pk}\t{row.user.username}\t{row}\t{state}")
            else:
                row = ApiToken.objects.filter(pk=options["id"]).first()
                if row is None:
                    raise CommandError(_("Không có mã truy cập số %(id)s. Xem số bằng “sohoi apitoken list”.")
                                       % {"id": options['id']})
                services.api_token_revoke(actor=None, token=row)
                self.stdout.write(_("Đã thu hồi mã %(row)s.") % {"row": row})
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
