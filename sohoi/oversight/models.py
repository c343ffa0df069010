"""Oversight: supervision and social criticism by the Fatherland Front, inspection by the Party boards.

One shape of work for the three kinds (domain.md §7): an Activity is planned, carried out, concluded with
findings and recommendations, and closed once every recommendation is answered. A recommendation is
addressed to ONE unit, with a response deadline (a dated rule row by default); its state is the one overdue
classification (core.deadlines) over (deadline, answered on). Who sees what: permissions.py.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sohoi.core.deadlines import TrackState, classify
from sohoi.core.models import BaseModel, DatedRowQuerySet

from . import permissions
from .choices import Answer, AttachmentKind, Form, Kind, Outcome, RuleCode, State, TeamRole


def upload_to(instance: models.Model, filename: str) -> str:
    return f"oversight/{datetime.date.today():%Y/%m}/{filename}"


class OversightRule(BaseModel):
    """A response deadline in days with its basis and validity dates (legal thresholds are data)."""

    SCOPE = permissions.RULE_SCOPE

    code = models.CharField(_("quy định"), max_length=40, choices=RuleCode.choices, db_index=True)
    days = models.PositiveSmallIntegerField(_("số ngày"))
    legal_basis = models.CharField(_("căn cứ"), max_length=300)
    is_default = models.BooleanField(_("giá trị mặc định (chưa đối chiếu văn bản)"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    objects = DatedRowQuerySet.as_manager()

    class Meta:
        verbose_name = _("thời hạn trả lời kiến nghị")
        verbose_name_plural = _("thời hạn trả lời kiến nghị")
        ordering = ["code", "valid_from"]

    def __str__(self) -> str:
        return f"{self.get_code_display()}: {self.days} ({self.legal_basis})"


class Activity(BaseModel):
    """One supervision, social criticism or inspection."""

    SCOPE = permissions.ACTIVITY_SCOPE
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "draft_text", "draft_paragraphs", "conclusion_file", "draft_file")

    kind = models.CharField(_("loại hoạt động"), max_length=20, choices=Kind.choices, db_index=True)
    form = models.CharField(_("hình thức giám sát"), max_length=20, choices=Form.choices, blank=True)
    subject = models.CharField(_("nội dung"), max_length=500)
    lead_unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT,
                                  related_name="led_oversight")
    participants = models.ManyToManyField("orgs.Unit", verbose_name=_("đơn vị, hội tham gia"), blank=True,
                                          related_name="oversight_taken_part")
    examined = models.ManyToManyField("orgs.Unit", verbose_name=_("đơn vị, hội được giám sát / kiểm tra"),
                                      blank=True, related_name="oversight_examined")
    legal_basis = models.ForeignKey("directives.Document", verbose_name=_("căn cứ (văn bản trong sổ)"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="oversight_based")
    document = models.ForeignKey("directives.Document", verbose_name=_("văn bản được kiểm tra việc thực hiện"),
                                 null=True, blank=True, on_delete=models.SET_NULL, related_name="oversight_inspections")
    planned_start = models.DateField(_("dự kiến bắt đầu"))
    planned_end = models.DateField(_("dự kiến kết thúc"))
    method = models.TextField(_("phương pháp, cách tiến hành"), blank=True)
    state = models.CharField(_("trạng thái"), max_length=20, choices=State.choices, default=State.PLANNED,
                             db_index=True)
    started_on = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    concluded_on = models.DateField(_("ngày kết luận"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    conclusion_file = models.FileField(_("tệp kết luận"), upload_to=upload_to, blank=True, max_length=300)
    conclusion_file_name = models.CharField(_("tên tệp kết luận"), max_length=255, blank=True)
    confidential = models.BooleanField(_("dự thảo mật (chỉ người tham gia đọc)"), default=False)
    draft_title = models.CharField(_("tên dự thảo được phản biện"), max_length=300, blank=True)
    draft_file = models.FileField(_("tệp dự thảo"), upload_to=upload_to, blank=True, max_length=300)
    draft_text = models.TextField(_("nội dung dự thảo"), blank=True)
    draft_paragraphs = models.JSONField(_("các đoạn của dự thảo"), default=list, blank=True)
    final_document = models.ForeignKey("directives.Document", verbose_name=_("văn bản chính thức đã ban hành"),
                                       null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("hoạt động giám sát, phản biện, kiểm tra")
        verbose_name_plural = _("hoạt động giám sát, phản biện, kiểm tra")
        ordering = ["-planned_start", "-id"]
        indexes = [models.Index(fields=["kind", "state"], name="oversight_kind_state_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject[:120]}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:activity_detail", args=[self.pk])

    @property
    def state_css(self) -> str:
        from .choices import STATE_CSS

        return STATE_CSS.get(self.state, "")


class TeamMember(BaseModel):
    SCOPE = permissions.CHILD_SCOPE

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("họ tên"), max_length=150)
    role = models.CharField(_("vai trò trong đoàn"), max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER)
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="oversight_teams")

    class Meta:
        verbose_name = _("thành viên đoàn")
        verbose_name_plural = _("thành viên đoàn")
        ordering = ["activity", "role", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class Attachment(BaseModel):
    """A plan, decision, minutes or conclusion file, checked by content as every uploaded document is."""

    SCOPE = permissions.CHILD_SCOPE
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "file")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("loại tệp"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("tệp"), upload_to=upload_to, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"


class Finding(BaseModel):
    SCOPE = permissions.CHILD_SCOPE

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="findings")
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị liên quan"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nội dung phát hiện"))
    task = models.ForeignKey("directives.Task", verbose_name=_("nhiệm vụ đã giao"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("phát hiện")
        verbose_name_plural = _("phát hiện")
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return self.text[:120]


class Recommendation(BaseModel):
    """A recommendation to ONE unit; tracked like a task: due = `due`, done = `answered_on`."""

    SCOPE = permissions.RECOMMENDATION_SCOPE
    AUDIT_EXCLUDE = (*BaseModel.AUDIT_EXCLUDE, "evidence")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="recommendations")
    finding = models.ForeignKey(Finding, verbose_name=_("từ phát hiện"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="recommendations")
    text = models.TextField(_("nội dung kiến nghị"))
    addressee = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị nhận kiến nghị"), on_delete=models.PROTECT,
                                  related_name="oversight_recommendations")
    due = models.DateField(_("hạn trả lời"), db_index=True)
    due_rule = models.ForeignKey(OversightRule, verbose_name=_("theo quy định"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("trả lời"), max_length=20, choices=Answer.choices, blank=True)
    answer_text = models.TextField(_("nội dung trả lời, lý do"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    action_text = models.TextField(_("kết quả thực hiện"), blank=True)
    action_on = models.DateField(_("ngày báo cáo kết quả"), null=True, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=upload_to, blank=True, max_length=300)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return f"{_('Kiến nghị')} #{self.pk} – {self.addressee}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:activity_detail", args=[self.activity_id]) + f"#kn-{self.pk}"

    def state_on(self, on: datetime.date | None = None) -> TrackState:
        return classify(due=self.due, done_on=self.answered_on, started=False, on=on)

    @property
    def track(self) -> TrackState:
        """The state annotated by the selectors (SQL), else classified here: the same rule."""
        return TrackState(getattr(self, "state", None) or self.state_on())

    @property
    def track_css(self) -> str:
        from sohoi.core.deadlines import CSS_CLASS

        return CSS_CLASS[self.track]


class DraftComment(BaseModel):
    """A participant's comment on one paragraph of the draft under social criticism."""

    SCOPE = permissions.CHILD_SCOPE

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.PositiveIntegerField(_("đoạn số"))
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị góp ý"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("ý kiến"))

    class Meta:
        verbose_name = _("ý kiến góp vào dự thảo")
        verbose_name_plural = _("ý kiến góp vào dự thảo")
        ordering = ["activity", "paragraph", "id"]

    def __str__(self) -> str:
        return f"{_('Đoạn')} {self.paragraph}: {self.text[:80]}"


