"""Background tasks of the reports app (Django's tasks API, core/jobs.py). Thin: each calls a service."""

from __future__ import annotations

from django_tasks import task


@task()
def report_job_task(job_id: int) -> str:
    """Write a periodic report; its outcome (and file) is on the ReportJob row. Returns its status."""
    from .services import report_job_run

    return report_job_run(job_id).status
