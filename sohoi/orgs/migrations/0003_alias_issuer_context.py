import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("orgs", "0002_zero_padded_paths"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="unitalias", name="unit_alias_unique"),
        migrations.AddField(
            model_name="unitalias",
            name="issuer",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="taught_aliases", to="orgs.unit",
                                    verbose_name="chỉ dùng trong văn bản của"),
        ),
        migrations.AddConstraint(
            model_name="unitalias",
            constraint=models.UniqueConstraint(condition=models.Q(("issuer__isnull", True)), fields=("unit", "folded"),
                                               name="unit_alias_unique"),
        ),
        migrations.AddConstraint(
            model_name="unitalias",
            constraint=models.UniqueConstraint(condition=models.Q(("issuer__isnull", False)),
                                               fields=("unit", "folded", "issuer"), name="unit_alias_issuer_unique"),
        ),
    ]
