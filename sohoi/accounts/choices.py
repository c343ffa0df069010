from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STANDING_COMMITTEE = "standing_committee", _("Thường trực Thành ủy")
    MASS_MOBILISATION = "mass_mobilisation", _("Ban Dân vận")
    PROPAGANDA = "propaganda", _("Ban Tuyên giáo")
    HOME_AFFAIRS = "home_affairs", _("Sở Nội vụ")
    HOME_AFFAIRS_OFFICER = "home_affairs_officer", _("Cán bộ theo dõi hội (Sở Nội vụ)")
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
    PARTY_COMMITTEE = "party_committee", _("Cấp ủy quận, huyện, xã, phường")
    ASSOCIATION_STAFF = "association_staff", _("Cán bộ hội")
    CLERK = "clerk", _("Văn thư (quản lý văn bản của đơn vị)")
    ADMIN = "admin", _("Quản trị hệ thống")


# Roles that read everything in the system (the letter's point 6: they monitor and report on all).
READ_ALL_ROLES = frozenset({Role.STANDING_COMMITTEE, Role.MASS_MOBILISATION, Role.PROPAGANDA, Role.ADMIN})
# Roles allowed to see sensitive personal data (party membership, ID numbers) - domain.md §6 and issue 4:
# the Party bodies that lead Party work in associations, home affairs (the register, founding dossiers and
# the officers who follow associations) and the association itself (its own roster). Every read is
# audited, and scoping still limits which rows: staff see only their own association's members.
SENSITIVE_DATA_ROLES = frozenset({Role.STANDING_COMMITTEE, Role.MASS_MOBILISATION, Role.PARTY_COMMITTEE,
                                  Role.HOME_AFFAIRS, Role.HOME_AFFAIRS_OFFICER, Role.ASSOCIATION_STAFF,
                                  Role.ADMIN})
