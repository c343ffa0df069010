"""Imports through the API as jobs (issue 17): start with a file (a dry run by default), poll the job, read its
errors row by row, confirm a clean dry run (written from the kept file, once), all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sohoi.associations.models import Association, ImportJob

GOOD = ("Họ và tên,Giới tính,Năm sinh,Số định danh,Điện thoại,Loại hội viên,Ngày vào hội,Chi hội,Đảng viên\r\n"
        "Trần Thị Thử Nghiệm,Nữ,1990,092190008888,,Cá nhân,01/01/2020,,Không\r\n")
BAD = GOOD.replace("1990", "năm nào")


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("hoi-vien.csv", text.encode("utf-8"), content_type="text/csv")


@pytest.mark.django_db
def test_roster_dry_run_then_confirm_writes_once(login):
    assoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    api = login("hoi.khuyenhoc")
    before = assoc.members.count()
    started = api.post(f"/api/v1/associations/{assoc.pk}/member-imports", {"file": _csv(GOOD)})
    assert started.status_code == 202
    job = started.json()
    assert job["dry_run"] and job["status"] == "done" and job["error_count"] == 0
    assert assoc.members.count() == before  # a dry run writes nothing
    polled = api.get(f"/api/v1/associations/{assoc.pk}/member-imports/{job['id']}").json()
    assert polled["percent"] == 100
    confirmed = api.post(f"/api/v1/associations/{assoc.pk}/member-imports/{job['id']}/confirm")
    assert confirmed.status_code == 202 and not confirmed.json()["dry_run"]
    assert confirmed.json()["status"] == "done" and assoc.members.count() == before + 1
    again = api.post(f"/api/v1/associations/{assoc.pk}/member-imports/{job['id']}/confirm")
    assert again.status_code == 400 and again.json()["code"] == "invalid"
    assert assoc.members.count() == before + 1


@pytest.mark.django_db
def test_roster_errors_are_listed_by_row_and_column_and_nothing_is_written(login):
    assoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    api = login("hoi.khuyenhoc")
    before = assoc.members.count()
    job = api.post(f"/api/v1/associations/{assoc.pk}/member-imports", {"file": _csv(BAD), "commit": "true"}).json()
    assert job["status"] == "failed" and job["error_count"] == 1
    errors = api.get(f"/api/v1/associations/{assoc.pk}/member-imports/{job['id']}/errors").json()
    assert errors["count"] == 1 and errors["items"][0]["row"] == 2 and errors["items"][0]["message"]
    assert assoc.members.count() == before
    refused = api.post(f"/api/v1/associations/{assoc.pk}/member-imports/{job['id']}/confirm")
    assert refused.status_code == 400 and assoc.members.count() == before


@pytest.mark.django_db
def test_another_associations_staff_cannot_start_or_read_the_job(login):
    assoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    job = login("hoi.khuyenhoc").post(f"/api/v1/associations/{assoc.pk}/member-imports", {"file": _csv(GOOD)}).json()
    other = login("hoi.chuthapdo")
    jobs = ImportJob.objects.count()
    assert other.post(f"/api/v1/associations/{assoc.pk}/member-imports", {"file": _csv(GOOD)}).status_code in (403, 404)
    assert other.get(f"/api/v1/associations/{assoc.pk}/member-imports/{job['id']}").status_code in (403, 404)
    assert ImportJob.objects.count() == jobs


@pytest.mark.django_db
def test_register_import_job_is_the_departments(login):
    from sohoi.associations.services.register_import import register_template

    xlsx = SimpleUploadedFile("danh-ba.xlsx", register_template())
    refused = login("hoi.khuyenhoc").post("/api/v1/associations/register-imports", {"file": xlsx})
    assert refused.status_code == 403 and set(refused.json()) == {"code", "message", "fields"}
    xlsx.seek(0)
    started = login("noivu").post("/api/v1/associations/register-imports", {"file": xlsx})
    assert started.status_code == 202 and started.json()["kind"] == "register"


@pytest.mark.django_db
def test_an_unconfirmed_dry_run_file_is_removed_after_a_week(login, tmp_path):
    import datetime
    from pathlib import Path

    from django.utils import timezone

    assoc = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    api = login("hoi.khuyenhoc")
    old = api.post(f"/api/v1/associations/{assoc.pk}/member-imports", {"file": _csv(GOOD)}).json()
    kept = Path(ImportJob.objects.get(pk=old["id"]).path)
    assert kept.exists()  # a clean dry run keeps its file for the confirmation
    ImportJob.objects.filter(pk=old["id"]).update(finished_at=timezone.now() - datetime.timedelta(days=8))
    api.post(f"/api/v1/associations/{assoc.pk}/member-imports", {"file": _csv(GOOD)})
    assert not kept.exists()
    refused = api.post(f"/api/v1/associations/{assoc.pk}/member-imports/{old['id']}/confirm")
    assert refused.status_code == 400
