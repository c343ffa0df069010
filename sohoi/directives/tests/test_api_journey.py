"""The directive flow driven through the API alone, as an integration would drive it: a bearer token per role
and nothing but HTTP. The Board registers the seed letter 752-CV/TU from its file, reads the proposal and
confirms its six tasks; the Ninh Kiều district committee reports on task 1 with an attachment; the Board
returns the report, the district answers, the Board accepts; the Standing Committee reads the figures.
Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sohoi.accounts.services import api_token_create
from sohoi.directives.demo import SEED

pytestmark = pytest.mark.django_db
API = "/api/v1/directives"


@pytest.fixture
def bearer(users):
    """bearer("dandan") -> the Authorization header of a fresh API token of that demo user."""

    def _bearer(username: str) -> dict[str, str]:
        _row, token = api_token_create(actor=None, user=users[username], name=f"Tích hợp thử ({username})")
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return _bearer


def _ok(response, status: int = 200) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:600])
    return response.json()


def test_register_confirm_report_return_accept_and_read_the_figures(client, bearer, no_letter):
    board, district, standing = bearer("dandan"), bearer("quanuy.ninhkieu"), bearer("thuongtruc")

    # 1. The Board registers the letter from its file (multipart), as the upload page does.
    upload = SimpleUploadedFile("752-CV-TU.txt", SEED.read_bytes(), content_type="text/plain")
    registered = _ok(client.post(f"{API}/documents/upload", {"file": upload, "direction": "incoming"}, **board), 201)
    doc = registered["document"]
    assert registered["created"] and doc["code"] == "752-CV/TU" and doc["confirmed_at"] is None
    assert doc["date"] == "2012-10-12" and doc["issuer_name"].upper() == "THÀNH ỦY CẦN THƠ"

    # The same file again is found, not registered twice.
    again = SimpleUploadedFile("ban-sao.txt", SEED.read_bytes(), content_type="text/plain")
    duplicate = _ok(client.post(f"{API}/documents/upload", {"file": again}, **board), 200)
    assert not duplicate["created"] and duplicate["document"]["id"] == doc["id"]

    # 2. The proposal: six tasks, every lead resolved, nothing blocking.
    proposal = _ok(client.get(f"{API}/documents/{doc['id']}/proposal", **board))
    assert [t["no"] for t in proposal["tasks"]] == ["1", "2", "3", "4", "5", "6"]
    assert proposal["problems"] == [] and not any(t["unresolved"] for t in proposal["tasks"])
    assert proposal["tasks"][0]["leads"][0]["kind"] == "group"
    assert proposal["tasks"][5]["leads"][0]["target_name"] == "Ban Dân vận Thành ủy"

    # The district committee may read the letter but not confirm it (403 in the one error shape, nothing done).
    refused = client.post(f"{API}/documents/{doc['id']}/confirm", {}, content_type="application/json", **district)
    assert refused.status_code in (403, 404) and set(refused.json()) == {"code", "message", "fields"}

    # 3. The Board confirms: six tasks, assignments fanned out to the units valid in 2012.
    confirmed = _ok(client.post(f"{API}/documents/{doc['id']}/confirm", {}, content_type="application/json",
                                **board), 201)
    assert [t["no"] for t in confirmed["tasks"]] == ["1", "2", "3", "4", "5", "6"]
    assert confirmed["assignments"] > 6
    task_one = confirmed["tasks"][0]["id"]
    assert _ok(client.get(f"{API}/documents/{doc['id']}", **board))["confirmed_at"]

    # 4. The district committee finds its assignment on task 1 and reports with an attachment (multipart).
    me = _ok(client.get("/api/v1/users/me", **district))
    mine = _ok(client.get(f"{API}/assignments", {"task": task_one, "unit": me["unit_id"]}, **district))
    assert mine["count"] == 1
    assignment = mine["items"][0]
    assert assignment["unit_name"] == "Quận ủy Ninh Kiều" and not assignment["has_report"]
    minutes = SimpleUploadedFile("bien-ban-quan-triet.txt", "Biên bản hội nghị quán triệt (mẫu)".encode(),
                                 content_type="text/plain")
    first = _ok(client.post(f"{API}/assignments/{assignment['id']}/reports/upload",
                            {"text": "Đã tổ chức quán triệt cho cán bộ, đảng viên toàn quận.", "percent": "80",
                             "files": minutes}, **district), 201)
    assert first["status"] == "submitted" and [a["name"] for a in first["attachments"]] == ["bien-ban-quan-triet.txt"]

    # 5. The Board returns it (a comment is required), the district answers, the Board accepts.
    no_comment = client.post(f"{API}/reports/{first['id']}/return", {"comment": ""},
                             content_type="application/json", **board)
    assert no_comment.status_code == 400 and "comment" in no_comment.json()["fields"]
    returned = _ok(client.post(f"{API}/reports/{first['id']}/return", {"comment": "Bổ sung số người dự."},
                               content_type="application/json", **board))
    assert returned["status"] == "returned" and returned["review_comment"] == "Bổ sung số người dự."
    second = _ok(client.post(f"{API}/assignments/{assignment['id']}/reports",
                             {"text": "Đã quán triệt cho 1.250 cán bộ, đảng viên; hoàn thành.", "percent": 100},
                             content_type="application/json", **district), 201)
    accepted = _ok(client.post(f"{API}/reports/{second['id']}/accept", {}, content_type="application/json",
                               **board))
    assert accepted["status"] == "accepted"
    done = _ok(client.get(f"{API}/assignments/{assignment['id']}", **district))
    assert done["done_on"] is not None and done["state"] in ("done_on_time", "done_late")

    # 6. The Standing Committee reads the tracking figures: the district's task 1 is done, the rest open.
    figures = _ok(client.get(f"{API}/documents/{doc['id']}/tracking", **standing))
    assert figures["total"]["total"] == confirmed["assignments"]
    assert sum(figures["total"]["counts"].values()) == figures["total"]["total"]
    one = next(t for t in figures["tasks"] if t["task_id"] == task_one)
    assert one["counts"]["done_on_time"] + one["counts"]["done_late"] == 1
    ninh_kieu = next(u for u in figures["units"] if u["unit_id"] == me["unit_id"])
    assert ninh_kieu["counts"]["done_on_time"] + ninh_kieu["counts"]["done_late"] == 1
    listed = _ok(client.get(f"{API}/assignments", {"document": doc["id"], "state": done["state"]}, **standing))
    assert [a["id"] for a in listed["items"]] == [assignment["id"]]
