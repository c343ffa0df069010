"""Demo: the seed letter 752-CV/TU read through the same path as an upload and its six tasks confirmed,
its parent directive 17-CT/TW (a stub, cited by the letter), implementing plans of two district Party
committees and one association (the cascade tree), and reports so that every tracking state appears.

Deterministic (fixed dates in 2012-2013) and idempotent: a document already in the register is not
loaded again, and reports are only added together with their document."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from django.test.utils import override_settings

from sohoi.accounts.models import User
from sohoi.orgs.models import Unit

from .choices import Direction, DocType, System
from .models import Assignment, Document
from .services import (
    document_confirm,
    document_create,
    document_register,
    find_existing,
    progress_report_submit,
    progress_report_transition,
)

SEED = Path(__file__).resolve().parent / "fixtures" / "752-CV-TU.txt"
D = datetime.date


def _user(name: str) -> User:
    return User.objects.select_related("unit").get(username=name)


def _assignment(document: Document, no: str, unit_name: str) -> Assignment:
    return Assignment.objects.select_related("task__document", "unit").get(
        task__document=document, task__no=no, unit__name=unit_name)


def _report(document: Document, no: str, unit_name: str, *, by: str, on: datetime.date, text: str,
            percent: int | None = None, review: tuple[str, str, str] | None = None) -> None:
    assignment = _assignment(document, no, unit_name)
    report = progress_report_submit(actor=_user(by), assignment=assignment, text=text, percent=percent, on=on)
    if review:
        reviewer, action, comment = review
        progress_report_transition(actor=_user(reviewer), report=report, action=action, comment=comment)


def _plan(*, issuer: Unit, code: str, date: datetime.date, subject: str, parent: Document, by: str | None,
          tasks: list[tuple[str, str, Unit, datetime.date | None]]) -> tuple[Document, bool]:
    existing = find_existing(issuer_name=issuer.name, code=code, date=date)
    if existing is not None:
        return existing, False
    number, symbol = code.split("-", 1)
    # by=None: entered by the system, as an import of the association's paper register would be.
    document = document_create(actor=_user(by) if by else None, fields={
        "system": System.PARTY, "doc_type": DocType.KE_HOACH, "issuer": issuer, "issuer_name": issuer.name,
        "number": number, "symbol": symbol, "code": code, "date": date, "place": "Cần Thơ", "subject": subject,
        "direction": Direction.OUTGOING, "parent": parent, "signer_name": "", "recipients": [],
        "proposal": {"tasks": [
            {"no": no, "text": text, "include": True, "deadline": due.isoformat() if due else "", "recurrence": "",
             "leads": [{"name": lead.name, "choice": f"unit:{lead.pk}"}], "coordinators": []}
            for no, text, lead, due in tasks]}})
    if tasks:
        document_confirm(actor=_user(by), document=document)
    return document, True


def load(log: Callable[[str], None] = print) -> None:
    # Demo notifications go nowhere: `make run` should not print a dozen e-mails to the console.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _load(log)


# Default deadlines (DeadlineRule): the project's own defaults until an administrator checks them against the
# working rules in force, so each row says it is a default.
DEADLINE_RULES = [
    ("", "", 365, "Mặc định của Sổ Hội: việc không ghi hạn hoàn thành trong một năm kể từ ngày ban hành"),
    (DocType.CONG_VAN, "", 180, "Mặc định của Sổ Hội: công văn đề nghị thực hiện trong 6 tháng"),
    (DocType.KE_HOACH, "", 365, "Mặc định của Sổ Hội: kế hoạch thực hiện trong năm"),
    (DocType.THONG_BAO, "", 90, "Mặc định của Sổ Hội: thông báo kết luận thực hiện trong 90 ngày"),
    ("", "monthly", 30, "Mặc định của Sổ Hội: báo cáo hằng tháng, hạn kỳ đầu sau 30 ngày"),
    ("", "quarterly", 90, "Mặc định của Sổ Hội: báo cáo hằng quý, hạn kỳ đầu sau 90 ngày"),
    ("", "half_yearly", 180, "Mặc định của Sổ Hội: báo cáo 6 tháng, hạn kỳ đầu sau 180 ngày"),
    ("", "yearly", 365, "Mặc định của Sổ Hội: báo cáo hằng năm, hạn kỳ đầu sau một năm"),
    ("", "periodic", 180, "Mặc định của Sổ Hội: báo cáo định kỳ (6 tháng), hạn kỳ đầu sau 180 ngày"),
]


def _deadline_rules() -> None:
    from .models import DeadlineRule

    for doc_type, recurrence, days, basis in DEADLINE_RULES:
        if not DeadlineRule.objects.filter(doc_type=doc_type, recurrence=recurrence).exists():
            DeadlineRule.objects.create(doc_type=doc_type, recurrence=recurrence, days=days, legal_basis=basis,
                                        is_default=True, valid_from=D(1990, 1, 1))


def _load(log: Callable[[str], None]) -> None:
    _deadline_rules()
    letter, created = document_register(actor=_user("dandan"), data=SEED.read_bytes(), filename=SEED.name,
                                        meta={"direction": Direction.INCOMING, "received_on": D(2012, 10, 15),
                                              "incoming_no": "1024"})
    if created:
        document_confirm(actor=_user("dandan"), document=letter)
        _report(letter, "1", "Quận ủy Ninh Kiều", by="quanuy.ninhkieu", on=D(2012, 11, 20), percent=100,
                text="Đã tổ chức hội nghị quán triệt Chỉ thị 17-CT/TW cho 412 cán bộ, đảng viên và hội viên; "
                     "chỉ đạo thành lập chi bộ tại Hội Khuyến học quận.",
                review=("dandan", "accept", "Đạt yêu cầu."))
        _report(letter, "1", "Huyện ủy Phong Điền", by="huyenuy.phongdien", on=D(2012, 11, 28), percent=60,
                text="Đã quán triệt tại 4/7 xã, thị trấn; các xã còn lại tổ chức trong tháng 12.",
                review=("dandan", "return", "Bổ sung số cán bộ, đảng viên, hội viên đã được quán triệt ở từng xã."))
        _report(letter, "5", "Hội Khuyến học thành phố Cần Thơ", by="hoi.khuyenhoc", on=D(2013, 1, 15), percent=50,
                text="Đã kiện toàn Ban Thường vụ; đang rà soát, sắp xếp lại các chi hội theo hướng không hành chính hóa.")
        _report(letter, "6", "Ban Dân vận Thành ủy", by="dandan", on=D(2012, 12, 28),
                text="Báo cáo kết quả quán triệt và tình hình hoạt động các hội quần chúng quý IV/2012.",
                review=("thuongtruc", "accept", ""))

    units = {u.name: u for u in Unit.objects.filter(name__in=[
        "Quận ủy Ninh Kiều", "Huyện ủy Phong Điền", "Hội Khuyến học quận Ninh Kiều", "Hội Chữ thập đỏ huyện Phong Điền"])}
    hkh_nk = units["Hội Khuyến học quận Ninh Kiều"]
    plan_nk, created = _plan(
        issuer=units["Quận ủy Ninh Kiều"], code="45-KH/QU", date=D(2012, 11, 5), parent=letter, by="quanuy.ninhkieu",
        subject="Kế hoạch thực hiện Chỉ thị 17-CT/TW và Công văn 752-CV/TU trên địa bàn quận Ninh Kiều",
        tasks=[("1", "Tổ chức hội nghị quán triệt Chỉ thị 17-CT/TW cho cán bộ chủ chốt của các hội quần chúng "
                     "quận, hoàn thành trước ngày 30/11/2012.", hkh_nk, D(2012, 11, 30)),
               ("2", "Các hội quần chúng quận xây dựng kế hoạch thực hiện Chỉ thị, gửi Ban Dân vận Quận ủy trước "
                     "ngày 15/12/2012.", hkh_nk, D(2012, 12, 15)),
               ("3", "Sơ kết một năm thực hiện Chỉ thị 17-CT/TW, báo cáo Thường trực Quận ủy trước ngày 31/10/2013.",
                hkh_nk, D(2013, 10, 31))])
    if created:
        _report(plan_nk, "1", hkh_nk.name, by="quantri", on=D(2012, 11, 26), percent=100,
                text="Đã tổ chức hội nghị quán triệt ngày 26/11/2012 (nhập thay đơn vị).",
                review=("quanuy.ninhkieu", "accept", ""))
        _report(plan_nk, "2", hkh_nk.name, by="quantri", on=D(2012, 12, 20), percent=100,
                text="Đã ban hành Kế hoạch 12-KH/HKH ngày 10/12/2012, gửi Ban Dân vận Quận ủy ngày 20/12/2012.",
                review=("quanuy.ninhkieu", "accept", "Gửi chậm so với hạn."))
    _plan(issuer=units["Huyện ủy Phong Điền"], code="38-KH/HU", date=D(2012, 11, 12), parent=letter,
          by="huyenuy.phongdien",
          subject="Kế hoạch thực hiện Chỉ thị 17-CT/TW trên địa bàn huyện Phong Điền",
          tasks=[("1", "Hội Chữ thập đỏ huyện tổ chức quán triệt Chỉ thị 17-CT/TW đến các chi hội trước ngày "
                       "31/12/2012.", units["Hội Chữ thập đỏ huyện Phong Điền"], D(2012, 12, 31))])
    _plan(issuer=hkh_nk, code="12-KH/HKH", date=D(2012, 12, 10), parent=plan_nk, by=None,
          subject="Kế hoạch của Hội Khuyến học quận Ninh Kiều thực hiện Kế hoạch 45-KH/QU", tasks=[])
    from .dissemination.demo import load as load_dissemination

    load_dissemination(letter)
    log(f"  Văn bản: {Document.objects.count()}, phân công: {Assignment.objects.count()}")
