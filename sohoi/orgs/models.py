"""The bodies of the political system as one tree, and the administrative units they sit in."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sohoi.core.models import BaseModel
from sohoi.core.text import fold

from . import permissions
from .choices import AdminKind, UnitKind, UnitLevel


class AdminUnit(models.Model):
    """A province, former district or commune/ward, with its official code (from vietnam-provinces)."""

    SCOPE = permissions.ADMIN_UNIT_SCOPE

    code = models.CharField(_("mã"), max_length=10, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=AdminKind.choices)
    parent = models.ForeignKey("self", verbose_name=_("trực thuộc"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField("self", verbose_name=_("đơn vị kế thừa"), symmetrical=False,
                                        blank=True, related_name="predecessors")

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "kind"], name="adminunit_parent_kind_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_historical(self) -> bool:
        return self.valid_to is not None and self.valid_to < datetime.date.today()


PATH_WIDTH = 9  # zero-padded ids, so that ordering by path as text is the tree order


def tree_path(parent_path: str | None, pk: int) -> str:
    """'/000000001/000000007/' for unit 7 under unit 1: a subtree is one indexed prefix query."""
    return f"{parent_path or '/'}{pk:0{PATH_WIDTH}d}/"


class UnitQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date | None = None) -> UnitQuerySet:
        day = day or datetime.date.today()
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=day))

    def subtree(self, root: Unit, include_root: bool = True) -> UnitQuerySet:
        qs = self.filter(path__startswith=root.path)
        return qs if include_root else qs.exclude(pk=root.pk)


class Unit(BaseModel):
    """A body of the political system: Party committee, board, People's Committee, department,
    Fatherland Front, socio-political organisation, association or branch.

    `path` ('/000000001/000000007/', see `tree_path`) is a materialised path so that a subtree is one indexed prefix query on both
    SQLite and PostgreSQL; it is maintained by `services.unit_create/unit_move`.
    """

    SCOPE = permissions.UNIT_SCOPE

    name = models.CharField(_("tên"), max_length=300)
    name_folded = models.CharField(max_length=300, db_index=True, editable=False, default="")
    code = models.CharField(_("ký hiệu"), max_length=30, blank=True, db_index=True,
                            help_text=_("Ký hiệu dùng trong văn bản, ví dụ TU, BDVTU, SNV."))
    kind = models.CharField(_("loại"), max_length=30, choices=UnitKind.choices, db_index=True)
    level = models.CharField(_("cấp"), max_length=20, choices=UnitLevel.choices, default=UnitLevel.PROVINCE)
    parent = models.ForeignKey("self", verbose_name=_("trực thuộc"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    area = models.ForeignKey(AdminUnit, verbose_name=_("địa bàn"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="units")
    valid_from = models.DateField(_("hoạt động từ"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến"), null=True, blank=True)
    successors = models.ManyToManyField("self", verbose_name=_("đơn vị kế thừa"), symmetrical=False,
                                        blank=True, related_name="predecessors")
    email = models.EmailField(_("thư điện tử"), blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["path"]
        indexes = [models.Index(fields=["kind", "path"], name="unit_kind_path_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
        super().save(*args, **kwargs)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    def is_valid_on(self, day: datetime.date | None = None) -> bool:
        day = day or datetime.date.today()
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or self.valid_to >= day)

    def ancestors(self) -> UnitQuerySet:
        ids = [int(p) for p in self.path.strip("/").split("/") if p]
        return Unit.objects.filter(pk__in=ids).exclude(pk=self.pk).order_by("path")


class UnitAlias(models.Model):
    """A name documents use for a unit ('BDV Thành ủy'); matched diacritic- and case-insensitively.

    An alias taught on a review screen holds only for documents of the issuer it was taught on
    (`issuer`): a clerk's mapping of "Công an thành phố" in one body's letters must not redirect every
    later document, nor make anybody an issuer. Reference aliases (no issuer) hold everywhere."""

    SCOPE = permissions.ALIAS_SCOPE

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("tên gọi khác"), max_length=300)
    folded = models.CharField(max_length=300, db_index=True, editable=False)
    issuer = models.ForeignKey(Unit, verbose_name=_("chỉ dùng trong văn bản của"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="taught_aliases")

    class Meta:
        verbose_name = _("tên gọi khác")
        verbose_name_plural = _("tên gọi khác")
        constraints = [
            models.UniqueConstraint(fields=["unit", "folded"], condition=models.Q(issuer__isnull=True),
                                    name="unit_alias_unique"),
            models.UniqueConstraint(fields=["unit", "folded", "issuer"], condition=models.Q(issuer__isnull=False),
                                    name="unit_alias_issuer_unique"),
        ]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs):
        self.folded = fold(self.alias)
        super().save(*args, **kwargs)


class UnitGroup(BaseModel):
    """A named group documents assign work to ('Cấp ủy đảng các cấp'), resolved by rule:
    units of the given kinds (and levels) inside the subtree of `root`, valid on a date."""

    SCOPE = permissions.GROUP_SCOPE

    name = models.CharField(_("tên nhóm"), max_length=300, unique=True)
    aliases = models.JSONField(_("tên gọi khác"), default=list, blank=True)
    kinds = models.JSONField(_("loại đơn vị"), default=list)
    levels = models.JSONField(_("cấp"), default=list, blank=True)
    root = models.ForeignKey(Unit, verbose_name=_("trong phạm vi"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    include_root = models.BooleanField(_("gồm cả đơn vị gốc"), default=False)
    description = models.CharField(_("mô tả"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("nhóm đơn vị")
        verbose_name_plural = _("nhóm đơn vị")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def members(self, on: datetime.date | None = None) -> UnitQuerySet:
        qs = Unit.objects.filter(kind__in=self.kinds)
        if self.levels:
            qs = qs.filter(level__in=self.levels)
        if self.root_id:
            qs = qs.subtree(self.root, include_root=self.include_root)
        return qs.valid_on(on)
