"""Demo: the response-deadline rule rows, two supervisions (one concluded with recommendations answered on
time, late and one still overdue; one under way), a social criticism of a draft city plan with comments on its
paragraphs, an inspection of 752-CV/TU in three former districts with findings turned into tasks, and a
coordination programme. Everything goes through the services, as the pages would; fixed dates; idempotent
(an activity already there, by its subject, is not loaded again). Synthetic names only."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.test.utils import override_settings

from sohoi.accounts.models import User
from sohoi.orgs.models import Unit

from . import services
from .choices import Answer, Form, Kind, Outcome, RuleCode, Step, TeamRole
from .models import Activity, OversightRule, Programme

D = datetime.date
FRONT = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"
KH, CTD = "Hội Khuyến học thành phố Cần Thơ", "Hội Chữ thập đỏ thành phố Cần Thơ"
NK, PD, BT = "Quận ủy Ninh Kiều", "Huyện ủy Phong Điền", "Quận ủy Bình Thủy"
DRAFT = """KẾ HOẠCH (DỰ THẢO)

Hỗ trợ các hội quần chúng trên địa bàn thành phố giai đoạn 2026-2030

I. MỤC ĐÍCH, YÊU CẦU

Tạo điều kiện để các hội quần chúng hoạt động đúng điều lệ, tự chủ, tự quản, tự trang trải kinh phí.

II. NỘI DUNG

1. Rà soát, sắp xếp các hội có tính chất đặc thù theo hướng tinh gọn; hoàn thành trong năm 2026.

2. Hỗ trợ kinh phí hoạt động cho các hội đặc thù theo nhiệm vụ Nhà nước giao; mức hỗ trợ do Sở Tài chính đề xuất.

3. Giao Sở Nội vụ hướng dẫn các hội xây dựng đề án tự chủ về tài chính, hoàn thành trước ngày 31/12/2027.

III. TỔ CHỨC THỰC HIỆN

