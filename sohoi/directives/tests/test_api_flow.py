"""The directive flow's API operations one by one: the proposal edited as the review screen edits it (split,
reorder, map a name), confirmation refused with every problem and nothing written, a stub filled from text,
secrecy and readers only for registrars, optimistic locking, and the figures equal to the lists behind them."""

import pytest

from sohoi.directives.models import Document, Task
from sohoi.orgs.models import Unit, UnitAlias

from .conftest import SECRET_TEXT

pytestmark = pytest.mark.django_db
API = "/api/v1/directives"
JSON = "application/json"


def _register(client, code: str = "97-CV/TU") -> dict:
    response = client.post(f"{API}/documents", {"text": SECRET_TEXT.replace("99-CV/TU", code)}, content_type=JSON)
    assert response.status_code == 201, response.content
    return response.json()["document"]


def test_proposal_is_read_edited_as_a_whole_list_and_confirmed(login):
    client = login("dandan")
    doc = _register(client)
    proposal = client.get(f"{API}/documents/{doc['id']}/proposal").json()
    assert [t["no"] for t in proposal["tasks"]] == ["1", "2"]
    two = proposal["tasks"][1]
    assert two["unresolved"] and two["leads"][0] == {**two["leads"][0], "name": "Ban Tổ chức Quận Ô Môn",
                                                     "choice": "", "resolved": False}
    assert any("Nhiệm vụ 2" in p and "chủ trì" in p for p in proposal["problems"])

    # Confirming now is refused with the problem, and nothing is written.
    refused = client.post(f"{API}/documents/{doc['id']}/confirm", {}, content_type=JSON)
    assert refused.status_code == 400 and any("Nhiệm vụ 2" in m for m in refused.json()["fields"]["tasks"])
    assert not Task.objects.filter(document_id=doc["id"]).exists()

    # Edit: task 2 first (reorder), task 1 split in two, task 2's name mapped to a unit (choice only: the
    # printed name is kept; a manager's mapping is remembered as an alias).
    organisation = Unit.objects.get(name="Ban Tổ chức Thành ủy")
    one, two = proposal["tasks"]
    two_in = {**two, "leads": [{"name": two["leads"][0]["name"], "choice": f"unit:{organisation.pk}"}]}
    first_half = {**one, "no": "1a", "text": "Nắm tình hình nội bộ hội."}
    second_half = {**one, "no": "1b", "text": "Báo cáo Thường trực Thành ủy.", "deadline": "2013-05-15"}
    body = {"tasks": [two_in, first_half, second_half]}
    saved = client.put(f"{API}/documents/{doc['id']}/proposal", body, content_type=JSON)
    assert saved.status_code == 200, saved.content
    assert [t["no"] for t in saved.json()["tasks"]] == ["2", "1a", "1b"] and saved.json()["problems"] == []
    assert saved.json()["tasks"][0]["leads"][0]["target_name"] == "Ban Tổ chức Thành ủy"
    assert UnitAlias.objects.filter(unit=organisation, alias="Ban Tổ chức Quận Ô Môn").exists()

    # Merge (drop 1b into 1a) and confirm in one call.
    merged = {**first_half, "no": "1", "text": "Nắm tình hình nội bộ hội, báo cáo Thường trực Thành ủy."}
    confirmed = client.post(f"{API}/documents/{doc['id']}/confirm", {"tasks": [two_in, merged]}, content_type=JSON)
    assert confirmed.status_code == 201, confirmed.content
    assert [(t["no"], t["lead_id"]) for t in confirmed.json()["tasks"]][0] == ("2", organisation.pk)
    assert list(Task.objects.filter(document_id=doc["id"]).order_by("position").values_list("no", flat=True)) == [
        "2", "1"]
    again = client.put(f"{API}/documents/{doc['id']}/proposal", body, content_type=JSON)
    assert again.status_code == 400 and "đã được xác nhận" in again.json()["message"]


def test_a_choice_must_be_a_unit_or_a_group(login):
    client = login("dandan")
    doc = _register(client, "96-CV/TU")
    before = Document.objects.get(pk=doc["id"]).proposal
    bad = {"tasks": [{"no": "1", "text": "x", "leads": [{"name": "A", "choice": "unit:abc"}]}]}
    response = client.put(f"{API}/documents/{doc['id']}/proposal", bad, content_type=JSON)
    assert response.status_code == 422 and set(response.json()) == {"code", "message", "fields"}
    assert Document.objects.get(pk=doc["id"]).proposal == before


