"""Demo dissemination of 752-CV/TU (called by the directives demo).

Hand counts the tests assert: the letter assigned task 1 to the group "Cấp ủy đảng các cấp", i.e. 11 units
on 12/10/2012 (the 9 former district committees and the 2 bloc Party committees). 8 of them held a session
(9 sessions: Phong Điền held two); 3 did not: Quận ủy Ninh Kiều, Huyện ủy Thới Lai, Đảng ủy Khối Doanh
nghiệp. Actual attendance: cadres 286, party members 1.018, association members 1.104, others 71; in all
2.479. Planned: cadres 300, party members 1.070, association members 1.180, others 85; in all 2.635.
"""

from __future__ import annotations

import datetime

from sohoi.orgs.models import Unit

from ..models import Document
from .models import DisseminationSession, Form
from .services import session_record

D = datetime.date
# unit, date, form, (planned, actual) for cadres, party members, association members, others
SESSIONS = [
    ("Quận ủy Ô Môn", D(2012, 11, 8), Form.CONFERENCE, (40, 38), (150, 141), (200, 187), (10, 9)),
    ("Quận ủy Bình Thủy", D(2012, 11, 12), Form.CONFERENCE, (35, 35), (120, 116), (180, 164), (10, 6)),
    ("Quận ủy Cái Răng", D(2012, 11, 15), Form.COMBINED, (30, 29), (110, 104), (150, 152), (10, 12)),
    ("Quận ủy Thốt Nốt", D(2012, 11, 20), Form.CONFERENCE, (45, 41), (160, 150), (220, 205), (15, 10)),
    ("Huyện ủy Vĩnh Thạnh", D(2012, 12, 4), Form.CONFERENCE, (30, 27), (100, 95), (150, 131), (10, 8)),
    ("Huyện ủy Cờ Đỏ", D(2012, 12, 10), Form.SELF_STUDY, (25, 25), (90, 90), (0, 0), (0, 0)),
    ("Huyện ủy Phong Điền", D(2012, 11, 26), Form.CONFERENCE, (20, 19), (80, 76), (160, 148), (5, 5)),
    ("Huyện ủy Phong Điền", D(2012, 12, 18), Form.CONFERENCE, (15, 15), (60, 58), (120, 117), (5, 3)),
    ("Đảng ủy Khối Cơ quan Dân - Chính - Đảng thành phố", D(2013, 1, 9), Form.CONFERENCE, (60, 57), (200, 188),
     (0, 0), (20, 18)),
]


def load(letter: Document) -> int:
    created = 0
    for name, day, form, cadres, party, members, others in SESSIONS:
        unit = Unit.objects.get(name=name)
        if DisseminationSession.objects.filter(document=letter, unit=unit, held_on=day).exists():
            continue
        data = {"held_on": day, "form": form, "title": "Hội nghị quán triệt Chỉ thị 17-CT/TW và Công văn 752-CV/TU",
                "materials": "Chỉ thị 17-CT/TW; Công văn 752-CV/TU; đề cương tuyên truyền của Ban Tuyên giáo Thành ủy"}
        for stem, (planned, actual) in zip(("cadres", "party", "members", "others"), (cadres, party, members, others),
                                           strict=True):
            data[f"planned_{stem}"], data[f"actual_{stem}"] = planned, actual
        session_record(actor=None, document=letter, unit=unit, data=data)
        created += 1
    return created
