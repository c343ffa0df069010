"""Demo: a synthetic but realistic Can Tho political system (2012 as in the seed letter, and after the
2025 reform). Idempotent: units are found by name and parent before being created."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from vietnam_provinces import Ward

from .choices import UnitKind as K
from .choices import UnitLevel as L
from .models import AdminUnit, Unit, UnitGroup
from .reference import REFORM_DATE, former_districts
from .services import group_create, unit_alias_add, unit_create

CAN_THO = "92"
DISTRICTS_END = datetime.date(2025, 6, 30)


def ensure(name: str, kind: str, parent: Unit | None = None, aliases: tuple[str, ...] = (), **fields) -> Unit:
    unit = Unit.objects.filter(name=name, parent=parent).first()
    if unit is None:
        unit = unit_create(actor=None, name=name, kind=kind, parent=parent, **fields)
    for alias in aliases:
        unit_alias_add(actor=None, unit=unit, alias=alias)
    return unit


def load(log: Callable[[str], None] = print) -> None:
    city = AdminUnit.objects.get(code=CAN_THO)
    tu = ensure("Thành ủy Cần Thơ", K.PARTY_COMMITTEE, code="TU", level=L.PROVINCE, area=city,
                aliases=("Thành ủy", "Ban Thường vụ Thành ủy", "Thành ủy thành phố Cần Thơ"))
    ensure("Thường trực Thành ủy", K.PARTY_BOARD, tu, code="TTTU", level=L.PROVINCE, area=city,
           aliases=("Thường trực Thành ủy Cần Thơ",))
    boards = [
        ("Văn phòng Thành ủy", "VPTU", ("VP Thành ủy",)),
        ("Ban Tổ chức Thành ủy", "BTCTU", ("Ban Tổ chức", "BTC Thành ủy")),
        ("Ủy ban Kiểm tra Thành ủy", "UBKTTU", ("UBKT Thành ủy",)),
        ("Ban Tuyên giáo Thành ủy", "BTGTU", ("Ban Tuyên giáo", "BTG Thành ủy")),
        ("Ban Dân vận Thành ủy", "BDVTU", ("Ban Dân vận", "BDV Thành ủy")),
        ("Ban cán sự đảng Ủy ban nhân dân thành phố", "BCSĐ-UBND", ("Ban cán sự Đảng Ủy ban nhân dân thành phố",)),
    ]
    for name, code, aliases in boards:
        ensure(name, K.PARTY_BOARD, tu, code=code, level=L.PROVINCE, area=city, aliases=aliases)
    for name, code in [("Đảng ủy Khối Cơ quan Dân - Chính - Đảng thành phố", "ĐUK-DCĐ"),
                       ("Đảng ủy Khối Doanh nghiệp thành phố", "ĐUK-DN")]:
        ensure(name, K.PARTY_COMMITTEE, tu, code=code, level=L.PROVINCE, area=city)

    districts = {}
    for d in former_districts():
        area = AdminUnit.objects.get(code=d["code"])
        word = "Quận ủy" if d["urban"] else "Huyện ủy"
        districts[d["code"]] = ensure(
            f"{word} {d['short']}", K.PARTY_COMMITTEE, tu, code="QU" if d["urban"] else "HU", level=L.DISTRICT,
            area=area, valid_to=DISTRICTS_END, aliases=(f"{word} {d['name'].split(' ', 1)[1]}",))
    # After 01/07/2025: one Party committee per commune/ward, directly under the city committee.
    for ward in Ward.iter_by_province(int(CAN_THO)):
        area = AdminUnit.objects.get(code=f"{int(ward.code):05d}")
        ensure(f"Đảng ủy {ward.name[0].lower()}{ward.name[1:]}", K.PARTY_COMMITTEE, tu, level=L.COMMUNE,
               area=area, valid_from=REFORM_DATE)

    ubnd = ensure("Ủy ban nhân dân thành phố Cần Thơ", K.PEOPLES_COMMITTEE, None, code="UBND", level=L.PROVINCE,
                  area=city, aliases=("Ủy ban nhân dân thành phố", "UBND thành phố", "UBND TP"))
    for name, code, aliases in [
        ("Sở Nội vụ", "SNV", ("Sở Nội vụ thành phố", "Giám đốc Sở Nội vụ")),
        ("Sở Tài chính", "STC", ("Giám đốc Sở Tài chính",)),
        ("Sở Tư pháp", "STP", ("Giám đốc Sở Tư pháp",)),
        ("Sở Ngoại vụ", "SNGV", ()),
        ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", ()),
        ("Sở Khoa học và Công nghệ", "SKHCN", ()),
        ("Sở Giáo dục và Đào tạo", "SGDĐT", ()),
        ("Sở Y tế", "SYT", ()),
    ]:
        ensure(name, K.DEPARTMENT, ubnd, code=code, level=L.PROVINCE, area=city, aliases=aliases)
    mttq = ensure("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ", K.FATHERLAND_FRONT, None, code="MTTQ",
                  level=L.PROVINCE, area=city,
                  aliases=("Mặt trận Tổ quốc thành phố", "Ủy ban MTTQ Việt Nam thành phố", "MTTQ thành phố"))
    for name, code in [("Liên đoàn Lao động thành phố", "LĐLĐ"), ("Thành Đoàn Cần Thơ", "TĐ"),
                       ("Hội Liên hiệp Phụ nữ thành phố", "HLHPN"), ("Hội Nông dân thành phố", "HND"),
                       ("Hội Cựu chiến binh thành phố", "HCCB")]:
        ensure(name, K.SOCIO_POLITICAL, mttq, code=code, level=L.PROVINCE, area=city)

    # Associations as units (their registry profile comes with the associations app).
    city_assocs = [
        ("Hội Khuyến học thành phố Cần Thơ", "HKH"), ("Hội Chữ thập đỏ thành phố Cần Thơ", "HCTĐ"),
        ("Hội Luật gia thành phố Cần Thơ", "HLG"), ("Hội Người mù thành phố Cần Thơ", "HNM"),
        ("Hội Nạn nhân chất độc da cam/dioxin thành phố Cần Thơ", "HNNCĐDC"),
        ("Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Cần Thơ", "LHHKHKT"),
        ("Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", "LHHN"),
        ("Hội Văn học Nghệ thuật thành phố Cần Thơ", "HVHNT"), ("Hội Nhà báo thành phố Cần Thơ", "HNB"),
        ("Hội Doanh nhân trẻ thành phố Cần Thơ", "HDNT"), ("Hội Cựu Thanh niên xung phong thành phố Cần Thơ", "HCTNXP"),
        ("Hội Người cao tuổi thành phố Cần Thơ", "HNCT"),
    ]
    for name, code in city_assocs:
        ensure(name, K.ASSOCIATION, mttq, code=code, level=L.PROVINCE, area=city)
    ninh_kieu, phong_dien = districts["916"], districts["926"]
    ensure("Hội Khuyến học quận Ninh Kiều", K.ASSOCIATION, ninh_kieu, level=L.DISTRICT, area=ninh_kieu.area,
           valid_to=DISTRICTS_END)
    ensure("Hội Chữ thập đỏ huyện Phong Điền", K.ASSOCIATION, phong_dien, level=L.DISTRICT, area=phong_dien.area,
           valid_to=DISTRICTS_END)
    khuyen_hoc = Unit.objects.get(name="Hội Khuyến học thành phố Cần Thơ", parent=mttq)
    ensure("Chi hội Khuyến học Trường THPT Châu Văn Liêm", K.BRANCH, khuyen_hoc, level=L.COMMUNE, area=city)

    groups = [
        ("Cấp ủy đảng các cấp", [K.PARTY_COMMITTEE], tu,
         ["Các cấp ủy đảng", "Cấp ủy các cấp", "Các quận ủy, huyện ủy, đảng ủy trực thuộc Thành ủy",
          "Các cấp ủy, tổ chức đảng"],
         "Mọi cấp ủy đảng trực thuộc Thành ủy (quận ủy, huyện ủy, đảng ủy khối; từ 01/7/2025: đảng ủy xã, phường)."),
        ("Các hội quần chúng", [K.ASSOCIATION], None,
         ["Hội quần chúng", "Các hội quần chúng thành phố", "Các hội", "Các Hội quần chúng"],
         "Mọi hội quần chúng (không gồm chi hội)."),
        ("Mặt trận Tổ quốc và các đoàn thể", [K.FATHERLAND_FRONT, K.SOCIO_POLITICAL], None,
         ["Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", "MTTQ và các đoàn thể",
          "Mặt trận Tổ quốc và các đoàn thể thành phố", "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp"],
         "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội."),
        ("Các sở, ban, ngành", [K.DEPARTMENT], ubnd, ["Các sở, ban, ngành liên quan", "Các sở, ngành"],
         "Các sở, ban, ngành thuộc Ủy ban nhân dân thành phố."),
    ]
    for name, kinds, root, aliases, description in groups:
        if not UnitGroup.objects.filter(name=name).exists():
            group_create(actor=None, name=name, kinds=list(kinds), root=root, aliases=aliases, description=description)
    log(f"  Đơn vị: {Unit.objects.count()}, nhóm: {UnitGroup.objects.count()}")
