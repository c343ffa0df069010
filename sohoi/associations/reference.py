"""Reference data the registry needs in every installation: fields of activity and the legal thresholds of
Decree 45/2010/NĐ-CP (until 25/11/2024) and Decree 126/2024/NĐ-CP (from 26/11/2024). Loaded by data
migration 0002 and again (idempotently) by the demo loader. Values marked default were not confirmed in the
legal text (domain.md §3) and are flagged `is_default` so that the screen says so."""

from __future__ import annotations

import datetime
from typing import Any

FIELDS = [
    ("social_charitable", "Xã hội - từ thiện"), ("professional", "Nghề nghiệp"),
    ("science_technology", "Khoa học - kỹ thuật"), ("literature_arts", "Văn học - nghệ thuật"),
    ("friendship", "Hữu nghị"), ("economic", "Kinh tế - doanh nghiệp"), ("study_promotion", "Khuyến học"),
    ("veterans", "Cựu chiến binh, cựu thanh niên xung phong và tương tự"), ("other", "Khác"),
]

OLD_END = datetime.date(2024, 11, 25)
NEW_START = datetime.date(2024, 11, 26)
D45 = "Nghị định 45/2010/NĐ-CP (sửa đổi bởi Nghị định 33/2012/NĐ-CP)"
D126 = "Nghị định 126/2024/NĐ-CP"

# code, label, value, unit, scope_level ("" = all), basis suffix, is_default
_COMMON = [
    ("founding_members", "Số công dân, tổ chức đăng ký thành lập tối thiểu", "100", "people", "nationwide",
     "điều kiện thành lập hội", False),
    ("founding_members", "Số công dân, tổ chức đăng ký thành lập tối thiểu", "50", "people", "province",
     "điều kiện thành lập hội", False),
    ("founding_members", "Số công dân, tổ chức đăng ký thành lập tối thiểu", "20", "people", "district",
     "điều kiện thành lập hội", False),
    ("founding_members", "Số công dân, tổ chức đăng ký thành lập tối thiểu", "10", "people", "commune",
     "điều kiện thành lập hội", False),
    ("founding_members_economic", "Số pháp nhân tối thiểu của hiệp hội tổ chức kinh tế", "11", "people",
     "nationwide", "điều kiện thành lập hiệp hội", False),
    ("founding_members_economic", "Số pháp nhân tối thiểu của hiệp hội tổ chức kinh tế", "5", "people",
     "province", "điều kiện thành lập hiệp hội", False),
    ("committee_size", "Số thành viên ban vận động tối thiểu", "10", "people", "nationwide",
     "ban vận động thành lập hội", False),
    ("committee_size", "Số thành viên ban vận động tối thiểu", "5", "people", "province",
     "ban vận động thành lập hội", False),
    ("committee_size", "Số thành viên ban vận động tối thiểu", "3", "people", "district",
     "ban vận động thành lập hội", False),
    ("committee_size", "Số thành viên ban vận động tối thiểu", "3", "people", "commune",
     "ban vận động thành lập hội", False),
    ("committee_size_economic", "Số thành viên ban vận động hiệp hội tối thiểu", "5", "people", "nationwide",
     "ban vận động thành lập hiệp hội", False),
    ("committee_size_economic", "Số thành viên ban vận động hiệp hội tối thiểu", "3", "people", "province",
     "ban vận động thành lập hiệp hội", False),
    ("dossier_items", "Thành phần hồ sơ thành lập hội", "application,charter,committee_list,criminal_record,head_office",
     "items", "", "hồ sơ thành lập hội", False),
    ("first_congress", "Thời hạn tổ chức đại hội lần đầu kể từ ngày được phép thành lập", "90", "days", "",
     "thời hạn tổ chức đại hội", False),
    ("extension_max", "Thời gian gia hạn đại hội tối đa", "30", "days", "", "gia hạn tổ chức đại hội", False),
    ("term_years", "Nhiệm kỳ đại hội (điều lệ hội quy định)", "5", "years", "", "nhiệm kỳ đại hội", True),
    ("yearly_report", "Hạn báo cáo tình hình tổ chức, hoạt động, tài chính hằng năm", "31/12", "day_month", "",
     "báo cáo hằng năm", True),
    ("leadership_report", "Hạn báo cáo thay đổi chủ tịch, phó chủ tịch, tổng thư ký", "30", "days", "",
     "báo cáo thay đổi lãnh đạo hội", True),
]
_OLD_ONLY = [
    ("decision_deadline", "Thời hạn quyết định cho phép thành lập kể từ ngày nhận đủ hồ sơ", "60", "days", "",
     "thời hạn cho phép thành lập hội", False),
]
_NEW_ONLY = [
    ("founding_provinces", "Số tỉnh tối thiểu có công dân, tổ chức đăng ký (phạm vi toàn quốc)", "2", "people",
     "nationwide", "điều kiện thành lập hội", False),
    ("decision_deadline", "Thời hạn quyết định cho phép thành lập kể từ ngày nhận đủ hồ sơ", "30", "working_days",
     "", "thời hạn cho phép thành lập hội", True),
    ("extension_request", "Hạn đề nghị gia hạn đại hội sau khi hết thời hạn 90 ngày", "15", "days", "",
     "gia hạn tổ chức đại hội", False),
]


def legal_rule_rows() -> list[dict[str, Any]]:
    rows = []
    for basis, start, end, extra in ((D45, None, OLD_END, _OLD_ONLY), (D126, NEW_START, None, _NEW_ONLY)):
        for code, label, value, unit, scope, subject, default in _COMMON + extra:
            rows.append({"code": code, "label": label, "value": value, "unit": unit, "scope_level": scope,
                         "legal_basis": f"{basis}, {subject}", "is_default": default,
                         "valid_from": start, "valid_to": end})
    return rows


def load_reference(field_model: Any, rule_model: Any) -> int:
    """Insert what is missing (models passed in so that a data migration can use its historical models)."""
    added = 0
    for order, (code, name) in enumerate(FIELDS):
        _, created = field_model.objects.get_or_create(code=code, defaults={"name": name, "order": order})
        added += created
    for row in legal_rule_rows():
        key = {k: row[k] for k in ("code", "scope_level", "valid_from", "valid_to")}
        _, created = rule_model.objects.get_or_create(**key, defaults=row)
        added += created
    return added
