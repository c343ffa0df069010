"""Social criticism of a draft, inspection of a directive, the urge list and the reminders."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sohoi.core.models import AuditEntry, Notification
from sohoi.directives.models import Assignment, Task
from sohoi.oversight import services
from sohoi.oversight.models import Activity, Attachment, DraftComment, Finding
from sohoi.oversight.services.criticism import paragraphs

pytestmark = pytest.mark.django_db
D = datetime.date
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _last() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_docx_draft_is_shown_paragraph_by_paragraph(client, planned, users, unit):
    act = planned(kind="criticism", form="", subject="Phản biện thử", participants=[unit("Hội Khuyến học thành phố Cần Thơ")])
    act = services.draft_upload(actor=users["mattran"], activity=act, name="du-thao.docx",
                                data=_docx(["Điều 1. Phạm vi.", "Điều 2. Đối tượng.", "Điều 3. Hiệu lực."]))
    assert act.draft_paragraphs == ["Điều 1. Phạm vi.", "Điều 2. Đối tượng.", "Điều 3. Hiệu lực."]
    client.force_login(users["hoi.khuyenhoc"])
    page = client.get(act.get_absolute_url()).content.decode()
    assert 'id="doan-3"' in page and "Điều 3. Hiệu lực." in page
    assert client.post(f"/giam-sat/{act.pk}/gop-y/", {"paragraph": 2, "text": "Nên rõ hơn"}).status_code == 302
    assert DraftComment.objects.get(activity=act).paragraph == 2
    assert paragraphs("a\nb\n\nc") == ["a b", "c"] and paragraphs("a\nb") == ["a", "b"]


def test_a_comment_on_a_missing_paragraph_is_refused(client, demo, users):
    act = demo("Phản biện xã hội dự thảo")
    Activity.objects.filter(pk=act.pk).update(state="in_progress")
    act.refresh_from_db()
    count, last = DraftComment.objects.count(), _last()
    with pytest.raises(ValidationError) as exc:
        services.comment_add(actor=users["hoi.khuyenhoc"], activity=act, paragraph=99, text="Góp ý")
    assert "không có đoạn số 99" in exc.value.message_dict["paragraph"][0]
    client.force_login(users["hoi.khuyenhoc"])
    response = client.post(f"/api/v1/oversight/activities/{act.pk}/comments", {"paragraph": 0, "text": "x"},
                           content_type="application/json")
    assert response.status_code == 400 and "không có đoạn số 0" in response.json()["fields"]["paragraph"][0]
    page = client.post(f"/giam-sat/{act.pk}/gop-y/", {"paragraph": 11, "text": "x"})
    assert page.status_code == 200 and "không có đoạn số 11" in page.content.decode()
    assert DraftComment.objects.count() == count and _last() == last


def test_a_file_that_is_not_a_document_by_its_content_is_refused(client, demo, planned, users):
    act = demo("Giám sát thường xuyên")
    crit = planned(kind="criticism", form="", subject="Phản biện thử")
    count, last = Attachment.objects.count(), _last()
    client.force_login(users["mattran"])
    page = client.post(f"/giam-sat/{act.pk}/tep/", {"kind": "plan",
                                                    "file": SimpleUploadedFile("ke-hoach.pdf", PNG)})
    assert page.status_code == 200 and "Tệp là ảnh (PNG)" in page.content.decode()
    with pytest.raises(ValidationError) as exc:
        services.draft_upload(actor=users["mattran"], activity=crit, name="du-thao.docx", data=PNG)
    assert "Tệp là ảnh" in exc.value.message_dict["draft_file"][0]
    assert Attachment.objects.count() == count and _last() == last
    assert Activity.objects.get(pk=crit.pk).draft_paragraphs == []


def test_points_are_marked_taken_up_or_not_with_an_explanation(demo, users):
    act = demo("Phản biện xã hội dự thảo")
    points = {p.paragraph: p for p in act.points.all()}
    assert points[7].outcome == "taken_up" and points[8].outcome == "not_taken_up" and points[8].explanation
    with pytest.raises(ValidationError) as exc:
        services.point_mark(actor=users["ubnd"], point=points[7], outcome="not_taken_up", explanation="")
    assert "giải trình" in exc.value.message_dict["explanation"][0]


def test_the_inspection_shows_the_inspected_units_task_states_side_by_side(client, demo, users, unit):
    act = demo("Kiểm tra việc thực hiện")
    client.force_login(users["dandan"])
    page = client.get(act.get_absolute_url()).content.decode()
    assert "Danh mục kiểm tra" in page and act.document.tasks.first().text[:40] in page
    nk = unit("Quận ủy Ninh Kiều")
    side = client.get(f"/giam-sat/{act.pk}/doi-chieu/?unit={nk.pk}")
    assert side.status_code == 200
    data = side.context["data"]
    expected = Assignment.objects.filter(task__document=act.document, unit__path__startswith=nk.path).count()
    assert data["assignment_count"] == expected > 0 and data["report_count"] >= 1
    assert sum(data["states"].values()) == expected


def test_findings_became_tasks_of_the_inspected_units_on_the_tracking_board(demo, users, client):
    act = demo("Kiểm tra việc thực hiện")
    turned = Finding.objects.filter(activity=act, task__isnull=False).select_related("task", "unit")
    assert turned.count() == 2 and {f.unit.name for f in turned} == {"Quận ủy Bình Thủy"}
    for f in turned:
        assert Assignment.objects.filter(task=f.task, unit=f.unit).exists()
        assert f.task.document.parent_id == act.document_id and f.task.due == D(2013, 7, 31)
    client.force_login(users["dandan"])
    board = client.get(f"/van-ban/giao-viec/?unit={turned[0].unit_id}").content.decode()
    for f in turned:
        assert Assignment.objects.get(task=f.task).get_absolute_url() in board
    assert Task.objects.filter(pk__in=[f.task_id for f in turned]).count() == 2


def test_overdue_recommendations_appear_in_the_urge_list_beside_overdue_tasks(client, users, demo):
    client.force_login(users["dandan"])
    page = client.get("/van-ban/don-doc/").content.decode()
    rec = demo("Giám sát việc thực hiện chính sách").recommendations.get(addressee__name="Quận ủy Ninh Kiều")
    tasks_at, recs_at = page.index("Nhiệm vụ"), page.index('id="kien-nghi-qua-han"')
    assert tasks_at < recs_at and rec.get_absolute_url() in page[recs_at:]
    answered = demo("Giám sát việc thực hiện chính sách").recommendations.get(addressee__name="Huyện ủy Phong Điền")
    assert answered.get_absolute_url() not in page[recs_at:]


def test_reminders_are_sent_once(users, django_capture_on_commit_callbacks):
    from sohoi.directives.services import reminders_send

    on = D(2031, 3, 10)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(days=7, on=on)
    mine = Notification.objects.filter(key__startswith="oversight.remind:", user=users["quanuy.ninhkieu"])
    assert mine.count() == 1 and "Quá hạn trả lời kiến nghị" in mine.get().title
    assert not Notification.objects.filter(key__startswith="oversight.remind:", user=users["huyenuy.phongdien"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(days=7, on=on)
    assert mine.count() == 1


def test_a_finding_notice_takes_the_next_number_of_the_issuers_outgoing_book(demo, users, client):
    from sohoi.reports.books.models import BookEntry
    from sohoi.reports.books.services import next_number

    act = demo("Kiểm tra việc thực hiện")
    issuer = act.lead_unit
    # The demo's two findings of Bình Thủy: two notices, two consecutive numbers of the issuer's book of 2013.
    demo_docs = [f.task.document for f in Finding.objects.filter(activity=act, task__isnull=False)
                 .select_related("task__document").order_by("pk")]
    demo_entries = [BookEntry.objects.get(document=d, unit=issuer, book="outgoing") for d in demo_docs]
    assert [d.number for d in demo_docs] == [str(e.number) for e in demo_entries]
    assert demo_entries[1].number == demo_entries[0].number + 1
    assert all(d.code == f"{d.number}-{d.symbol}" and d.symbol.startswith("TB/") for d in demo_docs)

    pending = list(Finding.objects.filter(activity=act, task__isnull=True).order_by("pk"))
    assert len(pending) == 2  # Phong Điền's and Ninh Kiều's findings stayed findings in the demo
    expected = next_number(unit=issuer, book="outgoing", year=2013)
    first = services.finding_to_task(actor=users["dandan"], finding=pending[0], on=D(2013, 6, 3),
                                     due=D(2013, 8, 30)).document
    second = services.finding_to_task(actor=users["dandan"], finding=pending[1], on=D(2013, 6, 3),
                                      due=D(2013, 8, 30)).document
    assert (first.number, second.number) == (str(expected), str(expected + 1))
    assert first.code != second.code
    assert BookEntry.objects.get(document=first).unit == issuer == BookEntry.objects.get(document=second).unit
    client.force_login(users["dandan"])
    urge = client.get("/van-ban/don-doc/").content.decode()
    assert demo_docs[0].code in urge  # the overdue task of the notice is listed under its number
