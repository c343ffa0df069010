"""Import jobs (services/import_jobs.py, core/jobs.py) in process: a dead worker's job is failed and retried from
the page; a live one is left alone. The real worker, killed, is tests/reliability/test_jobs.py."""

from __future__ import annotations

import socket

from sohoi.associations.models import Association, ImportJob
from sohoi.associations.services.register_import import register_template
from sohoi.core import jobs


def _dead_job(tmp_path, users, **extra) -> ImportJob:
    path = tmp_path / "mau.xlsx"
    path.write_bytes(register_template())
    return ImportJob.objects.create(created_by=users["noivu"], filename="mau.xlsx", path=str(path), dry_run=False,
                                    status=ImportJob.State.WRITING, worker=f"{socket.gethostname()}:999999999:1",
                                    **extra)


def test_worker_alive_by_pid_on_this_host_and_by_heartbeat_elsewhere():
    from django.utils import timezone

    assert jobs.worker_alive(jobs.worker_label(), None)
    assert not jobs.worker_alive(f"{socket.gethostname()}:999999999:1", timezone.now())
    assert jobs.worker_alive("other-host:12:34", timezone.now())
    assert not jobs.worker_alive("other-host:12:34", timezone.now() - timezone.timedelta(minutes=5))


def test_dead_workers_job_is_shown_failed_and_retried_from_the_page(login, users, tmp_path):
    job = _dead_job(tmp_path, users)
    page = login("noivu")
    shown = page.get(f"/hoi/nhap-danh-ba/{job.pk}/").content.decode()
    assert 'data-status="failed"' in shown and 'data-testid="retry"' in shown and "Chạy lại" in shown
    job.refresh_from_db()
    assert job.retryable and job.finished
    response = page.post(f"/hoi/nhap-danh-ba/{job.pk}/chay-lai/")
    assert response.status_code == 302
    job.refresh_from_db()
    assert (job.status, job.created, job.attempts, job.retryable) == ("done", 2, 1, False)
    assert Association.objects.filter(name="Hội Khuyến học phường An Bình").exists()
    again = page.post(f"/hoi/nhap-danh-ba/{job.pk}/chay-lai/", follow=True).content.decode()
    assert "không chạy lại được" in again  # finished well: nothing to retry


def test_a_running_job_is_left_alone(users, tmp_path):
    from sohoi.associations.services.import_jobs import import_job_reconcile

    job = _dead_job(tmp_path, users)
    ImportJob.objects.filter(pk=job.pk).update(worker=jobs.worker_label())
    job.refresh_from_db()
    assert import_job_reconcile(job).status == "writing"


def test_roster_import_runs_as_a_job_and_shows_its_outcome(login, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sohoi.associations.tests.operations import ROSTER

    a = Association.objects.get(name="Hội Khuyến học thành phố Cần Thơ")
    page = login("hoi.khuyenhoc")
    response = page.post(f"/hoi/{a.pk}/hoi-vien/nhap/", {"file": SimpleUploadedFile("r.csv", ROSTER.encode())})
    job = ImportJob.objects.filter(kind="roster", association=a).latest("id")
    assert response["Location"].endswith(f"?job={job.pk}") and job.status == "done" and job.dry_run
    partial = page.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert 'data-status="done"' in partial and "<html" not in partial
    assert login("hoi.chuthapdo").get(response["Location"]).status_code in (403, 404)
