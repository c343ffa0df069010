"""Demo data of the activities app (idempotent `load(log)`, run after the registry and the directives demo).

Years are relative to today's last closed report year Y (yearly.last_closed_year): three years of finances
(Y-2..Y), with the Red Cross, the Blind and the Agent Orange associations mostly state-funded; state-assigned
tasks with their support; yearly reports on Y-2..Y, some late, and four associations missing both Y-1 and Y (a
ground for dissolution review); reviews of 752-CV/TU by several units; a dozen good models with replications;
delegations with and without their report; foreign-funded projects; members' cases."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from sohoi.associations.models import Association
from sohoi.core.deadlines import today
from sohoi.core.text import fold
from sohoi.orgs.models import Unit

from . import services, yearly
from .models import Exchange, FinanceYear, GoodModel, MemberCase, Review, StateTask, YearlyReport

D = datetime.date
CITY = "thành phố Cần Thơ"
# short name -> (state-funded?, revenue in millions by line: dues, donations, services, state, foreign, other;
#                paid staff, state-paid staff)
FINANCES = {
    "Hội Khuyến học": (False, (420, 2600, 150, 380, 0, 60), 9, 3),
    "Hội Chữ thập đỏ": (True, (310, 1200, 40, 3900, 250, 30), 22, 18),
    "Hội Người mù": (True, (60, 180, 90, 1650, 0, 10), 8, 7),
    "Hội Nạn nhân chất độc da cam/dioxin": (True, (80, 520, 0, 2100, 120, 0), 10, 8),
    "Hội Luật gia": (False, (150, 90, 420, 260, 0, 25), 5, 2),
    "Hội Doanh nhân trẻ": (False, (820, 1400, 300, 0, 0, 40), 4, 0),
    "Hội Văn học Nghệ thuật": (True, (40, 120, 60, 1800, 0, 20), 12, 10),
    "Hội Tin học": (False, (210, 380, 960, 0, 90, 15), 6, 0),
    "Hiệp hội Du lịch": (False, (640, 520, 1100, 0, 0, 35), 5, 0),
    "Hội Đông y": (False, (180, 260, 540, 80, 0, 10), 4, 1),
}
# Reports: offsets of the days after the deadline each year (negative: early; None: not filed), Y-2, Y-1, Y.
REPORTS = {
    "Hội Khuyến học": (-20, -15, -10),
    "Hội Chữ thập đỏ": (-5, 12, -3),
    "Hội Luật gia": (-30, -25, 40),
    "Hội Người mù": (-8, -6, -7),
    "Hội Nạn nhân chất độc da cam/dioxin": (-12, 20, -2),
    "Liên hiệp các Hội Khoa học và Kỹ thuật": (-10, -10, -10),
    "Liên hiệp các tổ chức hữu nghị": (-3, -2, -1),
    "Hội Văn học Nghệ thuật": (5, -9, -9),
    "Hội Nhà báo": (-14, -14, 3),
    "Hội Doanh nhân trẻ": (-6, None, -6),
    "Hội Cựu Thanh niên xung phong": (-7, -7, -7),
    "Hội Người cao tuổi": (-9, -4, -11),
    "Hội Đông y": (-5, None, None),
    "Hội Kiến trúc sư": (None, None, None),
    "Hội Tin học": (-4, -4, -4),
    "Hiệp hội Du lịch": (30, None, None),
    "Hội Cựu giáo chức": (-10, -10, -10),
    "Hội Làm vườn": (None, None, None),
}
GOOD_MODELS = [
    ("Hội Khuyến học", "Dòng họ học tập", "Phát động các dòng họ lập quỹ khuyến học, tổ chức tuyên dương con cháu học giỏi "
     "mỗi dịp đầu năm.", "312 dòng họ đạt danh hiệu; 1.240 suất học bổng mỗi năm.", 5200, 6),
    ("Hội Khuyến học", "Tủ sách cộng đồng ở ấp, khu vực", "Mỗi ấp một tủ sách đặt tại nhà văn hóa, hội viên luân phiên "
     "quản lý.", "86 tủ sách, 21.000 đầu sách, 3.400 lượt mượn mỗi tháng.", 14000, 4),
    ("Hội Chữ thập đỏ", "Ngân hàng bò cho hộ nghèo", "Trao bò giống, hộ nhận trả lại bê đầu tiên để trao tiếp cho hộ "
     "khác.", "145 con bò, 210 hộ thoát nghèo sau 3 năm.", 210, 5),
    ("Hội Chữ thập đỏ", "Bếp ăn từ thiện bệnh viện", "Hội viên và doanh nghiệp góp gạo, nấu cơm phát miễn phí cho "
     "người nhà bệnh nhân.", "Hơn 180.000 suất ăn mỗi năm tại 4 bệnh viện.", 180000, 3),
    ("Hội Chữ thập đỏ", "Sơ cấp cứu trong trường học", "Huấn luyện sơ cấp cứu cho giáo viên và học sinh trung học.",
     "9.600 học sinh, 420 giáo viên được huấn luyện.", 10020, 2),
    ("Hội Người cao tuổi", "Câu lạc bộ liên thế hệ tự giúp nhau", "Người cao tuổi tự quản, chăm sóc sức khỏe và "
     "giúp nhau sinh kế.", "38 câu lạc bộ, 1.140 thành viên, 62 % được vay vốn sinh kế.", 1140, 5),
    ("Hội Luật gia", "Tư vấn pháp luật lưu động", "Tổ tư vấn về ấp, xã mỗi tháng một lần.",
     "2.300 lượt tư vấn; 41 vụ việc hòa giải thành.", 2300, 2),
    ("Hội Nạn nhân chất độc da cam/dioxin", "Nhà tình nghĩa cho nạn nhân", "Vận động xây, sửa nhà cho gia đình nạn "
     "nhân khó khăn.", "64 căn nhà trong 3 năm.", 64, 1),
    ("Hội Tin học", "Chuyển đổi số cho hội cơ sở", "Tập huấn hội cơ sở dùng phần mềm quản lý hội viên và họp trực "
     "tuyến.", "57 hội cơ sở áp dụng; thời gian tổng hợp báo cáo giảm một nửa.", 57, 3),
    ("Hội Cựu Thanh niên xung phong", "Tổ hợp tác sinh kế của hội viên", "Hội viên góp vốn làm dịch vụ vệ sinh môi "
     "trường.", "12 tổ hợp tác, 230 hội viên có việc làm.", 230, 1),
    ("Hội Doanh nhân trẻ", "Cà phê khởi nghiệp", "Gặp mặt hằng tháng giữa doanh nhân và sinh viên khởi nghiệp.",
     "24 buổi, 18 dự án được cố vấn, 5 dự án gọi được vốn.", 600, 0),
    ("Hội Người mù", "Dạy nghề xoa bóp cho người mù", "Lớp nghề 6 tháng, giới thiệu việc làm sau khóa học.",
     "96 học viên, 71 người có việc làm ổn định.", 96, 2),
]
ADOPTERS = ["Hội Khuyến học quận Ninh Kiều", "Hội Chữ thập đỏ huyện Phong Điền", "Hội Khuyến học phường Cái Khế",
            "Hội Người cao tuổi phường Tân An", "Hội Chữ thập đỏ xã Phong Điền", "Hội Khuyến học xã Thới Lai",
            "Hội Cựu giáo chức phường Bình Thủy"]
REVIEW_UNITS = ["Ban Dân vận Thành ủy", "Quận ủy Ninh Kiều", "Huyện ủy Phong Điền", "Sở Nội vụ",
                "Hội Khuyến học thành phố Cần Thơ"]


def _assoc(short: str) -> Association | None:
    return Association.objects.filter(name=f"{short} {CITY}").first() or Association.objects.filter(name=short).first()


def _letter():
    from sohoi.directives.models import Document

    return Document.objects.filter(code_key=fold("752-CV/TU").replace(" ", "")).order_by("pk").first()


def _finances(last: int) -> int:
    n = 0
    for k, (short, (state_funded, lines, paid, state_paid)) in enumerate(FINANCES.items()):
        a = _assoc(short)
        if a is None:
            continue
        for i, year in enumerate((last - 2, last - 1, last)):
            grow = 1 + 0.06 * i + 0.01 * k
            rev = [round(v * grow) * 1_000_000 for v in lines]
            names = ["rev_dues", "rev_donations", "rev_services", "rev_state", "rev_foreign", "rev_other"]
            data = dict(zip(names, rev, strict=True))
            total = sum(rev)
            spent = round(total * (0.97 if state_funded else 0.9))
            exp = {"exp_staff": round(spent * 0.35), "exp_office": round(spent * 0.1), "exp_assets": round(spent * 0.05),
                   "exp_other": round(spent * 0.02)}
            exp["exp_programmes"] = spent - sum(exp.values())
            services.finance_report(actor=None, association=a, data={
                "year": year, **data, "revenue_total": total, **exp, "expenditure_total": spent,
                "staff_paid": paid, "staff_state_paid": state_paid})
            n += 1
    return n


def _state(last: int) -> int:
    n = 0
    letter = _letter()
    tasks = [
        ("Hội Khuyến học", "Xây dựng xã hội học tập, phong trào học tập suốt đời (nhiệm vụ Đảng, Nhà nước giao).",
         [("city", 380)]),
        ("Hội Chữ thập đỏ", "Cứu trợ nhân đạo, hiến máu tình nguyện và chăm lo người nghèo theo Luật Hoạt động chữ thập "
         "đỏ.", [("city", 3900), ("central", 250)]),
        ("Hội Người mù", "Trợ giúp người mù học chữ nổi, học nghề, hòa nhập cộng đồng.", [("city", 1650)]),
        ("Hội Nạn nhân chất độc da cam/dioxin", "Chăm sóc, hỗ trợ nạn nhân chất độc da cam/dioxin.",
         [("city", 2100)]),
        ("Hội Văn học Nghệ thuật", "Sáng tác, quảng bá tác phẩm văn học nghệ thuật về thành phố.", [("city", 1800)]),
        ("Hội Luật gia", "Phổ biến, giáo dục pháp luật và trợ giúp pháp lý cho người dân.", [("programme", 260)]),
    ]
    for short, content, money in tasks:
        a = _assoc(short)
        if a is None:
            continue
        task = services.state_task_record(actor=None, association=a, data={
            "document": letter.pk if letter and short == "Hội Khuyến học" else None,
            "document_number": "" if letter and short == "Hội Khuyến học" else f"{1200 + n}/QĐ-UBND",
            "content": content, "year_from": last - 2, "year_to": None})
        n += 1
        for year in (last - 2, last - 1, last):
            for source, millions in money:
                services.state_support_record(actor=None, task=task, data={
                    "year": year, "amount": millions * 1_000_000, "budget_source": source,
                    "document_number": f"{300 + year % 100}/QĐ-UBND", "decided_on": D(year, 1, 15)})
    return n


def _reports(last: int) -> int:
    from sohoi.accounts.models import User

    officer = User.objects.filter(username="canbonoivu").first()
    n = 0
    for short, offsets in REPORTS.items():
        a = _assoc(short)
        if a is None:
            continue
        for year, offset in zip((last - 2, last - 1, last), offsets, strict=True):
            if offset is None or (yearly.founded_year(a) or 0) > year:
                continue
            on = min(yearly.deadline(year)[0] + datetime.timedelta(days=offset), today())
            report = services.yearly_report_file(actor=None, association=a, on=on, data={
                "year": year, "members": a.reported_total, "branches": a.branches_reported,
                "activities": f"Năm {year}, hội tổ chức các hoạt động theo điều lệ và chương trình công tác; phát "
                              "triển hội viên mới, củng cố chi hội.",
                "difficulties": "Kinh phí hoạt động còn hạn chế." if n % 3 == 0 else ""})
            n += 1
            if year < last and officer is not None and a.officer_assignments.filter(officer=officer).exists():
                services.yearly_report_transition(actor=None, report=report, action="accept", on=on)
            elif year == last and offset > 0:
                services.yearly_report_transition(actor=None, report=report, action="return", on=on,
                                                  comment="Bổ sung phần tình hình tài chính và danh sách ban chấp hành.")
    return n


def _reviews(last: int) -> int:
    letter = _letter()
    if letter is None:
        return 0
    n = 0
    for i, name in enumerate(REVIEW_UNITS):
        unit = Unit.objects.filter(name=name).first()
        if unit is None:
            continue
        kind = "final" if i % 2 else "interim"
        held = D(last - 1 + (i % 2), 3 + i, 10)
        services.review_record(actor=None, unit=unit, data={
            "document": letter.pk, "kind": kind, "held_on": min(held, today()), "period_from": D(2012, 10, 12),
            "period_to": min(held, today()) - datetime.timedelta(days=20),
            "findings": f"{unit.name} đã quán triệt Công văn 752-CV/TU đến cán bộ, đảng viên; củng cố tổ chức hội; "
                        f"{12 + 3 * i} hội được rà soát điều lệ, nhân sự.",
            "strengths": "Cấp ủy quan tâm lãnh đạo; phối hợp giữa các cơ quan chặt chẽ hơn.",
            "weaknesses": "Một số hội hoạt động còn hành chính hóa, phụ thuộc kinh phí Nhà nước.",
            "proposals": "Tăng cường kiểm tra, giám sát; gắn kinh phí hỗ trợ với nhiệm vụ được giao."})
        n += 1
    return n


def _good_models(last: int) -> int:
    n = 0
    adopters = [u for u in (Unit.objects.filter(name=x).first() for x in ADOPTERS) if u is not None]
    for short, title, description, results, beneficiaries, replications in GOOD_MODELS:
        a = _assoc(short)
        if a is None:
            continue
        model = services.good_model_record(actor=None, association=a, data={
            "title": title, "description": description, "results": results, "beneficiaries": beneficiaries,
            "started_on": D(last - 3, 1 + n % 12, 1), "commendations": "Bằng khen của Ủy ban nhân dân thành phố."
            if replications >= 4 else ""})
        n += 1
        for k, unit in enumerate(u for u in adopters if u.pk != a.unit_id):
            if k >= replications:
                break
            services.replication_record(actor=None, good_model=model, adopter=unit, data={
                "adopted_on": D(last - 2 + k % 2, 2 + k, 15), "result": ["effective", "ongoing", "limited"][k % 3],
                "note": "Áp dụng có điều chỉnh theo điều kiện địa phương."})
    return n


def _exchanges(last: int) -> int:
    rows = [
        ("Liên hiệp các tổ chức hữu nghị", "out", "Hội Hữu nghị Nhật - Việt tỉnh Shiga", "Nhật Bản", D(last, 5, 8), True),
        ("Liên hiệp các tổ chức hữu nghị", "in", "Đoàn thanh niên thành phố Vientiane", "Lào", D(last, 9, 2), False),
        ("Hội Chữ thập đỏ", "in", "Hội Chữ thập đỏ Hàn Quốc, chi hội Busan", "Hàn Quốc", D(last, 3, 20), False),
        ("Hội Doanh nhân trẻ", "out", "Hiệp hội Doanh nghiệp trẻ Singapore", "Singapore", D(last, 10, 14), False),
        ("Hội Khuyến học", "out", "Quỹ học bổng Mekong", "Thái Lan", D(last - 1, 11, 3), True),
        ("Hiệp hội Du lịch", "in", "Hiệp hội Lữ hành Campuchia", "Campuchia", D(last, 6, 11), False),
    ]
    n = 0
    for short, direction, partner, country, start, reported in rows:
        a = _assoc(short)
        if a is None:
            continue
        end = start + datetime.timedelta(days=5)
        ex = services.exchange_record(actor=None, association=a, data={
            "direction": direction, "partner": partner, "country": country, "starts_on": start, "ends_on": end,
            "purpose": "Giao lưu, trao đổi kinh nghiệm hoạt động hội và hợp tác nhân đạo, giáo dục.",
            "approval_number": f"{500 + n}/UBND-NC"})
        if reported:
            services.exchange_report(actor=None, exchange=ex, data={
                "reported_on": end + datetime.timedelta(days=10),
                "report_summary": "Đoàn hoàn thành chương trình; ký biên bản ghi nhớ hợp tác một năm."})
        n += 1
    for short, title, donor, country, millions in [
            ("Hội Chữ thập đỏ", "Nâng cao năng lực ứng phó thiên tai dựa vào cộng đồng", "Hội Chữ thập đỏ Đức", "Đức", 1850),
            ("Hội Nạn nhân chất độc da cam/dioxin", "Phục hồi chức năng cho trẻ khuyết tật", "Quỹ Bạn bè Việt Nam",
             "Hoa Kỳ", 920)]:
        a = _assoc(short)
        if a is None:
            continue
        services.foreign_project_record(actor=None, association=a, data={
            "title": title, "donor": donor, "country": country, "amount": millions * 1_000_000,
            "approval_number": f"{700 + n}/QĐ-UBND", "approved_on": D(last - 1, 4, 2), "starts_on": D(last - 1, 5, 1),
            "ends_on": D(last + 1, 4, 30)})
        n += 1
    return n


def _cases(last: int) -> int:
    rows = [("Hội Người cao tuổi", "need", "Hội viên chi hội phường An Hòa", "Đề nghị hỗ trợ khám mắt miễn phí.",
             "Phối hợp bệnh viện tổ chức khám cho 240 người.", "resolved"),
            ("Hội Người mù", "rights", "Một hội viên (nữ, 34 tuổi)", "Bị từ chối nhận vào làm việc vì khuyết tật.",
             "Hội làm việc với doanh nghiệp và Phòng Lao động.", "referred"),
            ("Hội Chữ thập đỏ", "complaint", "Nhóm hội viên tình nguyện", "Phản ánh chậm cấp phát quà cứu trợ.",
             "", "open"),
            ("Hội Luật gia", "need", "Hội viên chi hội luật gia doanh nghiệp", "Đề nghị bồi dưỡng luật đất đai mới.",
             "Mở lớp bồi dưỡng 2 ngày.", "resolved")]
    n = 0
    for short, kind, by, summary, response, outcome in rows:
        a = _assoc(short)
        if a is None:
            continue
        raised = D(last, 2 + n * 2, 5)
        services.member_case_record(actor=None, association=a, data={
            "kind": kind, "raised_by": by, "raised_on": raised, "summary": summary, "response": response,
            "outcome": outcome, "closed_on": None if outcome == "open" else raised + datetime.timedelta(days=30)})
        n += 1
    return n


SECTIONS: list[tuple[type, Callable[[int], int], str]] = [
    (FinanceYear, _finances, "năm tài chính"), (StateTask, _state, "nhiệm vụ Nhà nước giao"),
    (YearlyReport, _reports, "báo cáo năm"), (Review, _reviews, "sơ kết, tổng kết"),
    (GoodModel, _good_models, "mô hình"), (Exchange, _exchanges, "đoàn ra, đoàn vào, dự án"),
    (MemberCase, _cases, "vụ việc hội viên"),
]


def load(log: Callable[[str], None] = print) -> None:
    last = yearly.last_closed_year()
    for model, loader, label in SECTIONS:
        if model.objects.exists():
            continue
        log(f"Hoạt động hội: {loader(last)} {label}")