class CriticismPoint(BaseModel):
    """A point of the criticism's conclusion; the criticised body later says whether it was taken up."""

    SCOPE = permissions.CHILD_SCOPE

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="points")
    paragraph = models.PositiveIntegerField(_("đoạn số"), null=True, blank=True)
    text = models.TextField(_("ý kiến phản biện"))
    outcome = models.CharField(_("kết quả tiếp thu"), max_length=20, choices=Outcome.choices, blank=True)
    explanation = models.TextField(_("giải trình của cơ quan soạn thảo"), blank=True)
    decided_on = models.DateField(_("ngày ghi"), null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến phản biện")
        verbose_name_plural = _("ý kiến phản biện")
        ordering = ["activity", "id"]

    def __str__(self) -> str:
        return self.text[:120]


class Programme(BaseModel):
    """A coordination programme between the Fatherland Front and associations."""

    SCOPE = permissions.PROGRAMME_SCOPE

    title = models.CharField(_("tên chương trình"), max_length=300)
    lead_unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT,
                                  related_name="+")
    parties = models.ManyToManyField("orgs.Unit", verbose_name=_("các bên phối hợp"), related_name="+")
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    content = models.TextField(_("nội dung phối hợp"), blank=True)

    class Meta:
        verbose_name = _("chương trình phối hợp")
        verbose_name_plural = _("chương trình phối hợp")
        ordering = ["-start_year", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}–{self.end_year})"

    def get_absolute_url(self) -> str:
        return reverse("oversight:programme_detail", args=[self.pk])


class ProgrammeResult(BaseModel):
    SCOPE = permissions.PROGRAMME_CHILD_SCOPE

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="results")
    year = models.PositiveSmallIntegerField(_("năm"))
    results = models.TextField(_("kết quả"))

    class Meta:
        verbose_name = _("kết quả chương trình phối hợp")
        verbose_name_plural = _("kết quả chương trình phối hợp")
        ordering = ["programme", "-year"]
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="programme_result_once_a_year")]

    def __str__(self) -> str:
        return f"{self.programme} – {self.year}"