Các sở, ngành, ủy ban nhân dân các xã, phường căn cứ kế hoạch này xây dựng kế hoạch của đơn vị.
"""


def _user(name: str) -> User:
    return User.objects.select_related("unit").get(username=name)


def _units(*names: str) -> list[Unit]:
    found = {u.name: u for u in Unit.objects.filter(name__in=names)}
    return [found[n] for n in names]


def load(log: Callable[[str], None] = print) -> None:
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _rules()
        _supervisions()
        _criticism()
        _inspection()
        _programme()
    log(f"  Giám sát, phản biện, kiểm tra: {Activity.objects.count()} hoạt động")


def _rules() -> None:
    basis = "Luật Mặt trận Tổ quốc Việt Nam 2015; Quyết định 217-QĐ/TW ngày 12/12/2013"
    for code, days, legal in ((RuleCode.SUPERVISION_ANSWER_DAYS, 30, basis),
                              (RuleCode.CRITICISM_ANSWER_DAYS, 30, basis),
                              (RuleCode.INSPECTION_ANSWER_DAYS, 60, "Quy định của Thành ủy về kiểm tra (mặc định)")):
        if not OversightRule.objects.filter(code=code).exists():
            OversightRule.objects.create(code=code, days=days, legal_basis=legal, is_default=True,
                                         valid_from=D(2014, 1, 1))


def _new(actor: User, subject: str, **data) -> Activity | None:
    if Activity.objects.filter(subject=subject).exists():
        return None
    return services.activity_create(actor=actor, data={"subject": subject, **data})


def _supervisions() -> None:
    front = _user("mattran")
    (front_unit, kh, ctd, nk, pd) = _units(FRONT, KH, CTD, NK, PD)
    act = _new(front, "Giám sát việc thực hiện chính sách đối với các hội quần chúng có tính chất đặc thù năm 2026",
               kind=Kind.SUPERVISION, form=Form.THEMATIC, lead_unit=front_unit, participants=[kh],
               examined=[nk, pd, ctd], planned_start=D(2026, 3, 2), planned_end=D(2026, 4, 30),
               method="Nghiên cứu báo cáo của các đơn vị; làm việc trực tiếp với Quận ủy Ninh Kiều, Huyện ủy Phong Điền "
                      "và Hội Chữ thập đỏ thành phố; tổng hợp, kết luận.")
    if act is not None:
        for name, role in (("Kha Văn Lộc", TeamRole.HEAD), ("Nguyễn Thị Demo", TeamRole.MEMBER),
                           ("Trần Văn Thử", TeamRole.SECRETARY)):
            services.team_member_add(actor=front, activity=act, name=name, role=role, unit=front_unit)
        services.activity_transition(actor=front, activity=act, step=Step.START, on=D(2026, 3, 2))
        act.refresh_from_db()
        services.conclusion_save(actor=front, activity=act, text=(
            "Các đơn vị cơ bản thực hiện đúng chính sách; còn chậm rà soát, sắp xếp hội và chưa công khai kinh phí hỗ "
            "trợ. Đoàn giám sát kiến nghị ba nội dung dưới đây."))
        act.refresh_from_db()
        services.activity_transition(actor=front, activity=act, step=Step.CONCLUDE, on=D(2026, 5, 15))
        act.refresh_from_db()
        on_time = services.recommendation_add(actor=front, activity=act, addressee=pd, text=(
            "Hoàn thành rà soát các hội trên địa bàn huyện, báo cáo kết quả về Ủy ban MTTQ thành phố."))
        late = services.recommendation_add(actor=front, activity=act, addressee=ctd, text=(
            "Công khai kinh phí được hỗ trợ và kết quả sử dụng trong báo cáo tổng kết năm."))
        services.recommendation_add(actor=front, activity=act, addressee=nk, text=(
            "Chỉ đạo các hội quần chúng cấp quận xây dựng đề án tự chủ kinh phí, tránh hành chính hóa."))
        services.recommendation_answer(actor=_user("huyenuy.phongdien"), recommendation=on_time,
                                       answer=Answer.ACCEPTED, text="Tiếp thu; đã giao Ban Dân vận Huyện ủy thực hiện.",
                                       on=D(2026, 6, 5))
        on_time.refresh_from_db()
        services.recommendation_report(actor=_user("huyenuy.phongdien"), recommendation=on_time, on=D(2026, 8, 20),
                                       text="Đã rà soát 14 hội, sắp xếp lại 3 hội; báo cáo số 21-BC/HU.")
        services.recommendation_answer(actor=_user("hoi.chuthapdo"), recommendation=late, answer=Answer.PARTLY,
                                       text="Công khai kinh phí; kết quả sử dụng chỉ công khai trong nội bộ hội.",
                                       on=D(2026, 7, 2))
    act2 = _new(front, "Giám sát thường xuyên hoạt động của các hội quần chúng cấp quận, năm 2026",
                kind=Kind.SUPERVISION, form=Form.REGULAR, lead_unit=front_unit, participants=[kh], examined=[nk],
                planned_start=D(2026, 9, 1), planned_end=D(2026, 12, 31),
                method="Theo dõi báo cáo định kỳ, dự sinh hoạt các chi hội.")
    if act2 is not None:
        services.activity_transition(actor=front, activity=act2, step=Step.START, on=D(2026, 9, 1))


def _criticism() -> None:
    front = _user("mattran")
    front_unit, kh, ctd, ubnd = _units(FRONT, KH, CTD, "Ủy ban nhân dân thành phố Cần Thơ")
    act = _new(front, "Phản biện xã hội dự thảo Kế hoạch hỗ trợ các hội quần chúng giai đoạn 2026-2030 của UBND "
                      "thành phố", kind=Kind.CRITICISM, lead_unit=front_unit, participants=[kh, ctd], examined=[ubnd],
               planned_start=D(2026, 6, 1), planned_end=D(2026, 7, 15), draft_title="Dự thảo Kế hoạch hỗ trợ các hội",
               method="Gửi dự thảo lấy ý kiến bằng văn bản và tổ chức hội nghị phản biện.")
    if act is None:
        return
    services.draft_upload(actor=front, activity=act, name="du-thao-ke-hoach.txt", data=DRAFT.encode())
    act.refresh_from_db()
    services.activity_transition(actor=front, activity=act, step=Step.START, on=D(2026, 6, 1))
    act.refresh_from_db()
    services.comment_add(actor=_user("hoi.khuyenhoc"), activity=act, paragraph=7, text=(
        "Đề nghị nêu rõ tiêu chí hỗ trợ và công khai mức hỗ trợ từng hội."))
    services.comment_add(actor=_user("hoi.chuthapdo"), activity=act, paragraph=8, text=(
        "Thời hạn 31/12/2027 là ngắn với hội cấp xã; đề nghị lùi đến 30/6/2028."))
    services.comment_add(actor=front, activity=act, paragraph=6, text="Cần lấy ý kiến các hội trước khi sắp xếp.")
    p1 = services.point_add(actor=front, activity=act, paragraph=7, text="Nêu rõ tiêu chí và công khai mức hỗ trợ.")
    p2 = services.point_add(actor=front, activity=act, paragraph=8, text="Lùi thời hạn đề án tự chủ đến 30/6/2028.")
    services.conclusion_save(actor=front, activity=act, text="Văn bản phản biện số 15/MTTQ-BTT nêu 2 ý kiến dưới đây.")
    act.refresh_from_db()
    services.activity_transition(actor=front, activity=act, step=Step.CONCLUDE, on=D(2026, 7, 10))
    services.point_mark(actor=_user("ubnd"), point=p1, outcome=Outcome.TAKEN_UP, on=D(2026, 8, 1))
    services.point_mark(actor=_user("ubnd"), point=p2, outcome=Outcome.NOT_TAKEN_UP, on=D(2026, 8, 1),
                        explanation="Giữ thời hạn để kịp sơ kết giữa nhiệm kỳ; hội cấp xã được hướng dẫn riêng.")


def _inspection() -> None:
    from sohoi.core.text import fold
    from sohoi.directives.models import Document

    letter = Document.objects.filter(code_key=fold("752-CV/TU").replace(" ", "")).first()
    if letter is None:
        return
    board = _user("dandan")
    nk, pd, bt = _units(NK, PD, BT)
    act = _new(board, "Kiểm tra việc thực hiện Công văn 752-CV/TU tại ba quận, huyện ủy", kind=Kind.INSPECTION,
               lead_unit=board.unit, examined=[nk, pd, bt], document=letter, legal_basis=letter,
               planned_start=D(2013, 3, 4), planned_end=D(2013, 4, 26),
               method="Nghe báo cáo, kiểm tra hồ sơ quán triệt và phân công; làm việc với các hội.")
    if act is None:
        return
    services.team_member_add(actor=board, activity=act, name="Trịnh Ngọc Diệp", role=TeamRole.HEAD, unit=board.unit,
                             user=board)
    services.activity_transition(actor=board, activity=act, step=Step.START, on=D(2013, 3, 4))
    act.refresh_from_db()
    services.finding_add(actor=board, activity=act, unit=pd, text=(
        "Chưa quán triệt Chỉ thị 17-CT/TW đến 3/7 xã, thị trấn; báo cáo thiếu số liệu."))
    f2 = services.finding_add(actor=board, activity=act, unit=bt, text=(
        "Chưa ban hành kế hoạch thực hiện Công văn 752-CV/TU."))
    services.finding_add(actor=board, activity=act, unit=nk, text="Thực hiện tốt; đề nghị nhân rộng cách làm.")
    f3 = services.finding_add(actor=board, activity=act, unit=bt, text=(
        "Chưa báo cáo định kỳ kết quả thực hiện Chỉ thị 17-CT/TW với Ban Dân vận Thành ủy."))
    services.conclusion_save(actor=board, activity=act, text="Thông báo kết luận kiểm tra số 05-TB/BDVTU.")
    act.refresh_from_db()
    services.activity_transition(actor=board, activity=act, step=Step.CONCLUDE, on=D(2013, 5, 10))
    # Huyện ủy Phong Điền reported its shortfall itself (its finding stays a finding); Bình Thủy gets two tasks.
    for f in (f2, f3):
        services.finding_to_task(actor=board, finding=f, on=D(2013, 5, 10), due=D(2013, 7, 31))


def _programme() -> None:
    title = "Chương trình phối hợp giữa Ủy ban MTTQ thành phố và Hội Khuyến học thành phố giai đoạn 2025-2030"
    if Programme.objects.filter(title=title).exists():
        return
    front = _user("mattran")
    front_unit, kh = _units(FRONT, KH)
    programme = services.programme_create(actor=front, data={
        "title": title, "lead_unit": front_unit, "parties": [kh], "start_year": 2025, "end_year": 2030,
        "content": "Phối hợp xây dựng xã hội học tập; giám sát việc thực hiện chính sách khuyến học."})
    services.programme_result_record(actor=front, programme=programme, year=2025, results=(
        "Trao 1.200 suất học bổng; phối hợp giám sát tại 3 xã, phường."))
