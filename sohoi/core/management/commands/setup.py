from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from sohoi.accounts.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return _("Chuẩn bị chạy: tạo/cập nhật cơ sở dữ liệu, nạp dữ liệu tham chiếu, văn bản mẫu và dữ liệu demo.")

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help=_("Chỉ tạo cơ sở dữ liệu và dữ liệu tham chiếu."))

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(_("Cơ sở dữ liệu: đã cập nhật cấu trúc."))
        if options["no_demo"]:
            from sohoi.orgs.reference import load_admin_units

            load_admin_units()
        else:
            call_command("demo", stdout=self.stdout)
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write("")
        if options["no_demo"]:
            self.stdout.write(self.style.SUCCESS(_("Sổ Hội sẵn sàng. Tạo tài khoản quản trị đầu tiên: sohoi "
                                                   "createsuperuser")))
            return
        self.stdout.write(self.style.SUCCESS(_("Sổ Hội sẵn sàng tại http://127.0.0.1:8000/")))
        self.stdout.write(_("Tài khoản demo (mật khẩu chung: %(demo_password)s, chỉ dùng trên máy cá nhân):")
                          % {"demo_password": DEMO_PASSWORD})
        for username, _name, unit, roles, _position in DEMO_USERS:
            self.stdout.write(f"  {username:<20} {', '.join(str(r.label) for r in roles):<35} {unit or ''}")
