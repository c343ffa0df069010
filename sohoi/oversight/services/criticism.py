"""Social criticism of a draft: the draft read from its file (the register's text extraction) and cut into
paragraphs, participants' comments on a paragraph, the points of the conclusion and whether each was taken
up, with the criticised body's explanation."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sohoi.core import deadlines
from sohoi.core.permissions import require
from sohoi.core.services import object_create, object_update

from ..choices import Kind, Outcome, State
from ..models import Activity, CriticismPoint, DraftComment
from .activities import read_document, store_file

MAX_PARAGRAPHS = 2000


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a draft: blocks separated by blank lines when the text has them (a .txt wrapped at a
    fixed width), else one paragraph per line (a .docx or a .pdf)."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        return []
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [re.sub(r"\s+", " ", b).strip() for b in blocks if b.strip()][:MAX_PARAGRAPHS]


@transaction.atomic
def draft_upload(*, actor: Any, activity: Activity, name: str, data: bytes, title: str = "") -> Activity:
    require(actor, "oversight.edit", activity)
    if activity.kind != Kind.CRITICISM:
        raise ValidationError({"draft_file": _("Chỉ hoạt động phản biện xã hội có dự thảo.")})
    if activity.state not in (State.PLANNED, State.IN_PROGRESS):
        raise ValidationError({"draft_file": _("Dự thảo chỉ thay được trước khi kết luận phản biện.")})
    if activity.comments.exists():
        raise ValidationError({"draft_file": _("Dự thảo đã có ý kiến góp vào từng đoạn; không thay được tệp "
                                               "(các ý kiến sẽ chỉ sai đoạn). Lập một hoạt động phản "
                                               "biện mới cho dự thảo mới.")})
    text = read_document(data, name, "draft_file")
    parts = paragraphs(text)
    if not parts:
        raise ValidationError({"draft_file": _("Không đọc được đoạn văn nào trong tệp dự thảo. Chọn đúng tệp "
                                               "dự thảo.")})
    return object_update(actor=actor, obj=activity, data={
        "draft_title": (title or activity.draft_title or name)[:300], "draft_file": store_file(data, name),
        "draft_text": text, "draft_paragraphs": parts}, action="oversight.activity.draft_uploaded")


@transaction.atomic
def comment_add(*, actor: Any, activity: Activity, paragraph: int | None, text: str) -> DraftComment:
    require(actor, "oversight.comment", activity)
    errors: dict[str, str] = {}
    count = len(activity.draft_paragraphs or [])
    if activity.kind != Kind.CRITICISM or not count:
        errors["paragraph"] = _("Hoạt động này chưa có dự thảo để góp ý; tải dự thảo lên trước.")
    elif paragraph is None or not 1 <= int(paragraph) <= count:
        errors["paragraph"] = (_("Dự thảo không có đoạn số %(paragraph)s: dự thảo có %(count)s đoạn, đánh số từ "
                                 "1 đến %(count)s. Chọn lại đoạn cần góp ý.") % {"paragraph": paragraph if paragraph is not None else _("(trống)"), "count": count})
    if activity.state not in (State.PLANNED, State.IN_PROGRESS):
        errors["text"] = _("Phản biện đã kết luận; không góp ý thêm được.")
    if not (text or "").strip():
        errors["text"] = _("Nhập nội dung góp ý.")
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=DraftComment, data={
        "activity": activity, "paragraph": int(paragraph), "unit": actor.unit if actor is not None else activity.lead_unit,
        "text": text.strip()}, action="oversight.comment.added")


@transaction.atomic
def point_add(*, actor: Any, activity: Activity, text: str, paragraph: int | None = None) -> CriticismPoint:
    """A point raised, listed in the criticism's conclusion."""
    require(actor, "oversight.recommend", activity)
    errors: dict[str, str] = {}
    if activity.kind != Kind.CRITICISM:
        errors["text"] = _("Chỉ hoạt động phản biện xã hội có ý kiến phản biện.")
    if not (text or "").strip():
        errors["text"] = _("Nhập nội dung ý kiến phản biện.")
    count = len(activity.draft_paragraphs or [])
    if paragraph is not None and not 1 <= int(paragraph) <= count:
        errors["paragraph"] = _("Dự thảo không có đoạn số %(paragraph)s (có %(count)s đoạn). Chọn lại hoặc "
                                "để trống.") % {"paragraph": paragraph, "count": count}
    if activity.state not in (State.IN_PROGRESS, State.CONCLUDED):
        errors["text"] = _("Chỉ ghi ý kiến phản biện khi hoạt động đang tiến hành hoặc đã kết luận.")
    if errors:
        raise ValidationError(errors)
    return object_create(actor=actor, model=CriticismPoint, data={
        "activity": activity, "text": text.strip(), "paragraph": paragraph}, action="oversight.point.added")


@transaction.atomic
def point_mark(*, actor: Any, point: CriticismPoint, outcome: str, explanation: str = "",
               on: datetime.date | None = None) -> CriticismPoint:
    """When the final text is registered, each point is marked taken up or not, with the explanation."""
    require(actor, "oversight.mark_point", point)
    errors: dict[str, str] = {}
    explanation = (explanation or "").strip()
    if outcome not in Outcome.values:
        errors["outcome"] = _("Chọn “đã tiếp thu” hoặc “không tiếp thu”.")
    elif outcome == Outcome.NOT_TAKEN_UP and not explanation:
        errors["explanation"] = _("Không tiếp thu phải có giải trình của cơ quan soạn thảo; nhập giải trình.")
    state = Activity.objects.filter(pk=point.activity_id).values_list("state", flat=True).first()
    if state not in (State.CONCLUDED, State.CLOSED):
        errors["outcome"] = _("Chỉ ghi việc tiếp thu sau khi phản biện đã kết luận.")
    if errors:
        raise ValidationError(errors)
    return object_update(actor=actor, obj=point, data={
        "outcome": outcome, "explanation": explanation, "decided_on": on or deadlines.today()},
        action="oversight.point.marked")
