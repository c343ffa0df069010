"""What the History tab and the audit pages show: an action's Vietnamese label instead of its code, a field's
label instead of its name, values as a reader writes them (dd/mm/yyyy, Có/Không, the related record's name,
a choice's label), never Python syntax.

One registry: each app may have `<app>/actions.py` with `LABELS = {"app.entity.verb": _("...")}`
(core.contributions). A code nobody labelled still reads as Vietnamese: the verb from VERBS and the entity's
model name ("associations.leader.ended" -> "Kết thúc · lãnh đạo hội"). The codes themselves stay in the trail
(and in the audit list's filter), so nothing about the record changes.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy

from .deadlines import TrackState

VERBS = {
    "created": gettext_lazy("Tạo"), "updated": gettext_lazy("Sửa"), "deleted": gettext_lazy("Xóa"),
    "recorded": gettext_lazy("Ghi"), "registered": gettext_lazy("Đăng ký"), "imported": gettext_lazy("Nhập"),
    "exported": gettext_lazy("Xuất"), "approved": gettext_lazy("Duyệt"), "accepted": gettext_lazy("Chấp nhận"),
    "returned": gettext_lazy("Trả lại"), "submitted": gettext_lazy("Gửi"), "assigned": gettext_lazy("Phân công"),
    "unassigned": gettext_lazy("Thôi phân công"), "opened": gettext_lazy("Mở"), "closed": gettext_lazy("Đóng"),
    "ended": gettext_lazy("Kết thúc"), "urged": gettext_lazy("Đôn đốc"), "reported": gettext_lazy("Báo cáo"),
    "answered": gettext_lazy("Trả lời"), "concluded": gettext_lazy("Kết luận"), "confirmed": gettext_lazy("Xác nhận"),
    "revoked": gettext_lazy("Thu hồi"), "sent": gettext_lazy("Gửi"), "merged": gettext_lazy("Sáp nhập"),
    "dissolved": gettext_lazy("Giải thể"), "suspended": gettext_lazy("Đình chỉ"), "filed": gettext_lazy("Nộp"),
    "reviewed": gettext_lazy("Xem xét"), "transition": gettext_lazy("Chuyển bước"),
    "sensitive_viewed": gettext_lazy("Xem dữ liệu nhạy cảm"), "commented": gettext_lazy("Góp ý"),
}
_TRUE, _FALSE = gettext_lazy("Có"), gettext_lazy("Không")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@cache
def _registry() -> dict[str, Any]:
    from .contributions import app_modules

    labels: dict[str, Any] = {}
    for _config, module in app_modules("actions"):
        labels.update(getattr(module, "LABELS", {}))
    return labels


def _model(app_label: str, name: str) -> type[models.Model] | None:
    try:
        return apps.get_model(app_label, name.replace("_", ""))
    except (LookupError, ValueError):
        return None


def action_label(code: str) -> str:
    """'associations.leader.appointed' -> 'Bổ nhiệm lãnh đạo hội' (registered), or a label made of the verb and
    the entity's model name; keys after ':' (notification keys) are dropped."""
    code = (code or "").split(":", 1)[0]
    found = _registry().get(code)
    if found:
        return str(found)
    parts = code.split(".")
    if len(parts) < 2:
        return code.replace("_", " ")
    app_label, entity, verb = parts[0], parts[1], (parts[2] if len(parts) > 2 else "")
    model = _model(app_label, entity)
    what = str(model._meta.verbose_name) if model is not None else entity.replace("_", " ")
    if not verb:
        return what[:1].upper() + what[1:]
    doing = VERBS.get(verb) or (VERBS["transition"] if entity == "transition" else verb.replace("_", " "))
    if entity == "transition":
        return f"{doing}: {verb.replace('_', ' ')}" if verb not in VERBS else str(doing)
    return f"{doing} · {what}"


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name.removesuffix("_id") if name.endswith("_id") else name)
    except Exception:  # noqa: BLE001 - not a field of the model (a computed key): labelled generically
        return None
    return field if isinstance(field, models.Field) else None  # a reverse relation ("tasks") is not a column


# Keys some actions write that are not fields of the target (computed states, counts).
KEYS = {"state": gettext_lazy("tình trạng theo dõi"), "notified": gettext_lazy("số người được nhắc"),
        "units": gettext_lazy("đơn vị"), "count": gettext_lazy("số lượng"), "rows": gettext_lazy("số dòng"),
        "reason": gettext_lazy("lý do"), "file": gettext_lazy("tệp"), "roles": gettext_lazy("vai trò")}


def field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    label = str(getattr(field, "verbose_name", "") or KEYS.get(name) or name.replace("_", " "))
    return label[:1].upper() + label[1:]


def _plain(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return str(_TRUE if value else _FALSE)
    if isinstance(value, int | float):
        return number_format(value, force_grouping=True)
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_plain(v)}" for k, v in value.items()) or "—"
    text = str(value)
    if _ISO_DATETIME.match(text):
        try:
            return datetime.datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return text
    if _ISO_DATE.match(text):
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text


def present(entries: Iterable[Any]) -> list[Any]:
    """The entries with `label` (the action) and `change_rows` [(field label, before, after)] set, for a page of
    them: related records named with one query per related model (at most a page's worth of ids)."""
    entries = list(entries)
    wanted: dict[type[models.Model], set[Any]] = defaultdict(set)
    plan = []
    for e in entries:
        model = ContentType.objects.get_for_id(e.target_type_id).model_class() if e.target_type_id else None
        changes = e.changes if isinstance(e.changes, dict) else {}
        rows = []
        for name, pair in changes.items():
            # diff() writes [before, after]; a few actions write only the new value
            before, after = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            field = _field(model, name)
            rows.append((name, field, before, after))
            if field is not None and field.is_relation and field.many_to_one:
                for v in (before, after):
                    if isinstance(v, int | str) and str(v).isdigit():
                        wanted[field.related_model].add(int(v))
        plan.append((e, model, rows))
    names = {m: {o.pk: str(o) for o in m._default_manager.filter(pk__in=ids)} for m, ids in wanted.items()}
    for e, model, rows in plan:
        e.label = action_label(e.action)
        out = []
        for name, field, before, after in rows:
            out.append((field_label(model, name), _value(field, before, names), _value(field, after, names)))
        e.change_rows = out
    return entries


def _value(field: models.Field | None, value: Any, names: dict) -> str:
    if field is not None and value not in (None, ""):
        if field.is_relation and field.many_to_one and str(value).isdigit():
            return names.get(field.related_model, {}).get(int(value)) or f"#{value}"
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and value in _TRACK_STATES:
        return str(_TRACK_STATES[value])
    return _plain(value)


_TRACK_STATES = dict(TrackState.choices)
