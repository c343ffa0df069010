"""One progress report awaiting review per assignment, enforced by the database (issue 10, part 4)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directives", "0002_disseminationsession"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="progressreport",
            constraint=models.UniqueConstraint(condition=models.Q(("status", "submitted")), fields=("assignment",),
                                               name="one_pending_report"),
        ),
    ]
