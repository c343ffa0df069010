"""`sohoi ingest FILE [--dry-run] [--user NAME] [--confirm]`: read a document into the register."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sohoi.api.errors import django_errors
from sohoi.directives import intake, services
from sohoi.directives.services.proposals import build_proposal, parse_choice


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]
        # Read when the parser is built, in the active language (argparse needs a real string).
        return str(gettext_lazy("Đọc một văn bản (.txt, .docx, .pdf), vào sổ và đề xuất nhiệm vụ để duyệt trên web. "
                             "--dry-run: chỉ đọc và in kết quả, không ghi gì."))

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help=_("Chỉ đọc và in, không ghi vào sổ."))
        parser.add_argument("--user", help=_("Tên đăng nhập của người vào sổ (mặc định: hệ thống)."))
        parser.add_argument("--confirm", action="store_true",
                            help=_("Xác nhận luôn các nhiệm vụ khi mọi tên đơn vị đều đã xác định."))

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Không tìm thấy tệp: %(path)s") % {"path": path})
        actor = None
        if options["user"]:
            from sohoi.accounts.models import User

            actor = User.objects.filter(username=options["user"]).first()
            if actor is None:
                raise CommandError(_("Không có người dùng “%(user)s”.") % {"user": options['user']})
        data = path.read_bytes()
        try:
            if options["dry_run"]:
                record = intake.parse(intake.read_file(data, path.name))
                on = datetime.date.fromisoformat(record["date"]) if record.get("date") else None
                self._show(record.get("code"), record.get("issuer"), record.get("warnings") or [],
                           build_proposal(record, on))
                self.stdout.write(_("(Chạy thử: không ghi gì vào sổ.)"))
                return
            document, created = services.document_register(actor=actor, data=data, filename=path.name)
            if not created:
                self.stdout.write(_("Văn bản đã có trong sổ (mã %(pk)s); không tạo bản mới.") % {"pk": document.pk})
                return
            self._show(document.code, document.issuer_label, document.warnings, document.proposal)
            if options["confirm"]:
                tasks = services.document_confirm(actor=actor, document=document)
                self.stdout.write(self.style.SUCCESS(_("Đã xác nhận %(n_tasks)s nhiệm vụ.") % {"n_tasks": len(tasks)}))
            else:
                self.stdout.write(_("Đã vào sổ (mã %(pk)s). Duyệt nhiệm vụ tại /van-ban/%(pk)s/duyet/") % {"pk": document.pk})
        except ValidationError as exc:
            lines = [m for msgs in django_errors(exc).values() for m in msgs]
            raise CommandError("\n".join(lines)) from None

    def _show(self, code, issuer, warnings, proposal):
        self.stdout.write(_("Văn bản: %(code)s – %(issuer)s") % {"code": code or _("(chưa rõ số, ký hiệu)"), "issuer": issuer or _("(chưa rõ cơ quan ban hành)")})
        for w in warnings:
            self.stdout.write(_("  Cần kiểm tra: %(w)s") % {"w": w})
        for task in proposal.get("tasks", []):
            self.stdout.write(_("  Nhiệm vụ %(no)s: %(text)s") % {"no": task['no'], "text": task['text'][:90]})
            for role, label in (("leads", _("chủ trì")), ("coordinators", _("phối hợp"))):
                for e in task[role]:
                    target = parse_choice(e["choice"])
                    shown = str(target) if target else _("CHƯA XÁC ĐỊNH – chọn đơn vị khi duyệt")
                    self.stdout.write(f"    {label}: {e['name']} -> {shown}")
            if task["deadline"] or task["recurrence"]:
                self.stdout.write(_("    hạn: %(deadline)s  định kỳ: %(recurrence)s") % {"deadline": task['deadline'] or '—', "recurrence": task["recurrence"] or '—'})