def test_text_of_a_cited_document_fills_its_stub_for_managers_only(login):
    stub = Document.objects.get(code="17-CT/TW", is_stub=True)
    text = ("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 17-CT/TW\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 28 tháng 8 năm 2012\n\n"
            "CHỈ THỊ\ncủa Ban Bí thư về tiếp tục đổi mới và tăng cường sự lãnh đạo của Đảng đối với các hội quần "
            "chúng\n\n1 - Các cấp ủy đảng quán triệt Chỉ thị này.\n")
    refused = login("quanuy.ninhkieu").post(f"{API}/documents", {"text": text}, content_type=JSON)
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    assert Document.objects.get(pk=stub.pk).is_stub
    filled = login("dandan").post(f"{API}/documents", {"text": text}, content_type=JSON)
    assert filled.status_code == 201 and filled.json()["document"]["id"] == stub.pk
    assert not filled.json()["document"]["is_stub"]


def test_secrecy_and_readers_only_by_registrars_with_named_readers(login, users):
    plan = Document.objects.get(code="45-KH/QU")
    district = login("quanuy.ninhkieu")
    refused = district.patch(f"{API}/documents/{plan.pk}", {"secrecy": "secret", "version": plan.version,
                                                           "readers": [users["quanuy.ninhkieu"].pk]}, content_type=JSON)
    assert refused.status_code == 403 and Document.objects.get(pk=plan.pk).secrecy == "normal"
    upload = district.post(f"{API}/documents", {"text": SECRET_TEXT.replace("99-CV/TU", "95-KH/QU"),
                                                "secrecy": "secret", "readers": [users["quanuy.ninhkieu"].pk]},
                           content_type=JSON)
    assert upload.status_code == 403 and not Document.objects.filter(code="95-KH/QU").exists()

    board = login("dandan")
    no_readers = board.patch(f"{API}/documents/{plan.pk}", {"secrecy": "secret", "version": plan.version},
                             content_type=JSON)
    assert no_readers.status_code == 400 and "readers" in no_readers.json()["fields"]
    graded = board.patch(f"{API}/documents/{plan.pk}", {"secrecy": "secret", "version": plan.version,
                                                        "readers": [users["thuongtruc"].pk, users["dandan"].pk]},
                         content_type=JSON)
    assert graded.status_code == 200 and graded.json()["secrecy"] == "secret"
    assert sorted(Document.objects.get(pk=plan.pk).readers.values_list("username", flat=True)) == [
        "dandan", "thuongtruc"]
    stale = board.patch(f"{API}/documents/{plan.pk}", {"subject": "Sửa trên bản cũ", "version": plan.version},
                        content_type=JSON)
    assert stale.status_code == 400 and Document.objects.get(pk=plan.pk).subject != "Sửa trên bản cũ"


def test_figures_equal_the_lists_behind_them(login, letter):
    client = login("thuongtruc")
    figures = client.get(f"{API}/documents/{letter.pk}/tracking").json()
    for state, n in figures["total"]["counts"].items():
        listed = client.get(f"{API}/assignments", {"document": letter.pk, "state": state}).json()
        assert listed["count"] == n, state
    assert sum(t["total"] for t in figures["tasks"]) == figures["total"]["total"] == sum(
        u["total"] for u in figures["units"])


def test_a_registrar_uploads_a_secret_file_with_its_readers(login, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = SECRET_TEXT.replace("99-CV/TU", "94-CV/TU").encode()
    upload = SimpleUploadedFile("mat.txt", text, content_type="text/plain")
    form = {"file": upload, "secrecy": "secret", "readers": [users["thuongtruc"].pk, users["dandan"].pk]}
    response = login("dandan").post(f"{API}/documents/upload", form)
    assert response.status_code == 201, response.content
    doc = Document.objects.get(pk=response.json()["document"]["id"])
    assert doc.secrecy == "secret" and sorted(doc.readers.values_list("username", flat=True)) == [
        "dandan", "thuongtruc"]
    assert login("tuyengiao").get(f"{API}/documents/{doc.pk}/proposal").status_code == 404
