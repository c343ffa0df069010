"""Generated records of what associations report and of oversight: finances and yearly reports for the three
last closed years (each association misses at most one of them), good models with their replications,
exchanges, and the Fatherland Front's supervisions with recommendations to commune committees. Row k is a
function of (seed, k), as elsewhere."""

from __future__ import annotations

import datetime
import random

from .world import Province, split

D = datetime.date
YEARS = (2023, 2024, 2025)
MODEL_EVERY = 10  # one good model per ten associations
EXCHANGE_EVERY = 40
RECOMMENDATIONS = 3  # per oversight activity


def _finance_row(apk: int, year: int, rng: random.Random) -> dict:
    lines = {"rev_dues": rng.randrange(5, 200) * 1_000_000, "rev_donations": rng.randrange(0, 300) * 1_000_000,
             "rev_services": rng.randrange(0, 100) * 1_000_000, "rev_state": rng.randrange(0, 400) * 1_000_000,
             "rev_other": rng.randrange(0, 20) * 1_000_000}
    spend = {"exp_programmes": rng.randrange(5, 300) * 1_000_000, "exp_staff": rng.randrange(0, 200) * 1_000_000,
             "exp_office": rng.randrange(1, 50) * 1_000_000}
    staff = rng.randrange(0, 12)
    return {"association_id": apk, "year": year, "revenue_total": sum(lines.values()),
            "expenditure_total": sum(spend.values()), **lines, **spend, "staff_paid": staff,
            "staff_state_paid": rng.randrange(0, staff + 1)}


