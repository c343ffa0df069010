"""Demo users, one or more per role. Synthetic names; the password is for local use only."""

from __future__ import annotations

from collections.abc import Callable

from sohoi.orgs.models import Unit

from .choices import Role
from .models import User
from .services import user_create

DEMO_PASSWORD = "sohoi-demo-2026"  # noqa: S105 - documented demo password for local use only

# username, full name, unit name, roles, position
DEMO_USERS = [
    ("thuongtruc", "Lâm Quốc Bảo", "Thường trực Thành ủy", [Role.STANDING_COMMITTEE], "Phó Bí thư Thường trực"),
    ("dandan", "Trịnh Ngọc Diệp", "Ban Dân vận Thành ủy", [Role.MASS_MOBILISATION], "Chuyên viên Ban Dân vận"),
    ("tuyengiao", "Đoàn Minh Khôi", "Ban Tuyên giáo Thành ủy", [Role.PROPAGANDA], "Chuyên viên Ban Tuyên giáo"),
    ("noivu", "Hà Thanh Tâm", "Sở Nội vụ", [Role.HOME_AFFAIRS], "Trưởng phòng Tổ chức - Biên chế và Tổ chức phi chính phủ"),
    ("canbonoivu", "Vương Gia Huy", "Sở Nội vụ", [Role.HOME_AFFAIRS_OFFICER], "Chuyên viên theo dõi hội"),
    ("ubnd", "Mạc Thùy Linh", "Ủy ban nhân dân thành phố Cần Thơ", [Role.PEOPLES_COMMITTEE], "Chuyên viên Văn phòng UBND"),
    ("mattran", "Kha Văn Lộc", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ", [Role.FATHERLAND_FRONT],
     "Trưởng ban Dân chủ - Pháp luật"),
    ("quanuy.ninhkieu", "Tôn Nữ Hạnh", "Quận ủy Ninh Kiều", [Role.PARTY_COMMITTEE], "Chuyên viên Ban Dân vận Quận ủy"),
    ("huyenuy.phongdien", "Lý Hoàng Phúc", "Huyện ủy Phong Điền", [Role.PARTY_COMMITTEE],
     "Chuyên viên Ban Dân vận Huyện ủy"),
    ("hoi.khuyenhoc", "Quách Mỹ Duyên", "Hội Khuyến học thành phố Cần Thơ", [Role.ASSOCIATION_STAFF],
     "Phó Chủ tịch kiêm Tổng thư ký"),
    ("hoi.chuthapdo", "Diệp Bảo Ngân", "Hội Chữ thập đỏ thành phố Cần Thơ", [Role.ASSOCIATION_STAFF], "Chánh Văn phòng"),
    ("quantri", "Âu Đức Thịnh", None, [Role.ADMIN], "Quản trị hệ thống"),
]


def load(log: Callable[[str], None] = print) -> None:
    created = 0
    for username, full_name, unit_name, roles, position in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        unit = Unit.objects.get(name=unit_name) if unit_name else None
        user_create(actor=None, username=username, password=DEMO_PASSWORD, full_name=full_name, unit=unit,
                    roles=list(roles), position=position, email=f"{username}@demo.sohoi.invalid")
        created += 1
    log(f"  Người dùng demo: {created} mới, {User.objects.count()} tổng")
