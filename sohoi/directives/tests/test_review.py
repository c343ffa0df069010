"""The review screen can fix anything (issue 15 part 4), no silent misassignment (part 5), default deadlines
(part 6): the structural edits, the live warnings, dates as dd/mm/yyyy, sub-tasks, names read relative to
the issuer, aliases that hold only for the issuer they were learned on, and the rule-table deadline."""

from __future__ import annotations

import datetime
import re

import pytest

from sohoi.directives import review_edits
from sohoi.directives.models import DeadlineRule, Document, Task
from sohoi.directives.services import document_confirm, document_register, document_review_save
from sohoi.directives.services.proposals import build_proposal
from sohoi.orgs.models import Unit, UnitAlias
from sohoi.orgs.selectors import resolve_name
from sohoi.orgs.services import unit_create

pytestmark = pytest.mark.django_db
D = datetime.date


def _district_doc(actor, district: str, code: str, lead: str, deadline: str = " trước ngày 30/12/2013") -> Document:
    text = f"""QUẬN ỦY {district.upper()}
*
Số {code}
V/v thực hiện công tác dân vận năm 2013

ĐẢNG CỘNG SẢN VIỆT NAM
{district}, ngày 10 tháng 12 năm 2013

1 - {lead} chủ trì rà soát các hội trên địa bàn, báo cáo{deadline}.

2 - Hội Khuyến học quận tổ chức hội nghị tổng kết công tác khuyến học.

Nơi nhận:
- Lưu
"""
    doc, _ = document_register(actor=actor, text=text, meta={"direction": "incoming"})
    return doc


# Structural edits -----------------------------------------------------------------------------------

def _t(no: str, text: str, leads=(), deadline: str = "", default: bool = False) -> dict:
    return {"no": no, "text": text, "include": True, "deadline": deadline, "recurrence": "",
            "leads": [{"name": n, "choice": ""} for n in leads], "coordinators": [],
            "deadline_default": default, "deadline_rule": "", "parent": ""}


def test_split_at_the_clerks_line_break_keeps_leads_and_deadline():
    tasks = [_t("1", "Rà soát các hội.\nTổng kết 10 năm thực hiện.", ["Sở Nội vụ"], "2026-12-31")]
    out = review_edits.apply(tasks, "split", 0)
    assert [t["text"] for t in out] == ["Rà soát các hội.", "Tổng kết 10 năm thực hiện."]
    assert [t["no"] for t in out] == ["1", "1.2"]
    assert out[1]["leads"] == out[0]["leads"] and out[1]["deadline"] == "2026-12-31"
    assert tasks[0]["text"].count("\n") == 1  # the list given is not changed


def test_split_without_a_line_break_cuts_between_sentences():
    first, second = review_edits.split_text("Sở Nội vụ rà soát các hội. Sở Tài chính bố trí kinh phí.")
    assert (first, second) == ("Sở Nội vụ rà soát các hội.", "Sở Tài chính bố trí kinh phí.")


def test_merge_joins_text_and_bodies_and_keeps_the_printed_deadline_over_a_default():
    tasks = [_t("1", "Rà soát.", ["Sở Nội vụ"], "2027-01-01", default=True),
             _t("2", "Báo cáo kết quả.", ["Sở Nội vụ", "Sở Tài chính"], "2026-06-30")]
    out = review_edits.apply(tasks, "merge", 0)
    assert len(out) == 1 and out[0]["text"] == "Rà soát. Báo cáo kết quả."
    assert [e["name"] for e in out[0]["leads"]] == ["Sở Nội vụ", "Sở Tài chính"]
    assert out[0]["deadline"] == "2026-06-30" and not out[0]["deadline_default"]


def test_add_delete_and_reorder():
    tasks = [_t("1", "A"), _t("2", "B")]
    out = review_edits.apply(tasks, "add", 0)
    assert [t["text"] for t in out] == ["A", "", "B"] and len({t["no"] for t in out}) == 3
    assert [t["text"] for t in review_edits.apply(tasks, "down", 0)] == ["B", "A"]
    assert [t["text"] for t in review_edits.apply(tasks, "up", 1)] == ["B", "A"]
    assert [t["text"] for t in review_edits.apply(tasks, "delete", 0)] == ["B"]
    assert review_edits.parse_action("merge-3") == ("merge", 3)


