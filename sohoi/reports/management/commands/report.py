"""`sohoi report --period 2026-Q3 [--territory CODE] [--field ID] --format docx|pdf|xlsx -o FILE`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.reports.documents.build import FORMATS, build
from sohoi.reports.documents.pdf import ConversionError
from sohoi.reports.registry import Filters, Period


def reader(username: str | None):
    """Whose scope the figures are counted in: the named user, else the first active Standing Committee (or
    other read-all) user: the periodic report is the city's."""
    from sohoi.accounts.models import User
    from sohoi.reports.permissions import default_reader

    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("Không có người dùng đang hoạt động tên “%(username)s” (--as).") % {"username": username})
        return user
    user = default_reader()
    if user is None:
        raise CommandError(_("Chưa có người dùng nào thuộc Thường trực hoặc Ban Dân vận: ghi --as "
                             "TÊN_ĐĂNG_NHẬP."))
    return user


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return str(gettext_lazy("Lập báo cáo định kỳ thực hiện Công văn 752-CV/TU (docx theo thể thức văn bản của "
                            "Đảng, xlsx phụ lục, pdf)."))

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help=_("Năm (2026), nửa năm (2026-H1) hoặc quý "
                                                              "(2026-Q3)."))
        parser.add_argument("--territory", help=_("Mã đơn vị hành chính (xã, phường hoặc quận, huyện cũ)."))
        parser.add_argument("--field", type=int, help=_("Mã lĩnh vực hoạt động của hội."))
        parser.add_argument("--format", choices=sorted(FORMATS), default="docx")
        parser.add_argument("-o", "--output", required=True, help=_("Tệp ghi ra."))
        parser.add_argument("--as", dest="username", help=_("Tính số liệu trong phạm vi của người dùng này."))

    def handle(self, *args, period: str, territory: str | None, field: int | None, format: str, output: str,
               username: str | None, **options):
        from sohoi.associations.models import FieldOfActivity
        from sohoi.orgs.models import AdminUnit

        try:
            chosen = Period.parse(period)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        area = None
        if territory:
            area = AdminUnit.objects.filter(code=territory.strip()).first()
            if area is None:
                raise CommandError(_("Không có đơn vị hành chính mã “%(territory)s” (--territory): xem trang "
                                     "Đơn vị hành chính để tra mã.") % {"territory": territory})
        fld = None
        if field is not None:
            fld = FieldOfActivity.objects.filter(pk=field).first()
            if fld is None:
                raise CommandError(_("Không có lĩnh vực mã %(field)s (--field).") % {"field": field})
        try:
            content = build(Filters(reader(username), chosen, area, fld), format)
        except ConversionError as exc:
            raise CommandError(str(exc)) from None
        Path(output).write_bytes(content)
        self.stdout.write(_("Đã ghi %(output)s (%(n_content)s byte).") % {"output": output, "n_content": f"{len(content):,}"})
