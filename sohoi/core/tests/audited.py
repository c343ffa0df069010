import datetime

from sohoi.core.models import AuditEntry, Holiday, Notification
from sohoi.core.services import object_create

WRITES = {
    Holiday: lambda actor: object_create(actor=actor, model=Holiday,
                                         data={"day": datetime.date(2027, 1, 1), "name": "Tết Dương lịch"}),
}
EXEMPT = {
    AuditEntry: "The audit trail itself: append-only, written by audit.record().",
    Notification: "A delivery record of the reminder path (core.notify); the urge that causes it is audited.",
}
