"""Activities: plan, team, files, conclusion, and the one way their state changes (workflows.TRANSITIONS)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import deadlines
from sohoi.core.permissions import require
from sohoi.core.scoping import restrict
from sohoi.core.services import object_create, object_update

from ..choices import Form, Kind, State, Step, TeamRole
from ..models import Activity, Attachment, TeamMember
from ..workflows import TRANSITIONS

PLAN_FIELDS = ("kind", "form", "subject", "lead_unit", "participants", "examined", "legal_basis", "document",
               "planned_start", "planned_end", "method", "confidential", "draft_title")


def store_file(data: bytes, name: str) -> str:
    """Content-addressed storage, shared with the register's attachments."""
    from sohoi.directives.services.files import store_content

    return store_content(data, name, "oversight")


def read_document(data: bytes, name: str, field: str) -> str:
    """The text of an uploaded document, checked by content (never by its name) as every upload in the
    register is; ValidationError on `field` otherwise."""
    from sohoi.directives.intake import read_file

    return read_file(data, name, field)


def _check_document(actor: Any, document: Any, field: str, errors: dict[str, str]) -> None:
    from sohoi.directives.models import Document

    if document is None:
        return
    if actor is not None and not restrict(Document.objects.filter(pk=document.pk), actor).exists():
        errors[field] = _("Lựa chọn không hợp lệ. Chọn một văn bản trong sổ văn bản mà bạn xem được.")
    elif document.is_stub:
        errors[field] = (_("Văn bản %(code)s mới chỉ được trích dẫn, chưa vào sổ. Vào sổ văn bản đó trước "
                           "(tải tệp lên), rồi chọn lại.") % {"code": document.code or ''})


def _check_plan(actor: Any, data: dict[str, Any], obj: Activity | None = None) -> None:
    def get(name: str) -> Any:
        return data[name] if name in data else getattr(obj, name, None)

    errors: dict[str, str] = {}
    kind = get("kind")
    if kind not in Kind.values:
        errors["kind"] = _("Chọn loại hoạt động: giám sát, phản biện xã hội hoặc kiểm tra.")
    form = get("form") or ""
    if kind == Kind.SUPERVISION and form not in Form.values:
        errors["form"] = _("Chọn hình thức giám sát: chuyên đề, thường xuyên hoặc qua hội nghị, đối thoại.")
    elif kind != Kind.SUPERVISION and form:
        errors["form"] = _("Chỉ hoạt động giám sát có hình thức giám sát; để trống ô này.")
    if not (get("subject") or "").strip():
        errors["subject"] = _("Nhập nội dung giám sát, phản biện hoặc kiểm tra.")
    if get("lead_unit") is None:
        errors["lead_unit"] = _("Chọn đơn vị chủ trì.")
    start, end = get("planned_start"), get("planned_end")
    if start is None:
        errors["planned_start"] = _("Nhập ngày dự kiến bắt đầu.")
    if end is None:
        errors["planned_end"] = _("Nhập ngày dự kiến kết thúc.")
    elif start is not None and end < start:
        errors["planned_end"] = _("Ngày dự kiến kết thúc không thể trước ngày bắt đầu. Sửa lại một trong hai "
                                  "ngày.")
    _check_document(actor, get("legal_basis"), "legal_basis", errors)
    if kind == Kind.INSPECTION:
        if get("document") is None:
            errors["document"] = _("Kiểm tra việc thực hiện văn bản nào? Chọn văn bản (ví dụ 752-CV/TU) "
                                   "trong sổ.")
        else:
            _check_document(actor, get("document"), "document", errors)
    elif get("document") is not None:
        errors["document"] = _("Chỉ hoạt động kiểm tra có văn bản được kiểm tra; để trống ô này.")
    if kind != Kind.CRITICISM and get("confidential"):
        errors["confidential"] = _("Chỉ dự thảo được phản biện mới đánh dấu mật.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def activity_create(*, actor: Any, data: dict[str, Any]) -> Activity:
    data = {k: v for k, v in data.items() if k in PLAN_FIELDS}
    require(actor, "oversight.create", data.get("kind"))
    if data.get("lead_unit") is not None:
        require(actor, "oversight.lead_from", data["lead_unit"])
    _check_plan(actor, data)
    data["state"] = State.PLANNED
    data.setdefault("form", "")
    return object_create(actor=actor, model=Activity, data=data, action="oversight.activity.created")


@transaction.atomic
def activity_update(*, actor: Any, activity: Activity, data: dict[str, Any],
                    expected_version: int | None = None) -> Activity:
    data = {k: v for k, v in data.items() if k in PLAN_FIELDS and k != "kind"}
    require(actor, "oversight.edit", activity)
    if "lead_unit" in data and data["lead_unit"] != activity.lead_unit:
        require(actor, "oversight.lead_from", data["lead_unit"])
    if activity.state == State.CLOSED:
        raise ValidationError({"state": _("Hoạt động đã kết thúc; không sửa được kế hoạch nữa.")})
    _check_plan(actor, data, activity)
    return object_update(actor=actor, obj=activity, data=data, action="oversight.activity.updated",
                         expected_version=expected_version)


@transaction.atomic
def activity_transition(*, actor: Any, activity: Activity, step: str, on: datetime.date | None = None) -> Activity:
    """The one way an activity's state changes (workflows.TRANSITIONS)."""
    TRANSITIONS.known(step)
    require(actor, f"oversight.step.{step}", activity)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    transition = TRANSITIONS.transition(step, activity.state)
    on = on or deadlines.today()
    if transition.needs_conclusion and not (activity.conclusion.strip() or activity.conclusion_file):
        raise ValidationError({"conclusion": _("Chưa có kết luận: ghi nội dung kết luận hoặc tải tệp kết "
                                               "luận lên, rồi bấm “Kết luận”.")})
    if transition.needs_answers:
        waiting = activity.recommendations.filter(answered_on__isnull=True).count()
        if waiting:
            raise ValidationError({"step": _("Còn %(waiting)s kiến nghị chưa được trả lời; chỉ kết thúc khi "
                                             "mọi kiến nghị đã có trả lời.") % {"waiting": waiting}})
    if transition.date_field and activity.started_on and on < activity.started_on:
        raise ValidationError({"step": _("Ngày chuyển trạng thái không thể trước ngày bắt đầu tiến hành.")})
    data: dict[str, Any] = {"state": transition.target}
    if transition.date_field:
        data[transition.date_field] = on
    if step == Step.REOPEN:
        data["concluded_on"] = None
    return object_update(actor=actor, obj=activity, data=data, action=f"oversight.activity.{step}")


@transaction.atomic
def team_member_add(*, actor: Any, activity: Activity, name: str, role: str, unit: Any = None,
                    user: Any = None, username: str = "") -> TeamMember:
    """A member of the team; `username` links a member who has an account (the activity then shows in their
    scope, and their unit is taken when none is given)."""
    from sohoi.accounts.models import User

    require(actor, "oversight.edit", activity)
    errors: dict[str, str] = {}
    username = (username or "").strip()
    if username:
        user = User.objects.select_related("unit").filter(username=username, is_active=True).first()
        if user is None:
            errors["username"] = (_("Không có tài khoản “%(username)s”. Kiểm tra tên đăng nhập, hoặc để "
                                    "trống nếu thành viên không có tài khoản Sổ Hội.") % {"username": username})
        else:
            name = name or user.get_full_name() or user.username
            unit = unit or user.unit
    if not (name or "").strip():
        errors["name"] = _("Nhập họ tên thành viên đoàn.")
    if role not in TeamRole.values:
        errors["role"] = _("Chọn vai trò trong đoàn: trưởng đoàn, phó trưởng đoàn, thành viên hoặc thư ký.")
    if activity.state == State.CLOSED:
        errors["name"] = _("Hoạt động đã kết thúc; không thêm thành viên được nữa.")
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=TeamMember, data={
        "activity": activity, "name": name.strip(), "role": role, "unit": unit, "user": user},
        action="oversight.team_member.added")