# The page ---------------------------------------------------------------------------------------------

def _form(page: str) -> dict[str, str]:
    data: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data[name] = value
    for name in re.findall(r'<input type="checkbox" name="([^"]+)"[^>]* checked', page):
        data[name] = "on"
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = text.strip()
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_page_splits_a_task_and_confirms_both(login, users):
    doc = _district_doc(users["dandan"], "Ninh Kiều", "81-KH/QU", "Hội Khuyến học quận Ninh Kiều")
    client = login("dandan")
    url = f"/van-ban/{doc.pk}/duyet/"
    data = _form(client.get(url).content.decode())
    assert data["t0-deadline"] == "30/12/2013"  # shown as people write it
    data["t1-text"] = "Hội Khuyến học quận tổ chức hội nghị tổng kết.\nBáo cáo kết quả về Quận ủy."
    data["t1-lead0-choice"] = data["t0-lead0-choice"]
    response = client.post(url, {**data, "action": "split-1"})
    assert response.status_code == 302
    tasks = Document.objects.get(pk=doc.pk).proposal["tasks"]
    assert [t["text"] for t in tasks[1:]] == ["Hội Khuyến học quận tổ chức hội nghị tổng kết.",
                                              "Báo cáo kết quả về Quận ủy."]
    data = _form(client.get(url).content.decode())
    assert data["count"] == "3"
    assert client.post(url, {**data, "action": "confirm"}).status_code == 302
    assert Task.objects.filter(document=doc).count() == 3


def test_a_date_typed_dd_mm_yyyy_is_kept_and_a_bad_one_names_the_task(login, users):
    doc = _district_doc(users["dandan"], "Ninh Kiều", "82-KH/QU", "Hội Khuyến học quận Ninh Kiều")
    client = login("dandan")
    url = f"/van-ban/{doc.pk}/duyet/"
    data = _form(client.get(url).content.decode())
    before = Document.objects.get(pk=doc.pk).proposal
    bad = client.post(url, {**data, "t0-deadline": "31/02/2014", "action": "save"})
    assert bad.status_code == 400 and "Nhiệm vụ 1: hạn “31/02/2014” không đọc được" in bad.content.decode()
    assert Document.objects.get(pk=doc.pk).proposal == before  # nothing stored
    assert client.post(url, {**data, "t0-deadline": "15/01/2014", "action": "save"}).status_code == 302
    task = Document.objects.get(pk=doc.pk).proposal["tasks"][0]
    assert task["deadline"] == "2014-01-15" and not task["deadline_default"]
    assert 'value="15/01/2014"' in client.get(url).content.decode()


