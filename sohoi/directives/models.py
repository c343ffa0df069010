"""The document register (sổ văn bản), the tasks a document assigns, and their tracking to completion.

Who may see what lives in `access.py`; every model's SCOPE hands the decision to it so that secrecy is
enforced for every role, including those that otherwise read everything (domain rule: a secret document
is visible only to its named readers and the person who registered it).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.deadlines import TrackState, classify, today
from sohoi.core.models import BaseModel, DatedRowQuerySet
from sohoi.core.scoping import ScopePolicy
from sohoi.core.text import fold

from .choices import Direction, DocType, Recurrence, ReportStatus, Secrecy, System, Urgency
from .permissions import RULE_SCOPE


def _also(name: str):
    def hook(user, action):
        from . import permissions as access

        return getattr(access, name)(user, action)

    return hook


def _policy(name: str) -> ScopePolicy:
    # Nobody reads everything here: secrecy applies to read-all roles too, so the whole rule is in `also`.
    return ScopePolicy(unit_field=None, view_all=frozenset(), change_all=frozenset(), also=_also(name))


def upload_to(instance: models.Model, filename: str) -> str:
    today = datetime.date.today()
    return f"directives/{today:%Y/%m}/{filename}"


class Document(BaseModel):
    """One entry of the register: a document received, sent or kept internally, or a stub for a
    document cited by another but not registered yet (a later upload fills it in)."""

    SCOPE = _policy("document_q")
    # Never copied into the audit trail: large (the subject of a secret document is redacted by the services);
    # `original` because core.audit._plain cannot read an empty FieldFile (original_name records the file).
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "text", "proposal", "issuer_key", "code_key", "sha256", "original")

    system = models.CharField(_("hệ thống văn bản"), max_length=10, choices=System.choices, blank=True)
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocType.choices, default=DocType.OTHER)
    issuer = models.ForeignKey("orgs.Unit", verbose_name=_("cơ quan ban hành"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="issued_documents")
    issuer_name = models.CharField(_("tên cơ quan ban hành (như in)"), max_length=300, blank=True)
    issuer_key = models.CharField(max_length=300, blank=True, editable=False, db_index=True)
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=60, blank=True)
    code = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    code_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True, db_index=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    subject = models.TextField(_("trích yếu"), blank=True)
    recipients = models.JSONField(_("kính gửi"), default=list, blank=True)
    distribution = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    original = models.FileField(_("tệp gốc"), upload_to=upload_to, blank=True, max_length=300)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    text = models.TextField(_("nội dung (trích từ tệp)"), blank=True)
    warnings = models.JSONField(_("cần kiểm tra"), default=list, blank=True)
    proposal = models.JSONField(_("đề xuất nhiệm vụ"), default=dict, blank=True)
    direction = models.CharField(_("loại sổ"), max_length=10, choices=Direction.choices, default=Direction.INCOMING)
    received_on = models.DateField(_("ngày đến"), null=True, blank=True)
    incoming_no = models.CharField(_("số đến"), max_length=30, blank=True)
    urgency = models.CharField(_("độ khẩn"), max_length=12, choices=Urgency.choices, default=Urgency.NORMAL)
    secrecy = models.CharField(_("độ mật"), max_length=12, choices=Secrecy.choices, default=Secrecy.NORMAL)
    readers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("người được đọc"), blank=True,
                                     related_name="readable_documents")
    is_stub = models.BooleanField(_("chỉ được trích dẫn, chưa vào sổ"), default=False)
    parent = models.ForeignKey("self", verbose_name=_("thực hiện văn bản"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="children")
    cites = models.ManyToManyField("self", verbose_name=_("văn bản được dẫn"), symmetrical=False, blank=True,
                                   related_name="cited_by")
    confirmed_at = models.DateTimeField(_("xác nhận nhiệm vụ lúc"), null=True, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người xác nhận"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["issuer_key", "code_key", "date"], condition=~Q(code_key=""),
                                    name="document_unique_issuer_code_date"),
        ]
        indexes = [models.Index(fields=["code_key", "issuer_key"], name="document_code_idx")]

    def __str__(self) -> str:
        # No subject here: this string reaches audit rows and notifications, which non-readers may see.
        label = self.code or _("(chưa rõ số, ký hiệu)")
        if self.is_secret:
            return f"{label} ({self.get_secrecy_display()})"
        return f"{self.get_doc_type_display()} {label}"

    def save(self, *args, **kwargs):
        self.issuer_key = fold(self.issuer_name or (self.issuer.name if self.issuer_id else ""))
        self.code_key = fold(self.code).replace(" ", "")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "issuer_key", "code_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("directives:document_detail", args=[self.pk])

    @property
    def is_secret(self) -> bool:
        return self.secrecy != Secrecy.NORMAL

    @property
    def issuer_label(self) -> str:
        return self.issuer_name or (str(self.issuer) if self.issuer_id else "")


class DeadlineRule(BaseModel):
    """The deadline a task gets when its document sets none, by document type and recurrence, and how old
    an undated open assignment may grow before it counts as overdue (legal thresholds are data: dated
    rows with their basis, design.md §6). A blank doc_type or recurrence is the fallback row."""

    SCOPE = RULE_SCOPE

    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocType.choices, blank=True)
    recurrence = models.CharField(_("định kỳ báo cáo"), max_length=12, choices=Recurrence.choices, blank=True)
    days = models.PositiveSmallIntegerField(_("số ngày kể từ ngày ban hành"))
    legal_basis = models.CharField(_("căn cứ"), max_length=300)
    is_default = models.BooleanField(_("giá trị mặc định (chưa đối chiếu văn bản)"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = DatedRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("thời hạn mặc định của nhiệm vụ")
        verbose_name_plural = _("thời hạn mặc định của nhiệm vụ")
        ordering = ["doc_type", "recurrence", "valid_from"]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display() or '*'} / {self.get_recurrence_display()}: {self.days} ({self.legal_basis})"


class Task(BaseModel):
    """One numbered duty of a document, with one lead (a unit, or a group fanned out to units)."""

    SCOPE = _policy("task_q")
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "text")

    document = models.ForeignKey(Document, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="tasks")
    no = models.CharField(_("mục"), max_length=20)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nội dung nhiệm vụ"))
    lead_name = models.CharField(_("chủ trì (như in)"), max_length=300, blank=True)
    lead = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị chủ trì"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="led_tasks")
    lead_group = models.ForeignKey("orgs.UnitGroup", verbose_name=_("nhóm chủ trì"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    coordinator_names = models.JSONField(_("phối hợp (như in)"), default=list, blank=True)
    coordinators = models.ManyToManyField("orgs.Unit", verbose_name=_("đơn vị phối hợp"), blank=True,
                                          related_name="coordinated_tasks")
    due = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    due_by_default = models.BooleanField(_("hạn theo mặc định"), default=False,
                                         help_text=_("Văn bản không ghi hạn: hạn lấy theo bảng thời hạn mặc định."))
    recurrence = models.CharField(_("định kỳ báo cáo"), max_length=12, choices=Recurrence.choices, blank=True)
    period_months = models.PositiveSmallIntegerField(
        _("số tháng mỗi kỳ"), null=True, blank=True, validators=[MaxValueValidator(12)],
        help_text=_("Để trống: theo loại định kỳ (“định kỳ” = 6 tháng)."))

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["document", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["document", "no"], name="task_unique_no")]

    def __str__(self) -> str:
        return f"{self.document} – {_('nhiệm vụ')} {self.no}"

    def get_absolute_url(self) -> str:
        return reverse("directives:task_detail", args=[self.pk])

    @property
    def lead_label(self) -> str:
        if self.lead_id:
            return str(self.lead)
        if self.lead_group_id:
            return str(self.lead_group)
        return self.lead_name


class Assignment(BaseModel):
    """One unit's share of a task. `due_on`, `done_on` and `has_report` are kept by the services (for a
    recurring task they mirror the current report period) so that the state is computed from dates by
    the one classification, in Python (`state`) and in SQL (`selectors.with_state`)."""

    SCOPE = _policy("assignment_q")

    task = models.ForeignKey(Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT,
                             related_name="directive_assignments")
    via_group = models.ForeignKey("orgs.UnitGroup", verbose_name=_("giao qua nhóm"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(_("hạn"), null=True, blank=True, db_index=True)
    done_on = models.DateField(_("hoàn thành ngày"), null=True, blank=True)
    has_report = models.BooleanField(_("đã có báo cáo"), default=False)

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        ordering = ["task__document", "task__position", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="assignment_unique_unit")]

    def __str__(self) -> str:
        return f"{self.task} – {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("directives:assignment_detail", args=[self.pk])

    def state_on(self, on: datetime.date | None = None) -> TrackState:
        from .deadline_rules import undated_days

        on = on or today()
        return classify(due=self.due_on, done_on=self.done_on, started=self.has_report, on=on,
                        opened=self.task.document.date if self.due_on is None else None,
                        undated_days=undated_days(on))


class ReportPeriod(models.Model):
    """One reporting period of a recurring task for one assignee; the next is opened when this one closes."""

    SCOPE = _policy("child_of_assignment_q")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="periods")
    seq = models.PositiveIntegerField(_("kỳ thứ"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    due = models.DateField(_("hạn báo cáo"))
    done_on = models.DateField(_("đã báo cáo ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["assignment", "seq"]
        constraints = [models.UniqueConstraint(fields=["assignment", "seq"], name="period_unique_seq")]

    def __str__(self) -> str:
        return f"{_('Kỳ')} {self.seq}: {self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def state_on(self, on: datetime.date | None = None, started: bool = False) -> TrackState:
        return classify(due=self.due, done_on=self.done_on, started=started, on=on)


class ProgressReport(BaseModel):
    """What an assigned unit reports; the overseeing body accepts it or returns it with a comment."""

    SCOPE = _policy("child_of_assignment_q")

    assignment = models.ForeignKey(Assignment, verbose_name=_("phân công"), on_delete=models.CASCADE,
                                   related_name="reports")
    period = models.ForeignKey(ReportPeriod, verbose_name=_("kỳ báo cáo"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="reports")
    submitted_on = models.DateField(_("ngày báo cáo"))
    done_on = models.DateField(_("ngày thực hiện xong"), null=True, blank=True,
                               help_text=_("Ngày việc thực sự được làm (ví dụ ngày hội nghị); đúng hạn hay "
                                           "quá hạn được xét theo ngày này."))
    text = models.TextField(_("nội dung báo cáo"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), null=True, blank=True,
                                               validators=[MaxValueValidator(100)])
    milestone = models.CharField(_("mốc đã đạt"), max_length=300, blank=True)
    is_final = models.BooleanField(_("báo cáo hoàn thành"), default=False)
    status = models.CharField(_("trạng thái"), max_length=12, choices=ReportStatus.choices,
                              default=ReportStatus.SUBMITTED, db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người xem xét"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    review_comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-submitted_on", "-id"]
        # One report awaiting review per assignment, enforced by the database (services/tracking.py).
        constraints = [models.UniqueConstraint(fields=["assignment"], condition=Q(status=ReportStatus.SUBMITTED),
                                               name="one_pending_report")]
        # The review queue's count (reports awaiting review, not the reviewer's own, through their assignment)
        # read from the index alone.
        indexes = [models.Index(fields=["status", "assignment", "created_by"], name="report_status_idx")]

    def __str__(self) -> str:
        return f"{_('Báo cáo')} {self.submitted_on:%d/%m/%Y} – {self.assignment}"

    def get_absolute_url(self) -> str:
        return reverse("directives:assignment_detail", args=[self.assignment_id]) + f"#bc-{self.pk}"


class ReportAttachment(models.Model):
    SCOPE = _policy("attachment_q")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp đính kèm"), upload_to=upload_to, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.name


# Dissemination sessions live in their own module; imported here so that they belong to this app.
from .dissemination.models import DisseminationSession  # noqa: E402, F401
