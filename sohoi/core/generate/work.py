"""Generated directives work: documents with their tasks, assignments with their progress reports, and
dissemination sessions. Streamed province by province; only index ranges are kept."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from sohoi.core.text import fold

from .names import SUBJECT_TOPICS, SUBJECT_VERBS, TASK_TEXTS, person
from .world import Province

D = datetime.date
TASKS_PER_DOCUMENT = 2
REPORT_PATTERN = (2, 2, 0, 3, 1, 4)  # reports per assignment, cycled: two on average
DOC_TYPES = (("cong_van", "CV"), ("ke_hoach", "KH"), ("huong_dan", "HD"), ("thong_bao", "TB"), ("chi_thi", "CT"))


def _aware(d: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(d.year, d.month, d.day, 9, 0))


class Pool:
    """The units of a province that receive assignments and hold sessions: its commune Party committees,
    its generated associations and the associations that were there before."""

    def __init__(self, gen, p: Province):
        self.committees = [c.pk for c in p.committee_list]
        self.anchors = p.staffed
        self.assoc0, self.count_assoc = gen.unit0 + p.assoc_start, p.assoc_count
        self.size = len(self.committees) + self.count_assoc + len(self.anchors)

    def unit(self, k: int) -> int:
        if k < len(self.committees):
            return self.committees[k]
        k -= len(self.committees)
        if k < self.count_assoc:
            return self.assoc0 + k
        return self.anchors[k - self.count_assoc]


def doc_date(seed: int, d: int) -> datetime.date:
    return D(2024, 1, 1) + datetime.timedelta(days=random.Random(f"{seed}:docdate:{d}").randrange(1000))


def write_directives(gen) -> None:
    from sohoi.directives.choices import Direction, ReportStatus, System
    from sohoi.directives.models import Assignment, Document, ProgressReport, Task

    plan, seed = gen.plan, gen.seed
    nd = plan.documents
    per_task = max(1, round(plan.assignments / (nd * TASKS_PER_DOCUMENT)))
    docs = gen.sink(Document, "Văn bản", nd, batch=2_000)
    tasks = gen.sink(Task, "Nhiệm vụ", nd * TASKS_PER_DOCUMENT, after=(docs,))
    assigns = gen.sink(Assignment, "Phân công thực hiện", plan.assignments, after=(tasks,))
    reports = gen.sink(ProgressReport, "Báo cáo tiến độ", plan.assignments * 2, after=(assigns,))
    confirmer = gen.confirmer_id
    n_assign = 0
    for p in gen.provinces:
        pool = Pool(gen, p)
        for d in range(p.doc_start, p.doc_start + p.doc_count):
            rng = random.Random(f"{seed}:doc:{d}")
            issuer = p.issuers[d % len(p.issuers)]
            dpk = gen.doc0 + d
            doc_type, short = DOC_TYPES[d % len(DOC_TYPES)]
            symbol = f"{short}/{'BDVTU' if 'Dân vận' in issuer.name else 'TU'}"
            code = f"{dpk}-{symbol}"
            date = doc_date(seed, d)
            docs.add(Document(pk=dpk, system=System.PARTY, doc_type=doc_type, issuer_id=issuer.pk,
                              issuer_key=fold(issuer.name), number=str(dpk), symbol=symbol, code=code,
                              code_key=fold(code).replace(" ", ""), date=date, place=p.short,
                              subject=f"{rng.choice(SUBJECT_VERBS)} {rng.choice(SUBJECT_TOPICS)}",
                              signer_name=person(rng), signer_title="Phó Bí thư",
                              direction=Direction.OUTGOING, confirmed_at=_aware(date), confirmed_by_id=confirmer))
            for t in range(TASKS_PER_DOCUMENT):
                tpk = gen.task0 + d * TASKS_PER_DOCUMENT + t
                due = date + datetime.timedelta(days=rng.randrange(30, 240))
                tasks.add(Task(pk=tpk, document_id=dpk, no=str(t + 1), position=t + 1, text=TASK_TEXTS[(d + t) % 5],
                               lead_id=issuer.pk, lead_name=issuer.name, due=due))
                units = [pool.unit(k) for k in rng.sample(range(pool.size), min(per_task, pool.size))]
                n_task = d * TASKS_PER_DOCUMENT + t
                if int((n_task + 1) * plan.fanout) > int(n_task * plan.fanout):
                    units += [u for u in pool.anchors if u not in units]  # the demo users' units get their share
                for unit in units:
                    apk = gen.assign0 + n_assign
                    count = REPORT_PATTERN[n_assign % len(REPORT_PATTERN)]
                    n_assign += 1
                    on, done_on, percent, rows = date, None, 0, []
                    for r in range(count):
                        on = on + datetime.timedelta(days=rng.randrange(5, 60))
                        percent = min(100, percent + rng.randrange(10, 50))
                        last = r == count - 1
                        final = last and rng.random() < 0.5
                        if final:
                            status, percent, done_on = ReportStatus.ACCEPTED, 100, on
                        elif last and rng.random() < 0.5:
                            status = ReportStatus.SUBMITTED  # at most one pending per assignment: the last
                        else:
                            status = ReportStatus.ACCEPTED if rng.random() < 0.8 else ReportStatus.RETURNED
                        reviewed = status != ReportStatus.SUBMITTED
                        rows.append({
                            "assignment_id": apk, "submitted_on": on, "text": f"Đã triển khai, đạt {percent}% kế hoạch.",
                            "percent": percent, "is_final": final, "status": status,
                            "reviewed_at": _aware(on + datetime.timedelta(days=3)) if reviewed else None,
                            "review_comment": "" if status != ReportStatus.RETURNED else "Bổ sung số liệu cụ thể."})
                    assigns.add({"id": apk, "task_id": tpk, "unit_id": unit, "due_on": due, "done_on": done_on,
                                 "has_report": count > 0})
                    for row in rows:  # after their assignment: a batch of reports writes the assignments first
                        reports.add(row)
    for sink in (docs, tasks, assigns, reports):
        gen.count(sink.close())


def write_sessions(gen) -> None:
    from sohoi.directives.dissemination.models import DisseminationSession, Form

    plan, seed = gen.plan, gen.seed
    shares = gen.session_split
    sessions = gen.sink(DisseminationSession, "Buổi quán triệt", plan.sessions)
    forms = list(Form.values)
    rng = random.Random(f"{seed}:sessions")
    for p, count in zip(gen.provinces, shares, strict=True):
        if not p.doc_count:
            continue
        pool = Pool(gen, p)
        for k in range(count):
            d = p.doc_start + rng.randrange(p.doc_count)
            planned = [rng.randrange(0, 200) for _g in range(4)]
            unit = pool.unit(rng.randrange(pool.size))
            if pool.anchors and k % 4 == 0:
                unit = pool.anchors[(k // 4) % len(pool.anchors)]
            sessions.add({
                "document_id": gen.doc0 + d, "unit_id": unit,
                "held_on": doc_date(seed, d) + datetime.timedelta(days=rng.randrange(7, 120)), "form": rng.choice(forms),
                "title": "Hội nghị quán triệt", "planned_cadres": planned[0], "actual_cadres": int(planned[0] * 0.9),
                "planned_party": planned[1], "actual_party": int(planned[1] * 0.95), "planned_members": planned[2],
                "actual_members": int(planned[2] * 0.85), "planned_others": planned[3], "actual_others": planned[3] // 2})
    gen.count(sessions.close())