def write_activities(gen) -> None:
    """Per association and closed year: a finance sheet and a yearly report (three in five on
    time, one late, one missing); every tenth association a good model, replicated by two commune committees."""
    from sohoi.activities.choices import Direction, ReplicationResult, ReportStatus
    from sohoi.activities.models import Exchange, FinanceYear, GoodModel, Replication, YearlyReport
    from sohoi.associations.models import FieldOfActivity

    from .writer import next_pk

    plan, seed = gen.plan, gen.seed
    na = plan.associations
    field_ids = list(FieldOfActivity.objects.order_by("pk").values_list("pk", flat=True))
    finances = gen.sink(FinanceYear, "Tài chính năm của hội", na * len(YEARS))
    yearly = gen.sink(YearlyReport, "Báo cáo năm của hội", na * len(YEARS))
    models_ = gen.sink(GoodModel, "Mô hình hay", na // MODEL_EVERY)
    replications = gen.sink(Replication, "Nhân rộng mô hình", 2 * (na // MODEL_EVERY), after=(models_,))
    exchanges = gen.sink(Exchange, "Đoàn ra, đoàn vào", na // EXCHANGE_EVERY)
    model0 = next_pk(GoodModel)
    results = list(ReplicationResult.values)
    for i in range(na):
        p: Province = gen.assoc_ranges.of(i)
        rng = random.Random(f"{seed}:records:{i}")
        apk = gen.assoc0 + i
        for year in YEARS:
            finances.add(_finance_row(apk, year, rng))
            # By index rather than by chance, so that every association has rows (the two-scale test needs a
            # full page in each role's scope at the smallest scale): of three consecutive years one at most
            # is missing.
            kind = (i + year) % 5  # 0: missing, 1: late (after 31 January), else on time
            if kind:
                submitted = D(year + 1, 1, 1) + datetime.timedelta(days=rng.randrange(0, 25) + (60 if kind == 1 else 0))
                yearly.add({"association_id": apk, "year": year, "submitted_on": submitted,
                            "members": rng.randrange(30, 3000), "branches": rng.randrange(0, 30),
                            "activities": "Tổ chức các hoạt động theo chương trình năm.",
                            "status": ReportStatus.ACCEPTED if rng.random() < 0.7 else ReportStatus.SUBMITTED})
        if i % MODEL_EVERY == 0:
            mpk = model0 + i // MODEL_EVERY
            models_.add({"id": mpk, "association_id": apk, "title": f"Mô hình tự quản số {i // MODEL_EVERY + 1}",
                         "field_id": field_ids[i % len(field_ids)] if field_ids else None,
                         "started_on": D(2022, 1, 1) + datetime.timedelta(days=rng.randrange(1000)),
                         "description": "Hội viên tự quản, chia sẻ kinh nghiệm theo nhóm.",
                         "results": f"{rng.randrange(20, 500)} hộ tham gia.", "beneficiaries": rng.randrange(20, 2000)})
            for k in range(min(2, len(p.committee_list))):
                adopter = p.committee_list[(i + k) % len(p.committee_list)]
                replications.add({"good_model_id": mpk, "adopter_id": adopter.pk,
                                  "adopted_on": D(2025, 1, 1) + datetime.timedelta(days=rng.randrange(300)),
                                  "result": results[(i + k) % len(results)]})
        if i % EXCHANGE_EVERY == 0:
            starts = D(2025, 1, 1) + datetime.timedelta(days=rng.randrange(600))
            ends = starts + datetime.timedelta(days=rng.randrange(2, 10))
            due = ends + datetime.timedelta(days=15)
            exchanges.add({"association_id": apk, "direction": Direction.OUTGOING if i % 3 else Direction.INCOMING,
                           "partner": "Hội hữu nghị đối tác", "country": "Nhật Bản" if i % 2 else "Hàn Quốc",
                           "starts_on": starts, "ends_on": ends, "purpose": "Trao đổi kinh nghiệm hoạt động hội.",
                           "approval_number": f"{rng.randrange(10, 999)}/QĐ-UBND", "report_due": due,
                           "reported_on": due - datetime.timedelta(days=3) if rng.random() < 0.6 else None})
    for sink in (finances, yearly, replications, exchanges):
        gen.count(sink.close())
    gen.count(models_.count)


def write_oversight(gen) -> None:
    """The province Front's thematic supervisions of commune committees: planned, in progress, concluded and
    closed in turn; each concluded one with recommendations, half of them answered."""
    from sohoi.oversight.choices import Answer, Form, Kind, State
    from sohoi.oversight.models import Activity, Recommendation

    from .writer import next_pk

    plan, seed = gen.plan, gen.seed
    total = plan.oversight
    activities = gen.sink(Activity, "Giám sát, phản biện, kiểm tra", total)
    examined = gen.sink(Activity.examined.through, "Đơn vị được giám sát", total, after=(activities,))
    recs = gen.sink(Recommendation, "Kiến nghị", total * RECOMMENDATIONS, after=(activities,))
    first = next_pk(Activity)
    states = (State.PLANNED, State.IN_PROGRESS, State.CONCLUDED, State.CLOSED)
    shares = split(total, [len(p.committee_list) for p in gen.provinces])
    k = 0
    for p, count in zip(gen.provinces, shares, strict=True):
        lead = p.front or p.committee
        for _n in range(count):
            rng = random.Random(f"{seed}:oversight:{k}")
            pk, state = first + k, states[k % len(states)]
            start = D(2025, 1, 1) + datetime.timedelta(days=rng.randrange(540))
            concluded = start + datetime.timedelta(days=rng.randrange(20, 60))
            target = p.committee_list[k % len(p.committee_list)]
            done = state in (State.CONCLUDED, State.CLOSED)
            activities.add(Activity(
                pk=pk, kind=Kind.SUPERVISION, form=Form.THEMATIC, lead_unit_id=lead.pk, state=state,
                subject=f"Giám sát việc thực hiện quy chế dân chủ ở cơ sở (đợt {k + 1})",
                planned_start=start, planned_end=start + datetime.timedelta(days=30),
                started_on=start if state != State.PLANNED else None, concluded_on=concluded if done else None,
                closed_on=concluded + datetime.timedelta(days=90) if state == State.CLOSED else None,
                conclusion="Cơ bản thực hiện tốt; còn hạn chế về công khai thông tin." if done else ""))
            examined.add({"activity_id": pk, "unit_id": target.pk})
            if done:
                for r in range(RECOMMENDATIONS):
                    answered = state == State.CLOSED or rng.random() < 0.5
                    due = concluded + datetime.timedelta(days=30)
                    recs.add({"activity_id": pk, "text": f"Kiến nghị {r + 1}: công khai kết quả giải quyết phản ánh.",
                              "addressee_id": target.pk, "due": due,
                              "answer": Answer.ACCEPTED if answered else "",
                              "answered_on": due - datetime.timedelta(days=rng.randrange(0, 20)) if answered else None,
                              "answer_text": "Tiếp thu, đã chỉ đạo khắc phục." if answered else ""})
            k += 1
    for sink in (activities, examined, recs):
        gen.count(sink.close())
