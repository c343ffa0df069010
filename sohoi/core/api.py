
import datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from .models import AuditEntry, Holiday, Notification
from .permissions import require
from .scoping import get_scoped, restrict, scoped_view
from .selectors import audit_entry_get, audit_list

prefix = "/"
router = Router()


class AuditOut(Schema):
    id: int
    at: datetime.datetime
    actor_id: int | None
    actor_unit_id: int | None
    action: str
    target_type: str | None
    target_id: str
    target_repr: str
    changes: dict[str, Any]
    note: str

    @staticmethod
    def resolve_target_type(obj: AuditEntry) -> str | None:
        return f"{obj.target_type.app_label}.{obj.target_type.model}" if obj.target_type_id else None


class NotificationOut(Schema):
    id: int
    created_at: datetime.datetime
    kind: str
    title: str
    body: str
    url: str
    read_at: datetime.datetime | None


@router.get("audit", response=list[AuditOut], summary="Nhật ký thay đổi (quản trị hệ thống)",
            description="The audit log, newest first, a page at a time, filtered by action, actor and dates. Any "
                        "signed-in user may call it; only the entries within the caller's scope are listed "
                        "(secret objects and sensitive reads stay hidden).")
@paginate
def list_audit(request: HttpRequest, action: str | None = None, actor: str | None = None,
               date_from: datetime.date | None = None, date_to: datetime.date | None = None):
    params = {k: v for k, v in {"action": action, "actor": actor, "date_from": date_from, "date_to": date_to}.items() if v}
    return audit_list(user=request.auth, filters=params).qs


@router.get("audit/{int:entry_id}", response=AuditOut, summary="Một dòng nhật ký",
            description="One audit log entry. An entry outside the caller's scope answers 404.")
@scoped_view(AuditEntry)
def get_audit(request: HttpRequest, entry_id: int):
    return audit_entry_get(user=request.auth, pk=entry_id)


@router.get("notifications", response=list[NotificationOut], summary="Thông báo của tôi",
            description="The caller's own notifications, newest first; `unread=true` keeps the unread ones. "
                        "Nobody sees another user's notifications.")
@paginate
def list_notifications(request: HttpRequest, unread: bool = False):
    qs = restrict(Notification.objects.all(), request.auth)
    return qs.filter(read_at__isnull=True) if unread else qs


@router.post("notifications/{int:notification_id}/read", response=NotificationOut, summary="Đánh dấu đã đọc một thông báo",
             description="Mark one of the caller's notifications read (another user's answers 404).")
@scoped_view(Notification)
def read_notification(request: HttpRequest, notification_id: int):
    row = get_scoped(Notification, request.auth, pk=notification_id)
    if row.read_at is None:
        row.read_at = timezone.now()
        row.save(update_fields=["read_at"])
    return row


class NotificationsReadOut(Schema):
    marked: int


@router.post("notifications/read-all", response=NotificationsReadOut, summary="Đánh dấu đã đọc mọi thông báo",
             description="Mark all of the caller's unread notifications read, as the notifications page does.")
def read_all_notifications(request: HttpRequest):
    marked = restrict(Notification.objects.all(), request.auth).filter(read_at__isnull=True).update(
        read_at=timezone.now())
    return {"marked": marked}


# The working-day calendar: everyone reads it, administrators keep it (core.add_holiday).

class HolidayOut(Schema):
    id: int
    day: datetime.date
    name: str
    legal_basis: str


class HolidayIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"day": "2026-09-02", "name": "Quốc khánh", "legal_basis": "Điều 112 Bộ luật Lao động 2019"},
    ]})

    day: datetime.date
    name: str = Field(..., max_length=200)
    legal_basis: str = Field("", max_length=300)


class HolidayPatch(Schema):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"name": "Nghỉ bù Quốc khánh"},
        ]},
    )

    day: datetime.date | None = None
    name: str | None = Field(None, max_length=200)
    legal_basis: str | None = Field(None, max_length=300)


@router.get("holidays", response=list[HolidayOut], summary="Ngày nghỉ lễ (lịch ngày làm việc)",
            description="Public holidays and compensatory days off; deadlines in working days skip them.")
@paginate
def list_holidays(request: HttpRequest, year: int | None = Query(None, ge=1900, le=2200)):
    qs = restrict(Holiday.objects.all(), request.auth).order_by("-day")
    return qs.filter(day__year=year) if year else qs


@router.post("holidays", response={201: HolidayOut}, summary="Thêm ngày nghỉ lễ (quản trị hệ thống)",
             description="Add a holiday to the working-day calendar (administrators).")
def create_holiday(request: HttpRequest, payload: HolidayIn):
    from .services import object_create

    require(request.auth, "core.add_holiday")
    return Status(201, object_create(actor=request.auth, model=Holiday, data=payload.dict()))


def _holiday(request: HttpRequest, holiday_id: int) -> Holiday:
    holiday = get_scoped(Holiday, request.auth, pk=holiday_id)  # 404 first: an unknown id says nothing more
    require(request.auth, "core.add_holiday")
    return holiday


@router.patch("holidays/{int:holiday_id}", response=HolidayOut, summary="Sửa ngày nghỉ lễ (quản trị hệ thống)",
              description="Correct a holiday's date, name or legal basis (administrators).")
@scoped_view(Holiday)
def update_holiday(request: HttpRequest, holiday_id: int, payload: HolidayPatch):
    from .services import object_update

    holiday = _holiday(request, holiday_id)
    return object_update(actor=request.auth, obj=holiday, data=payload.dict(exclude_unset=True))


@router.delete("holidays/{int:holiday_id}", response={204: None}, summary="Xóa ngày nghỉ lễ (quản trị hệ thống)",
               description="Remove a day from the working-day calendar (administrators).")
@scoped_view(Holiday)
def delete_holiday(request: HttpRequest, holiday_id: int):
    from .services import object_delete

    object_delete(actor=request.auth, obj=_holiday(request, holiday_id))
    return Status(204, None)
