
import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from .models import AuditEntry, Notification
from .scoping import restrict, scoped_view
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


@router.get("audit", response=list[AuditOut], summary="Nhật ký thay đổi (quản trị hệ thống)")
@paginate
def list_audit(request: HttpRequest, action: str | None = None, actor: str | None = None,
               date_from: datetime.date | None = None, date_to: datetime.date | None = None):
    params = {k: v for k, v in {"action": action, "actor": actor, "date_from": date_from, "date_to": date_to}.items() if v}
    return audit_list(user=request.auth, filters=params).qs


@router.get("audit/{int:entry_id}", response=AuditOut, summary="Một dòng nhật ký")
@scoped_view(AuditEntry)
def get_audit(request: HttpRequest, entry_id: int):
    return audit_entry_get(user=request.auth, pk=entry_id)


@router.get("notifications", response=list[NotificationOut], summary="Thông báo của tôi")
@paginate
def list_notifications(request: HttpRequest, unread: bool = False):
    qs = restrict(Notification.objects.all(), request.auth)
    return qs.filter(read_at__isnull=True) if unread else qs