@transaction.atomic
def attachment_add(*, actor: Any, activity: Activity, kind: str, name: str, data: bytes) -> Attachment:
    """Attach a plan, decision, minutes or conclusion: a document by its content (.docx, .pdf, .txt)."""
    from ..choices import AttachmentKind

    require(actor, "oversight.edit", activity)
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": _("Chọn loại tệp: kế hoạch, quyết định, biên bản, kết luận hoặc khác.")})
    read_document(data, name, "file")
    return object_create(actor=actor, model=Attachment, data={
        "activity": activity, "kind": kind, "name": (name or "tep")[:255], "file": store_file(data, name)},
        action="oversight.attachment.added")


@transaction.atomic
def conclusion_save(*, actor: Any, activity: Activity, text: str = "",
                    file: tuple[str, bytes] | None = None) -> Activity:
    """The conclusion, written or uploaded (a document by content), while the activity is under way or
    concluded."""
    require(actor, "oversight.recommend", activity)
    if activity.state not in (State.IN_PROGRESS, State.CONCLUDED):
        raise ValidationError({"conclusion": _("Chỉ ghi kết luận khi hoạt động đang tiến hành hoặc đã kết "
                                               "luận.")})
    text = (text or "").strip()
    data: dict[str, Any] = {"conclusion": text}
    if file is not None:
        name, content = file
        read_document(content, name, "conclusion_file")
        data.update(conclusion_file=store_file(content, name), conclusion_file_name=(name or "")[:255])
    if not text and file is None and not activity.conclusion_file:
        raise ValidationError({"conclusion": _("Nhập nội dung kết luận hoặc chọn tệp kết luận.")})
    return object_update(actor=actor, obj=activity, data=data, action="oversight.activity.conclusion_saved")
