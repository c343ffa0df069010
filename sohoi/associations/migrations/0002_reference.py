from django.db import migrations


def load(apps, schema_editor):
    from sohoi.associations.reference import load_reference

    load_reference(apps.get_model("associations", "FieldOfActivity"), apps.get_model("associations", "LegalRule"))


class Migration(migrations.Migration):
    dependencies = [("associations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
