"""Background tasks of the registry (Django's tasks API, core/jobs.py). Thin: each calls a service."""

from __future__ import annotations

from django_tasks import task


@task()
def import_job_task(job_id: int) -> str:
    """Run an import job (register or roster); its outcome is on the ImportJob row. Returns its status."""
    from .services.import_jobs import import_job_run

    return import_job_run(job_id).status
