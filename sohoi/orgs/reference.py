"""Administrative units (official fixed-width codes: province 2 digits, district 3, commune 5): current provinces and communes/wards from the `vietnam-provinces` package,
plus Can Tho's nine former districts (historical rows, ended 30/06/2025). Idempotent."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from vietnam_provinces import Province, VietNamDivisionType, Ward

from .choices import AdminKind
from .models import AdminUnit

REFORM_DATE = datetime.date(2025, 7, 1)
DATA_DIR = Path(__file__).parent / "data"
_WARD_KIND = {VietNamDivisionType.PHUONG: AdminKind.WARD, VietNamDivisionType.XA: AdminKind.COMMUNE}


def load_admin_units() -> int:
    """Insert the units that are missing; returns how many were added."""
    existing = set(AdminUnit.objects.values_list("code", flat=True))
    provinces = [
        AdminUnit(code=f"{int(p.code):02d}", name=p.name, kind=AdminKind.PROVINCE)
        for p in Province.iter_all() if f"{int(p.code):02d}" not in existing
    ]
    AdminUnit.objects.bulk_create(provinces)
    by_code = dict(AdminUnit.objects.filter(kind=AdminKind.PROVINCE).values_list("code", "pk"))
    wards = [
        AdminUnit(code=f"{int(w.code):05d}", name=w.name, kind=_WARD_KIND.get(w.division_type, AdminKind.SPECIAL_ZONE),
                  parent_id=by_code[f"{int(w.province_code):02d}"], valid_from=REFORM_DATE)
        for w in Ward.iter_all() if f"{int(w.code):05d}" not in existing
    ]
    AdminUnit.objects.bulk_create(wards, batch_size=500)
    data = json.loads((DATA_DIR / "can_tho_former_districts.json").read_text(encoding="utf-8"))
    valid_to = datetime.date.fromisoformat(data["valid_to"])
    districts = [
        AdminUnit(code=d["code"], name=d["name"], kind=AdminKind.DISTRICT, parent_id=by_code[data["province_code"]],
                  valid_to=valid_to)
        for d in data["districts"] if d["code"] not in existing
    ]
    AdminUnit.objects.bulk_create(districts)
    return len(provinces) + len(wards) + len(districts)


def former_districts() -> list[dict]:
    return json.loads((DATA_DIR / "can_tho_former_districts.json").read_text(encoding="utf-8"))["districts"]