def test_warnings_refresh_a_task_excluded_loses_its_warning(login, users):
    doc = _district_doc(users["dandan"], "Ninh Kiều", "83-KH/QU", "Câu lạc bộ Không Có Thật")
    client = login("dandan")
    url = f"/van-ban/{doc.pk}/duyet/"
    data = _form(client.get(url).content.decode())
    live = client.post(url, {**data, "action": "check"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Nhiệm vụ 1: chưa xác định đơn vị chủ trì" in live
    data.pop("t0-include")
    live = client.post(url, {**data, "action": "check"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="review-warnings"' in live and "Nhiệm vụ 1:" not in live
    assert Document.objects.get(pk=doc.pk).proposal["tasks"][0]["include"]  # a check saves nothing


# Sub-tasks and default deadlines --------------------------------------------------------------------------

def test_subtasks_come_under_their_parent_inheriting_lead_and_deadline():
    record = {"doc_type": "ke_hoach", "tasks": [{
        "no": "2", "text": "Nội dung giám sát", "leads": ["Sở Nội vụ"], "coordinators": [], "deadline": "2026-09-30",
        "recurrence": "", "subtasks": [
            {"no": "a", "text": "a) Việc thứ nhất", "leads": [], "coordinators": [], "deadline": None},
            {"no": "b", "text": "b) Việc thứ hai", "leads": ["Sở Tài chính"], "coordinators": [],
             "deadline": "2026-10-31"}]}]}
    tasks = build_proposal(record, on=D(2026, 3, 1))["tasks"]
    assert [(t["no"], t["include"], t["parent"]) for t in tasks] == [("2", False, ""), ("2.a", True, "2"),
                                                                     ("2.b", True, "2")]
    assert [e["name"] for e in tasks[1]["leads"]] == ["Sở Nội vụ"] and tasks[1]["deadline"] == "2026-09-30"
    assert [e["name"] for e in tasks[2]["leads"]] == ["Sở Tài chính"] and tasks[2]["deadline"] == "2026-10-31"


def test_a_task_without_deadline_gets_the_rule_tables_default_marked_as_such(users):
    doc = _district_doc(users["dandan"], "Ninh Kiều", "84-KH/QU", "Hội Khuyến học quận Ninh Kiều")
    second = doc.proposal["tasks"][1]  # item 2 has no deadline; a plan (ke_hoach) gets the plan row: 365 days
    assert second["deadline_default"] and second["deadline"] == (D(2013, 12, 10) + datetime.timedelta(days=365)).isoformat()
    assert "365 ngày" in second["deadline_rule"]
    # A dated row replacing it from 2013 is what a document of 2013 gets: the table, not the code, decides.
    DeadlineRule.objects.create(doc_type="ke_hoach", days=90, legal_basis="Quy chế thử nghiệm", valid_from=D(2013, 1, 1))
    record_doc = _district_doc(users["dandan"], "Ninh Kiều", "85-KH/QU", "Hội Khuyến học quận Ninh Kiều")
    assert record_doc.proposal["tasks"][1]["deadline"] == "2014-03-10"
    tasks = record_doc.proposal["tasks"]
    tasks[1]["leads"] = tasks[0]["leads"]
    document_confirm(actor=users["dandan"], document=record_doc, tasks=tasks)
    task = Task.objects.get(document=record_doc, no="2")
    assert task.due == D(2014, 3, 10) and task.due_by_default
    assert not Task.objects.get(document=record_doc, no="1").due_by_default


# No silent misassignment ---------------------------------------------------------------------------------

def _board(district: str) -> Unit:
    committee = Unit.objects.get(name=f"Quận ủy {district}")
    return unit_create(actor=None, name=f"Ban Tuyên giáo Quận ủy {district}", kind="party_board", parent=committee,
                       level="district", area=committee.area, valid_to=committee.valid_to)


def test_generic_names_resolve_to_the_issuers_own_body():
    o_mon, ninh_kieu = _board("Ô Môn"), _board("Ninh Kiều")
    issuer_om, issuer_nk = Unit.objects.get(name="Quận ủy Ô Môn"), Unit.objects.get(name="Quận ủy Ninh Kiều")
    res = resolve_name("Ban Tuyên giáo Quận ủy", on=D(2013, 12, 10), issuer=issuer_om)
    assert res.unit == o_mon and res.relative
    assert resolve_name("Ban Tuyên giáo Quận ủy", on=D(2013, 12, 10), issuer=issuer_nk).unit == ninh_kieu
    assert resolve_name("Ban Tuyên giáo Quận ủy", on=D(2013, 12, 10)).unit is None  # no issuer: a person chooses
    # The city's board is still the city's board in a district's document.
    assert resolve_name("Ban Tuyên giáo Thành ủy", issuer=issuer_om).unit.name == "Ban Tuyên giáo Thành ủy"


def test_an_alias_learned_on_one_districts_document_does_not_apply_to_another_districts(login, users):
    o_mon_board = _board("Ô Môn")
    om_doc = _district_doc(users["dandan"], "Ô Môn", "86-KH/QU", "Ban Tuyên huấn")
    tasks = om_doc.proposal["tasks"]
    assert tasks[0]["leads"][0]["choice"] == ""  # nobody is called that
    tasks[0]["leads"][0]["choice"] = f"unit:{o_mon_board.pk}"
    document_review_save(actor=users["dandan"], document=om_doc, tasks=tasks)
    assert UnitAlias.objects.filter(alias="Ban Tuyên huấn", unit=o_mon_board, issuer=om_doc.issuer).exists()

    # The next Ô Môn document resolves by itself, and the screen says it was a learned name, with the path.
    again = _district_doc(users["dandan"], "Ô Môn", "87-KH/QU", "Ban Tuyên huấn")
    assert again.proposal["tasks"][0]["leads"][0]["choice"] == f"unit:{o_mon_board.pk}"
    page = login("dandan").get(f"/van-ban/{again.pk}/duyet/").content.decode()
    assert "tên đã học cho văn bản của Quận ủy Ô Môn" in page
    assert "Thành ủy Cần Thơ › Quận ủy Ô Môn › Ban Tuyên giáo Quận ủy Ô Môn" in page
    assert "Các đơn vị sẽ được giao việc" in page and "Thành ủy Cần Thơ › Quận ủy Ô Môn</td>" in page

    # Ninh Kiều's document with the same printed name is NOT given to Ô Môn's board: a person must choose.
    nk_doc = _district_doc(users["dandan"], "Ninh Kiều", "88-KH/QU", "Ban Tuyên huấn")
    assert nk_doc.issuer.name == "Quận ủy Ninh Kiều"
    assert nk_doc.proposal["tasks"][0]["leads"][0]["choice"] == ""
    assert resolve_name("Ban Tuyên huấn", issuer=nk_doc.issuer).unit is None


def test_a_report_carries_the_day_the_work_was_done_and_is_judged_on_it(users):
    from django.core.exceptions import ValidationError

    from sohoi.core.deadlines import TrackState
    from sohoi.directives.models import Assignment
    from sohoi.directives.services import progress_report_submit, progress_report_transition

    a = Assignment.objects.get(task__document__code="45-KH/QU", task__no="3", unit__name="Hội Khuyến học quận Ninh Kiều")
    due = a.due_on
    late, held = due + datetime.timedelta(days=40), due - datetime.timedelta(days=5)
    with pytest.raises(ValidationError) as exc:  # done after the day of the report: a typing mistake
        progress_report_submit(actor=None, assignment=a, text="Đã sơ kết", is_final=True, on=late,
                               done_on=late + datetime.timedelta(days=1))
    assert "done_on" in exc.value.message_dict
    report = progress_report_submit(actor=None, assignment=a, text="Đã sơ kết (hội nghị trước hạn)",
                                    is_final=True, on=late, done_on=held)
    progress_report_transition(actor=users["dandan"], report=report, action="accept")
    a.refresh_from_db()
    assert a.done_on == held and a.state_on() == TrackState.DONE_ON_TIME  # reported late, done on time


def test_task_page_says_a_default_deadline_is_one(login, letter):
    task = Task.objects.filter(document=letter, due__isnull=False, due_by_default=True).first()
    assert task is not None  # the 2012 letter gives no deadline: its tasks got the rule table's
    page = login("dandan").get(f"/van-ban/nhiem-vu/{task.pk}/").content.decode()
    assert "theo mặc định" in page


def test_base_party_organisations_are_the_issuers_own(login, users):
    """"Các chi, đảng bộ cơ sở" in Ô Môn's document are Ô Môn's base organisations, one entry each, shown as
    read from the issuer; never another district's, and never learned as one unit's alias."""
    om, nk = Unit.objects.get(name="Quận ủy Ô Môn"), Unit.objects.get(name="Quận ủy Ninh Kiều")
    mine = [unit_create(actor=None, name=f"Đảng ủy phường {w} (thử)", kind="party_committee", parent=om,
                        level="commune", area=om.area, valid_to=om.valid_to) for w in ("Châu Văn Liêm", "Thới Hòa")]
    unit_create(actor=None, name="Đảng ủy phường Tân An (thử)", kind="party_committee", parent=nk, level="commune",
                area=nk.area, valid_to=nk.valid_to)
    doc = _district_doc(users["dandan"], "Ô Môn", "89-KH/QU", "Các chi, đảng bộ cơ sở")
    leads = doc.proposal["tasks"][0]["leads"]
    assert [e["choice"] for e in leads] == [f"unit:{u.pk}" for u in mine]
    page = login("dandan").get(f"/van-ban/{doc.pk}/duyet/").content.decode()
    assert page.count("hiểu theo cơ quan ban hành") >= 2 and "Tân An" not in page.split("Các đơn vị sẽ được giao")[1]
    aliases = UnitAlias.objects.count()
    document_review_save(actor=users["dandan"], document=doc, tasks=doc.proposal["tasks"])
    assert UnitAlias.objects.count() == aliases
