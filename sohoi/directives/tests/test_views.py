"""Pages through the test client: upload -> review -> confirm, report -> accept, bad inputs, scoping,
roll-ups against a hand count, query counts."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from sohoi.core.deadlines import TrackState, classify
from sohoi.core.models import AuditEntry, Notification
from sohoi.directives.models import Assignment, Document, ProgressReport, Task
from sohoi.directives.selectors import document_rollup

pytestmark = pytest.mark.django_db


def _upload(client, data: bytes, name: str = "752-CV-TU.txt", **extra):
    return client.post("/van-ban/tai-len/", {"file": SimpleUploadedFile(name, data), "direction": "incoming",
                                              "urgency": "normal", "secrecy": "normal", **extra})


def _review_post(page: str) -> dict[str, str]:
    """The review form as a browser would submit it (inputs, checked boxes, selected options)."""
    data: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data[name] = value
    for name in re.findall(r'<input type="checkbox" name="([^"]+)"[^>]* checked', page):
        data[name] = "on"
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = text
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_uploading_the_seed_reproduces_the_six_tasks(login, no_letter, seed_bytes):
    client = login("dandan")
    response = _upload(client, seed_bytes)
    document = Document.objects.get(code="752-CV/TU")
    assert response.status_code == 302 and response.url == f"/van-ban/{document.pk}/duyet/"
    page = client.get(response.url).content.decode()
    assert page.count('name="t') > 6 and "Ban Dân vận Thành ủy" in page and "Cần chọn đơn vị" not in page
    # A saved review survives a reload: it is read back from the document.
    data = _review_post(page)
    data["t0-text"] = data["t0-text"] + " (đã rà soát)"
    assert client.post(response.url, {**data, "action": "save"}).status_code == 302
    assert "(đã rà soát)" in client.get(response.url).content.decode()
    data["action"] = "confirm"
    done = client.post(response.url, data)
    assert done.status_code == 302 and done.url == f"/van-ban/{document.pk}/"
    tasks = list(Task.objects.filter(document=document).order_by("position"))
    assert [t.no for t in tasks] == ["1", "2", "3", "4", "5", "6"]
    assert tasks[5].lead.name == "Ban Dân vận Thành ủy"
    assert [u.name for u in tasks[5].coordinators.all()] == ["Ban Tuyên giáo Thành ủy"]
    assert tasks[0].assignments.count() > 5 and tasks[4].assignments.count() > 5
    detail = client.get(f"/van-ban/{document.pk}/").content.decode()
    assert "Ban Dân vận Thành ủy" in detail and "17-CT/TW" in detail


def test_duplicate_upload_leads_to_the_existing_document(login, letter, seed_bytes):
    before = Document.objects.count()
    response = _upload(login("dandan"), seed_bytes, name="ban-sao.txt")
    assert response.status_code == 302 and response.url == f"/van-ban/{letter.pk}/"
    assert Document.objects.count() == before


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "rong.txt", "Tệp trống"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "anh.png", "Tệp là ảnh"),
    (b"%PDF-1.4\n%%EOF", "hong.pdf", "PDF"),
])
def test_bad_uploads_are_answered_in_vietnamese_and_write_nothing(login, data, name, message):
    before = (Document.objects.count(), AuditEntry.objects.count())
    response = _upload(login("dandan"), data, name=name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (Document.objects.count(), AuditEntry.objects.count()) == before


@override_settings(SOHOI_MAX_UPLOAD_BYTES=2048)
def test_oversize_upload_is_refused(login, seed_bytes):
    before = Document.objects.count()
    response = _upload(login("dandan"), seed_bytes)
    assert response.status_code == 400 and "Tệp quá lớn" in response.content.decode()
    assert Document.objects.count() == before


def test_unreadable_header_is_registered_and_its_warnings_shown(login):
    client = login("dandan")
    response = _upload(client, "Biên bản họp, không có đầu văn bản.".encode(), name="bien-ban.txt")
    document = Document.objects.order_by("-pk").first()
    assert response.status_code == 302 and document.code == ""
    page = client.get(f"/van-ban/{document.pk}/").content.decode()
    assert "Cần kiểm tra" in page and "nhập tay số, ký hiệu" in page
    edit = client.post(f"/van-ban/{document.pk}/sua/", {
        "code": "7-BB/BDVTU", "number": "7", "symbol": "BB/BDVTU", "doc_type": "other", "system": "party",
        "issuer_name": "Ban Dân vận Thành ủy", "date": "2013-01-10", "place": "Cần Thơ", "subject": "Biên bản họp",
        "direction": "internal", "urgency": "normal", "secrecy": "normal", "version": document.version})
    assert edit.status_code == 302
    document.refresh_from_db()
    assert (document.code, document.date.isoformat()) == ("7-BB/BDVTU", "2013-01-10")


def test_district_user_submits_a_report_that_the_board_accepts(login, users):
    assignment = Assignment.objects.get(task__document__code="752-CV/TU", task__no="1",
                                        unit__name="Huyện ủy Phong Điền")
    district = login("huyenuy.phongdien")
    page = district.get(f"/van-ban/giao-viec/{assignment.pk}/").content.decode()
    assert "Gửi báo cáo" in page
    response = district.post(f"/van-ban/giao-viec/{assignment.pk}/", {
        "text": "Đã quán triệt tại 7/7 xã, thị trấn.", "percent": "100", "milestone": "Hoàn thành quán triệt",
        "done_on": "15/01/2013", "files": SimpleUploadedFile("danh-sach.txt", b"Danh sach tham du")})
    assert response.status_code == 302
    report = ProgressReport.objects.get(assignment=assignment, status="submitted")
    assert report.attachments.count() == 1 and report.is_final
    board = login("dandan")
    assert "Chấp nhận" in board.get(f"/van-ban/giao-viec/{assignment.pk}/").content.decode()
    assert board.get("/van-ban/bao-cao/cho-xem-xet/").content.decode().count(f"#bc-{report.pk}") == 1
    board.post(f"/van-ban/bao-cao/{report.pk}/xem-xet/", {"action": "accept", "comment": "Tốt"})
    report.refresh_from_db()
    assignment.refresh_from_db()
    assert report.status == "accepted" and assignment.done_on is not None
    # Judged on the day the work was done (15/01/2013, before the letter's deadline), not on today's acceptance.
    assert assignment.done_on == datetime.date(2013, 1, 15) and assignment.state_on() == TrackState.DONE_ON_TIME
    assert Notification.objects.filter(user=users["huyenuy.phongdien"], kind="directives.report").exists()


def test_returning_without_a_comment_is_refused_with_a_message(login):
    report = ProgressReport.objects.get(status="submitted", assignment__unit__name="Hội Khuyến học thành phố Cần Thơ")
    response = login("dandan").post(f"/van-ban/bao-cao/{report.pk}/xem-xet/", {"action": "return"}, follow=True)
    assert "Ghi rõ lý do trả lại" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "submitted"


def test_unit_cannot_report_for_another_or_review(login):
    assignment = Assignment.objects.get(task__document__code="752-CV/TU", task__no="5",
                                        unit__name="Hội Khuyến học thành phố Cần Thơ")
    client = login("hoi.khuyenhoc")
    report = ProgressReport.objects.get(assignment=assignment, status="submitted")
    client.post(f"/van-ban/bao-cao/{report.pk}/xem-xet/", {"action": "accept"})
    report.refresh_from_db()
    assert report.status == "submitted"


def test_out_of_scope_ids_are_404(login):
    plan_assignment = Assignment.objects.get(task__document__code="45-KH/QU", task__no="1")
    plan = plan_assignment.task.document
    client = login("hoi.khuyenhoc")
    assert client.get(f"/van-ban/{plan.pk}/").status_code == 404
    assert client.get(f"/van-ban/giao-viec/{plan_assignment.pk}/").status_code == 404
    assert client.get(f"/van-ban/nhiem-vu/{plan_assignment.task_id}/").status_code == 404
    assert client.get("/van-ban/giao-viec/999999/").status_code == 404
    # ... while the issuing district committee sees it.
    assert login("quanuy.ninhkieu").get(f"/van-ban/giao-viec/{plan_assignment.pk}/").status_code == 200


def test_association_sees_only_its_own_assignments(login, users):
    page = login("hoi.khuyenhoc").get("/van-ban/giao-viec/").content.decode()
    ids = set(map(int, re.findall(r'data-assignment="(\d+)"', page)))
    mine = set(Assignment.objects.filter(unit=users["hoi.khuyenhoc"].unit).values_list("pk", flat=True))
    assert ids == mine and ids


def test_rollup_matches_a_hand_count_and_every_count_links_to_its_list(login, letter, users):
    rollup = document_rollup(document=letter, user=users["thuongtruc"])
    hand: dict[tuple[int, str], int] = {}
    for a in Assignment.objects.filter(task__document=letter):
        state = classify(due=a.due_on, done_on=a.done_on, started=a.has_report)
        hand[(a.task_id, state)] = hand.get((a.task_id, state), 0) + 1
    for row in rollup["tasks"]:
        for cell in row["cells"]:
            assert cell["n"] == hand.get((row["task"].pk, cell["state"].value), 0)
    assert rollup["total"]["total"] == Assignment.objects.filter(task__document=letter).count()
    client = login("thuongtruc")
    board = client.get(f"/van-ban/{letter.pk}/theo-doi/").content.decode()
    checked = 0
    for url, n in re.findall(r'<td class="num"><a href="([^"]+)"[^>]*>(?:<strong>)?(\d+)', board):
        listing = client.get(url.replace("&amp;", "&"))
        assert f"{n} dòng" in listing.content.decode(), url
        checked += 1
    assert checked > 40  # tasks x states, units x states and totals


def test_my_work_lists_open_work_of_my_unit(login, users):
    page = login("quanuy.ninhkieu").get("/van-ban/viec-cua-don-vi/").content.decode()
    assert "Đơn vị không có việc nào đang mở" in page  # its one 752 task is done
    page = login("hoi.khuyenhoc").get("/van-ban/viec-cua-don-vi/").content.decode()
    assert "752-CV/TU" in page


def test_urge_page_sends_and_logs(login, users):
    client = login("dandan")
    page = client.get("/van-ban/don-doc/").content.decode()
    assert "Hội Chữ thập đỏ huyện Phong Điền" in page
    assert login("hoi.khuyenhoc").get("/van-ban/don-doc/").status_code == 403
    client = login("dandan")
    unit = Assignment.objects.get(task__document__code="38-KH/HU").unit
    response = client.post("/van-ban/don-doc/", {"unit": unit.pk}, follow=True)
    assert "Không có thông báo nào được gửi" in response.content.decode()  # the unit has no users yet
    from sohoi.accounts.services import user_create

    staff = user_create(actor=None, username="ctd.pd", password="x", full_name="Cán bộ", unit=unit,
                        roles=["association_staff"], check_password=False)
    response = client.post("/van-ban/don-doc/", {"unit": unit.pk}, follow=True)
    # Two overdue pieces of work: the district plan's task and the 2012 letter's, undated, long past its default.
    assert "Đã gửi 2 thông báo đôn đốc" in response.content.decode()
    assert Notification.objects.filter(user=staff, kind="directives.urge").count() == 2
    assert AuditEntry.objects.filter(action="directives.assignment.urged", actor=users["dandan"]).exists()


def test_home_panels(login):
    page = login("hoi.khuyenhoc").get("/").content.decode()
    assert "Nhiệm vụ của đơn vị đang mở" in page and "/van-ban/viec-cua-don-vi/" in page
    page = login("dandan").get("/").content.decode()
    assert "Báo cáo chờ xem xét" in page and "/van-ban/don-doc/" in page


@pytest.mark.parametrize(("user", "url", "limit"), [
    ("thuongtruc", "/van-ban/", 12),
    ("thuongtruc", "/van-ban/giao-viec/", 12),
    ("hoi.khuyenhoc", "/van-ban/giao-viec/", 12),
    ("hoi.khuyenhoc", "/van-ban/viec-cua-don-vi/", 12),
    ("dandan", "/van-ban/don-doc/", 12),
    ("dandan", "/van-ban/bao-cao/cho-xem-xet/", 12),
])
def test_list_pages_query_count_does_not_grow_with_rows(login, django_assert_max_num_queries, user, url, limit):
    client = login(user)
    client.get(url)  # warm caches (content types, sessions)
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def test_document_pages_query_count(login, letter, django_assert_max_num_queries):
    client = login("thuongtruc")
    for url in (f"/van-ban/{letter.pk}/", f"/van-ban/{letter.pk}/theo-doi/"):
        client.get(url)
        with django_assert_max_num_queries(25):
            assert client.get(url).status_code == 200
    task = letter.tasks.get(no="5")
    with django_assert_max_num_queries(15):
        assert client.get(f"/van-ban/nhiem-vu/{task.pk}/").status_code == 200


def test_report_form_hidden_while_a_report_waits(login):
    assignment = Assignment.objects.get(task__document__code="752-CV/TU", task__no="1",
                                        unit__name="Huyện ủy Phong Điền")
    district = login("huyenuy.phongdien")
    district.post(f"/van-ban/giao-viec/{assignment.pk}/", {"text": "Đã quán triệt tại 7/7 xã.", "percent": "50"})
    assert ProgressReport.objects.filter(assignment=assignment, status="submitted").exists()
    page = district.get(f"/van-ban/giao-viec/{assignment.pk}/").content.decode()
    assert "data-report-pending" in page and 'name="text"' not in page


def test_urge_page_groups_day_counts(login):
    import re

    html = login("dandan").get("/van-ban/don-doc/").content.decode()
    days = re.findall(r"([\d.]+) ngày", html)
    assert days and all(re.fullmatch(r"\d{1,3}(\.\d{3})*", d) for d in days), days
    assert any("." in d for d in days)  # the 2012 documents are late by thousands of days
